// Internal to core/imaging: one loader per file family, dispatched by image_loader.cpp, and the
// pieces the raster decoders share.
#pragma once

#include "imaging/image_loader.h"

#include <cstdint>
#include <stdexcept>
#include <string>

namespace stllava {

#ifdef STLLAVA_HAVE_DICOM
ImageData loadDicomData(const std::string& path, const LoadOptions& options);
#endif
// PNG and JPEG through libpng / libjpeg-turbo; TIFF and BMP through OpenCV where it is built.
ImageData loadRasterData(const std::string& path, const LoadOptions& options);
#ifdef STLLAVA_HAVE_OPENCV
ImageData loadOpenCvRaster(const std::string& path, const LoadOptions& options);
#endif

[[noreturn]] inline void failImage(const std::string& name, const std::string& why) {
    throw std::runtime_error(name + ": " + why);
}

// Refuses a width x height x channels float image that breaks `limits` (before allocating it).
inline void checkRasterSize(const std::string& name, std::uint64_t width, std::uint64_t height, int channels,
                            const ImageLimits& limits) {
    if (width == 0 || height == 0) failImage(name, "image header gives an empty size");
    if (width > static_cast<std::uint64_t>(limits.maxSide) ||
        height > static_cast<std::uint64_t>(limits.maxSide))
        failImage(name, "image of " + std::to_string(width) + "x" + std::to_string(height) +
                            " exceeds the limit of " + std::to_string(limits.maxSide) + " pixels per side");
    if (width * height * static_cast<std::uint64_t>(channels) * sizeof(float) > limits.maxFrameBytes)
        failImage(name, "decoded image would exceed the memory limit");
}

// An empty raster ImageData of the given shape, values allocated (zero).
inline ImageData rasterImageData(const std::string& name, int width, int height, int channels, int bits) {
    ImageData img;
    img.path = name;
    img.source = ImageSource::Raster;
    img.width = width;
    img.height = height;
    img.channels = channels;
    img.bits = bits;
    img.values.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) *
                      static_cast<std::size_t>(channels));
    return img;
}

}  // namespace stllava
