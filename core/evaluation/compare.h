// Comparison of two scored runs on the same benchmark: metrics side by side, per-question
// differences, McNemar's test on CLOSED hits (LLaVA-Med rule and strict), and for OPEN recall and
// F1 a paired bootstrap interval of the mean difference with a sign test.
#pragma once

#include "evaluation/eval_report.h"
#include "metrics/paired_tests.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace stllava::eval {

struct ChangedQuestion {
    std::string id, type, question, reference, prediction_a, prediction_b;
    double score_a = 0, score_b = 0;  // OPEN: recall; CLOSED: LLaVA-Med hit (0/1)
};

struct Comparison {
    std::string path_a, path_b, model_a, model_b;
    std::vector<std::string> warnings;
    metrics::Summary a, b;
    std::array<metrics::Interval, metrics::kMetricCount> ci_a{}, ci_b{};
    metrics::McNemarResult closed, closed_strict;
    metrics::PairedDifference open_recall, open_f1;
    std::vector<ChangedQuestion> changed;  // questions whose score differs, in benchmark order
};

// B's questions are matched to A's by id; throws InputError when the id sets differ.
Comparison compareReports(const EvalReport& a, const EvalReport& b, const std::string& path_a,
                          const std::string& path_b, const metrics::BootstrapOptions& bootstrap = {});

nlohmann::ordered_json comparisonToJson(const Comparison& c);
std::string comparisonToHtml(const Comparison& c);

}  // namespace stllava::eval
