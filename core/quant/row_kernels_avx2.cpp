// AVX2+FMA kernels: each output reads its weight row once; with several input rows the row is
// used from L1 for blocks of four of them. Quantised rows are widened in registers (one input
// row) or into a thread-local float row first (several).
#include "quant/row_kernels_avx2.h"

#if defined(__x86_64__) || defined(__i386__)

#if !defined(__clang__)  // clang: -mavx2 -mfma on this file (core/quant/CMakeLists.txt)
#pragma GCC push_options
#pragma GCC target("avx2,fma")
#endif
#include <immintrin.h>

#include <vector>

namespace stllava::quant::avx2 {
namespace {

inline float hsum(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    __m128 sh = _mm_movehdup_ps(s);
    s = _mm_add_ps(s, sh);
    sh = _mm_movehl_ps(sh, s);
    s = _mm_add_ss(s, sh);
    return _mm_cvtss_f32(s);
}

float dot1(const float* w, const float* x, std::int64_t K) {
    __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps(), a2 = _mm256_setzero_ps(), a3 = _mm256_setzero_ps();
    std::int64_t k = 0;
    for (; k + 32 <= K; k += 32) {
        a0 = _mm256_fmadd_ps(_mm256_loadu_ps(w + k), _mm256_loadu_ps(x + k), a0);
        a1 = _mm256_fmadd_ps(_mm256_loadu_ps(w + k + 8), _mm256_loadu_ps(x + k + 8), a1);
        a2 = _mm256_fmadd_ps(_mm256_loadu_ps(w + k + 16), _mm256_loadu_ps(x + k + 16), a2);
        a3 = _mm256_fmadd_ps(_mm256_loadu_ps(w + k + 24), _mm256_loadu_ps(x + k + 24), a3);
    }
    for (; k + 8 <= K; k += 8) a0 = _mm256_fmadd_ps(_mm256_loadu_ps(w + k), _mm256_loadu_ps(x + k), a0);
    float t = hsum(_mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3)));
    for (; k < K; ++k) t += w[k] * x[k];
    return t;
}

// y[m, n] = scale * (w . x[m]) for every input row m.
void allRows(const RowsIo& io, const float* w, std::int64_t n, float scale) {
    const std::int64_t K = io.K;
    std::int64_t m = 0;
    for (; m + 4 <= io.M; m += 4) {
        const float* x0 = io.x + m * K;
        const float* x1 = x0 + K;
        const float* x2 = x1 + K;
        const float* x3 = x2 + K;
        __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps(), a2 = _mm256_setzero_ps(), a3 = _mm256_setzero_ps();
        std::int64_t k = 0;
        for (; k + 8 <= K; k += 8) {
            const __m256 wv = _mm256_loadu_ps(w + k);
            a0 = _mm256_fmadd_ps(wv, _mm256_loadu_ps(x0 + k), a0);
            a1 = _mm256_fmadd_ps(wv, _mm256_loadu_ps(x1 + k), a1);
            a2 = _mm256_fmadd_ps(wv, _mm256_loadu_ps(x2 + k), a2);
            a3 = _mm256_fmadd_ps(wv, _mm256_loadu_ps(x3 + k), a3);
        }
        float t0 = hsum(a0), t1 = hsum(a1), t2 = hsum(a2), t3 = hsum(a3);
        for (; k < K; ++k) {
            t0 += w[k] * x0[k];
            t1 += w[k] * x1[k];
            t2 += w[k] * x2[k];
            t3 += w[k] * x3[k];
        }
        io.y[m * io.N + n] = scale * t0;
        io.y[(m + 1) * io.N + n] = scale * t1;
        io.y[(m + 2) * io.N + n] = scale * t2;
        io.y[(m + 3) * io.N + n] = scale * t3;
    }
    for (; m < io.M; ++m) io.y[m * io.N + n] = scale * dot1(w, io.x + m * K, K);
}

inline __m256 widen8(const std::int8_t* q) {  // 8 int8 -> 8 floats
    return _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(q))));
}

float dotInt8(const std::int8_t* q, const float* x, std::int64_t K) {
    __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps(), a2 = _mm256_setzero_ps(), a3 = _mm256_setzero_ps();
    std::int64_t k = 0;
    for (; k + 32 <= K; k += 32) {
        a0 = _mm256_fmadd_ps(widen8(q + k), _mm256_loadu_ps(x + k), a0);
        a1 = _mm256_fmadd_ps(widen8(q + k + 8), _mm256_loadu_ps(x + k + 8), a1);
        a2 = _mm256_fmadd_ps(widen8(q + k + 16), _mm256_loadu_ps(x + k + 16), a2);
        a3 = _mm256_fmadd_ps(widen8(q + k + 24), _mm256_loadu_ps(x + k + 24), a3);
    }
    for (; k + 8 <= K; k += 8) a0 = _mm256_fmadd_ps(widen8(q + k), _mm256_loadu_ps(x + k), a0);
    float t = hsum(_mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3)));
    for (; k < K; ++k) t += static_cast<float>(q[k]) * x[k];
    return t;
}

// One 4-bit group (16 bytes) as four vectors of eight weights, still without the scale.
inline void widenQ4(const std::uint8_t* b, __m256& w0, __m256& w1, __m256& w2, __m256& w3) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b));
    const __m128i low4 = _mm_set1_epi8(0x0F), eight = _mm_set1_epi8(8);
    const __m128i lo = _mm_sub_epi8(_mm_and_si128(v, low4), eight);
    const __m128i hi = _mm_sub_epi8(_mm_and_si128(_mm_srli_epi16(v, 4), low4), eight);
    w0 = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(lo));
    w1 = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_srli_si128(lo, 8)));
    w2 = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(hi));
    w3 = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_srli_si128(hi, 8)));
}

float dotQ4(const std::uint8_t* q, const float* scale, const float* x, std::int64_t K) {
    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
    const std::int64_t groups = K / kQ4Group;
    std::int64_t g = 0;
    auto group = [&](std::int64_t gi, __m256 acc) {
        __m256 w0, w1, w2, w3;
        widenQ4(q + gi * 16, w0, w1, w2, w3);
        const float* xg = x + gi * kQ4Group;
        __m256 s = _mm256_mul_ps(w0, _mm256_loadu_ps(xg));
        s = _mm256_fmadd_ps(w1, _mm256_loadu_ps(xg + 8), s);
        s = _mm256_fmadd_ps(w2, _mm256_loadu_ps(xg + 16), s);
        s = _mm256_fmadd_ps(w3, _mm256_loadu_ps(xg + 24), s);
        return _mm256_fmadd_ps(s, _mm256_set1_ps(scale[gi]), acc);
    };
    for (; g + 2 <= groups; g += 2) {
        acc0 = group(g, acc0);
        acc1 = group(g + 1, acc1);
    }
    if (g < groups) acc0 = group(g, acc0);
    return hsum(_mm256_add_ps(acc0, acc1));
}

std::vector<float>& rowBuffer(std::int64_t K) {
    thread_local std::vector<float> row;
    if (static_cast<std::int64_t>(row.size()) < K) row.resize(static_cast<std::size_t>(K));
    return row;
}

}  // namespace

void f32Rows(const RowsIo& io, const float* w, std::int64_t n0, std::int64_t n1) {
    if (io.M == 1) {
        for (std::int64_t n = n0; n < n1; ++n) io.y[n] = dot1(w + n * io.K, io.x, io.K);
        return;
    }
    for (std::int64_t n = n0; n < n1; ++n) allRows(io, w + n * io.K, n, 1.0f);
}

void int8Rows(const RowsIo& io, const std::int8_t* q, const float* scale, std::int64_t n0, std::int64_t n1) {
    if (io.M == 1) {
        for (std::int64_t n = n0; n < n1; ++n) io.y[n] = scale[n] * dotInt8(q + n * io.K, io.x, io.K);
        return;
    }
    auto& row = rowBuffer(io.K);
    for (std::int64_t n = n0; n < n1; ++n) {
        const std::int8_t* qr = q + n * io.K;
        std::int64_t k = 0;
        for (; k + 8 <= io.K; k += 8) _mm256_storeu_ps(row.data() + k, widen8(qr + k));
        for (; k < io.K; ++k) row[static_cast<std::size_t>(k)] = static_cast<float>(qr[k]);
        allRows(io, row.data(), n, scale[n]);
    }
}

void q4Rows(const RowsIo& io, const std::uint8_t* q, const float* scale, std::int64_t n0, std::int64_t n1) {
    const std::int64_t groups = io.K / kQ4Group;
    if (io.M == 1) {
        for (std::int64_t n = n0; n < n1; ++n) io.y[n] = dotQ4(q + n * (io.K / 2), scale + n * groups, io.x, io.K);
        return;
    }
    auto& row = rowBuffer(io.K);
    for (std::int64_t n = n0; n < n1; ++n) {
        const std::uint8_t* qr = q + n * (io.K / 2);
        const float* sr = scale + n * groups;
        for (std::int64_t g = 0; g < groups; ++g) {
            __m256 w0, w1, w2, w3;
            widenQ4(qr + g * 16, w0, w1, w2, w3);
            const __m256 s = _mm256_set1_ps(sr[g]);
            float* out = row.data() + g * kQ4Group;
            _mm256_storeu_ps(out, _mm256_mul_ps(w0, s));
            _mm256_storeu_ps(out + 8, _mm256_mul_ps(w1, s));
            _mm256_storeu_ps(out + 16, _mm256_mul_ps(w2, s));
            _mm256_storeu_ps(out + 24, _mm256_mul_ps(w3, s));
        }
        allRows(io, row.data(), n, 1.0f);
    }
}

}  // namespace stllava::quant::avx2

#if !defined(__clang__)
#pragma GCC pop_options
#endif

#else  // not x86: never called (hasAvx2Fma() is false), defined for the linker

namespace stllava::quant::avx2 {
void f32Rows(const RowsIo& io, const float* w, std::int64_t n0, std::int64_t n1) { portable::f32Rows(io, w, n0, n1); }
void int8Rows(const RowsIo& io, const std::int8_t* q, const float* scale, std::int64_t n0, std::int64_t n1) {
    portable::int8Rows(io, q, scale, n0, n1);
}
void q4Rows(const RowsIo& io, const std::uint8_t* q, const float* scale, std::int64_t n0, std::int64_t n1) {
    portable::q4Rows(io, q, scale, n0, n1);
}
}  // namespace stllava::quant::avx2

#endif
