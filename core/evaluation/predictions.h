// LLaVA-Med's prediction files: JSON lines {"question_id", "prompt", "text", "answer_id",
// "model_id", "metadata"}; reading, writing, and pairing with the benchmark by order.
#pragma once

#include "evaluation/benchmark.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace stllava::eval {

struct Prediction {
    std::string question_id;
    bool id_is_number = false;
    std::string prompt;
    std::string text;
    std::string answer_id;
    std::string model_id;
    nlohmann::json metadata = nlohmann::json::object();
};

// Reads every line; throws InputError naming the file and the line for broken JSON or a missing
// "question_id" / "text". A last line without its newline that does not parse (a write cut short)
// is reported as such.
std::vector<Prediction> readPredictions(const std::string& path);

// Like readPredictions, but a torn last line (no trailing newline, not valid JSON) is dropped and
// `torn_bytes` tells how many bytes it had; used when resuming an interrupted run.
std::vector<Prediction> readPredictionsForResume(const std::string& path, std::size_t* torn_bytes);

// One JSON line (with its '\n') in LLaVA-Med's key order.
std::string predictionLine(const Prediction& p);

// Writes all predictions atomically (core/common/atomic_file.h).
void writePredictions(const std::string& path, const std::vector<Prediction>& predictions);

// Pairing by order, as LLaVA-Med does: the prediction ids must equal the benchmark ids position by
// position. Throws InputError with the first mismatch (and says when only the order differs).
void checkPairing(const Benchmark& benchmark, const std::vector<Prediction>& predictions,
                  const std::string& predictions_path);

// Puts predictions in the benchmark's order (for merged shards); throws InputError for missing,
// unknown or duplicate ids.
std::vector<Prediction> orderLikeBenchmark(const Benchmark& benchmark, std::vector<Prediction> predictions,
                                           const std::string& what);

}  // namespace stllava::eval
