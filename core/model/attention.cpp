#include "model/attention.h"

#include "model/decode_attention.h"

#include <torch/version.h>

#include <cmath>

namespace stllava::model {

bool usesFusedAttention() {
#if TORCH_VERSION_MAJOR >= 2
    return true;
#else
    return false;
#endif
}

torch::Tensor attention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                        const torch::Tensor& bias) {
    if (decodeAttentionApplies(q, k, v, bias)) return decodeAttention(q, k, v, bias);  // one query row (decoding)
    const auto B = q.size(0), T = q.size(1), H = q.size(2), D = q.size(3);
    const auto Hkv = k.size(1), S = k.size(2);
    const auto G = H / Hkv;
    // Query heads h = j * G + g share KV head j (transformers' repeat_kv order).
    auto qg = q.view({B, T, Hkv, G, D}).permute({0, 2, 3, 1, 4}).reshape({B, Hkv, G * T, D});  // [B, Hkv, G*T, D]
#if TORCH_VERSION_MAJOR >= 2
    torch::Tensor out;
    if (bias.defined()) {
        auto mask = bias.unsqueeze(2).expand({B, 1, G, T, S}).reshape({B, 1, G * T, S});  // [B, 1, G*T, S]
        if (q.scalar_type() == torch::kHalf) mask = mask.clamp_min(-30000.0);
        out = at::scaled_dot_product_attention(qg, k, v, mask.to(q.scalar_type()), 0.0, false);
    } else {
        out = at::scaled_dot_product_attention(qg, k, v, {}, 0.0, false);
    }  // [B, Hkv, G*T, D]
#else
    const double scale = 1.0 / std::sqrt(static_cast<double>(D));
    auto scores = torch::matmul(qg, k.transpose(-1, -2)) * scale;  // [B, Hkv, G*T, S]
    torch::Tensor probs;
    if (bias.defined()) {
        auto s5 = scores.to(torch::kFloat32).view({B, Hkv, G, T, S}) + bias.unsqueeze(2);  // [B, Hkv, G, T, S]
        probs = torch::softmax(s5, -1).to(q.scalar_type()).view({B, Hkv, G * T, S});
    } else {
        probs = torch::softmax(scores, -1, torch::kFloat32).to(q.scalar_type());
    }
    auto out = torch::matmul(probs, v);  // [B, Hkv, G*T, D]
#endif
    return out.view({B, Hkv, G, T, D}).permute({0, 3, 1, 2, 4}).reshape({B, T, H * D});  // [B, T, H*D]
}

}  // namespace stllava::model
