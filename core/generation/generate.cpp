// The generation loop: batch -> multimodal prefill on a KV cache -> one decode step per token.
#include "generation/generate.h"

#include "generation/sampler.h"
#include "generation/stop_matcher.h"
#include "generation/stream_decoder.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <stdexcept>

namespace stllava {
namespace {

using model::KVCache;
using model::LlavaForCausalLM;
using Reason = GenerationResult::StopReason;

// One prompt's state during decoding.
struct RowState {
    std::size_t request = 0;  // index in `requests`
    bool done = false;
    std::unique_ptr<StreamDecoder> decoder;  // null without a tokenizer
    std::unique_ptr<StopMatcher> stop;
    std::vector<std::int32_t> history;  // repetition-penalty history
};

class BatchRunner {
public:
    BatchRunner(LlavaForCausalLM& model, const Tokenizer* tok, const GenerateOptions& options, const TokenCallback& cb,
                std::vector<GenerationResult>& results, KVCache& cache)
        : model_(model), tok_(tok), opt_(options), cb_(cb), results_(results), cache_(cache) {
        eos_ = options.eos_id >= 0 ? options.eos_id
               : tok ? tok->eosId()
                     : static_cast<std::int32_t>(model->config().text.eos_token_id);
    }

    // Returns false when generation was cancelled (the caller stops all further batches).
    bool run(const std::vector<GenerationRequest>& requests, std::size_t first, std::size_t count) {
        const auto B = static_cast<std::int64_t>(count);
        const auto dev = model_->device();
        std::int64_t T = 1;
        for (std::size_t i = 0; i < count; ++i) T = std::max<std::int64_t>(T, requests[first + i].input_ids.size());
        // Right-padded ids; prepareInputs re-pads on the left after expanding images.
        auto ids = torch::zeros({B, T}, torch::kInt64);
        auto mask = torch::zeros({B, T}, torch::kInt64);
        std::vector<torch::Tensor> pixels;
        std::vector<std::uint64_t> streams;
        rows_.clear();
        for (std::size_t i = 0; i < count; ++i) {
            const auto& req = requests[first + i];
            if (req.input_ids.empty()) throw std::invalid_argument("generate: prompt " + std::to_string(first + i) + " is empty");
            const auto n = static_cast<std::int64_t>(req.input_ids.size());
            ids[static_cast<std::int64_t>(i)].narrow(0, 0, n).copy_(torch::tensor(req.input_ids, torch::kInt64));
            mask[static_cast<std::int64_t>(i)].narrow(0, 0, n).fill_(1);
            if (req.pixel_values.defined()) pixels.push_back(req.pixel_values.dim() == 3 ? req.pixel_values.unsqueeze(0) : req.pixel_values);
            streams.push_back(first + i);
            RowState row;
            row.request = first + i;
            if (tok_) {
                row.decoder = std::make_unique<StreamDecoder>(*tok_);
                row.stop = std::make_unique<StopMatcher>(opt_.sampling.stop_strings, opt_.sampling.stop_on_eos ? eos_ : -1);
            }
            if (opt_.penalty_includes_prompt)
                for (auto id : req.input_ids)
                    if (id >= 0) row.history.push_back(static_cast<std::int32_t>(id));
            rows_.push_back(std::move(row));
        }
        Sampler sampler(opt_.sampling, streams);
        const auto pixel_values = pixels.empty() ? torch::Tensor() : torch::cat(pixels, 0);  // [N, 3, S, S]
        auto in = model_->prepareInputs(ids, pixel_values, mask, {}, model::PaddingSide::Left);
        const auto prompt_len = in.embeds.size(1);
        const auto max_new = opt_.sampling.max_new_tokens;
        model_->allocateCache(cache_, B, prompt_len + std::max(max_new, 1));
        auto hidden = model_->decode(in.embeds, in.attention_mask, &cache_);        // [B, T', H]
        auto logits = maskUnknownIds(model_->logits(hidden.narrow(1, prompt_len - 1, 1)));  // [B, 1, V]

        // Step buffers, reused every token.
        auto next_cpu = torch::zeros({B, 1}, torch::kInt64);
        auto next_dev = next_cpu.to(dev);
        auto step_mask = torch::ones({B, 1}, torch::TensorOptions().dtype(torch::kInt64).device(dev));
        auto* next_ptr = next_cpu.data_ptr<std::int64_t>();
        std::vector<std::int32_t> tokens;
        std::vector<std::vector<std::int32_t>> histories(count);
        const bool penalty = opt_.sampling.repetition_penalty != 1.0;
        for (int step = 0; step < max_new; ++step) {
            if (penalty)
                for (std::size_t i = 0; i < count; ++i) histories[i] = rows_[i].history;  // copies reuse capacity
            sampler.sampleInto(logits, penalty ? histories : std::vector<std::vector<std::int32_t>>{}, tokens);
            bool cancelled = opt_.cancel && opt_.cancel->load();
            bool mask_changed = false;
            for (std::size_t i = 0; i < count && !cancelled; ++i) {
                auto& row = rows_[i];
                if (row.done) continue;
                if (!accept(row, tokens[i], step + 1 == max_new)) cancelled = true;
                if (row.done) mask_changed = true;
            }
            if (cancelled) {
                finishAll(Reason::Cancelled);
                return false;
            }
            if (std::all_of(rows_.begin(), rows_.end(), [](const RowState& r) { return r.done; })) return true;
            for (std::size_t i = 0; i < count; ++i) next_ptr[i] = rows_[i].done ? 0 : tokens[i];
            next_dev.copy_(next_cpu);
            if (mask_changed)
                for (std::size_t i = 0; i < count; ++i)
                    if (rows_[i].done) step_mask[static_cast<std::int64_t>(i)].fill_(0);
            hidden = model_->decode(model_->embedTokens(next_dev), step_mask, &cache_);  // [B, 1, H]
            logits = maskUnknownIds(model_->logits(hidden));                             // [B, 1, V]
        }
        finishAll(Reason::MaxTokens);
        return true;
    }

private:
    // A model vocabulary larger than the tokenizer's (llava-hf pads 32000 pieces to 32064
    // embeddings): ids the tokenizer cannot spell get logit -inf, so they are never sampled.
    torch::Tensor maskUnknownIds(torch::Tensor logits) const {
        if (!tok_) return logits;
        const std::int64_t known = tok_->vocabSize(), V = logits.size(-1);
        if (V > known) logits.narrow(-1, known, V - known).fill_(-std::numeric_limits<float>::infinity());
        return logits;
    }

    // Takes one token for a row; returns false when the callback asked to cancel.
    bool accept(RowState& row, std::int32_t token, bool last_step) {
        auto& res = results_[row.request];
        const int r = static_cast<int>(row.request);
        const bool is_eos = opt_.sampling.stop_on_eos && token == eos_;
        if (!tok_) {
            if (is_eos) return finish(row, Reason::Eos);
            res.tokens.push_back(token);
            row.history.push_back(token);
            const bool keep = !cb_ || cb_(r, token, {});
            if (last_step) row.done = true, res.stop_reason = Reason::MaxTokens;
            return keep;
        }
        StopMatcher::Step s;
        if (is_eos) {
            s = row.stop->push(token, row.decoder->flush());
        } else {
            res.tokens.push_back(token);
            row.history.push_back(token);
            s = row.stop->push(token, row.decoder->push(token));
        }
        res.text += s.text;
        bool keep = true;
        if (!is_eos && cb_) keep = cb_(r, token, s.text);
        else if (is_eos && cb_ && !s.text.empty()) keep = cb_(r, -1, s.text);
        if (s.stopped) {
            row.done = true;
            res.stop_reason = s.reason;
        } else if (last_step) {
            keep = finish(row, Reason::MaxTokens) && keep;
        }
        return keep;
    }

    // Ends a row: releases held text (reported with token -1), sets the reason.
    bool finish(RowState& row, Reason reason) {
        auto& res = results_[row.request];
        bool keep = true;
        if (tok_ && row.stop && !row.stop->stopped()) {
            auto s = row.stop->finish(row.decoder->flush());
            res.text += s.text;
            if (s.stopped) reason = s.reason == Reason::MaxTokens ? reason : s.reason;
            if (cb_ && !s.text.empty()) keep = cb_(static_cast<int>(row.request), -1, s.text);
        }
        row.done = true;
        res.stop_reason = reason;
        return keep;
    }

    void finishAll(Reason reason) {
        for (auto& row : rows_)
            if (!row.done) {
                if (reason == Reason::Cancelled) row.done = true, results_[row.request].stop_reason = reason;
                else finish(row, reason);
            }
    }

    LlavaForCausalLM& model_;
    const Tokenizer* tok_;
    const GenerateOptions& opt_;
    const TokenCallback& cb_;
    std::vector<GenerationResult>& results_;
    KVCache& cache_;
    std::int32_t eos_ = -1;
    std::vector<RowState> rows_;
};

}  // namespace

std::vector<GenerationResult> generate(model::LlavaForCausalLM& model, const Tokenizer* tokenizer,
                                       const std::vector<GenerationRequest>& requests, const GenerateOptions& options,
                                       const TokenCallback& on_token) {
    options.sampling.validate();
    if (!tokenizer && !options.sampling.stop_strings.empty())
        throw std::invalid_argument("generate: stop strings need a tokenizer");
    if (options.max_batch < 1) throw std::invalid_argument("generate: max_batch must be >= 1");
    std::vector<GenerationResult> results(requests.size());
    if (requests.empty()) return results;
    torch::NoGradGuard no_grad;
    const bool was_training = model->is_training();
    model->eval();
    KVCache cache;
    BatchRunner runner(model, tokenizer, options, on_token, results, cache);
    const auto batch = static_cast<std::size_t>(options.max_batch);
    bool cancelled = false;
    for (std::size_t first = 0; first < requests.size(); first += batch) {
        const auto count = std::min(batch, requests.size() - first);
        if (cancelled || (options.cancel && options.cancel->load())) {
            for (std::size_t i = first; i < first + count; ++i) results[i].stop_reason = GenerationResult::StopReason::Cancelled;
            continue;
        }
        if (options.sampling.max_new_tokens == 0) continue;  // MaxTokens, nothing generated
        cancelled = !runner.run(requests, first, count);
    }
    if (was_training) model->train();
    return results;
}

}  // namespace stllava
