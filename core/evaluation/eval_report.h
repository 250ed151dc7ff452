// One scored run: per-question results, the benchmark metrics with bootstrap intervals, breakdowns,
// and what produced them (files, checksums, configuration, timing). Built by scorePredictions()
// or read back from a report JSON (report_json.h) for comparisons.
#pragma once

#include "evaluation/benchmark.h"
#include "evaluation/predictions.h"
#include "metrics/aggregate.h"
#include "metrics/bootstrap.h"

#include <nlohmann/json.hpp>

#include <array>
#include <map>
#include <string>
#include <vector>

namespace stllava::eval {

struct QuestionResult {
    std::string id;
    std::string question, image, reference, prediction;
    std::string reference_normalized, prediction_normalized;  // once-normalised (what CLOSED sees)
    std::string question_type, modality, organ;
    metrics::ItemScore score;  // score.type is the answer type
};

struct EvalReport {
    std::string dataset_format;  // datasetFormatName()
    std::string dataset_path, dataset_sha256;
    std::string predictions_path, predictions_sha256;
    std::string model_id;                               // from the predictions (first non-empty)
    nlohmann::json model = nlohmann::json();            // optional: {"path", "files": [{name, bytes, sha256}]}
    nlohmann::json config = nlohmann::json::object();   // scoring and bootstrap settings, runner settings
    nlohmann::json timing = nlohmann::json::object();   // seconds per stage, creation time
    std::vector<std::string> warnings;
    std::vector<QuestionResult> questions;

    // Derived by summarizeReport().
    metrics::Summary summary;
    std::array<metrics::Interval, metrics::kMetricCount> ci{};
    // dimension ("question_type", "modality", "organ") -> label -> metrics
    std::map<std::string, std::map<std::string, metrics::Summary>> breakdown;
};

// Scores predictions paired with the benchmark (checkPairing() first) and summarises.
EvalReport scorePredictions(const Benchmark& benchmark, const std::vector<Prediction>& predictions,
                            const metrics::BootstrapOptions& bootstrap = {});

// (Re)computes summary, intervals and breakdowns from report.questions.
void summarizeReport(EvalReport& report, const metrics::BootstrapOptions& bootstrap);

// The breakdown dimensions and the QuestionResult field each reads.
const std::vector<std::string>& breakdownDimensions();
const std::string& breakdownLabel(const QuestionResult& q, const std::string& dimension);

// A short description of the scoring rules, written into every report.
nlohmann::json scoringDescription();

}  // namespace stllava::eval
