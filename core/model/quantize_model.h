// Weight-only quantisation of a loaded model for CPU inference (quant/quant_format.h): every
// linear layer of the decoder (q, k, v, o, gate, up, down of each layer) in the asked format, and
// the lm_head in int8 for both int8 and q4 (as llama.cpp keeps its output layer at higher
// precision: it decides every token). The vision tower, projector and embeddings stay as loaded.
// The float weights are freed, except a lm_head tied to the embeddings. Not for training.
#pragma once

#include "model/llava_model.h"
#include "quant/quant_format.h"

#include <cstdint>

namespace stllava::model {

struct QuantizeReport {
    std::int64_t layers = 0;         // linear layers quantised
    std::int64_t float_bytes = 0;    // their float weights' size before
    std::int64_t quantized_bytes = 0;  // codes + scales after
};

// Throws std::invalid_argument when the model is not on the CPU or a layer is already quantised
// (nothing is changed then). Format::None does nothing.
QuantizeReport quantizeForInference(LlavaForCausalLMImpl& model, quant::Format format);

}  // namespace stllava::model
