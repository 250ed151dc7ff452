// Pixels-only PNG export: the only image form that leaves the machine (no metadata chunks).
#include "common/atomic_file.h"
#include "imaging/deidentify.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <stdexcept>

namespace stllava {

void writePixelsPng(const RgbImage& image, const std::string& path) {
    if (image.empty() || image.pixels.size() != static_cast<std::size_t>(image.width) * image.height * 3)
        throw std::runtime_error(path + ": no pixels to write");
    const cv::Mat rgb(image.height, image.width, CV_8UC3, const_cast<std::uint8_t*>(image.pixels.data()));
    cv::Mat bgr;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    std::vector<uchar> png;
    if (!cv::imencode(".png", bgr, png)) throw std::runtime_error(path + ": PNG encoding failed");
    writeFileAtomic(path, png.data(), png.size());
}

}  // namespace stllava
