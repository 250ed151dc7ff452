#include "evaluation/report_file.h"

#include "evaluation/report_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace stllava::eval {

using nlohmann::json;

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::string percent(double v) {
    char s[32];
    std::snprintf(s, sizeof s, "%.2f", v);
    return s;
}

CarriedFigure carriedFigure(const json& metrics_block, metrics::Metric m, const std::string& path) {
    const char* key = metrics::metricKey(m);
    const std::string field = std::string("metrics.") + key;
    const auto it = metrics_block.find(key);
    if (it == metrics_block.end()) throw InputError(path, "", field, "missing");
    if (!it->is_object()) throw InputError(path, "", field, "must be an object");
    CarriedFigure f;
    const json& v = *it;
    if (v.contains("label")) {
        if (!v["label"].is_string()) throw InputError(path, "", field + ".label", "must be a string");
        f.label = v["label"].get<std::string>();
    } else {
        f.label = metrics::metricLabel(m);
    }
    if (!v.contains("value")) throw InputError(path, "", field + ".value", "missing");
    if (!v["value"].is_null()) {
        if (!v["value"].is_number()) throw InputError(path, "", field + ".value", "must be a number or null");
        f.has_value = true;
        f.value = v["value"].get<double>();
    }
    if (v.contains("ci95") && !v["ci95"].is_null()) {
        const json& ci = v["ci95"];
        if (!ci.is_array() || ci.size() != 2 || !ci[0].is_number() || !ci[1].is_number())
            throw InputError(path, "", field + ".ci95", "must be [low, high] in percent or null");
        f.has_interval = true;
        f.lo = ci[0].get<double>();
        f.hi = ci[1].get<double>();
    }
    if (v.contains("n")) {
        if (!v["n"].is_number_unsigned() && !(v["n"].is_number_integer() && v["n"].get<long long>() >= 0))
            throw InputError(path, "", field + ".n", "must be a count");
        f.n = v["n"].get<std::size_t>();
    }
    return f;
}

}  // namespace

std::string benchmarkOf(const EvalReport& r) {
    if (r.dataset_format == "vqa-rad" || r.dataset_format == "slake" || r.dataset_format == "pathvqa")
        return r.dataset_format;
    const std::string p = lower(r.dataset_path);
    if (p.find("pathvqa") != std::string::npos || p.find("path_vqa") != std::string::npos) return "pathvqa";
    if (p.find("slake") != std::string::npos) return "slake";
    if (p.find("vqa-rad") != std::string::npos || p.find("vqa_rad") != std::string::npos) return "vqa-rad";
    const auto slash = r.dataset_path.find_last_of("/\\");
    const std::string name = slash == std::string::npos ? r.dataset_path : r.dataset_path.substr(slash + 1);
    return name.empty() ? std::string("benchmark") : name;
}

ReportFile reportFileFromJson(const std::string& text, const std::string& path) {
    ReportFile f;
    f.path = path;
    f.report = reportFromJson(text, path);  // validates everything but the "metrics" block
    const json j = json::parse(text);
    if (!j.contains("metrics")) throw InputError(path, "", "metrics", "missing");
    if (!j["metrics"].is_object()) throw InputError(path, "", "metrics", "must be an object");
    for (metrics::Metric m : metrics::kAllMetrics) {
        const auto k = static_cast<std::size_t>(m);
        f.carried[k] = carriedFigure(j["metrics"], m, path);
        const CarriedFigure& c = f.carried[k];
        const std::size_t n = metrics::isOpenMetric(m) ? f.report.summary.n_open : f.report.summary.n_closed;
        const double recomputed = 100.0 * f.report.summary.value[k];
        if (c.has_value != (n > 0) || (c.has_value && std::abs(c.value - recomputed) > 0.01) || (c.has_value && c.n != n))
        {
            char line[200];
            std::snprintf(line, sizeof line, "%s: the file says %s over %zu questions, its questions give %.2f over %zu",
                          metrics::metricKey(m), c.has_value ? percent(c.value).c_str() : "null", c.n, recomputed, n);
            f.mismatches.push_back(line);
        }
    }
    f.benchmark = benchmarkOf(f.report);
    return f;
}

ReportFile readReportFile(const std::string& path) { return reportFileFromJson(readReportText(path), path); }

}  // namespace stllava::eval
