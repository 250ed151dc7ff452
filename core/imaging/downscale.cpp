// Separable area averaging: one pass along rows, one along columns, each with the exact coverage
// weights of the input pixels under an output pixel, accumulated in double precision.
#include "imaging/downscale.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace stllava {
namespace {

// The input pixels under output pixel i of `out` when `in` pixels are squeezed into `out`.
struct Footprint {
    int first = 0;
    std::vector<double> weights;  // for pixels first, first + 1, ...; they sum to 1
};

std::vector<Footprint> footprints(int in, int out) {
    std::vector<Footprint> result(static_cast<std::size_t>(out));
    const double scale = static_cast<double>(in) / out;
    for (int i = 0; i < out; ++i) {
        const double begin = i * scale, end = (i + 1) * scale;
        Footprint& f = result[static_cast<std::size_t>(i)];
        f.first = static_cast<int>(std::floor(begin));
        const int last = std::min(in - 1, static_cast<int>(std::ceil(end)) - 1);
        for (int p = f.first; p <= last; ++p) {
            const double covered = std::min(end, p + 1.0) - std::max(begin, static_cast<double>(p));
            f.weights.push_back(std::max(0.0, covered) / scale);
        }
    }
    return result;
}

}  // namespace

void downscaledSize(int width, int height, int maxSide, int& outWidth, int& outHeight) {
    if (maxSide < 1) throw std::invalid_argument("downscale: maxSide must be at least 1");
    const int side = std::max(width, height);
    if (side <= maxSide) {
        outWidth = width;
        outHeight = height;
        return;
    }
    const double scale = static_cast<double>(maxSide) / side;
    outWidth = width >= height ? maxSide : std::max(1, static_cast<int>(std::lround(width * scale)));
    outHeight = height >= width ? maxSide : std::max(1, static_cast<int>(std::lround(height * scale)));
}

RgbImage downscale(const RgbImage& image, int maxSide) {
    if (image.empty() || image.pixels.size() != static_cast<std::size_t>(image.width) * image.height * 3)
        throw std::invalid_argument(
            "downscale: the image is empty or its pixel buffer is not width x height x 3");
    int outW = 0, outH = 0;
    downscaledSize(image.width, image.height, maxSide, outW, outH);
    if (outW == image.width && outH == image.height) return image;

    // Rows first: [height, outW, 3] in double.
    const std::vector<Footprint> across = footprints(image.width, outW);
    std::vector<double> rows(static_cast<std::size_t>(image.height) * outW * 3, 0.0);
    for (int y = 0; y < image.height; ++y) {
        const std::uint8_t* src = &image.pixels[static_cast<std::size_t>(y) * image.width * 3];
        double* dst = &rows[static_cast<std::size_t>(y) * outW * 3];
        for (int x = 0; x < outW; ++x) {
            const Footprint& f = across[static_cast<std::size_t>(x)];
            for (std::size_t k = 0; k < f.weights.size(); ++k) {
                const std::uint8_t* p = src + (static_cast<std::size_t>(f.first) + k) * 3;
                for (int c = 0; c < 3; ++c) dst[x * 3 + c] += f.weights[k] * p[c];
            }
        }
    }
    // Then columns: [outH, outW, 3], rounded to the nearest level.
    const std::vector<Footprint> down = footprints(image.height, outH);
    RgbImage out;
    out.width = outW;
    out.height = outH;
    out.pixels.resize(static_cast<std::size_t>(outW) * outH * 3);
    std::vector<double> acc(static_cast<std::size_t>(outW) * 3);
    for (int y = 0; y < outH; ++y) {
        std::fill(acc.begin(), acc.end(), 0.0);
        const Footprint& f = down[static_cast<std::size_t>(y)];
        for (std::size_t k = 0; k < f.weights.size(); ++k) {
            const double* src = &rows[(static_cast<std::size_t>(f.first) + k) * outW * 3];
            for (std::size_t i = 0; i < acc.size(); ++i) acc[i] += f.weights[k] * src[i];
        }
        std::uint8_t* dst = &out.pixels[static_cast<std::size_t>(y) * outW * 3];
        for (std::size_t i = 0; i < acc.size(); ++i)
            dst[i] = static_cast<std::uint8_t>(std::clamp(std::floor(acc[i] + 0.5), 0.0, 255.0));
    }
    return out;
}

}  // namespace stllava
