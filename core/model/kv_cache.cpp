#include "model/kv_cache.h"

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

std::int64_t KVCache::bytes() const {
    std::int64_t n = 0;
    for (const auto& k : keys_) n += static_cast<std::int64_t>(k.nbytes());
    for (const auto& v : values_) n += static_cast<std::int64_t>(v.nbytes());
    return n;
}

}  // namespace stllava::model
