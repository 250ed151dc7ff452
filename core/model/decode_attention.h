// Attention of one query position per row over the cached keys (decoding on the CPU in float32):
// per query head the scores, their softmax and the weighted sum of the values in one pass over
// the cache's own memory, without the small matrix products libtorch 1.13 hands to OpenBLAS and
// without temporaries. Same contract as attention() (attention.h) for the shapes it takes.
#pragma once

#include <torch/torch.h>

namespace stllava::model {

// q [B, 1, H, D] contiguous float32 on the CPU; k, v [B, Hkv, S, D] (S >= 1) float32 with unit stride
// along D (views of a cache); bias [B, 1, 1, S] float32 contiguous or undefined; no gradient.
bool decodeAttentionApplies(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                            const torch::Tensor& bias);

// Returns [B, 1, H * D]; query head h reads KV head h / (H / Hkv); scale 1/sqrt(D).
torch::Tensor decodeAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                              const torch::Tensor& bias);

}  // namespace stllava::model
