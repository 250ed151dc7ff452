#include "quant/quantized_weight.h"

#include "quant/few_rows_linear.h"
#include "quant/cpu_features.h"
#include "quant/row_kernels.h"
#include "quant/row_kernels_vnni.h"

#include <stdexcept>
#include <string>

namespace stllava::quant {
namespace {

std::string shapeText(const torch::Tensor& w) {
    std::string s = "[";
    for (std::int64_t i = 0; i < w.dim(); ++i) s += (i ? ", " : "") + std::to_string(w.size(i));
    return s + "]";
}

}  // namespace

QuantizedWeight QuantizedWeight::quantize(const torch::Tensor& w, Format format) {
    if (format == Format::None) throw std::invalid_argument("quantize: format none has nothing to quantise");
    if (w.dim() != 2 || !w.is_floating_point())
        throw std::invalid_argument("quantize: expected a float weight [out, in], got " + shapeText(w));
    torch::NoGradGuard no_grad;
    const auto N = w.size(0), K = w.size(1);
    const auto w32 = w.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    QuantizedWeight q;
    q.format_ = format;
    q.n_ = N;
    q.k_ = K;
    q.kp_ = K;
    if (format == Format::Int8) {
        auto s = w32.abs().amax(1) / 127.0;  // [N]
        auto inv = torch::where(s > 0, 1.0 / s, torch::zeros_like(s));
        q.codes_ = (w32 * inv.unsqueeze(1)).round().clamp(-127, 127).to(torch::kInt8).contiguous();
        q.scales_ = s.contiguous();
        return q;
    }
    if (K == 0) throw std::invalid_argument("quantize q4: the weight " + shapeText(w) + " has no input features");
    q.kp_ = (K + kQ4Group - 1) / kQ4Group * kQ4Group;
    const auto G = q.kp_ / kQ4Group;
    const auto wp = q.kp_ == K ? w32 : torch::constant_pad_nd(w32, {0, q.kp_ - K});  // zeros: code 8
    auto wg = wp.view({N, G, kQ4Group});
    auto m = wg.gather(2, wg.abs().argmax(2, /*keepdim=*/true)).squeeze(2);  // [N, G] signed
    auto d = m / -8.0;
    auto inv = torch::where(d != 0, 1.0 / d, torch::zeros_like(d));
    auto codes = (wg * inv.unsqueeze(2) + 8.5).floor().clamp(0, 15).to(torch::kUInt8);  // [N, G, 32]
    auto lo = codes.narrow(2, 0, 16), hi = codes.narrow(2, 16, 16);
    q.codes_ = lo.bitwise_or(hi.bitwise_left_shift(4)).reshape({N, q.kp_ / 2}).contiguous();
    q.scales_ = d.contiguous();
    return q;
}

torch::Tensor QuantizedWeight::dequantize() const {
    if (format_ == Format::Int8) return codes_.to(torch::kFloat32) * scales_.unsqueeze(1);
    const auto G = kp_ / kQ4Group;
    auto b = codes_.view({n_, G, 16});
    auto lo = b.bitwise_and(15), hi = b.bitwise_right_shift(4);
    auto q = torch::cat({lo, hi}, 2).to(torch::kFloat32) - 8.0;  // [N, G, 32]
    auto w = (q * scales_.unsqueeze(2)).reshape({n_, kp_});
    return kp_ == k_ ? w : w.narrow(1, 0, k_).contiguous();
}

torch::Tensor QuantizedWeight::linear(const torch::Tensor& x) const {
    if (x.size(-1) != k_)
        throw std::invalid_argument("quantised linear: input has " + std::to_string(x.size(-1)) +
                                    " features, the weight expects " + std::to_string(k_));
    const auto x32 = x.to(torch::kCPU, torch::kFloat32).contiguous();
    const std::int64_t M = x32.numel() / k_;
    if (M > kMaxKernelRows) return torch::matmul(x32, dequantize().t());
    auto out_sizes = x32.sizes().vec();
    out_sizes.back() = n_;
    auto y = torch::empty(out_sizes, x32.options());
    // A q4 row padded to whole groups meets inputs padded with zeros (only for such shapes).
    const auto xk = kp_ == k_ ? x32 : torch::constant_pad_nd(x32.view({M, k_}), {0, kp_ - k_}).contiguous();
    RowsIo io;
    io.x = xk.data_ptr<float>();
    io.M = M;
    io.K = kp_;
    io.y = y.data_ptr<float>();
    io.N = n_;
    const float* s = scales_.data_ptr<float>();
    if (M == 1 && hasAvx512Vnni()) {
        // integer dot products on activations quantised per 32 (row_kernels_vnni.h), laid out
        // once here for both threads; this thread's buffer grows once and is reused
        thread_local vnni::ActivationRow act;
        float* yp = io.y;
        if (format_ == Format::Int8) {
            vnni::quantizeForInt8(io.x, kp_, act);
            const auto* c = codes_.data_ptr<std::int8_t>();
            forOutputColumns(n_, [&](std::int64_t n0, std::int64_t n1) { vnni::int8Row(act, c, s, yp, n0, n1); });
        } else {
            vnni::quantizeForQ4(io.x, kp_, act);
            const auto* c = codes_.data_ptr<std::uint8_t>();
            forOutputColumns(n_, [&](std::int64_t n0, std::int64_t n1) { vnni::q4Row(act, c, s, yp, n0, n1); });
        }
        return y;
    }
    if (format_ == Format::Int8) {
        const auto* c = codes_.data_ptr<std::int8_t>();
        forOutputColumns(n_, [&](std::int64_t n0, std::int64_t n1) { int8Rows(io, c, s, n0, n1); });
    } else {
        const auto* c = codes_.data_ptr<std::uint8_t>();
        forOutputColumns(n_, [&](std::int64_t n0, std::int64_t n1) { q4Rows(io, c, s, n0, n1); });
    }
    return y;
}

std::int64_t QuantizedWeight::bytes() const {
    return static_cast<std::int64_t>(codes_.nbytes() + scales_.nbytes());
}

}  // namespace stllava::quant
