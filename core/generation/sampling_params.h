// Decoding settings for one generation call, with Hugging Face `generate` semantics.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace stllava {

struct SamplingParams {
    bool greedy = false;              // argmax decoding; also implied by temperature == 0
    double temperature = 1.0;         // logits / temperature before top-k/top-p (sampling only)
    int top_k = 0;                    // keep the k most likely tokens (ties at the k-th kept); 0 = off
    double top_p = 1.0;               // nucleus: smallest set with cumulative prob >= top_p; 1 = off
    double repetition_penalty = 1.0;  // CTRL/HF: seen token logit l -> l>0 ? l/p : l*p; 1 = off
    std::uint64_t seed = 0;           // row generators are seeded from (seed, row): see Sampler
    int max_new_tokens = 256;
    std::vector<std::string> stop_strings;  // generation stops when the text contains one
    bool stop_on_eos = true;

    bool isGreedy() const { return greedy || temperature == 0.0; }
    // Throws std::invalid_argument naming the bad field (negative temperature, top_p outside (0,1],
    // top_k < 0, repetition_penalty <= 0, max_new_tokens < 0, an empty stop string).
    void validate() const;

    // METHOD.md stage 2: the model asks questions (temperature 1.2, top_k 300, top_p 0.95, 300 tokens).
    static SamplingParams stage2Question(std::uint64_t seed);
    // METHOD.md stage 2: each answer (temperature 1.2, top_k 100, top_p 0.95, 1024 tokens; seeds 40, 42).
    static SamplingParams stage2Answer(std::uint64_t seed);
};

}  // namespace stllava
