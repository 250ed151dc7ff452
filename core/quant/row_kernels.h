// Matrix times a few rows for decoding: y[m, n] = sum_k x[m, k] * W[n, k] for the output columns
// n in [n0, n1) (one thread's share), W row-major [N, K] as the checkpoint stores it, so each
// output reads one contiguous weight row once for all M input rows. Chooses the AVX2+FMA kernel
// when the CPU has it (cpu_features.h), and for one input row (decoding at batch 1) the AVX-512
// one where it has that too (row_kernels_avx512.h), else portable C++. No threads, and no
// allocation once a thread's scratch row has grown: the caller splits [0, N) between threads
// (few_rows_linear.h).
#pragma once

#include <cstdint>

namespace stllava::quant {

struct RowsIo {
    const float* x = nullptr;  // [M, K] contiguous
    std::int64_t M = 0, K = 0;
    float* y = nullptr;        // [M, N] contiguous
    std::int64_t N = 0;
};

inline constexpr std::int64_t kQ4Group = 32;  // weights per 4-bit group (one scale each)

void f32Rows(const RowsIo& io, const float* w, std::int64_t n0, std::int64_t n1);
// q [N, K] int8, scale [N]
void int8Rows(const RowsIo& io, const std::int8_t* q, const float* scale, std::int64_t n0, std::int64_t n1);
// q [N, K / 2] bytes: group g of row n is 16 bytes, byte j holding element 32g + j in its low
// nibble and 32g + 16 + j in its high nibble; scale [N, K / 32]. K a multiple of 32.
void q4Rows(const RowsIo& io, const std::uint8_t* q, const float* scale, std::int64_t n0, std::int64_t n1);

// The portable kernels (what runs without AVX2), callable directly by tests.
namespace portable {
void f32Rows(const RowsIo& io, const float* w, std::int64_t n0, std::int64_t n1);
void int8Rows(const RowsIo& io, const std::int8_t* q, const float* scale, std::int64_t n0, std::int64_t n1);
void q4Rows(const RowsIo& io, const std::uint8_t* q, const float* scale, std::int64_t n0, std::int64_t n1);
}  // namespace portable

}  // namespace stllava::quant
