#include "vision_input/clip_preprocess.h"

#include <torch/torch.h>

#include <algorithm>
#include <stdexcept>

namespace stllava {
namespace {

void checkImage(const RgbImage& image) {
    if (image.empty()) throw std::invalid_argument("clipPreprocess: empty image");
    if (image.pixels.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 3)
        throw std::invalid_argument("clipPreprocess: pixel buffer does not hold width*height*3 bytes");
}

// The pad colour LLaVA uses: tuple(int(x * 255) for x in image_mean), i.e. truncation.
std::array<std::uint8_t, 3> padColour(const ClipPreprocessOptions& o) {
    std::array<std::uint8_t, 3> fill{};
    for (int c = 0; c < 3; ++c) fill[c] = static_cast<std::uint8_t>(std::clamp(static_cast<int>(o.mean[c] * 255.0f), 0, 255));
    return fill;
}

// PIL-like resize of uint8 [1, 3, H, W] held as float: bicubic with antialiasing, rounded to 8 bits.
torch::Tensor resizeLikePil(const torch::Tensor& x, std::int64_t outH, std::int64_t outW) {
    if (x.size(2) == outH && x.size(3) == outW) return x;
    namespace F = torch::nn::functional;
    auto y = F::interpolate(x, F::InterpolateFuncOptions()
                                   .size(std::vector<std::int64_t>{outH, outW})
                                   .mode(torch::kBicubic)
                                   .align_corners(false)
                                   .antialias(true));  // [1, 3, outH, outW]
    return y.round_().clamp_(0.0, 255.0);
}

}  // namespace

RgbImage expandToSquare(const RgbImage& image, const std::array<std::uint8_t, 3>& fill) {
    checkImage(image);
    if (image.width == image.height) return image;
    const int side = std::max(image.width, image.height);
    RgbImage out;
    out.width = out.height = side;
    out.pixels.resize(static_cast<std::size_t>(side) * side * 3);
    for (std::size_t i = 0; i < out.pixels.size(); i += 3) std::copy(fill.begin(), fill.end(), out.pixels.begin() + i);
    const int x0 = (side - image.width) / 2, y0 = (side - image.height) / 2;
    const std::size_t rowBytes = static_cast<std::size_t>(image.width) * 3;
    for (int y = 0; y < image.height; ++y)
        std::copy_n(image.pixels.data() + static_cast<std::size_t>(y) * rowBytes, rowBytes,
                    out.pixels.data() + (static_cast<std::size_t>(y + y0) * side + x0) * 3);
    return out;
}

torch::Tensor clipResizedPixels(const RgbImage& image, const ClipPreprocessOptions& o) {
    checkImage(image);
    if (o.imageSize < 1 || o.imageSize > 4096) throw std::invalid_argument("clipPreprocess: image size out of range");
    const RgbImage squared = o.padToSquare ? expandToSquare(image, padColour(o)) : RgbImage{};
    const RgbImage& src = o.padToSquare ? squared : image;
    const std::int64_t s = o.imageSize;
    auto x = torch::from_blob(const_cast<std::uint8_t*>(src.pixels.data()), {src.height, src.width, 3}, torch::kUInt8)
                 .permute({2, 0, 1})
                 .unsqueeze(0)
                 .to(torch::kFloat32);  // [1, 3, H, W]
    torch::Tensor y;
    if (o.padToSquare) {
        y = resizeLikePil(x, s, s);  // [1, 3, S, S]
    } else {
        // CLIPImageProcessor: shortest edge to S (long edge int(S * long / short)), then centre crop.
        const bool wide = src.width >= src.height;
        const std::int64_t shortSide = wide ? src.height : src.width, longSide = wide ? src.width : src.height;
        const auto newLong = static_cast<std::int64_t>(static_cast<double>(s) * longSide / shortSide);
        const std::int64_t oh = wide ? s : newLong, ow = wide ? newLong : s;
        y = resizeLikePil(x, oh, ow);                                  // [1, 3, oh, ow]
        y = y.narrow(2, (oh - s) / 2, s).narrow(3, (ow - s) / 2, s);  // [1, 3, S, S]
    }
    return y.squeeze(0).to(torch::kUInt8).contiguous();  // [3, S, S]
}

torch::Tensor clipPreprocess(const RgbImage& image, const ClipPreprocessOptions& o) {
    torch::NoGradGuard noGrad;
    const auto pixels = clipResizedPixels(image, o).to(torch::kFloat32).div_(255.0);  // [3, S, S]
    const auto mean = torch::tensor({o.mean[0], o.mean[1], o.mean[2]}).view({3, 1, 1});
    const auto std = torch::tensor({o.std[0], o.std[1], o.std[2]}).view({3, 1, 1});
    return pixels.sub_(mean).div_(std).contiguous();  // [3, S, S] float32
}

}  // namespace stllava
