#include "vision_input/clip_preprocess.h"

#include "vision_input/pil_resample.h"

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

// True when every pixel has R == G == B (a rendered grey image): one channel is resized then.
bool isGrey(const RgbImage& image) {
    const std::uint8_t* p = image.pixels.data();
    const std::size_t n = image.pixels.size() / 3;
    constexpr std::size_t kBlock = 4096;
    for (std::size_t b = 0; b < n; b += kBlock) {
        const std::size_t e = std::min(n, b + kBlock);
        unsigned diff = 0;
        for (std::size_t i = b; i < e; ++i) diff |= static_cast<unsigned>(p[3 * i] ^ p[3 * i + 1]) | static_cast<unsigned>(p[3 * i] ^ p[3 * i + 2]);
        if (diff != 0) return false;
    }
    return true;
}

// The resized S x S pixels, interleaved: one channel when the model input is grey, else three.
struct ResizedPixels {
    std::vector<std::uint8_t> values;  // [S, S, channels]
    int channels = 3;
};

// PIL's bicubic resize (bit-exact, pil_resample.h) of the padded square, or CLIPImageProcessor's
// shortest-edge resize with only the centre crop computed.
ResizedPixels resizeForClip(const RgbImage& image, const ClipPreprocessOptions& o) {
    checkImage(image);
    if (o.imageSize < 1 || o.imageSize > 4096) throw std::invalid_argument("clipPreprocess: image size out of range");
    const int s = o.imageSize;
    const bool square = image.width == image.height;
    // A grey image stays grey through the resize when nothing coloured is padded in.
    const bool grey = (!o.padToSquare || square) && isGrey(image);
    const RgbImage squared = o.padToSquare && !square ? expandToSquare(image, padColour(o)) : RgbImage{};
    const RgbImage& src = o.padToSquare && !square ? squared : image;
    ImageView8 view;
    view.data = src.pixels.data();
    view.width = src.width;
    view.height = src.height;
    view.channels = grey ? 1 : 3;
    view.pixelStride = 3;
    view.rowStride = static_cast<std::size_t>(src.width) * 3;
    ResizedPixels r;
    r.channels = view.channels;
    r.values.resize(static_cast<std::size_t>(s) * static_cast<std::size_t>(s) * static_cast<std::size_t>(r.channels));
    if (o.padToSquare) {
        resizeBicubicLikePil(view, s, s, OutputWindow{0, 0, s, s}, r.values.data());
    } else {
        // CLIPImageProcessor: shortest edge to S (long edge int(S * long / short)), then centre crop.
        const bool wide = src.width >= src.height;
        const int shortSide = wide ? src.height : src.width, longSide = wide ? src.width : src.height;
        const auto newLong = static_cast<int>(static_cast<double>(s) * longSide / shortSide);
        const int oh = wide ? s : newLong, ow = wide ? newLong : s;
        resizeBicubicLikePil(view, ow, oh, OutputWindow{(ow - s) / 2, (oh - s) / 2, s, s}, r.values.data());
    }
    return r;
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
    const ResizedPixels r = resizeForClip(image, o);
    const std::int64_t s = o.imageSize, plane = s * s;
    auto out = torch::empty({3, s, s}, torch::kUInt8);  // [3, S, S]
    std::uint8_t* dst = out.data_ptr<std::uint8_t>();
    for (int c = 0; c < 3; ++c) {
        const std::uint8_t* in = r.values.data() + (r.channels == 3 ? c : 0);
        std::uint8_t* d = dst + c * plane;
        for (std::int64_t i = 0; i < plane; ++i) d[i] = in[i * r.channels];
    }
    return out;
}

torch::Tensor clipPreprocess(const RgbImage& image, const ClipPreprocessOptions& o) {
    const ResizedPixels r = resizeForClip(image, o);
    const std::int64_t s = o.imageSize, plane = s * s;
    auto out = torch::empty({3, s, s}, torch::kFloat32);  // [3, S, S]
    float* dst = out.data_ptr<float>();
    for (int c = 0; c < 3; ++c) {
        // The same float32 operations as (x / 255 - mean) / std, tabulated for the 256 levels.
        std::array<float, 256> lut{};
        for (int v = 0; v < 256; ++v) lut[static_cast<std::size_t>(v)] = (static_cast<float>(v) / 255.0f - o.mean[c]) / o.std[c];
        const std::uint8_t* in = r.values.data() + (r.channels == 3 ? c : 0);
        float* d = dst + c * plane;
        for (std::int64_t i = 0; i < plane; ++i) d[i] = lut[in[i * r.channels]];
    }
    return out;  // float32, normalised
}

}  // namespace stllava
