// Pixels-only PNG export: the only image form that leaves the machine (no metadata chunks).
#include "common/atomic_file.h"
#include "imaging/raster_codecs.h"

#include <stdexcept>

namespace stllava {

void writePixelsPng(const RgbImage& image, const std::string& path) {
    if (image.empty() || image.pixels.size() != static_cast<std::size_t>(image.width) * image.height * 3)
        throw std::runtime_error(path + ": no pixels to write");
    std::vector<std::uint8_t> png;
    try {
        png = encodePng(image);
    } catch (const std::exception& e) {
        throw std::runtime_error(path + ": " + e.what());
    }
    writeFileAtomic(path, png.data(), png.size());
}

}  // namespace stllava
