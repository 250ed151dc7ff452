// Training settings, with presets carrying the paper's values (../shared/METHOD.md):
//   stage 1 (sft): LoRA r=128/alpha=256 on the LLM, ViT LoRA r=32/alpha=64, lr 2e-4 (ViT 5e-5,
//                  projector 2e-5), 3 epochs, batch 8 x accumulation 4, cosine, warmup 3%,
//                  max length 2048, question learning sq_r = 0.5, template v1_sq, bf16.
//   dpo:           the same LoRA, lr 5e-6 (ViT 2e-5, projector 2e-5), 1 epoch, batch 4 x
//                  accumulation 16, cosine, warmup 3%, beta 0.1.
// A JSON config names its stage; its fields override that stage's preset. Unknown keys are errors.
#pragma once

#include "training/optim.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace stllava::training {

struct LoraSettings {
    std::int64_t rank = 128;
    double alpha = 256.0;
    double dropout = 0.05;
};

struct TrainConfig {
    std::string stage = "sft";  // "sft" or "dpo"
    // Paths (used by the command line; the engine takes loaded objects).
    std::string model_path;      // model folder (config.json + safetensors + tokenizer.model)
    std::string vision_tower_path;
    // A LoRA adapter (PEFT folder) the model starts from, e.g. stage 1's for DPO: merged into the
    // weights, so the stage-1 model is what the new adapter trains on and what the DPO reference
    // is; the adapter saved at the end holds both (stacked), for the original model_path.
    std::string init_adapter;
    std::string data_path;
    std::string image_folder;
    std::string output_dir;
    std::string reference_cache_dir;  // "" = <output_dir>/reference_cache

    // Data and collation.
    std::string template_name = "v1_sq";
    double sq_r = 0.5;
    std::int64_t max_length = 2048;
    bool group_by_length = true;
    std::uint64_t seed = 42;  // data order, question learning; `stllava train` seeds torch with it too

    // What trains: "full", "lora" or "frozen" for the decoder and the vision tower.
    std::string decoder = "lora";
    std::string vision = "lora";
    bool train_projector = true;
    LoraSettings llm_lora{128, 256.0, 0.05};
    LoraSettings vision_lora{32, 64.0, 0.05};

    // Optimisation.
    std::int64_t batch_size = 8;  // per device
    std::int64_t grad_accum = 4;
    std::int64_t epochs = 3;
    std::int64_t max_steps = -1;  // > 0 caps the optimiser steps
    LearningRates lr{2e-4, 5e-5, 2e-5, 2e-4};
    double weight_decay = 0.0;
    double warmup_ratio = 0.03;
    double max_grad_norm = 1.0;
    AdamWOptions adam;
    bool bf16 = true;  // autocast to bfloat16 on CUDA (ignored on CPU)
    bool activation_checkpointing = false;  // recompute decoder-layer activations in backward (less memory)

    // DPO.
    double beta = 0.1;
    bool cache_reference = true;  // reference log-probs computed once ahead and cached on disk

    // Checkpoints.
    std::int64_t save_steps = 0;  // 0: at the end of every epoch
    int keep_last = 2;
    bool resume = true;           // continue from the newest checkpoint in output_dir
    std::string resume_from;      // a chosen checkpoint folder to continue from instead ("" = as `resume` says)
};

TrainConfig presetSft();
TrainConfig presetDpo();
// Stage from j["stage"] (or `stage` when given), preset, then overrides. Throws std::runtime_error
// naming `origin` and the key for unknown keys and bad values.
TrainConfig parseTrainConfig(const nlohmann::json& j, const std::string& origin, const std::string& stage = "");
TrainConfig readTrainConfig(const std::string& path, const std::string& stage = "");
nlohmann::json toJson(const TrainConfig& c);

}  // namespace stllava::training
