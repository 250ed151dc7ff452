// Text generation with a LLaVA model: prefill with images, then token-by-token decoding on the
// model's preallocated KV cache; greedy or sampled (Sampler), stopping at eos, at stop strings or
// at max_new_tokens; per-token streaming with cancel. Many prompts are run in batches, left-padded
// after image expansion; each prompt's tokens are the same as when it runs alone (its sampler
// stream id is its index in `requests`, and rows never influence each other).
// Works on any device/dtype the model was loaded with (CPU/CUDA; float32/bfloat16/float16 where
// libtorch has the kernels).
#pragma once

#include "generation/generation_types.h"
#include "generation/sampling_params.h"
#include "model/llava_model.h"
#include "tokenizer/tokenizer.h"

#include <torch/torch.h>

#include <atomic>
#include <cstdint>
#include <vector>

namespace stllava {

struct GenerationRequest {
    std::vector<std::int64_t> input_ids;  // prompt, with model::kImageTokenId at image places
    torch::Tensor pixel_values;           // [n_images, 3, S, S], one per marker (undefined: none)
};

struct GenerateOptions {
    SamplingParams sampling;
    std::int64_t max_batch = 16;  // prompts decoded together
    // eos id; -1: the tokenizer's (or, without a tokenizer, the model config's eos_token_id).
    std::int32_t eos_id = -1;
    // Repetition penalty history: generated tokens only (false, as LLaVA's generate with
    // inputs_embeds) or the prompt's text tokens too (true, as llava-hf).
    bool penalty_includes_prompt = false;
    const std::atomic<bool>* cancel = nullptr;  // checked once per step
};

// Generates for every request. `tokenizer` may be null when no text is needed (then results have
// tokens only and stop strings are not allowed). `on_token(row, token, text_delta)` is called for
// every generated token of each row (row = index in `requests`; eos is not reported) and, when the
// row ends with text still held back, once more with token -1 and that text; returning false
// ends that row (its stop_reason becomes Cancelled; `options.cancel` stops every row). Throws std::invalid_argument for bad
// parameters and std::runtime_error for model errors.
std::vector<GenerationResult> generate(model::LlavaForCausalLM& model, const Tokenizer* tokenizer,
                                       const std::vector<GenerationRequest>& requests, const GenerateOptions& options,
                                       const TokenCallback& on_token = {});

}  // namespace stllava
