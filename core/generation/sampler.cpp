// Sampler: HF logits processors (repetition penalty, temperature, top-k, top-p) and the multinomial
// draw, one row at a time on the CPU with buffers kept across steps.
#include "generation/sampler.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace stllava {

void SamplingParams::validate() const {
    auto bad = [](const std::string& what) { throw std::invalid_argument("sampling parameters: " + what); };
    if (!(temperature >= 0.0) || !std::isfinite(temperature))
        bad("temperature must be a finite number >= 0 (0 = greedy), got " + std::to_string(temperature));
    if (top_k < 0) bad("top_k must be >= 0 (0 = off), got " + std::to_string(top_k));
    if (!(top_p > 0.0 && top_p <= 1.0))
        bad("top_p must be in (0, 1] (1 = off), got " + std::to_string(top_p));
    if (!(repetition_penalty > 0.0) || !std::isfinite(repetition_penalty))
        bad("repetition_penalty must be > 0 (1 = off), got " + std::to_string(repetition_penalty));
    if (max_new_tokens < 0) bad("max_new_tokens must be >= 0, got " + std::to_string(max_new_tokens));
    for (const auto& s : stop_strings)
        if (s.empty()) bad("stop strings must not be empty");
}

namespace {

// METHOD.md stage 2: temperature 1.2 and top_p 0.95 for questions and answers alike.
SamplingParams stage2(std::uint64_t seed, int top_k, int max_new_tokens) {
    SamplingParams p;
    p.temperature = 1.2;
    p.top_k = top_k;
    p.top_p = 0.95;
    p.max_new_tokens = max_new_tokens;
    p.seed = seed;
    return p;
}

}  // namespace

SamplingParams SamplingParams::stage2Question(std::uint64_t seed) {
    return stage2(seed, 300, 300);
}
SamplingParams SamplingParams::stage2Answer(std::uint64_t seed) {
    return stage2(seed, 100, 1024);
}

namespace {

std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// Uniform in [0, 1) with 53 random bits from the row's generator.
double uniform(torch::Generator& gen) {
    const std::uint64_t r = gen.get<at::CPUGeneratorImpl>()->random64();
    return static_cast<double>(r >> 11) * (1.0 / 9007199254740992.0);
}

[[noreturn]] void nanError(std::int64_t row) {
    throw std::runtime_error("sampler: the logits of batch row " + std::to_string(row) + " contain NaN");
}

std::int32_t argmaxRow(const float* l, std::int64_t vocab, std::int64_t row) {
    std::int64_t best = 0;
    float best_v = l[0];
    if (std::isnan(best_v)) nanError(row);
    for (std::int64_t v = 1; v < vocab; ++v) {
        const float x = l[v];
        if (x > best_v) {
            best_v = x;
            best = v;
        } else if (std::isnan(x)) {
            nanError(row);
        }
    }
    return static_cast<std::int32_t>(best);
}

// The k-th largest of l[0..n) (1 <= k < n); `heap` is scratch.
float kthLargest(const float* l, std::int64_t n, std::int64_t k, std::vector<float>& heap) {
    if (k * 8 <= n) {  // min-heap of the k largest seen so far: one compare for most elements
        heap.assign(l, l + k);
        std::make_heap(heap.begin(), heap.end(), std::greater<float>());
        for (std::int64_t v = k; v < n; ++v)
            if (l[v] > heap.front()) {
                std::pop_heap(heap.begin(), heap.end(), std::greater<float>());
                heap.back() = l[v];
                std::push_heap(heap.begin(), heap.end(), std::greater<float>());
            }
        return heap.front();
    }
    heap.assign(l, l + n);
    std::nth_element(heap.begin(), heap.begin() + (k - 1), heap.end(), std::greater<float>());
    return heap[static_cast<std::size_t>(k - 1)];
}

}  // namespace

bool Sampler::byValueDesc(const Candidate& a, const Candidate& b) {
    return a.value > b.value || (a.value == b.value && a.id < b.id);
}

// Moves the c best candidates of [first, last) (by byValueDesc) to [first, first + c), in any order.
void Sampler::selectTop(Candidate* first, Candidate* last, std::size_t c) {
    const auto n = static_cast<std::size_t>(last - first);
    if (c == 0 || c >= n) return;
    if (c * 8 > n) {
        std::nth_element(first, first + c, last, byValueDesc);
        return;
    }
    std::make_heap(first, first + c, byValueDesc);  // front: the worst of the c kept so far
    for (Candidate* it = first + c; it != last; ++it)
        if (byValueDesc(*it, *first)) {
            std::pop_heap(first, first + c, byValueDesc);
            std::swap(first[c - 1], *it);
            std::push_heap(first, first + c, byValueDesc);
        }
}

std::uint64_t Sampler::rowSeed(std::uint64_t seed, std::uint64_t stream_id) {
    return splitmix64(splitmix64(seed) ^ splitmix64(stream_id ^ 0x5851F42D4C957F2DULL));
}

Sampler::Sampler(const SamplingParams& params, std::int64_t rows)
    : Sampler(params, [rows] {
          if (rows < 0) throw std::invalid_argument("sampler: negative row count " + std::to_string(rows));
          std::vector<std::uint64_t> ids(static_cast<std::size_t>(rows));
          std::iota(ids.begin(), ids.end(), std::uint64_t{0});
          return ids;
      }()) {}

Sampler::Sampler(const SamplingParams& params, std::vector<std::uint64_t> stream_ids) : params_(params) {
    params_.validate();
    gens_.reserve(stream_ids.size());
    for (auto id : stream_ids)
        gens_.push_back(at::make_generator<at::CPUGeneratorImpl>(rowSeed(params_.seed, id)));
}

torch::Tensor Sampler::sample(const torch::Tensor& logits,
                              const std::vector<std::vector<std::int32_t>>& histories) {
    std::vector<std::int32_t> tokens;
    sampleInto(logits, histories, tokens);
    auto out = torch::empty({static_cast<std::int64_t>(tokens.size())}, torch::kLong);
    auto* p = out.data_ptr<std::int64_t>();
    for (std::size_t i = 0; i < tokens.size(); ++i) p[i] = tokens[i];
    return out;
}

torch::Tensor Sampler::checkLogits(const torch::Tensor& logits,
                                   const std::vector<std::vector<std::int32_t>>& histories,
                                   const std::vector<std::int64_t>* row_map) const {
    torch::Tensor x = logits;
    if (x.dim() == 3) x = x.select(1, x.size(1) - 1);  // [N, T, V] -> [N, V]: last position
    if (x.dim() != 2)
        throw std::invalid_argument("sampler: logits must be [N, V] or [N, T, V], got " +
                                    std::to_string(logits.dim()) + " dimensions");
    if (!x.is_floating_point())
        throw std::invalid_argument("sampler: logits must be a floating-point tensor");
    const std::int64_t n = x.size(0);
    if (x.size(1) <= 0) throw std::invalid_argument("sampler: logits have an empty vocabulary dimension");
    if (row_map) {
        if (static_cast<std::int64_t>(row_map->size()) != n)
            throw std::invalid_argument("sampler: row_map has " + std::to_string(row_map->size()) +
                                        " entries for " + std::to_string(n) + " logits rows");
        for (std::size_t i = 0; i < row_map->size(); ++i) {
            const auto r = (*row_map)[i];
            if (r < 0 || r >= rows())
                throw std::invalid_argument("sampler: row_map entry " + std::to_string(r) + " outside 0.." +
                                            std::to_string(rows() - 1));
            for (std::size_t j = 0; j < i; ++j)  // a generator serves one row per step
                if ((*row_map)[j] == r)
                    throw std::invalid_argument("sampler: row_map names sampler row " + std::to_string(r) +
                                                " twice");
        }
    } else if (n != rows()) {
        throw std::invalid_argument("sampler: logits have " + std::to_string(n) + " rows, the sampler " +
                                    std::to_string(rows()));
    }
    if (!histories.empty() && static_cast<std::int64_t>(histories.size()) != n)
        throw std::invalid_argument("sampler: " + std::to_string(histories.size()) + " histories for " +
                                    std::to_string(n) + " logits rows");
    return x;
}

float* Sampler::copyToWork(const torch::Tensor& x) {
    const std::int64_t n = x.size(0), vocab = x.size(1);
    if (!work_.defined() || work_.size(0) < n || work_.size(1) != vocab)
        work_ = torch::empty({std::max<std::int64_t>(n, work_.defined() ? work_.size(0) : 0), vocab},
                             torch::kFloat);
    auto work = work_.narrow(0, 0, n);  // [N, V] float32, contiguous rows
    work.copy_(x);
    if (scratch_.size() < static_cast<std::size_t>(n)) scratch_.resize(static_cast<std::size_t>(n));
    return work.data_ptr<float>();
}

void Sampler::sampleInto(const torch::Tensor& logits, const std::vector<std::vector<std::int32_t>>& histories,
                         std::vector<std::int32_t>& out, const std::vector<std::int64_t>* row_map) {
    const torch::Tensor x = checkLogits(logits, histories, row_map);  // [N, V]
    const std::int64_t n = x.size(0), vocab = x.size(1);
    out.resize(static_cast<std::size_t>(n));
    if (n == 0) return;

    const bool penalty = params_.repetition_penalty != 1.0 && !histories.empty();
    if (params_.isGreedy() && !penalty) {
        if (x.device().is_cpu() && x.scalar_type() == torch::kFloat && x.stride(1) == 1) {
            const float* base = x.data_ptr<float>();  // no copy, no allocation
            for (std::int64_t i = 0; i < n; ++i) out[i] = argmaxRow(base + i * x.stride(0), vocab, i);
            return;
        }
        // Other devices and dtypes: argmax where the logits live; N indices come back.
        const auto idx = x.argmax(-1).to(torch::kCPU, torch::kLong).contiguous();  // [N]
        const auto* p = idx.data_ptr<std::int64_t>();
        for (std::int64_t i = 0; i < n; ++i) out[i] = static_cast<std::int32_t>(p[i]);
        return;
    }

    float* base = copyToWork(x);
    // Rows in parallel only when a row is worth a thread hand-off (about 32K logits per task).
    const std::int64_t grain = std::max<std::int64_t>(1, 32768 / vocab);
    at::parallel_for(0, n, grain, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t i = begin; i < end; ++i) {
            const auto* hist = histories.empty() ? nullptr : &histories[static_cast<std::size_t>(i)];
            const std::int64_t gen_row = row_map ? (*row_map)[static_cast<std::size_t>(i)] : i;
            out[static_cast<std::size_t>(i)] = sampleRow(base + i * vocab, vocab, hist, gen_row, scratch_[i]);
        }
    });
}

torch::Tensor Sampler::distribution(const torch::Tensor& logits,
                                    const std::vector<std::vector<std::int32_t>>& histories) {
    const torch::Tensor x = checkLogits(logits, histories, nullptr);  // [N, V]
    const std::int64_t n = x.size(0), vocab = x.size(1);
    auto probs = torch::zeros({n, vocab}, torch::kFloat);  // [N, V]
    if (n == 0) return probs;
    float* base = copyToWork(x);
    for (std::int64_t i = 0; i < n; ++i) {
        float* l = base + i * vocab;
        float* p = probs.data_ptr<float>() + i * vocab;
        penalize(l, vocab, histories.empty() ? nullptr : &histories[static_cast<std::size_t>(i)],
                 scratch_[i]);
        if (params_.isGreedy()) {
            p[argmaxRow(l, vocab, i)] = 1.0f;
            continue;
        }
        double total = 0.0;
        const std::size_t m = filterRow(l, vocab, i, scratch_[i], total);
        for (std::size_t j = 0; j < m; ++j)
            p[scratch_[i].cand[j].id] = static_cast<float>(scratch_[i].cand[j].value / total);
    }
    return probs;
}

void Sampler::penalize(float* l, std::int64_t vocab, const std::vector<std::int32_t>* history,
                       RowScratch& s) const {
    // 1. Repetition penalty (CTRL / HF RepetitionPenaltyLogitsProcessor): once per distinct token.
    if (history && params_.repetition_penalty != 1.0) {
        if (static_cast<std::int64_t>(s.seen.size()) != vocab) {
            s.seen.assign(static_cast<std::size_t>(vocab), 0);
            s.stamp = 0;
        }
        if (++s.stamp == 0) {  // wrapped: clear the stamps once every 2^32 steps
            std::fill(s.seen.begin(), s.seen.end(), 0);
            s.stamp = 1;
        }
        const float p = static_cast<float>(params_.repetition_penalty);
        for (const std::int32_t t : *history) {
            if (t < 0 || t >= vocab)
                throw std::invalid_argument("sampler: history token " + std::to_string(t) +
                                            " outside the vocabulary 0.." + std::to_string(vocab - 1));
            if (s.seen[t] == s.stamp) continue;
            s.seen[t] = s.stamp;
            l[t] = l[t] < 0.0f ? l[t] * p : l[t] / p;
        }
    }
}

std::size_t Sampler::filterRow(float* l, std::int64_t vocab, std::int64_t gen_row, RowScratch& s,
                               double& total) const {
    // 2. Temperature.
    if (params_.temperature != 1.0) {
        const float t = static_cast<float>(params_.temperature);
        for (std::int64_t v = 0; v < vocab; ++v) l[v] /= t;
    }

    // 3. Top-k (HF TopKLogitsWarper: drop logits below the k-th largest; ties with it stay).
    // Candidates: the logits >= kth that are not -inf (masked).
    constexpr float kNegInf = -std::numeric_limits<float>::infinity();
    float kth = kNegInf;
    if (params_.top_k > 0 && params_.top_k < vocab) {
        for (std::int64_t v = 0; v < vocab; ++v)  // NaN would break the selection's ordering
            if (std::isnan(l[v])) nanError(gen_row);
        kth = kthLargest(l, vocab, params_.top_k, s.values);
    }
    auto& cand = s.cand;
    cand.resize(static_cast<std::size_t>(vocab));
    std::size_t m = 0;
    float mx = kNegInf;
    for (std::int64_t v = 0; v < vocab; ++v) {
        const float x = l[v];
        if (std::isnan(x)) nanError(gen_row);
        if (x >= kth && x != kNegInf) {
            cand[m++] = {x, static_cast<std::int32_t>(v)};
            mx = std::max(mx, x);
        }
    }
    if (m == 0)
        throw std::runtime_error("sampler: every logit of batch row " + std::to_string(gen_row) + " is -inf");

    // Softmax numerators over the candidates (float32, as HF's softmax). A plain loop: torch's
    // vectorised exp_ opens an OpenMP region from 2048 elements on, which costs more than it saves
    // for one row (and stalls badly on a loaded machine).
    total = 0.0;
    for (std::size_t j = 0; j < m; ++j) total += (cand[j].value = std::exp(cand[j].value - mx));

    // 4. Top-p (HF TopPLogitsWarper): in descending order keep a token while the mass before it is
    // below top_p; the most likely token always stays. Sorted lazily in growing chunks.
    if (params_.top_p < 1.0 && m > 1) {
        const double target = params_.top_p * total;
        std::size_t sorted = 0, chunk = std::min<std::size_t>(m, 256);
        double before = 0.0;
        std::size_t kept = 0;
        while (kept == 0) {
            if (chunk < m) selectTop(cand.data() + sorted, cand.data() + m, chunk - sorted);
            std::sort(cand.begin() + sorted, cand.begin() + chunk, byValueDesc);
            for (std::size_t j = sorted; j < chunk; ++j) {
                if (j > 0 && before >= target) {
                    kept = j;
                    break;
                }
                before += cand[j].value;
            }
            if (kept == 0 && chunk == m) kept = m;
            sorted = chunk;
            chunk = std::min(m, chunk * 4);
        }
        m = kept;
        total = 0.0;
        for (std::size_t j = 0; j < m; ++j) total += cand[j].value;
    }

    return m;
}

std::int32_t Sampler::sampleRow(float* l, std::int64_t vocab, const std::vector<std::int32_t>* history,
                                std::int64_t gen_row, RowScratch& s) {
    penalize(l, vocab, history, s);
    if (params_.isGreedy()) return argmaxRow(l, vocab, gen_row);
    double total = 0.0;
    const std::size_t m = filterRow(l, vocab, gen_row, s, total);
    const auto& cand = s.cand;

    // 5. Multinomial draw: one uniform number per step.
    const double u = uniform(gens_[static_cast<std::size_t>(gen_row)]) * total;
    double acc = 0.0;
    std::size_t last = 0;
    for (std::size_t j = 0; j < m; ++j) {
        if (cand[j].value <= 0.0f) continue;  // underflowed to probability 0: never drawn
        acc += cand[j].value;
        last = j;
        if (u < acc) return cand[j].id;
    }
    return cand[last].id;  // rounding at the very end of the range
}

}  // namespace stllava
