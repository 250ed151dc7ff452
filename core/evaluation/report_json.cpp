#include "evaluation/report_json.h"

#include "common/atomic_file.h"

namespace stllava::eval {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {

double pct(double x) { return 100.0 * x; }

}  // namespace

ordered_json summaryToJson(const metrics::Summary& s, const std::array<metrics::Interval, metrics::kMetricCount>* ci) {
    ordered_json out;
    out["counts"] = {{"open", s.n_open}, {"closed", s.n_closed}, {"unscored", s.n_unscored}};
    ordered_json m = ordered_json::object();
    for (metrics::Metric metric : metrics::kAllMetrics) {
        const auto k = static_cast<std::size_t>(metric);
        const std::size_t n = metrics::isOpenMetric(metric) ? s.n_open : s.n_closed;
        ordered_json v;
        v["label"] = metrics::metricLabel(metric);
        v["value"] = n == 0 ? ordered_json() : ordered_json(pct(s.value[k]));
        if (ci) v["ci95"] = n == 0 ? ordered_json() : ordered_json::array({pct((*ci)[k].lo), pct((*ci)[k].hi)});
        v["n"] = n;
        m[metrics::metricKey(metric)] = v;
    }
    out["metrics"] = m;
    return out;
}

ordered_json reportToJson(const EvalReport& r) {
    ordered_json j;
    j["kind"] = kReportKind;
    j["version"] = kReportVersion;
    j["dataset"] = {{"format", r.dataset_format}, {"path", r.dataset_path}, {"sha256", r.dataset_sha256}};
    j["predictions"] = {{"path", r.predictions_path}, {"sha256", r.predictions_sha256}, {"model_id", r.model_id}};
    j["model"] = r.model;
    j["config"] = r.config;
    j["timing"] = r.timing;
    j["warnings"] = r.warnings;
    const ordered_json s = summaryToJson(r.summary, &r.ci);
    j["counts"] = s["counts"];
    j["metrics"] = s["metrics"];
    ordered_json bd = ordered_json::object();
    for (const auto& [dim, groups] : r.breakdown) {
        ordered_json g = ordered_json::object();
        for (const auto& [label, summary] : groups) g[label] = summaryToJson(summary, nullptr);
        bd[dim] = g;
    }
    j["breakdown"] = bd;
    ordered_json qs = ordered_json::array();
    for (const auto& q : r.questions) {
        ordered_json o;
        o["id"] = q.id;
        o["answer_type"] = metrics::answerTypeName(q.score.type);
        o["question"] = q.question;
        o["image"] = q.image;
        o["reference"] = q.reference;
        o["prediction"] = q.prediction;
        o["reference_normalized"] = q.reference_normalized;
        o["prediction_normalized"] = q.prediction_normalized;
        o["question_type"] = q.question_type;
        o["modality"] = q.modality;
        o["organ"] = q.organ;
        o["recall"] = q.score.recall;
        o["precision"] = q.score.precision;
        o["f1"] = q.score.f1;
        o["exact"] = q.score.exact;
        o["closed_hit"] = q.score.closed_hit;
        o["closed_hit_strict"] = q.score.closed_hit_strict;
        qs.push_back(std::move(o));
    }
    j["questions"] = qs;
    return j;
}

EvalReport reportFromJson(const std::string& text, const std::string& path) {
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        throw InputError(path + ": not valid JSON (" + e.what() + ")");
    }
    if (!j.is_object() || j.value("kind", std::string()) != kReportKind)
        throw InputError(path + ": not an evaluation report (expected \"kind\": \"" + kReportKind +
                         "\"; write one with `stllava eval score --report-dir`)");
    if (!j.contains("questions") || !j["questions"].is_array())
        throw InputError(path + ": the report has no per-question \"questions\" list");
    EvalReport r;
    try {
        const auto& d = j.at("dataset");
        r.dataset_format = d.value("format", "");
        r.dataset_path = d.value("path", "");
        r.dataset_sha256 = d.value("sha256", "");
        const auto& p = j.at("predictions");
        r.predictions_path = p.value("path", "");
        r.predictions_sha256 = p.value("sha256", "");
        r.model_id = p.value("model_id", "");
        r.model = j.value("model", json());
        r.config = j.value("config", json::object());
        r.timing = j.value("timing", json::object());
        if (j.contains("warnings")) r.warnings = j["warnings"].get<std::vector<std::string>>();
        for (const auto& o : j["questions"]) {
            if (!o.is_object()) throw InputError(path + ": question " + std::to_string(r.questions.size()) + " is not an object");
            QuestionResult q;
            q.id = o.at("id").get<std::string>();
            q.score.type = metrics::answerTypeFromLlavaMed(o.at("answer_type").get<std::string>());
            q.question = o.value("question", "");
            q.image = o.value("image", "");
            q.reference = o.value("reference", "");
            q.prediction = o.value("prediction", "");
            q.reference_normalized = o.value("reference_normalized", "");
            q.prediction_normalized = o.value("prediction_normalized", "");
            q.question_type = o.value("question_type", "");
            q.modality = o.value("modality", "");
            q.organ = o.value("organ", "");
            q.score.recall = o.at("recall").get<double>();
            q.score.precision = o.at("precision").get<double>();
            q.score.f1 = o.at("f1").get<double>();
            q.score.exact = o.at("exact").get<double>();
            q.score.closed_hit = o.at("closed_hit").get<bool>();
            q.score.closed_hit_strict = o.at("closed_hit_strict").get<bool>();
            r.questions.push_back(std::move(q));
        }
    } catch (const json::exception& e) {
        throw InputError(path + ": malformed report near question " + std::to_string(r.questions.size()) + " (" +
                         e.what() + ")");
    }
    metrics::BootstrapOptions b;
    if (r.config.contains("bootstrap")) {
        const auto& bs = r.config["bootstrap"];
        b.resamples = bs.value("resamples", b.resamples);
        b.seed = bs.value("seed", b.seed);
        b.level = bs.value("level", b.level);
    }
    summarizeReport(r, b);
    return r;
}

EvalReport readReportJson(const std::string& path) {
    std::string text;
    try {
        text = readFile(path);
    } catch (const std::exception& e) {
        throw InputError(e.what());
    }
    return reportFromJson(text, path);
}

void writeReportJson(const EvalReport& report, const std::string& path) {
    writeFileAtomic(path, reportToJson(report).dump(2, ' ', false, json::error_handler_t::replace) + "\n");
}

}  // namespace stllava::eval
