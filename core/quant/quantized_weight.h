// A linear layer's weight [N, K] held quantised for CPU inference (quant_format.h), and its
// product with activations. Built once at load from the float weight; not trainable.
//   int8: q = round(w / s), s = max|w[n, :]| / 127 per output row: |w - s q| <= s / 2.
//   q4:   per group of 32 along K, d = m / -8 where m is the group's weight of largest magnitude,
//         q = min(15, floor(w / d + 8.5)): |w - d (q - 8)| <= |d| (<= |d| / 2 but at the clamp).
//         An in_features not a multiple of 32 is padded with zero weights (code 8) to the next
//         one: the last group is partial, and inputs are padded with zeros to match.
#pragma once

#include "quant/quant_format.h"

#include <torch/torch.h>

#include <cstdint>

namespace stllava::quant {

class QuantizedWeight {
public:
    // w [N, K] float (any float dtype, CPU). Throws std::invalid_argument naming the shape for
    // anything else, or for Format::None.
    static QuantizedWeight quantize(const torch::Tensor& w, Format format);

    // x [..., K] -> [..., N] float32 (x is converted to float32 when it is not). A few rows run
    // the row kernels (row_kernels.h) on both cores; more rows (prefill) multiply the
    // dequantised weight with libtorch's matrix product. One row on a CPU with AVX-512 VNNI
    // (decoding at batch 1) runs the integer kernels, which quantise the activations to int8 per
    // group of 32 as llama.cpp does (row_kernels_vnni.h): a further error of at most
    // sum_k |w^[n, k]| d_g(k) / 2, d_g the activation group's scale.
    torch::Tensor linear(const torch::Tensor& x) const;
    torch::Tensor dequantize() const;  // [N, K] float32

    Format format() const { return format_; }
    std::int64_t outFeatures() const { return n_; }
    std::int64_t inFeatures() const { return k_; }
    std::int64_t bytes() const;  // codes + scales

    // K the padded in_features for q4 (paddedInFeatures()).
    const torch::Tensor& codes() const { return codes_; }    // int8 [N, K] or uint8 [N, K / 2]
    const torch::Tensor& scales() const { return scales_; }  // float32 [N] or [N, K / 32]
    // in_features rounded up to whole groups of 32 for q4; in_features for int8.
    std::int64_t paddedInFeatures() const { return kp_; }

private:
    Format format_ = Format::None;
    std::int64_t n_ = 0, k_ = 0, kp_ = 0;
    torch::Tensor codes_, scales_;
};

}  // namespace stllava::quant
