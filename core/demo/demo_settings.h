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

// The small world's size (the default scale widens the decoder, demoSettingsFor()): about 0.4 M
// parameters, about 4,500 training tokens/s on one thread of the project's busy 2-core machine.
struct DemoModelSize {
    int vocab = 400;  // the small world's text is too short for a larger sentencepiece vocabulary
    std::int64_t image_size = 64, patch = 16;  // CLIP-like tower input (the world's 256 px images resized)
    std::int64_t vision_hidden = 48, vision_layers = 2, vision_heads = 4;
    std::int64_t text_hidden = 96, text_intermediate = 256, text_layers = 2, text_heads = 4;
};

struct DemoSettings {
    DemoScale scale = DemoScale::Default;
    std::string world_scale = "default";  // synthetic::WorldScale name
    DemoModelSize model;
    // Stage 1: full training of every part (LoRA on random weights has nothing to adapt).
    std::int64_t sft_epochs = 5, sft_max_steps = -1, sft_batch = 8, sft_accum = 1, sft_max_length = 384;
    double sft_lr = 2e-3;
    // Stage 2 generation.
    std::size_t pool_images = 120;  // 0: the whole pool
    int questions = 3;
    int describe_tokens = 96, question_tokens = 32, answer_tokens = 48;
    // DPO from the stage-1 weights (full training, reference log-probs cached before the first step).
    std::int64_t dpo_epochs = 1, dpo_max_steps = -1, dpo_batch = 8, dpo_accum = 1;
    double dpo_lr = 1e-4, dpo_beta = 0.1;  // lr: the stage-1 rate / 20 (not tuned on the benchmarks)
    // Evaluation.
    int eval_batch = 16, eval_tokens = 32;
};

DemoSettings demoSettingsFor(DemoScale s);

}  // namespace stllava::demo
