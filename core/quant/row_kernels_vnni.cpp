#include "quant/row_kernels_vnni.h"

#include "quant/row_kernels.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace stllava::quant::vnni {
namespace {

constexpr std::int64_t kGroup = 32;

// One group of n <= 32 activations to codes (the rest of out left alone); returns its scale.
float quantizeGroup(const float* x, std::int64_t n, std::int8_t* out, std::int32_t& code_sum) {
    float amax = 0.0f;
    for (std::int64_t i = 0; i < n; ++i) amax = std::max(amax, std::fabs(x[i]));
    code_sum = 0;
    if (amax == 0.0f) {
        std::fill(out, out + n, std::int8_t{0});
        return 0.0f;
    }
    const float inv = 127.0f / amax;
    for (std::int64_t i = 0; i < n; ++i) {
        const float c = std::clamp(std::nearbyint(x[i] * inv), -127.0f, 127.0f);
        out[i] = static_cast<std::int8_t>(c);
        code_sum += static_cast<std::int32_t>(c);
    }
    return amax / 127.0f;
}

}  // namespace

void quantizeForInt8(const float* x, std::int64_t K, ActivationRow& a) {
    const std::int64_t chunks = (K + 63) / 64;
    a.K = K;
    a.codes.assign(static_cast<std::size_t>(chunks * 64), 0);
    a.lane_scales.assign(static_cast<std::size_t>(chunks * 16), 0.0f);  // an odd group count leaves the last upper lanes 0
    a.lane_starts.resize(static_cast<std::size_t>(chunks * 16));
    a.group_scales.clear();
    for (std::int64_t g = 0; g * kGroup < K; ++g) {
        const std::int64_t n = std::min(kGroup, K - g * kGroup);
        std::int32_t sum = 0;
        const float d = quantizeGroup(x + g * kGroup, n, a.codes.data() + g * kGroup, sum);
        // chunk g / 2 holds groups 2c (lanes 0..7) and 2c + 1 (lanes 8..15)
        std::fill_n(a.lane_scales.data() + (g / 2) * 16 + (g % 2) * 8, 8, d);
    }
    // lane l of chunk c meets codes 4l..4l+3 of it: their flipped weights carry 128 x their sum
    for (std::int64_t l = 0; l < chunks * 16; ++l) {
        const std::int8_t* c = a.codes.data() + l * 4;
        a.lane_starts[static_cast<std::size_t>(l)] = -128 * (c[0] + c[1] + c[2] + c[3]);
    }
}

void quantizeForQ4(const float* x, std::int64_t K, ActivationRow& a) {
    if (K % kGroup != 0) throw std::invalid_argument("quantizeForQ4: K must be a multiple of 32");
    const std::int64_t G = K / kGroup, blocks = (G + 3) / 4;
    a.K = K;
    a.codes.assign(static_cast<std::size_t>(blocks * 128), 0);
    a.lane_scales.clear();
    a.lane_starts.assign(static_cast<std::size_t>(blocks * 16), 0);
    a.group_scales.assign(static_cast<std::size_t>((G + 15) / 16 * 16), 0.0f);
    std::int8_t group[kGroup];
    for (std::int64_t g = 0; g < G; ++g) {
        std::int32_t sum = 0;
        a.group_scales[static_cast<std::size_t>(g)] = quantizeGroup(x + g * kGroup, kGroup, group, sum);
        const std::int64_t b = g / 4, j = g % 4;
        std::int8_t* block = a.codes.data() + b * 128;
        std::copy(group, group + 16, block + j * 16);
        std::copy(group + 16, group + 32, block + 64 + j * 16);
        std::fill_n(a.lane_starts.data() + b * 16 + j * 4, 4, -2 * sum);
    }
}

}  // namespace stllava::quant::vnni

#if defined(__x86_64__) || defined(__i386__)

#if !defined(__clang__)  // clang: the flags on this file (core/quant/CMakeLists.txt)
#pragma GCC push_options
#pragma GCC target("avx512f,avx512bw,avx512vl,avx512vnni,avx2,fma")
// GCC 12's own intrinsics header: _mm512_cvtepi32_ps starts from _mm512_undefined_ps (a false alarm)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <immintrin.h>

namespace stllava::quant::vnni {

void int8Row(const ActivationRow& a, const std::int8_t* q, const float* scale, float* y, std::int64_t n0, std::int64_t n1) {
    const std::int64_t K = a.K, full = K / 64, rem = K % 64;
    const __m512i flip = _mm512_set1_epi8(static_cast<char>(0x80));
    const __mmask64 tail = rem ? (~0ULL >> (64 - rem)) : 0;
    auto chunk = [&](std::int64_t c, __m512i w, __m512 acc) {
        // masked-off tail bytes flip to 128 and meet zero activations
        const __m512i u = _mm512_xor_si512(w, flip);
        const __m512i x = _mm512_loadu_si512(a.codes.data() + c * 64);
        const __m512i i = _mm512_dpbusd_epi32(_mm512_loadu_si512(a.lane_starts.data() + c * 16), u, x);
        return _mm512_fmadd_ps(_mm512_cvtepi32_ps(i), _mm512_loadu_ps(a.lane_scales.data() + c * 16), acc);
    };
    for (std::int64_t n = n0; n < n1; ++n) {
        const std::int8_t* w = q + n * K;
        __m512 acc0 = _mm512_setzero_ps(), acc1 = _mm512_setzero_ps();
        std::int64_t c = 0;
        for (; c + 2 <= full; c += 2) {
            acc0 = chunk(c, _mm512_loadu_si512(w + c * 64), acc0);
            acc1 = chunk(c + 1, _mm512_loadu_si512(w + c * 64 + 64), acc1);
        }
        if (c < full) acc0 = chunk(c, _mm512_loadu_si512(w + c * 64), acc0);
        if (rem) acc0 = chunk(full, _mm512_maskz_loadu_epi8(tail, w + full * 64), acc0);
        y[n] = scale[n] * _mm512_reduce_add_ps(_mm512_add_ps(acc0, acc1));
    }
}

void q4Row(const ActivationRow& a, const std::uint8_t* q, const float* scale, float* y, std::int64_t n0, std::int64_t n1) {
    const std::int64_t G = a.K / kQ4Group, blocks = (G + 3) / 4, whole = G / 16;  // whole runs of 16 groups
    const __m512i nibble = _mm512_set1_epi8(0x0F);
    // block j of a run of 16 groups: lane l belongs to its group 4j + l / 4
    const __m512i spread[4] = {_mm512_set_epi32(3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0),
                               _mm512_set_epi32(7, 7, 7, 7, 6, 6, 6, 6, 5, 5, 5, 5, 4, 4, 4, 4),
                               _mm512_set_epi32(11, 11, 11, 11, 10, 10, 10, 10, 9, 9, 9, 9, 8, 8, 8, 8),
                               _mm512_set_epi32(15, 15, 15, 15, 14, 14, 14, 14, 13, 13, 13, 13, 12, 12, 12, 12)};
    const __mmask64 tail_bytes = G % 4 ? (~0ULL >> (64 - 16 * (G % 4))) : ~0ULL;
    const __mmask16 tail_groups = static_cast<__mmask16>((1u << (G % 16)) - 1u);
    // the integer sum of block b, offset of the 4-bit codes taken out, times each lane's combined scale
    auto block = [&](std::int64_t b, __m512i v, __m512 lane_scale, __m512 acc) {
        const std::int8_t* x = a.codes.data() + b * 128;
        __m512i i = _mm512_dpbusd_epi32(_mm512_loadu_si512(a.lane_starts.data() + b * 16), _mm512_and_si512(v, nibble),
                                        _mm512_loadu_si512(x));
        i = _mm512_dpbusd_epi32(i, _mm512_and_si512(_mm512_srli_epi16(v, 4), nibble), _mm512_loadu_si512(x + 64));
        return _mm512_fmadd_ps(_mm512_cvtepi32_ps(i), lane_scale, acc);
    };
    for (std::int64_t n = n0; n < n1; ++n) {
        const std::uint8_t* w = q + n * (a.K / 2);
        const float* d = scale + n * G;
        __m512 acc0 = _mm512_setzero_ps(), acc1 = _mm512_setzero_ps();
        for (std::int64_t r = 0; r < whole; ++r) {
            // the weight scales of 16 groups times the activations', once for their four blocks
            const __m512 sc = _mm512_mul_ps(_mm512_loadu_ps(d + r * 16), _mm512_loadu_ps(a.group_scales.data() + r * 16));
            const std::uint8_t* wr = w + r * 256;
            acc0 = block(4 * r, _mm512_loadu_si512(wr), _mm512_permutexvar_ps(spread[0], sc), acc0);
            acc1 = block(4 * r + 1, _mm512_loadu_si512(wr + 64), _mm512_permutexvar_ps(spread[1], sc), acc1);
            acc0 = block(4 * r + 2, _mm512_loadu_si512(wr + 128), _mm512_permutexvar_ps(spread[2], sc), acc0);
            acc1 = block(4 * r + 3, _mm512_loadu_si512(wr + 192), _mm512_permutexvar_ps(spread[3], sc), acc1);
        }
        if (tail_groups) {  // 1..15 groups left: 1..4 blocks, the last maybe partial (masked)
            const __m512 sc = _mm512_mul_ps(_mm512_maskz_loadu_ps(tail_groups, d + whole * 16),
                                            _mm512_loadu_ps(a.group_scales.data() + whole * 16));
            for (std::int64_t b = 4 * whole, j = 0; b < blocks; ++b, ++j) {
                const __m512i v = b + 1 < blocks ? _mm512_loadu_si512(w + b * 64) : _mm512_maskz_loadu_epi8(tail_bytes, w + b * 64);
                acc0 = block(b, v, _mm512_permutexvar_ps(spread[j], sc), acc0);
            }
        }
        y[n] = _mm512_reduce_add_ps(_mm512_add_ps(acc0, acc1));
    }
}

}  // namespace stllava::quant::vnni

#if !defined(__clang__)
#pragma GCC diagnostic pop
#pragma GCC pop_options
#endif

#else  // not x86: never called (hasAvx512Vnni() is false), defined for the linker

namespace stllava::quant::vnni {
void int8Row(const ActivationRow&, const std::int8_t*, const float*, float*, std::int64_t, std::int64_t) {
    throw std::logic_error("vnni::int8Row called on a CPU without AVX-512 VNNI");
}
void q4Row(const ActivationRow&, const std::uint8_t*, const float*, float*, std::int64_t, std::int64_t) {
    throw std::logic_error("vnni::q4Row called on a CPU without AVX-512 VNNI");
}
}  // namespace stllava::quant::vnni

#endif
