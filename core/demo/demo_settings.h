// The sizes of `stllava demo run` per scale: the world, the tiny LLaVA built from scratch, the
// training and generation budgets. One place for every number the demo uses (docs/demo.md says how
// they were chosen). No torch in this header.
#pragma once

#include <cstdint>
#include <string>

namespace stllava::demo {

enum class DemoScale {
    Tiny,     // CI: the small world, a few steps per phase (not a measurement)
    Small,    // the small world, enough steps to learn something (minutes)
    Default,  // the default world (the measurement docs/demo.md reports)
};
const char* demoScaleName(DemoScale s);             // "tiny", "small", "default"
DemoScale demoScaleFromName(const std::string& n);  // throws std::invalid_argument

struct DemoModelSize {
    int vocab = 1000;
    std::int64_t image_size = 112, patch = 16;  // CLIP-like tower input (the world's 256 px images resized)
    std::int64_t vision_hidden = 96, vision_layers = 3, vision_heads = 4;
    std::int64_t text_hidden = 192, text_intermediate = 512, text_layers = 4, text_heads = 4;
};

struct DemoSettings {
    DemoScale scale = DemoScale::Default;
    std::string world_scale = "default";  // synthetic::WorldScale name
    DemoModelSize model;
    // Stage 1: full training of every part (LoRA on random weights has nothing to adapt).
    std::int64_t sft_epochs = 3, sft_max_steps = -1, sft_batch = 16, sft_accum = 1, sft_max_length = 384;
    double sft_lr = 2e-3;
    // Stage 2 generation.
    std::size_t pool_images = 0;  // 0: the whole pool
    int questions = 3;
    int describe_tokens = 96, question_tokens = 32, answer_tokens = 48;
    // DPO from the stage-1 weights (full training, reference log-probs cached before the first step).
    std::int64_t dpo_epochs = 1, dpo_max_steps = -1, dpo_batch = 8, dpo_accum = 1;
    double dpo_lr = 5e-5, dpo_beta = 0.1;
    // Evaluation.
    int eval_batch = 16, eval_tokens = 32;
};

DemoSettings demoSettingsFor(DemoScale s);

}  // namespace stllava::demo
