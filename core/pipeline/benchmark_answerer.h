// The model side of `stllava eval run`: answers a batch of benchmark questions through a
// LlavaSession (the checkpoint's template, "<image>\n" before the question, LLaVA-1.5 "pad"
// preprocessing, greedy unless told otherwise). Plugs into eval::runBenchmark as its AnswerBatchFn.
// No torch in this header.
#pragma once

#include "common/cancel_token.h"
#include "evaluation/eval_runner.h"
#include "generation/sampling_params.h"
#include "pipeline/llava_session.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace stllava::pipeline {

struct BenchmarkAnswererOptions {
    std::string images_dir;   // benchmark image paths are relative to it
    SamplingParams sampling;  // greedy, 128 new tokens by default
    int max_batch = 8;
    const CancelToken* cancel = nullptr;  // checked every decode step; a cancelled batch throws Cancelled
    BenchmarkAnswererOptions() {
        sampling.greedy = true;
        sampling.max_new_tokens = 128;
    }
};

class BenchmarkAnswerer {
public:
    BenchmarkAnswerer(std::shared_ptr<LlavaSession> session, BenchmarkAnswererOptions options);

    // Throws InputError naming the question when its image cannot be read; Cancelled when the
    // cancel token was set during the batch (nothing of the batch is returned).
    std::vector<eval::Answer> answer(const std::vector<eval::AnswerRequest>& batch);
    eval::AnswerBatchFn asFunction();
    // {"template", "sampling", "dtype", "device", "image_size", ...} for reports.
    nlohmann::json describe() const;

private:
    std::shared_ptr<LlavaSession> session_;
    BenchmarkAnswererOptions options_;
};

}  // namespace stllava::pipeline
