#include "evaluation/compare.h"

#include "evaluation/html_util.h"
#include "evaluation/report_json.h"

#include <unordered_map>

namespace stllava::eval {

using metrics::AnswerType;
using metrics::Metric;
using nlohmann::ordered_json;

Comparison compareReports(const EvalReport& a, const EvalReport& b, const std::string& path_a,
                          const std::string& path_b, const metrics::BootstrapOptions& bootstrap) {
    Comparison c;
    c.path_a = path_a;
    c.path_b = path_b;
    c.model_a = a.model_id;
    c.model_b = b.model_id;
    std::unordered_map<std::string, std::size_t> index_b;
    for (std::size_t i = 0; i < b.questions.size(); ++i) index_b.emplace(b.questions[i].id, i);
    if (a.questions.size() != b.questions.size() || index_b.size() != b.questions.size())
        throw InputError(path_b + ": " + std::to_string(b.questions.size()) + " questions (" +
                         std::to_string(index_b.size()) + " distinct ids) against " +
                         std::to_string(a.questions.size()) + " in " + path_a + ": not the same benchmark");
    if (!a.dataset_sha256.empty() && !b.dataset_sha256.empty() && a.dataset_sha256 != b.dataset_sha256)
        c.warnings.push_back("the two runs were scored against benchmark files with different SHA-256 checksums");

    std::vector<bool> hit_a, hit_b, strict_a, strict_b;
    std::vector<double> rec_a, rec_b, f1_a, f1_b;
    for (const auto& qa : a.questions) {
        const auto it = index_b.find(qa.id);
        if (it == index_b.end())
            throw InputError(path_b + ": has no question with id '" + qa.id + "' of " + path_a + ": not the same benchmark");
        const QuestionResult& qb = b.questions[it->second];
        if (qa.score.type != qb.score.type)
            throw InputError("question '" + qa.id + "' is " + metrics::answerTypeName(qa.score.type) + " in " + path_a +
                             " but " + metrics::answerTypeName(qb.score.type) + " in " + path_b);
        double sa = 0, sb = 0;
        if (qa.score.type == AnswerType::Open) {
            rec_a.push_back(qa.score.recall);
            rec_b.push_back(qb.score.recall);
            f1_a.push_back(qa.score.f1);
            f1_b.push_back(qb.score.f1);
            sa = qa.score.recall;
            sb = qb.score.recall;
        } else if (qa.score.type == AnswerType::Closed) {
            hit_a.push_back(qa.score.closed_hit);
            hit_b.push_back(qb.score.closed_hit);
            strict_a.push_back(qa.score.closed_hit_strict);
            strict_b.push_back(qb.score.closed_hit_strict);
            sa = qa.score.closed_hit;
            sb = qb.score.closed_hit;
        } else {
            continue;
        }
        if (sa != sb)
            c.changed.push_back({qa.id, metrics::answerTypeName(qa.score.type), qa.question, qa.reference, qa.prediction,
                                 qb.prediction, sa, sb});
    }
    c.a = a.summary;
    c.b = b.summary;
    c.ci_a = a.ci;
    c.ci_b = b.ci;
    c.closed = metrics::mcnemar(hit_a, hit_b);
    c.closed_strict = metrics::mcnemar(strict_a, strict_b);
    c.open_recall = metrics::pairedDifference(rec_a, rec_b, bootstrap);
    c.open_f1 = metrics::pairedDifference(f1_a, f1_b, bootstrap);
    return c;
}

namespace {

ordered_json mcnemarJson(const metrics::McNemarResult& m) {
    return {{"both_hit", m.both_hit},   {"only_a", m.only_a},       {"only_b", m.only_b},
            {"both_miss", m.both_miss}, {"p_exact", m.p_exact},     {"p_mid", m.p_mid}};
}

ordered_json pairedJson(const metrics::PairedDifference& d) {
    return {{"n", d.n},
            {"mean_a", 100 * d.mean_a},
            {"mean_b", 100 * d.mean_b},
            {"mean_diff", 100 * d.mean_diff},
            {"diff_ci95", {100 * d.diff_ci.lo, 100 * d.diff_ci.hi}},
            {"b_better", d.n_better},
            {"b_worse", d.n_worse},
            {"tied", d.n_tied},
            {"sign_test_p", d.sign_test_p}};
}

}  // namespace

ordered_json comparisonToJson(const Comparison& c) {
    ordered_json j;
    j["kind"] = "stllava-eval-comparison";
    j["version"] = 1;
    j["a"] = {{"report", c.path_a}, {"model_id", c.model_a}};
    j["b"] = {{"report", c.path_b}, {"model_id", c.model_b}};
    j["warnings"] = c.warnings;
    j["metrics_a"] = summaryToJson(c.a, &c.ci_a)["metrics"];
    j["metrics_b"] = summaryToJson(c.b, &c.ci_b)["metrics"];
    j["tests"] = {{"closed_accuracy_mcnemar", mcnemarJson(c.closed)},
                  {"closed_accuracy_strict_mcnemar", mcnemarJson(c.closed_strict)},
                  {"open_recall_paired", pairedJson(c.open_recall)},
                  {"open_f1_paired", pairedJson(c.open_f1)}};
    ordered_json ch = ordered_json::array();
    for (const auto& q : c.changed)
        ch.push_back({{"id", q.id},
                      {"answer_type", q.type},
                      {"question", q.question},
                      {"reference", q.reference},
                      {"prediction_a", q.prediction_a},
                      {"prediction_b", q.prediction_b},
                      {"score_a", q.score_a},
                      {"score_b", q.score_b}});
    j["changed"] = ch;
    return j;
}

std::string comparisonToHtml(const Comparison& c) {
    std::string s = html::pageStart("Comparison: " + c.path_a + " vs " + c.path_b);
    s += "<h1>Comparison of two runs</h1><table class=\"meta\"><tr><td>A</td><td class=\"mono\">" +
         html::escape(c.path_a) + " " + html::escape(c.model_a) + "</td></tr><tr><td>B</td><td class=\"mono\">" +
         html::escape(c.path_b) + " " + html::escape(c.model_b) + "</td></tr></table>";
    for (const auto& w : c.warnings) s += "<p><b>Warning:</b> " + html::escape(w) + "</p>";
    s += "<h2>Metrics (%)</h2><table><tr><th>Metric</th><th>A</th><th>A 95% CI</th><th>B</th><th>B 95% CI</th>"
         "<th>B &minus; A</th></tr>";
    std::vector<html::Bar> bars;
    for (Metric m : metrics::kAllMetrics) {
        const auto k = static_cast<std::size_t>(m);
        const double va = 100 * c.a.value[k], vb = 100 * c.b.value[k];
        s += "<tr><td>" + html::escape(metrics::metricLabel(m)) + "</td><td class=\"num\">" + html::fixed(va) +
             "</td><td class=\"num\">" + html::fixed(100 * c.ci_a[k].lo) + " &ndash; " + html::fixed(100 * c.ci_a[k].hi) +
             "</td><td class=\"num\">" + html::fixed(vb) + "</td><td class=\"num\">" + html::fixed(100 * c.ci_b[k].lo) +
             " &ndash; " + html::fixed(100 * c.ci_b[k].hi) + "</td><td class=\"num\">" + html::fixed(vb - va) +
             "</td></tr>";
        bars.push_back({std::string("A ") + metrics::metricKey(m), va, 100 * c.ci_a[k].lo, 100 * c.ci_a[k].hi, "#3b6ea5"});
        bars.push_back({std::string("B ") + metrics::metricKey(m), vb, 100 * c.ci_b[k].lo, 100 * c.ci_b[k].hi, "#b5651d"});
    }
    s += "</table>" + html::barChart(bars, "A (blue) and B (brown) with 95% bootstrap intervals");
    s += "<h2>Paired tests</h2><table><tr><th>Test</th><th>Table / difference</th><th>p</th></tr>";
    for (const auto& [name, m] : {std::pair<const char*, const metrics::McNemarResult*>{"McNemar, closed (LLaVA-Med rule)", &c.closed},
                                  {"McNemar, closed (strict)", &c.closed_strict}})
        s += "<tr><td>" + std::string(name) + "</td><td>both hit " + std::to_string(m->both_hit) + ", only A " +
             std::to_string(m->only_a) + ", only B " + std::to_string(m->only_b) + ", both miss " +
             std::to_string(m->both_miss) + "</td><td class=\"num\">exact " + html::fixed(m->p_exact, 4) + ", mid-p " +
             html::fixed(m->p_mid, 4) + "</td></tr>";
    for (const auto& [name, d] : {std::pair<const char*, const metrics::PairedDifference*>{"Open recall, paired", &c.open_recall},
                                  {"Open F1, paired", &c.open_f1}})
        s += "<tr><td>" + std::string(name) + "</td><td>B &minus; A = " + html::fixed(100 * d->mean_diff) +
             " (95% CI " + html::fixed(100 * d->diff_ci.lo) + " &ndash; " + html::fixed(100 * d->diff_ci.hi) +
             "); B better on " + std::to_string(d->n_better) + ", worse on " + std::to_string(d->n_worse) + ", tied " +
             std::to_string(d->n_tied) + "</td><td class=\"num\">sign test " + html::fixed(d->sign_test_p, 4) +
             "</td></tr>";
    s += "</table>";
    s += "<h2>Questions that changed (" + std::to_string(c.changed.size()) +
         ")</h2><table><tr><th>id</th><th>type</th><th>question</th><th>reference</th><th>A</th><th>B</th>"
         "<th>score A</th><th>score B</th></tr>";
    for (const auto& q : c.changed)
        s += "<tr class=\"" + std::string(q.score_b > q.score_a ? "hit" : "miss") + "\"><td class=\"mono\">" +
             html::escape(q.id) + "</td><td>" + q.type + "</td><td>" + html::escape(q.question) + "</td><td>" +
             html::escape(q.reference) + "</td><td>" + html::escape(q.prediction_a) + "</td><td>" +
             html::escape(q.prediction_b) + "</td><td class=\"num\">" + html::fixed(q.score_a) +
             "</td><td class=\"num\">" + html::fixed(q.score_b) + "</td></tr>";
    s += "</table>" + html::pageEnd();
    return s;
}

}  // namespace stllava::eval
