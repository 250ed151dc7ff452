#include "quant/row_kernels.h"

#include "quant/cpu_features.h"
#include "quant/row_kernels_avx2.h"
#include "quant/row_kernels_avx512.h"

#include <vector>

namespace stllava::quant {
namespace portable {
namespace {

// Eight independent partial sums, so the compiler may vectorise without reassociating.
float dot(const float* a, const float* b, std::int64_t K) {
    float s[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    std::int64_t k = 0;
    for (; k + 8 <= K; k += 8)
        for (int i = 0; i < 8; ++i) s[i] += a[k + i] * b[k + i];
    float t = ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
    for (; k < K; ++k) t += a[k] * b[k];
    return t;
}

void allRows(const RowsIo& io, const float* w, std::int64_t n) {
    for (std::int64_t m = 0; m < io.M; ++m) io.y[m * io.N + n] = dot(w, io.x + m * io.K, io.K);
}

}  // namespace

void f32Rows(const RowsIo& io, const float* w, std::int64_t n0, std::int64_t n1) {
    for (std::int64_t n = n0; n < n1; ++n) allRows(io, w + n * io.K, n);
}

void int8Rows(const RowsIo& io, const std::int8_t* q, const float* scale, std::int64_t n0, std::int64_t n1) {
    std::vector<float> row(static_cast<std::size_t>(io.K));
    for (std::int64_t n = n0; n < n1; ++n) {
        const std::int8_t* qr = q + n * io.K;
        for (std::int64_t k = 0; k < io.K; ++k) row[static_cast<std::size_t>(k)] = static_cast<float>(qr[k]);
        for (std::int64_t m = 0; m < io.M; ++m)
            io.y[m * io.N + n] = scale[n] * dot(row.data(), io.x + m * io.K, io.K);
    }
}

void q4Rows(const RowsIo& io, const std::uint8_t* q, const float* scale, std::int64_t n0, std::int64_t n1) {
    const std::int64_t groups = io.K / kQ4Group;
    std::vector<float> row(static_cast<std::size_t>(io.K));
    for (std::int64_t n = n0; n < n1; ++n) {
        const std::uint8_t* qr = q + n * (io.K / 2);
        const float* sr = scale + n * groups;
        for (std::int64_t g = 0; g < groups; ++g) {
            float* out = row.data() + g * kQ4Group;
            for (int j = 0; j < 16; ++j) {
                const std::uint8_t b = qr[g * 16 + j];
                out[j] = sr[g] * static_cast<float>(static_cast<int>(b & 0x0F) - 8);
                out[j + 16] = sr[g] * static_cast<float>(static_cast<int>(b >> 4) - 8);
            }
        }
        allRows(io, row.data(), n);
    }
}

}  // namespace portable

void f32Rows(const RowsIo& io, const float* w, std::int64_t n0, std::int64_t n1) {
    if (hasAvx2Fma()) return avx2::f32Rows(io, w, n0, n1);
    portable::f32Rows(io, w, n0, n1);
}

void int8Rows(const RowsIo& io, const std::int8_t* q, const float* scale, std::int64_t n0, std::int64_t n1) {
    if (io.M == 1 && hasAvx512()) return avx512::int8Row(io, q, scale, n0, n1);
    if (hasAvx2Fma()) return avx2::int8Rows(io, q, scale, n0, n1);
    portable::int8Rows(io, q, scale, n0, n1);
}

void q4Rows(const RowsIo& io, const std::uint8_t* q, const float* scale, std::int64_t n0, std::int64_t n1) {
    if (io.M == 1 && hasAvx512()) return avx512::q4Row(io, q, scale, n0, n1);
    if (hasAvx2Fma()) return avx2::q4Rows(io, q, scale, n0, n1);
    portable::q4Rows(io, q, scale, n0, n1);
}

}  // namespace stllava::quant
