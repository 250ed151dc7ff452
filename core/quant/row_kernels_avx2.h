// AVX2+FMA versions of row_kernels.h (compiled for that target only; call them only when
// hasAvx2Fma()).
#pragma once

#include "quant/row_kernels.h"

namespace stllava::quant::avx2 {

void f32Rows(const RowsIo& io, const float* w, std::int64_t n0, std::int64_t n1);
void int8Rows(const RowsIo& io, const std::int8_t* q, const float* scale, std::int64_t n0, std::int64_t n1);
void q4Rows(const RowsIo& io, const std::uint8_t* q, const float* scale, std::int64_t n0, std::int64_t n1);

}  // namespace stllava::quant::avx2
