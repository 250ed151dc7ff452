// The generation engine: admission (prefill with shared prefixes), per-row sampling, continuous
// batching on one KV cache. See engine.h for the contract.
#include "generation/engine.h"

#include "generation/sampler.h"
#include "generation/stop_matcher.h"
#include "generation/stream_decoder.h"
#include "nn/mode_guard.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <stdexcept>

namespace stllava {
namespace {

using model::KVCache;
using Reason = GenerationResult::StopReason;

struct Row {
    std::size_t request = 0;
    std::unique_ptr<Sampler> sampler;
    std::unique_ptr<StreamDecoder> decoder;  // null without a tokenizer
    std::unique_ptr<StopMatcher> stop;
    std::vector<std::int32_t> history;  // repetition-penalty history
    bool done = false;
};

// A prompt as the decoder sees it: embeddings after image expansion.
struct Prompt {
    std::vector<std::int64_t> ids;
    std::string identity;
    torch::Tensor embeds;  // [1, T', H]
};

// Expanded length of ids[0, n): an image marker stands for `image_tokens` positions.
std::int64_t expandedLength(const std::vector<std::int64_t>& ids, std::size_t n, std::int64_t image_tokens) {
    std::int64_t len = 0;
    for (std::size_t i = 0; i < n; ++i) len += ids[i] == model::kImageTokenId ? image_tokens : 1;
    return len;
}

class Engine {
public:
    Engine(model::LlavaForCausalLM& model, const Tokenizer* tok, const std::vector<SequenceRequest>& requests,
           const EngineOptions& options, const TokenCallback& cb, std::vector<GenerationResult>& results,
           EngineStats& stats)
        : model_(model), tok_(tok), req_(requests), opt_(options), cb_(cb), results_(results), stats_(stats) {
        eos_ = options.eos_id >= 0 ? options.eos_id
               : tok               ? tok->eosId()
                                   : static_cast<std::int32_t>(model->config().text.eos_token_id);
        known_vocab_ = tok ? tok->vocabSize() : std::numeric_limits<std::int64_t>::max();
    }

    void run() {
        std::deque<std::size_t> pending;
        // A row never runs past the model's context: its budget is clamped so that it ends with
        // MaxTokens (finish_reason "length") at the last position, without failing the batch.
        const std::int64_t context = model_->config().text.max_position_embeddings;
        max_new_.resize(req_.size());
        for (std::size_t i = 0; i < req_.size(); ++i) {
            const auto& ids = req_[i].input_ids;
            const std::int64_t room = context - expandedLength(ids, ids.size(), model_->imageTokens());
            max_new_[i] = std::max<std::int64_t>(0, std::min<std::int64_t>(req_[i].sampling.max_new_tokens, room));
        }
        for (std::size_t i = 0; i < req_.size(); ++i) {
            if (max_new_[i] == 0) {
                results_[i].stop_reason = Reason::MaxTokens;
                finished(i);
            } else {
                pending.push_back(i);
            }
        }
        torch::Tensor logits;  // [R, V] for the rows' next token
        while (!pending.empty() || !rows_.empty()) {
            if (opt_.cancel && opt_.cancel->load()) return cancelAll(pending);
            if (static_cast<std::int64_t>(rows_.size()) < opt_.max_batch && !pending.empty()) {
                const auto k = std::min<std::size_t>(static_cast<std::size_t>(opt_.max_batch) - rows_.size(),
                                                     pending.size());
                std::vector<std::size_t> taken(pending.begin(),
                                               pending.begin() + static_cast<std::ptrdiff_t>(k));
                pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(k));
                const bool running = !rows_.empty();
                auto admitted = admit(taken);
                logits = running ? torch::cat({logits, admitted}, 0) : admitted;
            }
            if (!sampleAll(logits)) return cancelAll(pending);
            std::vector<std::int64_t> keep;
            for (std::size_t i = 0; i < rows_.size(); ++i) {
                if (!rows_[i].done)
                    keep.push_back(static_cast<std::int64_t>(i));
                else
                    finished(rows_[i].request);
            }
            if (keep.size() < rows_.size()) {
                std::vector<Row> kept;
                for (auto i : keep) kept.push_back(std::move(rows_[static_cast<std::size_t>(i)]));
                rows_ = std::move(kept);
                if (rows_.empty()) {
                    cache_ = KVCache();
                    logits = torch::Tensor();
                    continue;
                }
                cache_.selectRows(torch::tensor(keep, torch::kInt64));
            }
            // One decode step for every running row.
            const auto R = static_cast<std::int64_t>(rows_.size());
            auto next = torch::empty({R, 1}, torch::kInt64);
            auto* p = next.data_ptr<std::int64_t>();
            for (std::int64_t i = 0; i < R; ++i) p[i] = last_[static_cast<std::size_t>(i)];
            const auto dev = model_->device();
            auto mask = torch::ones({R, 1}, torch::TensorOptions().dtype(torch::kInt64).device(dev));
            auto hidden = model_->decode(model_->embedTokens(next.to(dev)), mask, &cache_);  // [R, 1, H]
            logits = model_->logits(hidden).select(1, 0);                                    // [R, V]
            ++stats_.decode_steps;
        }
    }

private:
    // Prefills the requests (in this order) and joins their rows to the running batch; returns
    // their first-token logits [k, V].
    torch::Tensor admit(const std::vector<std::size_t>& taken) {
        ++stats_.admissions;
        const std::int64_t image_tokens = model_->imageTokens();
        // Identical prompts (same image identity and ids) are prefilled once.
        std::vector<Prompt> uniques;
        std::vector<std::size_t> unique_of(taken.size());
        std::map<std::pair<std::string, std::vector<std::int64_t>>, std::size_t> seen;
        for (std::size_t t = 0; t < taken.size(); ++t) {
            const auto& r = req_[taken[t]];
            const bool has_image =
                std::count(r.input_ids.begin(), r.input_ids.end(), model::kImageTokenId) > 0;
            const bool shareable = !has_image || !r.image_identity.empty();
            const auto key =
                std::make_pair(shareable ? r.image_identity : "#" + std::to_string(taken[t]), r.input_ids);
            auto it = seen.find(key);
            if (it != seen.end() && opt_.share_prefixes) {
                unique_of[t] = it->second;
                continue;
            }
            unique_of[t] = uniques.size();
            seen[key] = uniques.size();
            uniques.push_back(embed(r, key.first));
        }
        // Groups of distinct prompts that share an image and a long enough common prefix.
        std::map<std::string, std::vector<std::size_t>> by_identity;
        for (std::size_t u = 0; u < uniques.size(); ++u) by_identity[uniques[u].identity].push_back(u);
        struct Group {
            std::vector<std::size_t> members;
            std::int64_t prefix = 0;  // expanded positions prefilled once
        };
        std::vector<Group> groups;
        Group unshared;
        for (auto& [identity, members] : by_identity) {
            std::int64_t prefix = 0;
            if (opt_.share_prefixes && members.size() > 1) {
                const auto& first = uniques[members[0]].ids;
                std::size_t lcp = first.size();
                for (auto u : members) {
                    const auto& ids = uniques[u].ids;
                    std::size_t n = 0;
                    while (n < lcp && n < ids.size() && ids[n] == first[n]) ++n;
                    lcp = n;
                }
                for (auto u : members)
                    lcp = std::min(lcp, uniques[u].ids.size() - 1);  // every suffix >= 1 position
                prefix = expandedLength(first, lcp, image_tokens);
            }
            if (prefix >= opt_.min_shared_prefix)
                groups.push_back({members, prefix});
            else
                unshared.members.insert(unshared.members.end(), members.begin(), members.end());
        }
        if (!unshared.members.empty()) groups.push_back(unshared);

        // Each group: prefix once at batch 1, forked; then the suffixes as one left-padded chunk.
        std::vector<KVCache> caches;
        std::vector<torch::Tensor> group_logits;
        std::vector<std::int64_t> row_of_unique(uniques.size());
        std::int64_t row = 0;
        for (const auto& g : groups) {
            const auto U = static_cast<std::int64_t>(g.members.size());
            std::int64_t longest = 0;
            for (auto u : g.members) longest = std::max(longest, uniques[u].embeds.size(1) - g.prefix);
            KVCache cache;
            if (g.prefix > 0) {
                KVCache prefix;
                model_->allocateCache(prefix, 1, g.prefix);
                const auto& e = uniques[g.members[0]].embeds;
                model_->decode(e.narrow(1, 0, g.prefix), torch::Tensor(), &prefix);
                cache = prefix.gather(std::vector<std::int64_t>(static_cast<std::size_t>(U), 0),
                                      g.prefix + longest);
                stats_.prefilled_positions += g.prefix;
            } else {
                model_->allocateCache(cache, U, longest);
            }
            const auto& e0 = uniques[g.members[0]].embeds;
            auto chunk = torch::zeros({U, longest, e0.size(2)}, e0.options());  // [U, Tmax, H]
            auto mask =
                torch::zeros({U, longest}, torch::TensorOptions().dtype(torch::kInt64).device(e0.device()));
            for (std::int64_t i = 0; i < U; ++i) {
                const auto u = g.members[static_cast<std::size_t>(i)];
                const auto& e = uniques[u].embeds;
                const auto n = e.size(1) - g.prefix;
                chunk[i].narrow(0, longest - n, n).copy_(e[0].narrow(0, g.prefix, n));
                mask[i].narrow(0, longest - n, n).fill_(1);
                row_of_unique[u] = row + i;
            }
            auto hidden = model_->decode(chunk, mask, &cache);  // [U, Tmax, H]
            group_logits.push_back(model_->logits(hidden.narrow(1, longest - 1, 1)).select(1, 0));  // [U, V]
            stats_.prefilled_positions += U * longest;
            caches.push_back(std::move(cache));
            row += U;
        }
        // Rows in request order (forked for identical prompts), joined to the running batch.
        std::vector<std::int64_t> rows;
        for (std::size_t t = 0; t < taken.size(); ++t) rows.push_back(row_of_unique[unique_of[t]]);
        std::vector<const KVCache*> parts;
        for (auto& c : caches) parts.push_back(&c);
        std::int64_t length = 0;
        for (auto& c : caches) length = std::max(length, c.length());
        const bool running = !rows_.empty() && cache_.allocated();
        for (auto t : taken) addRow(t);
        const std::int64_t need = remainingSteps();  // cache slots the longest remaining row may use
        KVCache joined = parts.size() == 1 ? std::move(caches[0]) : KVCache::concat(parts, length);
        if (running) {
            KVCache fresh = joined.gather(rows, joined.length());
            cache_ = KVCache::concat({&cache_, &fresh}, std::max(fresh.length(), cache_.length()) + need);
        } else {
            cache_ = joined.gather(rows, joined.length() + need);
        }
        auto logits = torch::cat(group_logits, 0);  // [uniques, V]
        return logits.index_select(0, torch::tensor(rows, torch::kInt64).to(logits.device()));  // [k, V]
    }

    Prompt embed(const SequenceRequest& r, const std::string& identity) {
        if (r.input_ids.empty())
            throw std::invalid_argument("generate: request " + identity + " has an empty prompt");
        Prompt p;
        p.ids = r.input_ids;
        p.identity = identity;
        const auto T = static_cast<std::int64_t>(r.input_ids.size());
        auto ids = torch::tensor(r.input_ids, torch::kInt64).view({1, T});
        torch::Tensor feats = r.image_features, pixels = r.pixel_values;
        if (!feats.defined() && pixels.defined()) {
            if (pixels.dim() == 3) pixels = pixels.unsqueeze(0);
            feats = model_->encodeImages(pixels);  // [N, P, H]
            stats_.images_encoded += feats.size(0);
        }
        auto in = model_->prepareInputs(ids, torch::Tensor(), torch::Tensor(), torch::Tensor(),
                                        model::PaddingSide::Left, feats);
        p.embeds = in.embeds;  // [1, T', H]
        stats_.prompt_positions += p.embeds.size(1);
        return p;
    }

    void addRow(std::size_t request) {
        const auto& r = req_[request];
        Row row;
        row.request = request;
        row.sampler = std::make_unique<Sampler>(r.sampling, std::vector<std::uint64_t>{r.stream_id});
        if (tok_) {
            row.decoder = std::make_unique<StreamDecoder>(*tok_);
            row.stop =
                std::make_unique<StopMatcher>(r.sampling.stop_strings, r.sampling.stop_on_eos ? eos_ : -1);
        }
        if (opt_.penalty_includes_prompt)
            for (auto id : r.input_ids)
                if (id >= 0) row.history.push_back(static_cast<std::int32_t>(id));
        rows_.push_back(std::move(row));
        last_.push_back(0);
    }

    // Most decode steps any running row may still need (its cache slots).
    std::int64_t remainingSteps() const {
        std::int64_t need = 1;
        for (const auto& row : rows_)
            need = std::max<std::int64_t>(need,
                                          max_new_[row.request] -
                                              static_cast<std::int64_t>(results_[row.request].tokens.size()));
        return need;
    }

    // Samples and takes one token for every row; a row whose callback returned false ends as
    // Cancelled. False when the cancel flag is set (the whole call stops).
    bool sampleAll(const torch::Tensor& logits) {
        // One transfer for all rows (the sampler works on the CPU in float32).
        auto cpu = logits.to(torch::kCPU, torch::kFloat32);
        if (cpu.size(-1) > known_vocab_)
            cpu.narrow(-1, known_vocab_, cpu.size(-1) - known_vocab_).fill_(-INFINITY);
        last_.resize(rows_.size());
        std::vector<std::int32_t> token;
        std::vector<std::vector<std::int32_t>> history(1);
        for (std::size_t i = 0; i < rows_.size(); ++i) {
            auto& row = rows_[i];
            const bool penalty = req_[row.request].sampling.repetition_penalty != 1.0;
            if (penalty) history[0] = row.history;
            row.sampler->sampleInto(cpu.narrow(0, static_cast<std::int64_t>(i), 1),
                                    penalty ? history : std::vector<std::vector<std::int32_t>>{}, token);
            last_[i] = token[0];
            const bool last_step = static_cast<int>(results_[row.request].tokens.size()) + 1 >=
                                   max_new_[row.request];
            ++stats_.generated_tokens;
            if (!accept(row, token[0], last_step) && !row.done) {
                // The callback declined this row: it alone ends (no further callbacks for it).
                row.done = true;
                results_[row.request].stop_reason = Reason::Cancelled;
            }
        }
        // Finished rows drop out together with their last_ entries.
        std::vector<std::int32_t> kept;
        for (std::size_t i = 0; i < rows_.size(); ++i)
            if (!rows_[i].done) kept.push_back(last_[i]);
        last_ = std::move(kept);
        return !(opt_.cancel && opt_.cancel->load());
    }

    // Takes one token for a row; returns false when the callback declined the row.
    bool accept(Row& row, std::int32_t token, bool last_step) {
        auto& res = results_[row.request];
        const int r = static_cast<int>(row.request);
        const bool is_eos = req_[row.request].sampling.stop_on_eos && token == eos_;
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
        if (!is_eos && cb_)
            keep = cb_(r, token, s.text);
        else if (is_eos && cb_ && !s.text.empty())
            keep = cb_(r, -1, s.text);
        if (s.stopped) {
            row.done = true;
            res.stop_reason = s.reason;
        } else if (last_step) {
            keep = finish(row, Reason::MaxTokens) && keep;
        }
        return keep;
    }

    // Ends a row: releases held text (reported with token -1), sets the reason.
    bool finish(Row& row, Reason reason) {
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

    void cancelAll(const std::deque<std::size_t>& pending) {
        for (auto& row : rows_) {
            if (!row.done) row.done = true, results_[row.request].stop_reason = Reason::Cancelled;
            finished(row.request);
        }
        for (auto i : pending) {
            results_[i].stop_reason = Reason::Cancelled;
            finished(i);
        }
        rows_.clear();
    }

    void finished(std::size_t request) {
        if (opt_.on_finished) opt_.on_finished(static_cast<int>(request), results_[request]);
    }

    model::LlavaForCausalLM& model_;
    const Tokenizer* tok_;
    const std::vector<SequenceRequest>& req_;
    const EngineOptions& opt_;
    const TokenCallback& cb_;
    std::vector<GenerationResult>& results_;
    EngineStats& stats_;
    std::vector<std::int64_t> max_new_;  // per request: its max_new_tokens within the context
    std::int32_t eos_ = -1;
    std::int64_t known_vocab_;
    std::vector<Row> rows_;           // running rows, in cache row order
    std::vector<std::int32_t> last_;  // each running row's last sampled token (fed next step)
    KVCache cache_;
};

}  // namespace

std::vector<GenerationResult> runEngine(model::LlavaForCausalLM& model, const Tokenizer* tokenizer,
                                        const std::vector<SequenceRequest>& requests,
                                        const EngineOptions& options, const TokenCallback& on_token,
                                        EngineStats* stats) {
    if (options.max_batch < 1) throw std::invalid_argument("generate: max_batch must be >= 1");
    for (std::size_t i = 0; i < requests.size(); ++i) {
        try {
            requests[i].sampling.validate();
        } catch (const std::invalid_argument& e) {
            throw std::invalid_argument("generate: request " + std::to_string(i) + ": " + e.what());
        }
        if (!tokenizer && !requests[i].sampling.stop_strings.empty())
            throw std::invalid_argument("generate: stop strings need a tokenizer");
    }
    std::vector<GenerationResult> results(requests.size());
    EngineStats local;
    if (requests.empty()) return results;
    c10::InferenceMode inference;
    nn::EvalModeGuard eval_mode(*model);
    Engine engine(model, tokenizer, requests, options, on_token, results, stats ? *stats : local);
    engine.run();
    return results;
}

}  // namespace stllava
