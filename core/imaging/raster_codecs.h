// PNG and JPEG in memory, through the small C libraries every build has (libpng, libjpeg-turbo):
// the decoders behind loadImageData() for .png/.jpg files in the desktop and the headless build
// alike, the PNG encoder for exports and report thumbnails, and a JPEG encoder for checks. No OpenCV, no
// DCMTK, no torch.
//
// Decoded values follow what PIL's Image.open + convert('RGB') gives LLaVA's loader: alpha dropped
// (not composited), palette expanded to RGB, 1/2/4-bit grey scaled to 8 bits, 16-bit samples kept
// at 16 bits, no gamma or colour-profile correction, EXIF orientation ignored.
// Errors are std::runtime_error "<name>: ..." naming the file (or `name`) and the problem.
// Thread-safe: no shared state.
#pragma once

#include "imaging/image_loader.h"
#include "imaging/image_types.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace stllava {

struct PngOptions {
    // Write colour type grey (a third of the data) when every pixel has R == G == B; a reader that
    // converts to RGB (PIL's convert('RGB'), loadDisplayImage) gets the identical pixels back.
    bool greyWhenNeutral = false;
    int compressionLevel = 6;  // zlib level 0..9
};

// An 8-bit PNG of `image` with no metadata chunks. Throws std::invalid_argument when the image is
// empty or its buffer size disagrees with width x height x 3.
std::vector<std::uint8_t> encodePng(const RgbImage& image, const PngOptions& options = {});
// Writes `image` as an 8-bit RGB PNG (no metadata) atomically (core/common/atomic_file.h).
// Throws std::runtime_error naming `path`.
void writePixelsPng(const RgbImage& image, const std::string& path);
// An 8-bit greyscale PNG of `grey` (width * height bytes, row-major).
std::vector<std::uint8_t> encodePngGrey(int width, int height, const std::vector<std::uint8_t>& grey,
                                        int compressionLevel = 6);

// A baseline JPEG of `image` (4:2:0, libjpeg's defaults) at `quality` 1..100: for tests, probes and
// previews; never used for anything the model or an export sees.
std::vector<std::uint8_t> encodeJpeg(const RgbImage& image, int quality = 90);

// Decoders: `name` is the file path (or a label) used in ImageData::path and in error messages.
// Sizes are checked against `limits` from the header, before the pixel buffer is allocated.
ImageData decodePng(const std::uint8_t* data, std::size_t size, const std::string& name,
                    const ImageLimits& limits = {});
ImageData decodeJpeg(const std::uint8_t* data, std::size_t size, const std::string& name,
                     const ImageLimits& limits = {});

// Versions of the libraries linked in, e.g. "1.6.39" and "libjpeg-turbo 2.1.5 (libjpeg 6.2)".
std::string pngLibraryVersion();
std::string jpegLibraryVersion();

}  // namespace stllava
