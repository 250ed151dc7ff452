#include "imaging/windowing.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace stllava {
namespace {

// y = (x - c) * scale + 127.5 clamped to [0, 255], rounded, XOR flip; `m` contiguous values.
// Branch-free: at x <= lo the line is <= 0 and at x > hi >= 255 (up to rounding far from a .5
// boundary), so clamping gives the same bytes as windowValue(); NaN gives 255 (the first clamp
// keeps 255 when the comparison is unordered).
void linearWindowScalar(const float* values, std::size_t m, double c, double scale, std::uint8_t flip,
                        std::uint8_t* grey) {
    for (std::size_t i = 0; i < m; ++i) {
        double g = (static_cast<double>(values[i]) - c) * scale + 127.5;
        g = g < 255.0 ? g : 255.0;
        g = g > 0.0 ? g : 0.0;
        grey[i] = static_cast<std::uint8_t>(static_cast<int>(g + 0.5) ^ flip);
    }
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
// The same arithmetic four doubles at a time (GCC keeps the scalar clamps as branches: without
// -ffinite-math-only a ternary is no min/max). vminpd(g, 255) returns 255 for NaN as the scalar
// clamp does; separate multiply and add (no FMA) round as the scalar code.
__attribute__((target("avx2"))) void linearWindowAvx2(const float* values, std::size_t m, double c, double scale,
                                                      std::uint8_t flip, std::uint8_t* grey) {
    const __m256d vc = _mm256_set1_pd(c), vs = _mm256_set1_pd(scale), v127 = _mm256_set1_pd(127.5);
    const __m256d v255 = _mm256_set1_pd(255.0), v0 = _mm256_setzero_pd(), vh = _mm256_set1_pd(0.5);
    const __m128i vflip = _mm_set1_epi32(flip);
    std::size_t i = 0;
    for (; i + 4 <= m; i += 4) {
        __m256d g = _mm256_cvtps_pd(_mm_loadu_ps(values + i));
        g = _mm256_add_pd(_mm256_mul_pd(_mm256_sub_pd(g, vc), vs), v127);
        g = _mm256_max_pd(_mm256_min_pd(g, v255), v0);
        __m128i q = _mm_xor_si128(_mm256_cvttpd_epi32(_mm256_add_pd(g, vh)), vflip);
        q = _mm_packus_epi16(_mm_packus_epi32(q, q), q);
        const int four = _mm_cvtsi128_si32(q);
        std::memcpy(grey + i, &four, 4);
    }
    linearWindowScalar(values + i, m - i, c, scale, flip, grey + i);
}
#endif

void linearWindowRun(const float* values, std::size_t m, double c, double scale, std::uint8_t flip,
                     std::uint8_t* grey) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    static const bool avx2 = __builtin_cpu_supports("avx2");
    if (avx2) return linearWindowAvx2(values, m, c, scale, flip, grey);
#endif
    linearWindowScalar(values, m, c, scale, flip, grey);
}

// Grey bytes to RGB triplets: one 4-byte store per pixel (its fourth byte is the next pixel's red,
// rewritten by the next store); the last pixel byte by byte.
void greyToRgb(const std::uint8_t* grey, std::size_t m, std::uint8_t* rgb) {
    if (m == 0) return;
    for (std::size_t i = 0; i + 1 < m; ++i) {
        const std::uint32_t v = static_cast<std::uint32_t>(grey[i]) * 0x01010101u;
        std::memcpy(rgb + 3 * i, &v, 4);
    }
    std::uint8_t* last = rgb + 3 * (m - 1);
    last[0] = last[1] = last[2] = grey[m - 1];
}

struct Preset {
    const char* name;
    double center;
    double width;
};
// Centre/width in HU. Bone: the wide 400/1800 variant (300/1500 is also common).
constexpr Preset kPresets[] = {
    {"brain", 40, 80},        {"lung", -600, 1500},   {"mediastinum", 50, 350}, {"soft-tissue", 50, 350},
    {"bone", 400, 1800},      {"abdomen", 40, 400},   {"liver", 60, 160},
};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::replace(out.begin(), out.end(), '_', '-');
    return out;
}

inline std::uint8_t toByte(double g, bool invert) {
    const double clamped = std::min(255.0, std::max(0.0, g));
    const auto b = static_cast<std::uint8_t>(std::lround(clamped));
    return invert ? static_cast<std::uint8_t>(255 - b) : b;
}

}  // namespace

std::optional<Window> presetWindow(std::string_view name) {
    std::string key = lower(name);
    if (key == "soft" || key == "softtissue") key = "soft-tissue";
    for (const auto& p : kPresets)
        if (key == p.name) return Window{p.center, p.width, std::string("preset ") + p.name};
    return std::nullopt;
}

std::vector<std::string> presetNames() {
    std::vector<std::string> names;
    for (const auto& p : kPresets) names.emplace_back(p.name);
    return names;
}

Window minMaxWindow(const float* values, std::size_t count) {
    if (count == 0) throw std::invalid_argument("minMaxWindow: no values");
    const auto [lo, hi] = std::minmax_element(values, values + count);
    // With the linear function, c - 0.5 - (w - 1) / 2 = min and c - 0.5 + (w - 1) / 2 = max.
    const double mn = *lo, mx = *hi;
    return Window{(mn + mx) / 2.0 + 0.5, std::max(1.0, mx - mn + 1.0), "automatic min-max"};
}

Window percentileWindow(const float* values, std::size_t count, double lowPercent, double highPercent) {
    if (count == 0) throw std::invalid_argument("percentileWindow: no values");
    if (!(lowPercent >= 0.0 && lowPercent < highPercent && highPercent <= 100.0))
        throw std::invalid_argument("percentileWindow: need 0 <= low < high <= 100");
    std::vector<float> copy(values, values + count);
    auto rank = [&](double pct) {
        const auto k = static_cast<std::size_t>(std::llround(pct / 100.0 * static_cast<double>(count - 1)));
        std::nth_element(copy.begin(), copy.begin() + static_cast<std::ptrdiff_t>(k), copy.end());
        return static_cast<double>(copy[k]);
    };
    const double lo = rank(lowPercent);
    const double hi = rank(highPercent);
    Window w{(lo + hi) / 2.0 + 0.5, std::max(1.0, hi - lo + 1.0), ""};
    char buf[96];
    std::snprintf(buf, sizeof buf, "automatic %.1f-%.1f %%", lowPercent, highPercent);
    w.explanation = buf;
    return w;
}

Window fullRangeWindow(int bits) {
    if (bits < 1 || bits > 32) throw std::invalid_argument("fullRangeWindow: bits out of range");
    const double range = std::ldexp(1.0, bits);
    return Window{range / 2.0, range, "full range"};
}

double windowValue(double x, const Window& w, VoiFunction fn) {
    switch (fn) {
        case VoiFunction::LinearExact: {
            const double width = w.width > 0 ? w.width : 1e-9;
            if (x <= w.center - width / 2.0) return 0.0;
            if (x > w.center + width / 2.0) return 255.0;
            return (x - w.center) / width * 255.0 + 127.5;
        }
        case VoiFunction::Sigmoid: {
            const double width = w.width > 0 ? w.width : 1e-9;
            return 255.0 / (1.0 + std::exp(-4.0 * (x - w.center) / width));
        }
        case VoiFunction::Linear:
        default: {
            const double width = std::max(1.0, w.width);
            const double c = w.center - 0.5;
            const double half = (width - 1.0) / 2.0;
            if (x <= c - half) return 0.0;
            if (x > c + half) return 255.0;
            if (width <= 1.0) return 255.0;  // degenerate: a step at the centre
            return ((x - c) / (width - 1.0) + 0.5) * 255.0;
        }
    }
}

void applyWindow(const float* values, std::size_t count, const Window& w, VoiFunction fn, bool invert,
                 std::uint8_t* out, std::size_t inStride, std::size_t outStride) {
    if (fn == VoiFunction::Linear && w.width > 1.0) {
        // Same formula as windowValue, hoisted: y = (x - c) * scale + 127.5 inside the window.
        const double c = w.center - 0.5;
        const double half = (w.width - 1.0) / 2.0;
        const double lo = c - half, hi = c + half;
        const double scale = 255.0 / (w.width - 1.0);
        const std::uint8_t flip = invert ? 255 : 0;
        if (inStride == 1 && (outStride == 1 || outStride == 3)) {
            // Blocks of grey (vectorised), then replicated when writing RGB.
            constexpr std::size_t kBlock = 512;
            std::uint8_t grey[kBlock];
            for (std::size_t b = 0; b < count; b += kBlock) {
                const std::size_t m = std::min(kBlock, count - b);
                std::uint8_t* g8 = outStride == 1 ? out + b : grey;
                linearWindowRun(values + b, m, c, scale, flip, g8);
                if (outStride == 3) {
                    std::uint8_t* o = out + 3 * b;
                    for (std::size_t i = 0; i < m; ++i) o[3 * i] = grey[i];
                }
            }
            return;
        }
        for (std::size_t i = 0; i < count; ++i) {
            const double x = values[i * inStride];
            // g is in [0, 255] here, so adding 0.5 and truncating rounds to nearest like lround.
            const double g = x <= lo ? 0.0 : (x > hi ? 255.0 : (x - c) * scale + 127.5);
            out[i * outStride] = static_cast<std::uint8_t>(static_cast<int>(std::min(255.0, g) + 0.5) ^ flip);
        }
        return;
    }
    for (std::size_t i = 0; i < count; ++i) out[i * outStride] = toByte(windowValue(values[i * inStride], w, fn), invert);
}

void applyWindowRgb(const float* values, std::size_t count, const Window& w, VoiFunction fn, bool invert,
                    std::uint8_t* rgb) {
    constexpr std::size_t kBlock = 1024;
    std::uint8_t grey[kBlock];
    for (std::size_t b = 0; b < count; b += kBlock) {
        const std::size_t m = std::min(kBlock, count - b);
        applyWindow(values + b, m, w, fn, invert, grey);
        greyToRgb(grey, m, rgb + 3 * b);
    }
}

void applyVoiLutRgb(const float* values, std::size_t count, const VoiLut& lut, bool invert, std::uint8_t* rgb) {
    constexpr std::size_t kBlock = 1024;
    std::uint8_t grey[kBlock];
    for (std::size_t b = 0; b < count; b += kBlock) {
        const std::size_t m = std::min(kBlock, count - b);
        applyVoiLut(values + b, m, lut, invert, grey);
        greyToRgb(grey, m, rgb + 3 * b);
    }
}

void applyVoiLut(const float* values, std::size_t count, const VoiLut& lut, bool invert, std::uint8_t* out,
                 std::size_t inStride, std::size_t outStride) {
    if (lut.data.empty()) throw std::invalid_argument("applyVoiLut: empty LUT");
    const double maxOut = std::ldexp(1.0, std::clamp(lut.bits, 1, 16)) - 1.0;
    const std::size_t last = lut.data.size() - 1;
    for (std::size_t i = 0; i < count; ++i) {
        // Clamped as a double: a NaN or an infinity has no integer (UBSan found the cast); NaN
        // takes the last entry, as the linear window maps it to 255.
        const double x = std::floor(static_cast<double>(values[i * inStride])) - static_cast<double>(lut.firstMapped);
        const std::size_t at = std::isnan(x) ? last : x <= 0.0 ? 0 : x >= static_cast<double>(last) ? last : static_cast<std::size_t>(x);
        const std::uint16_t v = lut.data[at];
        out[i * outStride] = toByte(static_cast<double>(v) * 255.0 / maxOut, invert);
    }
}

}  // namespace stllava
