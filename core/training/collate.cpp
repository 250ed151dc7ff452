#include "training/collate.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <stdexcept>

namespace stllava::training {

using prompt::kIgnoreIndex;
using prompt::kImageTokenId;

std::uint64_t mixSeed(std::uint64_t a, std::uint64_t b) {
    std::uint64_t z = a + 0x9e3779b97f4a7c15ULL * (b + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::int64_t Example::expandedLength(std::int64_t image_tokens) const {
    std::int64_t n = 0;
    for (auto id : ids) n += id == kImageTokenId ? image_tokens : 1;
    return n;
}

std::int64_t Example::targets() const {
    return std::count_if(labels.begin(), labels.end(), [](std::int64_t l) { return l != kIgnoreIndex; });
}

prompt::Conversation questionLearning(const prompt::Conversation& conv, double sq_r, std::uint64_t seed,
                                      std::uint64_t epoch, std::uint64_t index) {
    prompt::Conversation out = conv;
    if (sq_r <= 0.0) return out;
    std::mt19937_64 rng(mixSeed(mixSeed(seed, epoch), index));
    std::uniform_real_distribution<double> u(0.0, 1.0);
    bool first = true;
    for (auto& m : out) {
        if (m.role != prompt::Role::User) continue;
        if (first) {
            first = false;
            continue;
        }
        if (u(rng) < sq_r) m.role = prompt::Role::VUser;
    }
    return out;
}

void truncate(Example& ex, std::int64_t max_length, std::int64_t image_tokens) {
    if (ex.expandedLength(image_tokens) <= max_length) return;
    std::int64_t pos = 0;
    std::size_t keep = 0;
    for (; keep < ex.ids.size(); ++keep) {
        const std::int64_t w = ex.ids[keep] == kImageTokenId ? image_tokens : 1;
        if (pos + w > max_length) {
            if (ex.ids[keep] == kImageTokenId)
                throw std::runtime_error("the image does not fit in max_length " + std::to_string(max_length));
            break;
        }
        pos += w;
    }
    ex.ids.resize(keep);
    ex.labels.resize(keep);
    if (ex.targets() == 0)
        throw std::runtime_error("no answer token fits in max_length " + std::to_string(max_length));
}

namespace {

Example fromSegments(const Tokenizer& tok, const std::vector<prompt::Segment>& segs, const std::string& image,
                     const CollateOptions& options, const std::string& what) {
    try {
        prompt::TokenizedPrompt tp = prompt::tokenizeSegments(tok, segs);
        Example ex;
        ex.ids = std::move(tp.ids);
        ex.labels = std::move(tp.labels);
        ex.image = image;
        truncate(ex, options.max_length, options.image_tokens);
        return ex;
    } catch (const std::exception& e) {
        throw std::runtime_error(what + ": " + e.what());
    }
}

std::string itemName(const std::string& id, std::uint64_t index) {
    return "item " + std::to_string(index) + (id.empty() ? "" : " (id " + id + ")");
}

}  // namespace

Example instructExample(const Tokenizer& tok, const InstructItem& item, const DataOptions& data,
                        const CollateOptions& options, std::uint64_t epoch, std::uint64_t index) {
    const prompt::Template& tmpl = prompt::getTemplate(options.template_name);
    const prompt::Conversation conv = questionLearning(item.conversation, options.sq_r, options.seed, epoch, index);
    std::vector<prompt::Segment> segs;
    try {
        segs = prompt::renderTraining(tmpl, conv);
    } catch (const std::exception& e) {
        throw std::runtime_error(itemName(item.id, index) + ": " + e.what());
    }
    return fromSegments(tok, segs, imagePath(data, item.image), options, itemName(item.id, index));
}

Example preferenceExample(const Tokenizer& tok, const PreferenceItem& item, bool chosen, const DataOptions& data,
                          const CollateOptions& options) {
    const prompt::Template& tmpl = prompt::getTemplate(options.template_name);
    prompt::Conversation conv = item.prompt;
    conv.push_back({prompt::Role::Assistant, chosen ? item.chosen : item.rejected});
    std::vector<prompt::Segment> segs = prompt::renderTraining(tmpl, conv);
    // Only the final answer is scored: clear every target flag but the last one.
    auto last = std::find_if(segs.rbegin(), segs.rend(), [](const prompt::Segment& s) { return s.target; });
    for (auto it = segs.rbegin(); it != segs.rend(); ++it)
        if (it != last) it->target = false;
    return fromSegments(tok, segs, imagePath(data, item.image), options,
                        "preference item " + item.id + (chosen ? " (chosen)" : " (rejected)"));
}

Batch collate(const std::vector<Example>& examples, const CollateOptions& options, const ImageLoader& load_image) {
    if (examples.empty()) throw std::runtime_error("collate: empty batch");
    std::size_t T = 0;
    for (const auto& e : examples) T = std::max(T, e.ids.size());
    const auto B = static_cast<std::int64_t>(examples.size());
    Batch b;
    b.input_ids = torch::full({B, static_cast<std::int64_t>(T)}, options.pad_id, torch::kInt64);    // [B, T]
    b.attention_mask = torch::zeros({B, static_cast<std::int64_t>(T)}, torch::kInt64);             // [B, T]
    b.labels = torch::full({B, static_cast<std::int64_t>(T)}, kIgnoreIndex, torch::kInt64);        // [B, T]
    auto ids = b.input_ids.accessor<std::int64_t, 2>();
    auto mask = b.attention_mask.accessor<std::int64_t, 2>();
    auto labels = b.labels.accessor<std::int64_t, 2>();
    std::vector<torch::Tensor> pixels;
    for (std::int64_t r = 0; r < B; ++r) {
        const Example& e = examples[static_cast<std::size_t>(r)];
        for (std::size_t t = 0; t < e.ids.size(); ++t) {
            ids[r][static_cast<std::int64_t>(t)] = e.ids[t];
            mask[r][static_cast<std::int64_t>(t)] = 1;
            labels[r][static_cast<std::int64_t>(t)] = e.labels[t];
            if (e.ids[t] == kImageTokenId) {
                if (!load_image) throw std::runtime_error("collate: an item has an image but no image loader is set");
                pixels.push_back(load_image(e.image));  // [3, S, S]
            }
        }
        b.tokens += e.expandedLength(options.image_tokens);
        b.target_tokens += e.targets();
    }
    if (!pixels.empty()) b.pixel_values = torch::stack(pixels);  // [N, 3, S, S]
    return b;
}

std::vector<std::vector<std::size_t>> epochBatches(const std::vector<std::int64_t>& lengths, std::int64_t batch_size,
                                                   std::uint64_t seed, std::uint64_t epoch, bool shuffle,
                                                   bool group_by_length, std::int64_t mega_batch) {
    if (batch_size <= 0) throw std::runtime_error("batch size must be positive");
    std::vector<std::size_t> order(lengths.size());
    std::iota(order.begin(), order.end(), 0);
    if (shuffle) {
        std::mt19937_64 rng(mixSeed(seed ^ 0x5348554646ULL, epoch));
        // Fisher-Yates with our own draw (std::shuffle's draws are implementation-defined).
        for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    }
    if (group_by_length && mega_batch > 1) {
        for (std::size_t s = 0; s < order.size(); s += static_cast<std::size_t>(mega_batch)) {
            const auto e = std::min(order.size(), s + static_cast<std::size_t>(mega_batch));
            std::stable_sort(order.begin() + static_cast<std::ptrdiff_t>(s), order.begin() + static_cast<std::ptrdiff_t>(e),
                             [&](std::size_t a, std::size_t b) { return lengths[a] > lengths[b]; });
        }
    }
    std::vector<std::vector<std::size_t>> batches;
    for (std::size_t s = 0; s < order.size(); s += static_cast<std::size_t>(batch_size))
        batches.emplace_back(order.begin() + static_cast<std::ptrdiff_t>(s),
                             order.begin() + static_cast<std::ptrdiff_t>(std::min(order.size(), s + static_cast<std::size_t>(batch_size))));
    return batches;
}

}  // namespace stllava::training
