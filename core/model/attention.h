// Scaled dot-product attention shared by the decoder and the vision tower: at::
// scaled_dot_product_attention where libtorch has it (2.x), else an explicit softmax (1.13); one
// query row in float32 on the CPU (decoding) goes to decodeAttention (decode_attention.h).
// Grouped-query attention without copying keys/values: the query heads of one KV head are folded
// into the query-length axis.
#pragma once

#include <torch/torch.h>

namespace stllava::model {

// Additive mask value for disallowed positions (finite, so fully masked rows give no NaN).
inline constexpr double kMaskValue = -1e9;

// q [B, T, H, D]; k, v [B, Hkv, S, D] (H a multiple of Hkv; k/v may be strided views of a cache);
// bias [B, 1, T, S] float32 additive (0 or kMaskValue), or undefined for none.
// Returns [B, T, H * D]. Softmax in float32, result in q's dtype. Scale 1/sqrt(D).
torch::Tensor attention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                        const torch::Tensor& bias);

// Whether attention() uses at::scaled_dot_product_attention in this build.
bool usesFusedAttention();

}  // namespace stllava::model
