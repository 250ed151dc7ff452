// The model side of `stllava eval run`: loads a LLaVA model folder with its tokenizer, renders each
// question in the checkpoint's conversation template with "<image>\n" in front, loads and
// preprocesses the image (core/imaging + core/vision_input, LLaVA-1.5 "pad"), and answers a batch
// with core/generation (greedy unless told otherwise). Plugs into runBenchmark() as its AnswerBatchFn.
#pragma once

#include "evaluation/eval_runner.h"
#include "generation/sampling_params.h"

#include <torch/types.h>

#include <memory>
#include <string>

namespace stllava::eval {

struct ModelAnswererOptions {
    std::string model_dir;
    std::string images_dir;          // benchmark image paths are relative to it
    std::string conv_template;       // "" = prompt::chooseTemplate(model folder, config conv_mode)
    std::string vision_tower_path;   // CLIP folder when the checkpoint has no tower
    SamplingParams sampling;         // greedy by default (set in the constructor of the options)
    int max_batch = 8;
    torch::Dtype dtype = torch::kFloat32;
    torch::Device device = torch::kCPU;
    ModelAnswererOptions() {
        sampling.greedy = true;
        sampling.max_new_tokens = 128;
    }
};

class ModelAnswerer {
public:
    // Throws InputError for a missing/invalid model folder or tokenizer.
    explicit ModelAnswerer(const ModelAnswererOptions& options);
    ~ModelAnswerer();
    ModelAnswerer(const ModelAnswerer&) = delete;
    ModelAnswerer& operator=(const ModelAnswerer&) = delete;

    // Throws InputError naming the question and image when an image cannot be read.
    std::vector<Answer> answer(const std::vector<AnswerRequest>& batch);
    AnswerBatchFn asFunction();

    const std::string& templateName() const;
    // {"template", "sampling", "dtype", "device", "image_size", ...} for reports.
    nlohmann::json describe() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace stllava::eval
