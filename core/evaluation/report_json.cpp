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

namespace {

// Field readers for reportFromJson: every error names the file, the item and the field.
const char* typeName(const json& v) { return v.type_name(); }

const json& required(const json& o, const char* key, const std::string& path, const std::string& item) {
    const auto it = o.find(key);
    if (it == o.end()) throw InputError(path, item, key, "missing");
    return *it;
}

std::string optionalString(const json& o, const char* key, const std::string& path, const std::string& item) {
    const auto it = o.find(key);
    if (it == o.end() || it->is_null()) return {};
    if (!it->is_string()) throw InputError(path, item, key, std::string("must be a string, not ") + typeName(*it));
    return it->get<std::string>();
}

std::string requiredString(const json& o, const char* key, const std::string& path, const std::string& item) {
    const json& v = required(o, key, path, item);
    if (!v.is_string()) throw InputError(path, item, key, std::string("must be a string, not ") + typeName(v));
    return v.get<std::string>();
}

double requiredNumber(const json& o, const char* key, const std::string& path, const std::string& item) {
    const json& v = required(o, key, path, item);
    if (!v.is_number()) throw InputError(path, item, key, std::string("must be a number, not ") + typeName(v));
    return v.get<double>();
}

bool requiredBool(const json& o, const char* key, const std::string& path, const std::string& item) {
    const json& v = required(o, key, path, item);
    if (!v.is_boolean()) throw InputError(path, item, key, std::string("must be true or false, not ") + typeName(v));
    return v.get<bool>();
}

const json& requiredObject(const json& o, const char* key, const std::string& path) {
    const json& v = required(o, key, path, "");
    if (!v.is_object()) throw InputError(path, "", key, std::string("must be an object, not ") + typeName(v));
    return v;
}

}  // namespace

EvalReport reportFromJson(const std::string& text, const std::string& path) {
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception& e) {  // parse_error, or out_of_range 406 (a number too large)
        throw InputError(path + ": not valid JSON (" + e.what() + ")");
    }
    if (!j.is_object() || j.value("kind", std::string()) != kReportKind)
        throw InputError(path + ": not an evaluation report (expected \"kind\": \"" + kReportKind +
                         "\"; write one with `stllava eval score --report-dir`)");
    if (!j.contains("questions") || !j["questions"].is_array())
        throw InputError(path + ": the report has no per-question \"questions\" list");
    EvalReport r;
    const json& d = requiredObject(j, "dataset", path);
    r.dataset_format = optionalString(d, "format", path, "dataset");
    r.dataset_path = optionalString(d, "path", path, "dataset");
    r.dataset_sha256 = optionalString(d, "sha256", path, "dataset");
    const json& p = requiredObject(j, "predictions", path);
    r.predictions_path = optionalString(p, "path", path, "predictions");
    r.predictions_sha256 = optionalString(p, "sha256", path, "predictions");
    r.model_id = optionalString(p, "model_id", path, "predictions");
    r.model = j.value("model", json());
    r.config = j.value("config", json::object());
    r.timing = j.value("timing", json::object());
    if (!r.config.is_object()) throw InputError(path, "", "config", "must be an object");
    if (j.contains("warnings")) {
        const json& w = j["warnings"];
        if (!w.is_array()) throw InputError(path, "", "warnings", "must be a list of strings");
        for (const auto& s : w) {
            if (!s.is_string()) throw InputError(path, "", "warnings", "must be a list of strings");
            r.warnings.push_back(s.get<std::string>());
        }
    }
    for (const auto& o : j["questions"]) {
        std::string item = "questions[" + std::to_string(r.questions.size()) + "]";
        if (!o.is_object()) throw InputError(path, item, "", "not an object");
        QuestionResult q;
        q.id = requiredString(o, "id", path, item);
        item += " (id " + q.id + ")";
        q.score.type = metrics::answerTypeFromLlavaMed(requiredString(o, "answer_type", path, item));
        q.question = optionalString(o, "question", path, item);
        q.image = optionalString(o, "image", path, item);
        q.reference = optionalString(o, "reference", path, item);
        q.prediction = optionalString(o, "prediction", path, item);
        q.reference_normalized = optionalString(o, "reference_normalized", path, item);
        q.prediction_normalized = optionalString(o, "prediction_normalized", path, item);
        q.question_type = optionalString(o, "question_type", path, item);
        q.modality = optionalString(o, "modality", path, item);
        q.organ = optionalString(o, "organ", path, item);
        q.score.recall = requiredNumber(o, "recall", path, item);
        q.score.precision = requiredNumber(o, "precision", path, item);
        q.score.f1 = requiredNumber(o, "f1", path, item);
        q.score.exact = requiredNumber(o, "exact", path, item);
        q.score.closed_hit = requiredBool(o, "closed_hit", path, item);
        q.score.closed_hit_strict = requiredBool(o, "closed_hit_strict", path, item);
        r.questions.push_back(std::move(q));
    }
    metrics::BootstrapOptions b;
    if (r.config.contains("bootstrap")) {
        try {
            const auto& bs = r.config["bootstrap"];
            b.resamples = bs.value("resamples", b.resamples);
            b.seed = bs.value("seed", b.seed);
            b.level = bs.value("level", b.level);
        } catch (const json::exception& e) {
            throw InputError(path, "config", "bootstrap", std::string("malformed (") + e.what() + ")");
        }
    }
    summarizeReport(r, b);
    return r;
}

std::string readReportText(const std::string& path) {
    try {
        return readFile(path);
    } catch (const std::exception& e) {
        throw InputError(e.what());
    }
}

EvalReport readReportJson(const std::string& path) { return reportFromJson(readReportText(path), path); }

void writeReportJson(const EvalReport& report, const std::string& path) {
    writeFileAtomic(path, reportToJson(report).dump(2, ' ', false, json::error_handler_t::replace) + "\n");
}

}  // namespace stllava::eval
