// Key/value cache of the decoder for generation: one preallocated [B, Hkv, capacity, D] key and
// value tensor per layer, a [B, capacity] validity mask (false at left-padding slots) and each
// row's next RoPE position. A decode step writes into the slots at `length()` in place; no tensor
// is allocated per token here. All rows advance together (left padding keeps them aligned).
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace stllava::model {

class KVCache {
public:
    // (Re)allocates when the shape, dtype or device differ from what is held; otherwise keeps the
    // memory. Always resets the cache to empty.
    void allocate(std::int64_t num_layers, std::int64_t batch, std::int64_t num_kv_heads, std::int64_t head_dim,
                  std::int64_t capacity, const torch::TensorOptions& options);
    void reset();  // empty again (length 0, positions 0); keeps the memory
    bool allocated() const { return !keys_.empty(); }

    std::int64_t length() const { return length_; }  // slots filled so far (same for every row)
    std::int64_t capacity() const { return capacity_; }
    std::int64_t batch() const { return batch_; }
    std::int64_t numLayers() const { return static_cast<std::int64_t>(keys_.size()); }

    // [B, Hkv, capacity, D]
    torch::Tensor& keys(std::int64_t layer) { return keys_.at(static_cast<std::size_t>(layer)); }
    torch::Tensor& values(std::int64_t layer) { return values_.at(static_cast<std::size_t>(layer)); }
    // [B, capacity] bool: the slot holds a real token (not padding).
    torch::Tensor& valid() { return valid_; }
    // [B] int64: the RoPE position the row's next real token gets.
    torch::Tensor& nextPosition() { return next_position_; }

    // Called by the decoder after all layers wrote `n` new slots.
    void advance(std::int64_t n) { length_ += n; }
    // Keeps only the given rows (batch index list, int64 on any device), e.g. to drop finished
    // sequences. Allocates new, smaller tensors.
    void selectRows(const torch::Tensor& rows);

    std::int64_t bytes() const;

    // A new cache holding copies of the given rows (indices into this cache, repeats allowed: one
    // prefilled prompt forked into several continuations), with `capacity` slots (>= length()).
    KVCache gather(const std::vector<std::int64_t>& rows, std::int64_t capacity) const;
    // The caches one after another along the batch, filled slots right-aligned: the result's length
    // is the largest length, and a shorter cache's rows get invalid (padding) slots in front, which
    // attention masks out; RoPE positions are per row, so nothing else changes. capacity >= that
    // length. All parts must share layers, heads, head size, dtype and device.
    static KVCache concat(const std::vector<const KVCache*>& parts, std::int64_t capacity);

private:
    std::vector<torch::Tensor> keys_, values_;
    torch::Tensor valid_, next_position_;
    std::int64_t length_ = 0, capacity_ = 0, batch_ = 0;
};

}  // namespace stllava::model
