// TIFF and BMP (and any format OpenCV reads) through OpenCV's imread, after raster_loader.cpp has
// checked the header caps; TIFF relies on OpenCV's own pixel cap.
#include "imaging/format_loaders.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace stllava {
namespace {
[[noreturn]] void fail(const std::string& path, const std::string& why) {
    failImage(path, why);
}
}  // namespace

ImageData loadOpenCvRaster(const std::string& path, const LoadOptions& opt) {
    cv::Mat m;
    try {
        m = cv::imread(path, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception& e) {
        fail(path, std::string("cannot decode image: ") + e.what());
    }
    if (m.empty()) fail(path, "cannot decode image (not PNG/JPEG/TIFF/BMP, or truncated)");
    if (m.cols > opt.limits.maxSide || m.rows > opt.limits.maxSide)
        fail(path, "image exceeds the size limit");
    if (m.depth() != CV_8U && m.depth() != CV_16U)
        fail(path, "unsupported sample type (only 8- and 16-bit integers)");

    ImageData img;
    img.path = path;
    img.source = ImageSource::Raster;
    img.width = m.cols;
    img.height = m.rows;
    img.bits = m.depth() == CV_16U ? 16 : 8;
    cv::Mat rgb;
    switch (m.channels()) {
        case 1:
            rgb = m;
            break;
        case 3:
            cv::cvtColor(m, rgb, cv::COLOR_BGR2RGB);
            break;
        case 4:
            cv::cvtColor(m, rgb, cv::COLOR_BGRA2RGB);
            break;  // alpha dropped
        default:
            fail(path, "unsupported channel count " + std::to_string(m.channels()));
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
