// Next-token selection from logits, Hugging Face semantics and order:
//   repetition penalty -> (greedy: argmax) | temperature -> top-k -> top-p -> multinomial.
// Every row has its own torch::Generator (torch's CPUGeneratorImpl, an mt19937)
// seeded from (params.seed, stream id). A row's tokens depend only on its own logits, history and
// generator, never on the other rows of the batch: a batched run and one-by-one runs with the same
// stream ids give the same tokens. Each row draws exactly one uniform number per sampled step.
// Work happens in float32 on the CPU in buffers reused across steps (logits of any float dtype and
// device are accepted); greedy without repetition penalty on [N, V] float32 CPU logits allocates
// nothing. Rows run in parallel (at::parallel_for) when the vocabulary is large.
#pragma once

#include "generation/sampling_params.h"

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace stllava {

class Sampler {
public:
    // Rows 0..rows-1 use stream ids 0..rows-1.
    Sampler(const SamplingParams& params, std::int64_t rows);
    // Row r uses stream id stream_ids[r] (e.g. the prompt's index in the whole job, so that prompt i
    // gets the same tokens whichever batch it is run in).
    Sampler(const SamplingParams& params, std::vector<std::uint64_t> stream_ids);

    // The seed of a row's generator: a splitmix64 mix of (seed, stream_id).
    static std::uint64_t rowSeed(std::uint64_t seed, std::uint64_t stream_id);

    std::int64_t rows() const { return static_cast<std::int64_t>(gens_.size()); }
    const SamplingParams& params() const { return params_; }

    // logits [N, V] (or [N, 1, V] / [N, T, V]: the last position is used), N == rows().
    // histories: empty, or N token sequences for the repetition penalty (pass prompt + generated
    // tokens for HF parity). Returns the next token of each row, int64 [N] on the CPU.
    torch::Tensor sample(const torch::Tensor& logits,
                         const std::vector<std::vector<std::int32_t>>& histories = {});
    // Same, writing into `out` (resized to N). row_map (optional, size N): logits row i belongs to
    // sampler row row_map[i] (a batch compacted after some rows finished).
    void sampleInto(const torch::Tensor& logits, const std::vector<std::vector<std::int32_t>>& histories,
                    std::vector<std::int32_t>& out, const std::vector<std::int64_t>* row_map = nullptr);

    // The distribution the next draw would use after all processors, float32 [N, V] on the CPU
    // (greedy: one-hot at the argmax). Draws nothing; for tests and inspection.
    torch::Tensor distribution(const torch::Tensor& logits,
                               const std::vector<std::vector<std::int32_t>>& histories = {});

private:
    struct Candidate {
        float value;  // logit, then unnormalised probability
        std::int32_t id;
    };
    struct RowScratch {
        std::vector<Candidate> cand;      // [V] reused every step
        std::vector<float> values;        // top-k selection scratch
        std::vector<std::uint32_t> seen;  // [V] stamp per token for the repetition penalty
        std::uint32_t stamp = 0;
    };
    static bool byValueDesc(const Candidate& a, const Candidate& b);  // by value, then lower id first
    static void selectTop(Candidate* first, Candidate* last, std::size_t c);
    // Validates shapes and returns the [N, V] logits (last position of [N, T, V]).
    torch::Tensor checkLogits(const torch::Tensor& logits,
                              const std::vector<std::vector<std::int32_t>>& histories,
                              const std::vector<std::int64_t>* row_map) const;
    float* copyToWork(const torch::Tensor& x);  // float32 copy in work_, scratch_ sized; returns row 0
    void penalize(float* logits, std::int64_t vocab, const std::vector<std::int32_t>* history,
                  RowScratch& scratch) const;
    // Temperature, top-k, top-p: leaves the m kept candidates with unnormalised probabilities
    // (summing to total) in scratch.cand[0, m) and returns m.
    std::size_t filterRow(float* logits, std::int64_t vocab, std::int64_t gen_row, RowScratch& scratch,
                          double& total) const;
    std::int32_t sampleRow(float* logits, std::int64_t vocab, const std::vector<std::int32_t>* history,
                           std::int64_t gen_row, RowScratch& scratch);

    SamplingParams params_;
    std::vector<torch::Generator> gens_;
    std::vector<RowScratch> scratch_;  // per logits row
    torch::Tensor work_;               // [N, V] float32 CPU copy of the logits
};

}  // namespace stllava
