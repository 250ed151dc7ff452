// The one place a model is assembled from a ModelSource: config, weights in any layout, vision
// tower (from the checkpoint, --vision-tower, or mm_vision_tower relative to the model folder or
// the working directory), tokenizer, conversation template, CLIP preprocessing settings and a LoRA
// adapter (merged or live, with non_lora_trainables), plus the ModelInfo that describes it.
// Internal to core/pipeline and to the torch-side callers that need the module tree itself (the
// training command); front ends use LlavaSession (llava_session.h), which includes no torch.
// Errors: InputError naming the folder/file and the problem.
#pragma once

#include "common/progress.h"
#include "model/checkpoint_io.h"
#include "pipeline/model_info.h"
#include "pipeline/model_source.h"
#include "pipeline/request.h"
#include "tokenizer/tokenizer.h"
#include "vision_input/clip_preprocess.h"

#include <torch/torch.h>

#include <functional>
#include <optional>
#include <string>

namespace stllava::pipeline {

struct AssembledModel {
    model::LlavaConfig config;
    model::LlavaForCausalLM model{nullptr};
    std::optional<Tokenizer> tokenizer;
    std::string tokenizer_path;
    std::string template_name;
    ClipPreprocessOptions clip;
    torch::Device device = torch::kCPU;
    torch::Dtype dtype = torch::kFloat32;
    ModelInfo info;
};

struct AssembleOptions {
    // Live adapters loaded for further training: their parameters keep requires_grad (the training
    // command sets what trains afterwards); otherwise the model is frozen and in eval mode.
    bool for_training = false;
};

torch::Device parseDevice(const std::string& name);                             // throws InputError
torch::Dtype parseDtype(const std::string& name, const torch::Device& device);  // "auto" by device
std::string dtypeName(torch::Dtype dtype);                                      // "float32", ...

// `progress` gets stages "config", "weights", "adapter", "ready".
AssembledModel assembleModel(const ModelSource& source, const AssembleOptions& options = {},
                             const ProgressFn& progress = {});

// An image as the model takes it: loaded (file) or taken (display pixels), CLIP-preprocessed.
// float32 [3, S, S] on the CPU. Throws InputError naming the file.
torch::Tensor modelImage(const ImageInput& image, const ClipPreprocessOptions& clip);

// For core/training's Trainer::setImageLoader: path -> [3, S, S].
std::function<torch::Tensor(const std::string&)> trainingImageLoader(const ClipPreprocessOptions& clip);

// Recomputes the shape-derived parts of `info` (parameters, memory) from the loaded tree.
void describeShapes(const model::LlavaConfig& config, torch::nn::Module& tree, torch::Dtype dtype,
                    ModelInfo& info);

}  // namespace stllava::pipeline
