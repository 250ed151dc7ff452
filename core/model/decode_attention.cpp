#include "model/decode_attention.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace stllava::model {

bool decodeAttentionApplies(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                            const torch::Tensor& bias) {
    if (q.dim() != 4 || k.dim() != 4 || v.dim() != 4 || q.size(1) != 1 || k.size(2) == 0) return false;
    if (!q.device().is_cpu() || !k.device().is_cpu() || !v.device().is_cpu()) return false;
    if (q.scalar_type() != torch::kFloat32 || k.scalar_type() != torch::kFloat32 || v.scalar_type() != torch::kFloat32)
        return false;
    if (!q.is_contiguous() || k.stride(3) != 1 || v.stride(3) != 1 || k.sizes() != v.sizes()) return false;
    if (q.size(0) != k.size(0) || q.size(3) != k.size(3) || k.size(1) == 0 || q.size(2) % k.size(1) != 0) return false;
    if (bias.defined() && (bias.scalar_type() != torch::kFloat32 || !bias.is_contiguous() || bias.dim() != 4 ||
                           bias.size(0) != q.size(0) || bias.size(1) != 1 || bias.size(2) != 1 || bias.size(3) != k.size(2)))
        return false;
    if (torch::GradMode::is_enabled() && (q.requires_grad() || k.requires_grad() || v.requires_grad())) return false;
    return true;
}

torch::Tensor decodeAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                              const torch::Tensor& bias) {
    const std::int64_t B = q.size(0), H = q.size(2), D = q.size(3), Hkv = k.size(1), S = k.size(2), G = H / Hkv;
    auto out = torch::empty({B, 1, H * D}, q.options());
    const float* qp = q.data_ptr<float>();
    const float* kp = k.data_ptr<float>();
    const float* vp = v.data_ptr<float>();
    const float* bp = bias.defined() ? bias.data_ptr<float>() : nullptr;
    float* op = out.data_ptr<float>();
    const auto kb = k.stride(0), kh = k.stride(1), ks = k.stride(2);
    const auto vb = v.stride(0), vh = v.stride(1), vs = v.stride(2);
    const float scale = static_cast<float>(1.0 / std::sqrt(static_cast<double>(D)));
    // a short context is less work than waking the other threads
    const std::int64_t grain = B * H * S * D < (1 << 16) ? B * H : 1;
    at::parallel_for(0, B * H, grain, [&](std::int64_t r0, std::int64_t r1) {
        thread_local std::vector<float> p;
        if (static_cast<std::int64_t>(p.size()) < S) p.resize(static_cast<std::size_t>(S));
        for (std::int64_t r = r0; r < r1; ++r) {
            const std::int64_t b = r / H, h = r % H, j = h / G;
            const float* qr = qp + r * D;
            const float* kr = kp + b * kb + j * kh;
            const float* vr = vp + b * vb + j * vh;
            float m = -INFINITY;
            for (std::int64_t s = 0; s < S; ++s) {
                const float* ksd = kr + s * ks;
                float lanes[8] = {0, 0, 0, 0, 0, 0, 0, 0};  // eight independent partial sums: vectorisable without reordering
                std::int64_t d = 0;
                for (; d + 8 <= D; d += 8)
                    for (int i = 0; i < 8; ++i) lanes[i] += qr[d + i] * ksd[d + i];
                float dot = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
                for (; d < D; ++d) dot += qr[d] * ksd[d];
                const float sc = dot * scale + (bp ? bp[b * S + s] : 0.0f);
                p[static_cast<std::size_t>(s)] = sc;
                m = std::max(m, sc);
            }
            float sum = 0.0f;
            for (std::int64_t s = 0; s < S; ++s) {
                const float e = std::exp(p[static_cast<std::size_t>(s)] - m);
                p[static_cast<std::size_t>(s)] = e;
                sum += e;
            }
            float* o = op + r * D;
            std::fill(o, o + D, 0.0f);
            const float inv = 1.0f / sum;
            for (std::int64_t s = 0; s < S; ++s) {
                const float w = p[static_cast<std::size_t>(s)] * inv;
                const float* vsd = vr + s * vs;
                for (std::int64_t d = 0; d < D; ++d) o[d] += w * vsd[d];
            }
        }
    });
    return out;
}

}  // namespace stllava::model
