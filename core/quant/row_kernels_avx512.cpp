#include "quant/row_kernels_avx512.h"

#if defined(__x86_64__) || defined(__i386__)

#if !defined(__clang__)  // clang: the flags on this file (core/quant/CMakeLists.txt)
#pragma GCC push_options
#pragma GCC target("avx512f,avx512bw,avx512vl,avx2,fma")
// GCC 12's own intrinsics header: _mm512_cvtepi32_ps starts from an undefined vector (a false
// alarm); and a lambda returning __m512 inside this file changes no interface (-Wpsabi)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wpsabi"
#endif
#include <immintrin.h>

#include <vector>

namespace stllava::quant::avx512 {
namespace {

float dotInt8(const std::int8_t* q, const float* x, std::int64_t K) {
    auto widen16 = [](const std::int8_t* p) {
        return _mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))));
    };
    __m512 a0 = _mm512_setzero_ps(), a1 = _mm512_setzero_ps(), a2 = _mm512_setzero_ps(), a3 = _mm512_setzero_ps();
    std::int64_t k = 0;
    for (; k + 64 <= K; k += 64) {
        a0 = _mm512_fmadd_ps(widen16(q + k), _mm512_loadu_ps(x + k), a0);
        a1 = _mm512_fmadd_ps(widen16(q + k + 16), _mm512_loadu_ps(x + k + 16), a1);
        a2 = _mm512_fmadd_ps(widen16(q + k + 32), _mm512_loadu_ps(x + k + 32), a2);
        a3 = _mm512_fmadd_ps(widen16(q + k + 48), _mm512_loadu_ps(x + k + 48), a3);
    }
    for (; k + 16 <= K; k += 16) a0 = _mm512_fmadd_ps(widen16(q + k), _mm512_loadu_ps(x + k), a0);
    float t = _mm512_reduce_add_ps(_mm512_add_ps(_mm512_add_ps(a0, a1), _mm512_add_ps(a2, a3)));
    for (; k < K; ++k) t += static_cast<float>(q[k]) * x[k];
    return t;
}

// sum_g d_g * (codes_g . x_g) - 8 * sum_g d_g * xsum_g  ==  sum_g d_g * ((codes_g - 8) . x_g)
float dotQ4(const std::uint8_t* q, const float* d, const float* x, const float* xsum, std::int64_t groups) {
    const __m512i low4 = _mm512_set1_epi32(0x0F);
    auto group = [&](std::int64_t g, __m512 acc) {
        const __m512i v = _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(q + g * 16)));
        const __m512 lo = _mm512_cvtepi32_ps(_mm512_and_si512(v, low4));
        const __m512 hi = _mm512_cvtepi32_ps(_mm512_srli_epi32(v, 4));
        const float* xg = x + g * kQ4Group;
        const __m512 s = _mm512_fmadd_ps(lo, _mm512_loadu_ps(xg), _mm512_mul_ps(hi, _mm512_loadu_ps(xg + 16)));
        return _mm512_fmadd_ps(s, _mm512_set1_ps(d[g]), acc);
    };
    __m512 a0 = _mm512_setzero_ps(), a1 = _mm512_setzero_ps();
    std::int64_t g = 0;
    for (; g + 2 <= groups; g += 2) {
        a0 = group(g, a0);
        a1 = group(g + 1, a1);
    }
    if (g < groups) a0 = group(g, a0);
    const float t = _mm512_reduce_add_ps(_mm512_add_ps(a0, a1));
    __m512 c = _mm512_setzero_ps();
    g = 0;
    for (; g + 16 <= groups; g += 16) c = _mm512_fmadd_ps(_mm512_loadu_ps(d + g), _mm512_loadu_ps(xsum + g), c);
    float offset = _mm512_reduce_add_ps(c);
    for (; g < groups; ++g) offset += d[g] * xsum[g];
    return t - 8.0f * offset;
}

}  // namespace

void int8Row(const RowsIo& io, const std::int8_t* q, const float* scale, std::int64_t n0, std::int64_t n1) {
    for (std::int64_t n = n0; n < n1; ++n) io.y[n] = scale[n] * dotInt8(q + n * io.K, io.x, io.K);
}

void q4Row(const RowsIo& io, const std::uint8_t* q, const float* scale, std::int64_t n0, std::int64_t n1) {
    const std::int64_t groups = io.K / kQ4Group;
    thread_local std::vector<float> xsum;  // the activations' group sums (K / 32 additions per call)
    if (static_cast<std::int64_t>(xsum.size()) < groups) xsum.resize(static_cast<std::size_t>(groups));
    for (std::int64_t g = 0; g < groups; ++g) {
        const float* xg = io.x + g * kQ4Group;
        xsum[static_cast<std::size_t>(g)] = _mm512_reduce_add_ps(_mm512_add_ps(_mm512_loadu_ps(xg), _mm512_loadu_ps(xg + 16)));
    }
    for (std::int64_t n = n0; n < n1; ++n)
        io.y[n] = dotQ4(q + n * (io.K / 2), scale + n * groups, io.x, xsum.data(), groups);
}

}  // namespace stllava::quant::avx512

#if !defined(__clang__)
#pragma GCC diagnostic pop
#pragma GCC pop_options
#endif

#else  // not x86: never called (hasAvx512() is false), defined for the linker

namespace stllava::quant::avx512 {
void int8Row(const RowsIo& io, const std::int8_t* q, const float* scale, std::int64_t n0, std::int64_t n1) {
    portable::int8Rows(io, q, scale, n0, n1);
}
void q4Row(const RowsIo& io, const std::uint8_t* q, const float* scale, std::int64_t n0, std::int64_t n1) {
    portable::q4Rows(io, q, scale, n0, n1);
}
}  // namespace stllava::quant::avx512

#endif
