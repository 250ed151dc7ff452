// AVX-512 versions of the one-input-row quantised kernels of row_kernels.h (compiled for that
// target only; call them only when hasAvx512()). A 4-bit group of 32 weights is one 16-byte load
// widened to sixteen 32-bit lanes: the low nibbles are elements 0..15 and the high ones 16..31,
// so both halves meet their activations with plain loads. The codes' offset of 8 is taken out
// once per group through the activations' group sums, not per weight.
#pragma once

#include "quant/row_kernels.h"

namespace stllava::quant::avx512 {

// io.M == 1 only.
void int8Row(const RowsIo& io, const std::int8_t* q, const float* scale, std::int64_t n0, std::int64_t n1);
void q4Row(const RowsIo& io, const std::uint8_t* q, const float* scale, std::int64_t n0, std::int64_t n1);

}  // namespace stllava::quant::avx512
