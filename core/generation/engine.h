// The generation engine under every front end: many sequences with their own sampling settings,
// seeds and lengths decoded together on one KV cache, with
//   - continuous batching: a row that finishes leaves the batch at once and a waiting request takes
//     its place (its prompt is prefilled and its cache rows joined to the running ones);
//   - shared prefixes: requests admitted together that show the same image and begin with the same
//     tokens have that prefix prefilled once, its KV cache forked for each; identical prompts (the
//     stage-2 pattern: 5 questions sampled from one prompt, 2 answers to each question) are
//     prefilled once and forked into as many rows;
//   - image features given precomputed (LlavaSession encodes each image once and reuses it).
// A request's tokens depend only on its own prompt, settings and sampler stream (its `stream_id`),
// never on what else runs beside it: batched output equals running it alone (up to the float
// rounding of batched kernels, which the tests check does not change tokens).
// Ids the tokenizer does not know (a model vocabulary padded beyond the tokenizer's, as llava-hf's
// 32064 vs 32000) are never sampled.
#pragma once

#include "generation/generation_types.h"
#include "generation/sampling_params.h"
#include "model/llava_model.h"
#include "tokenizer/tokenizer.h"

#include <torch/torch.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace stllava {

struct SequenceRequest {
    std::vector<std::int64_t> input_ids;  // prompt, model::kImageTokenId at image places
    // [n_images, P, H] projected image features in the model dtype, one per marker (from
    // LlavaForCausalLM::encodeImages); or pixel_values [n_images, 3, S, S] to encode here.
    torch::Tensor image_features;
    torch::Tensor pixel_values;
    // Requests whose images have the same identity (and equal leading ids) may share a prefix.
    // "" with images: never shared.
    std::string image_identity;
    SamplingParams sampling;
    std::uint64_t stream_id = 0;  // sampler stream; 0 is what a request run alone uses
};

struct EngineOptions {
    std::int64_t max_batch = 16;           // rows decoded together
    std::int32_t eos_id = -1;              // -1: the tokenizer's (without one: the model config's)
    bool penalty_includes_prompt = false;  // repetition-penalty history includes the prompt's tokens
    bool share_prefixes = true;
    std::int64_t min_shared_prefix = 16;        // shorter common prefixes are not worth a separate prefill
    const std::atomic<bool>* cancel = nullptr;  // checked once per decode step
    // Called once per request as soon as its result is final (while other rows may still run), on
    // the generating thread; a server answers that request without waiting for its batch.
    std::function<void(int request, const GenerationResult& result)> on_finished;
};

struct EngineStats {
    std::int64_t prompt_positions = 0;     // positions of all prompts after image expansion
    std::int64_t prefilled_positions = 0;  // positions actually run through the decoder in prefills
    std::int64_t decode_steps = 0;
    std::int64_t generated_tokens = 0;
    std::int64_t admissions = 0;  // times waiting requests joined the batch
    std::int64_t images_encoded = 0;
};

// Generates for every request (results in request order). `on_token(index, token, delta)` as in
// generation_types.h (token -1 for held text released at the end; returning false ends that row
// alone, as Cancelled, with no further callbacks for it: a server drops one client's request while
// the others go on; `options.cancel` stops them all).
// Throws std::invalid_argument for bad settings (naming the request) and std::runtime_error for
// model errors.
std::vector<GenerationResult> runEngine(model::LlavaForCausalLM& model, const Tokenizer* tokenizer,
                                        const std::vector<SequenceRequest>& requests,
                                        const EngineOptions& options, const TokenCallback& on_token = {},
                                        EngineStats* stats = nullptr);

}  // namespace stllava
