// The demo's model, made from nothing: a sentencepiece tokenizer trained on the world's stage-1
// text (with the v1_sq template's role words and system prompt), and a tiny LLaVA (CLIP-like tower,
// mlp2x_gelu projector, Llama decoder) with freshly initialised weights, written as a model folder
// the session layer and the trainer open like any other (config.json, model.safetensors,
// tokenizer.model). Torch inside; this header has none.
#pragma once

#include "demo/demo_settings.h"

#include <cstdint>
#include <string>

namespace stllava::demo {

// Trains `<prefix>.model` from the stage-1 instruction JSON. Returns the .model path.
std::string trainDemoTokenizer(const std::string& instruct_json, const std::string& model_prefix,
                               int vocab_size);

// Writes the untrained model folder `dir`; `seed` fixes the initial weights. Returns the number of
// parameters.
std::int64_t writeInitialModel(const std::string& dir, const DemoModelSize& size,
                               const std::string& tokenizer_model, std::uint64_t seed);

}  // namespace stllava::demo
