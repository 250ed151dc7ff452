#include "model/kv_cache.h"

#include <algorithm>
#include <stdexcept>

namespace stllava::model {

void KVCache::allocate(std::int64_t num_layers, std::int64_t batch, std::int64_t num_kv_heads, std::int64_t head_dim,
                       std::int64_t capacity, const torch::TensorOptions& options) {
    if (num_layers <= 0 || batch <= 0 || capacity <= 0)
        throw std::runtime_error("KVCache: layers, batch and capacity must be positive");
    const std::vector<std::int64_t> shape{batch, num_kv_heads, capacity, head_dim};  // [B, Hkv, cap, D]
    const bool same = allocated() && numLayers() == num_layers && keys_[0].sizes() == torch::IntArrayRef(shape) &&
                      keys_[0].scalar_type() == options.dtype().toScalarType() && keys_[0].device() == options.device();
    if (!same) {
        keys_.clear();
        values_.clear();
        for (std::int64_t i = 0; i < num_layers; ++i) {
            keys_.push_back(torch::zeros(shape, options));
            values_.push_back(torch::zeros(shape, options));
        }
        valid_ = torch::zeros({batch, capacity}, options.dtype(torch::kBool));
        next_position_ = torch::zeros({batch}, options.dtype(torch::kInt64));
    }
    capacity_ = capacity;
    batch_ = batch;
    reset();
}

void KVCache::reset() {
    length_ = 0;
    if (!allocated()) return;
    valid_.zero_();
    next_position_.zero_();
}

void KVCache::selectRows(const torch::Tensor& rows) {
    if (!allocated()) return;
    const auto idx = rows.to(valid_.device(), torch::kInt64);
    for (auto& k : keys_) k = k.index_select(0, idx);
    for (auto& v : values_) v = v.index_select(0, idx);
    valid_ = valid_.index_select(0, idx);
    next_position_ = next_position_.index_select(0, idx);
    batch_ = idx.size(0);
}

KVCache KVCache::gather(const std::vector<std::int64_t>& rows, std::int64_t capacity) const {
    if (!allocated()) throw std::runtime_error("KVCache::gather: the cache is not allocated");
    if (capacity < length_) throw std::runtime_error("KVCache::gather: capacity below the filled length");
    const auto idx = torch::tensor(rows, torch::kInt64).to(valid_.device());
    KVCache out;
    const auto& k0 = keys_[0];  // [B, Hkv, cap, D]
    out.allocate(numLayers(), static_cast<std::int64_t>(rows.size()), k0.size(1), k0.size(3), capacity, k0.options());
    for (std::size_t l = 0; l < keys_.size(); ++l) {
        out.keys_[l].narrow(2, 0, length_).copy_(keys_[l].narrow(2, 0, length_).index_select(0, idx));
        out.values_[l].narrow(2, 0, length_).copy_(values_[l].narrow(2, 0, length_).index_select(0, idx));
    }
    out.valid_.narrow(1, 0, length_).copy_(valid_.narrow(1, 0, length_).index_select(0, idx));
    out.next_position_.copy_(next_position_.index_select(0, idx));
    out.length_ = length_;
    return out;
}

KVCache KVCache::concat(const std::vector<const KVCache*>& parts, std::int64_t capacity) {
    std::int64_t rows = 0, length = 0;
    const KVCache* first = nullptr;
    for (const KVCache* p : parts) {
        if (!p || !p->allocated()) continue;
        if (!first) first = p;
        if (p->numLayers() != first->numLayers() || p->keys_[0].size(1) != first->keys_[0].size(1) ||
            p->keys_[0].size(3) != first->keys_[0].size(3) || p->keys_[0].scalar_type() != first->keys_[0].scalar_type() ||
            p->keys_[0].device() != first->keys_[0].device())
            throw std::runtime_error("KVCache::concat: the caches differ in shape, dtype or device");
        rows += p->batch_;
        length = std::max(length, p->length_);
    }
    if (!first) throw std::runtime_error("KVCache::concat: no allocated cache");
    if (capacity < length) throw std::runtime_error("KVCache::concat: capacity below the longest filled length");
    KVCache out;
    const auto& k0 = first->keys_[0];
    out.allocate(first->numLayers(), rows, k0.size(1), k0.size(3), capacity, k0.options());
    std::int64_t row = 0;
    for (const KVCache* p : parts) {
        if (!p || !p->allocated()) continue;
        const std::int64_t n = p->batch_, len = p->length_, at = length - len;
        for (std::size_t l = 0; l < out.keys_.size(); ++l) {
            out.keys_[l].narrow(0, row, n).narrow(2, at, len).copy_(p->keys_[l].narrow(2, 0, len));
            out.values_[l].narrow(0, row, n).narrow(2, at, len).copy_(p->values_[l].narrow(2, 0, len));
        }
        out.valid_.narrow(0, row, n).narrow(1, at, len).copy_(p->valid_.narrow(1, 0, len));
        out.next_position_.narrow(0, row, n).copy_(p->next_position_);
        row += n;
    }
    out.length_ = length;
    return out;
}

std::int64_t KVCache::bytes() const {
    std::int64_t n = 0;
    for (const auto& k : keys_) n += static_cast<std::int64_t>(k.nbytes());
    for (const auto& v : values_) n += static_cast<std::int64_t>(v.nbytes());
    return n;
}

}  // namespace stllava::model
