// PNG, JPEG, TIFF and BMP through OpenCV. Dimensions are read from the file header (PNG, JPEG, BMP)
// and checked against the caps before OpenCV allocates; TIFF relies on OpenCV's own pixel cap.
// Alpha is dropped (not composited), as PIL's convert('RGB') does in LLaVA's own loader.
// EXIF orientation is ignored, as PIL's Image.open does.
#include "imaging/format_loaders.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <array>
#include <fstream>
#include <stdexcept>

namespace stllava {
namespace {

[[noreturn]] void fail(const std::string& path, const std::string& why) { throw std::runtime_error(path + ": " + why); }

std::uint32_t be32(const unsigned char* p) {
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}
std::int32_t le32(const unsigned char* p) {
    return static_cast<std::int32_t>(std::uint32_t(p[0]) | (std::uint32_t(p[1]) << 8) | (std::uint32_t(p[2]) << 16) |
                                     (std::uint32_t(p[3]) << 24));
}

// Width and height from a PNG, BMP or JPEG header; false when the format is another one.
bool headerSize(const std::string& path, long& w, long& h) {
    std::ifstream in(path, std::ios::binary);
    std::array<unsigned char, 32> head{};
    in.read(reinterpret_cast<char*>(head.data()), head.size());
    const auto got = in.gcount();
    if (got >= 24 && head[0] == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
        w = be32(&head[16]);
        h = be32(&head[20]);
        return true;
    }
    if (got >= 26 && head[0] == 'B' && head[1] == 'M') {
        w = le32(&head[18]);
        h = std::labs(static_cast<long>(le32(&head[22])));
        return true;
    }
    if (got >= 4 && head[0] == 0xFF && head[1] == 0xD8) {  // JPEG: walk the markers to the first SOFn
        in.clear();
        in.seekg(2);
        for (int guard = 0; guard < 10000 && in; ++guard) {
            int c = in.get();
            if (c != 0xFF) continue;
            int marker = in.get();
            while (marker == 0xFF) marker = in.get();
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;
            unsigned char len[2];
            if (!in.read(reinterpret_cast<char*>(len), 2)) break;
            const int length = (len[0] << 8) | len[1];
            const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                unsigned char sofData[5];
                if (!in.read(reinterpret_cast<char*>(sofData), 5)) break;
                h = (sofData[1] << 8) | sofData[2];
                w = (sofData[3] << 8) | sofData[4];
                return true;
            }
            if (length < 2) break;
            in.seekg(length - 2, std::ios::cur);
        }
        fail(path, "JPEG without a frame header (truncated?)");
    }
    return false;
}

}  // namespace

ImageData loadRasterData(const std::string& path, const LoadOptions& opt) {
    long hw = 0, hh = 0;
    if (headerSize(path, hw, hh)) {
        if (hw <= 0 || hh <= 0) fail(path, "image header gives an empty size");
        if (hw > opt.limits.maxSide || hh > opt.limits.maxSide)
            fail(path, "image of " + std::to_string(hw) + "x" + std::to_string(hh) + " exceeds the limit of " +
                           std::to_string(opt.limits.maxSide) + " pixels per side");
        if (static_cast<std::uint64_t>(hw) * static_cast<std::uint64_t>(hh) * 3 * sizeof(float) > opt.limits.maxFrameBytes)
            fail(path, "decoded image would exceed the memory limit");
    }
    if (opt.frame != 0) fail(path, "frame " + std::to_string(opt.frame) + " out of range (the file has 1 frame)");
    cv::Mat m;
    try {
        m = cv::imread(path, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception& e) {
        fail(path, std::string("cannot decode image: ") + e.what());
    }
    if (m.empty()) fail(path, "cannot decode image (not PNG/JPEG/TIFF/BMP, or truncated)");
    if (m.cols > opt.limits.maxSide || m.rows > opt.limits.maxSide) fail(path, "image exceeds the size limit");
    if (m.depth() != CV_8U && m.depth() != CV_16U) fail(path, "unsupported sample type (only 8- and 16-bit integers)");

    ImageData img;
    img.path = path;
    img.source = ImageSource::Raster;
    img.width = m.cols;
    img.height = m.rows;
    img.bits = m.depth() == CV_16U ? 16 : 8;
    cv::Mat rgb;
    switch (m.channels()) {
        case 1: rgb = m; break;
        case 3: cv::cvtColor(m, rgb, cv::COLOR_BGR2RGB); break;
        case 4: cv::cvtColor(m, rgb, cv::COLOR_BGRA2RGB); break;  // alpha dropped
        default: fail(path, "unsupported channel count " + std::to_string(m.channels()));
    }
    img.channels = rgb.channels();
    cv::Mat f;
    rgb.convertTo(f, CV_MAKETYPE(CV_32F, img.channels));
    img.values.resize(static_cast<std::size_t>(img.width) * img.height * img.channels);
    for (int y = 0; y < img.height; ++y) {
        const float* row = f.ptr<float>(y);
        std::copy(row, row + static_cast<std::size_t>(img.width) * img.channels,
                  img.values.begin() + static_cast<std::ptrdiff_t>(y) * img.width * img.channels);
    }
    return img;
}

}  // namespace stllava
