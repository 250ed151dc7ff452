#include "vision_input/pil_resample.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

// The row pass is compiled twice on x86-64 Linux (AVX2 and the baseline) and picked at load time.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#define STLLAVA_ROW_PASS_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define STLLAVA_ROW_PASS_CLONES
#endif

namespace stllava {
namespace {

// Pillow's fixed point for 8-bit images: 32 - 8 (result) - 2 (overshoot of the negative lobes).
constexpr int kPrecisionBits = 32 - 8 - 2;

// Pillow's bicubic_filter (a = -0.5), support 2.
double bicubic(double x) {
    constexpr double a = -0.5;
    if (x < 0.0) x = -x;
    if (x < 1.0) return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
    if (x < 2.0) return (((x - 5) * x + 8) * x - 4) * a;
    return 0.0;
}

// Pillow's precompute_coeffs + normalize_coeffs_8bpc for one axis (box 0 .. inSize).
struct AxisCoeffs {
    int ksize = 0;
    std::vector<int> first, taps;  // per output index: first input index and number of taps
    std::vector<std::int32_t> k;   // [outSize, ksize] fixed-point weights
};

AxisCoeffs axisCoeffs(int inSize, int outSize) {
    AxisCoeffs c;
    const float in0 = 0.0f, in1 = static_cast<float>(inSize);
    const double scale = static_cast<double>(in1 - in0) / outSize;
    const double filterscale = scale < 1.0 ? 1.0 : scale;
    const double support = 2.0 * filterscale;
    c.ksize = static_cast<int>(std::ceil(support)) * 2 + 1;
    c.first.resize(static_cast<std::size_t>(outSize));
    c.taps.resize(static_cast<std::size_t>(outSize));
    c.k.assign(static_cast<std::size_t>(outSize) * static_cast<std::size_t>(c.ksize), 0);
    std::vector<double> w(static_cast<std::size_t>(c.ksize));
    for (int xx = 0; xx < outSize; ++xx) {
        const double center = in0 + (xx + 0.5) * scale;
        const double ss = 1.0 / filterscale;
        int xmin = static_cast<int>(center - support + 0.5);
        if (xmin < 0) xmin = 0;
        int xmax = static_cast<int>(center + support + 0.5);
        if (xmax > inSize) xmax = inSize;
        xmax -= xmin;
        double ww = 0.0;
        for (int x = 0; x < xmax; ++x) {
            w[static_cast<std::size_t>(x)] = bicubic((x + xmin - center + 0.5) * ss);
            ww += w[static_cast<std::size_t>(x)];
        }
        std::int32_t* k = c.k.data() + static_cast<std::size_t>(xx) * static_cast<std::size_t>(c.ksize);
        for (int x = 0; x < xmax; ++x) {
            const double v = ww != 0.0 ? w[static_cast<std::size_t>(x)] / ww : w[static_cast<std::size_t>(x)];
            k[x] = v < 0 ? static_cast<std::int32_t>(-0.5 + v * (1 << kPrecisionBits))
                         : static_cast<std::int32_t>(0.5 + v * (1 << kPrecisionBits));
        }
        c.first[static_cast<std::size_t>(xx)] = xmin;
        c.taps[static_cast<std::size_t>(xx)] = xmax;
    }
    return c;
}

// out row j (j < count) = clip8(sum_t k[o][t] * in row (first[o] - shift + t)), o = firstOut + j,
// over n bytes per row: Pillow's per-pixel sums, done for a whole row at once.
STLLAVA_ROW_PASS_CLONES
void rowPass(const std::uint8_t* in, std::size_t inStride, std::size_t n, const AxisCoeffs& c, int firstOut, int count,
             int shift, std::uint8_t* out, std::size_t outStride, std::int32_t* acc) {
    for (int j = 0; j < count; ++j) {
        const auto o = static_cast<std::size_t>(firstOut + j);
        const int lo = c.first[o] - shift, taps = c.taps[o];
        const std::int32_t* k = c.k.data() + o * static_cast<std::size_t>(c.ksize);
        for (std::size_t i = 0; i < n; ++i) acc[i] = 1 << (kPrecisionBits - 1);
        for (int t = 0; t < taps; ++t) {
            const std::int32_t kv = k[t];
            const std::uint8_t* row = in + static_cast<std::size_t>(lo + t) * inStride;
            for (std::size_t i = 0; i < n; ++i) acc[i] += static_cast<std::int32_t>(row[i]) * kv;
        }
        std::uint8_t* dst = out + static_cast<std::size_t>(j) * outStride;
        for (std::size_t i = 0; i < n; ++i) {
            const std::int32_t v = acc[i] >> kPrecisionBits;
            dst[i] = static_cast<std::uint8_t>(v < 0 ? 0 : (v > 255 ? 255 : v));
        }
    }
}

// dst[x][y] = src[y][x] for pixels of C bytes read pixelStride bytes apart; dst rows dstStride bytes.
template <int C>
void transposePixels(const std::uint8_t* src, std::size_t srcStride, int pixelStride, int rows, int cols,
                     std::uint8_t* dst, std::size_t dstStride) {
    constexpr int kBlock = 32;
    for (int y0 = 0; y0 < rows; y0 += kBlock)
        for (int x0 = 0; x0 < cols; x0 += kBlock) {
            const int y1 = std::min(rows, y0 + kBlock), x1 = std::min(cols, x0 + kBlock);
            for (int y = y0; y < y1; ++y) {
                const std::uint8_t* s = src + static_cast<std::size_t>(y) * srcStride;
                for (int x = x0; x < x1; ++x) {
                    const std::uint8_t* p = s + static_cast<std::size_t>(x) * static_cast<std::size_t>(pixelStride);
                    std::uint8_t* d = dst + static_cast<std::size_t>(x) * dstStride + static_cast<std::size_t>(y) * C;
                    for (int ch = 0; ch < C; ++ch) d[ch] = p[ch];
                }
            }
        }
}

void transpose(int channels, const std::uint8_t* src, std::size_t srcStride, int pixelStride, int rows, int cols,
               std::uint8_t* dst, std::size_t dstStride) {
    if (channels == 1) transposePixels<1>(src, srcStride, pixelStride, rows, cols, dst, dstStride);
    else transposePixels<3>(src, srcStride, pixelStride, rows, cols, dst, dstStride);
}

// Copies a rows x cols block of pixels to a packed buffer (rows cols * channels bytes apart).
void copyPixels(const ImageView8& in, int y0, int x0, int rows, int cols, std::uint8_t* dst) {
    const auto C = static_cast<std::size_t>(in.channels);
    for (int y = 0; y < rows; ++y) {
        const std::uint8_t* s = in.data + static_cast<std::size_t>(y0 + y) * in.rowStride +
                                static_cast<std::size_t>(x0) * static_cast<std::size_t>(in.pixelStride);
        std::uint8_t* d = dst + static_cast<std::size_t>(y) * static_cast<std::size_t>(cols) * C;
        if (static_cast<std::size_t>(in.pixelStride) == C) {
            std::memcpy(d, s, static_cast<std::size_t>(cols) * C);
        } else {
            for (int x = 0; x < cols; ++x)
                for (std::size_t ch = 0; ch < C; ++ch) d[static_cast<std::size_t>(x) * C + ch] = s[static_cast<std::size_t>(x) * static_cast<std::size_t>(in.pixelStride) + ch];
        }
    }
}

}  // namespace

void resizeBicubicLikePil(const ImageView8& in, int outWidth, int outHeight, const OutputWindow& win, std::uint8_t* out) {
    if (in.data == nullptr || in.width < 1 || in.height < 1 || (in.channels != 1 && in.channels != 3) ||
        in.pixelStride < in.channels || in.rowStride < static_cast<std::size_t>(in.width) * static_cast<std::size_t>(in.pixelStride))
        throw std::invalid_argument("resizeBicubicLikePil: bad input image view");
    if (outWidth < 1 || outHeight < 1) throw std::invalid_argument("resizeBicubicLikePil: empty output size");
    if (win.width < 1 || win.height < 1 || win.x0 < 0 || win.y0 < 0 || win.x0 + win.width > outWidth ||
        win.y0 + win.height > outHeight)
        throw std::invalid_argument("resizeBicubicLikePil: window " + std::to_string(win.width) + "x" +
                                    std::to_string(win.height) + "+" + std::to_string(win.x0) + "+" + std::to_string(win.y0) +
                                    " is outside the " + std::to_string(outWidth) + "x" + std::to_string(outHeight) + " output");
    const int C = in.channels;
    const std::size_t outRow = static_cast<std::size_t>(win.width) * static_cast<std::size_t>(C);
    const bool needH = outWidth != in.width, needV = outHeight != in.height;

    // Input rows the vertical pass reads (all window rows when there is none).
    AxisCoeffs vc;
    int r0 = win.y0, r1 = win.y0 + win.height;
    if (needV) {
        vc = axisCoeffs(in.height, outHeight);
        const auto last = static_cast<std::size_t>(win.y0 + win.height - 1);
        r0 = vc.first[static_cast<std::size_t>(win.y0)];
        r1 = vc.first[last] + vc.taps[last];
    }
    const int rows = r1 - r0;

    // Horizontal pass into `mid` [rows, win.width * C] (or straight to `out` without a vertical pass).
    std::vector<std::uint8_t> mid;
    const std::uint8_t* midData = nullptr;
    std::size_t midStride = outRow;
    std::vector<std::int32_t> acc;
    if (needH) {
        const AxisCoeffs hc = axisCoeffs(in.width, outWidth);
        const int c0 = hc.first[static_cast<std::size_t>(win.x0)];
        const auto lastCol = static_cast<std::size_t>(win.x0 + win.width - 1);
        const int c1 = hc.first[lastCol] + hc.taps[lastCol];
        const std::size_t tRow = static_cast<std::size_t>(rows) * static_cast<std::size_t>(C);  // one column of pixels
        std::vector<std::uint8_t> inT(static_cast<std::size_t>(c1 - c0) * tRow);               // [cols, rows * C]
        transpose(C, in.data + static_cast<std::size_t>(r0) * in.rowStride + static_cast<std::size_t>(c0) * static_cast<std::size_t>(in.pixelStride),
                  in.rowStride, in.pixelStride, rows, c1 - c0, inT.data(), tRow);
        std::vector<std::uint8_t> midT(static_cast<std::size_t>(win.width) * tRow);  // [win.width, rows * C]
        acc.resize(std::max(tRow, outRow));
        rowPass(inT.data(), tRow, tRow, hc, win.x0, win.width, c0, midT.data(), tRow, acc.data());
        std::uint8_t* dst = out;
        if (needV) {
            mid.resize(static_cast<std::size_t>(rows) * outRow);
            dst = mid.data();
        }
        transpose(C, midT.data(), tRow, C, win.width, rows, dst, outRow);
        if (!needV) return;
        midData = mid.data();
    } else if (needV && in.pixelStride == C) {
        midData = in.data + static_cast<std::size_t>(r0) * in.rowStride + static_cast<std::size_t>(win.x0) * static_cast<std::size_t>(C);
        midStride = in.rowStride;
    } else {
        std::uint8_t* dst = out;
        if (needV) {
            mid.resize(static_cast<std::size_t>(rows) * outRow);
            dst = mid.data();
        }
        copyPixels(in, r0, win.x0, rows, win.width, dst);
        if (!needV) return;
        midData = mid.data();
    }
    acc.resize(outRow);
    rowPass(midData, midStride, outRow, vc, win.y0, win.height, r0, out, outRow, acc.data());
}

}  // namespace stllava
