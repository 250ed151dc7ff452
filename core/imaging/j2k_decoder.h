// JPEG 2000 (ISO 15444-1) codestreams and JP2 files decoded in memory through OpenJPEG: the engine
// behind the DICOM JPEG 2000 transfer syntaxes (see dicom_j2k_codec.h). No DCMTK types here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace stllava {

struct Jpeg2000Image {
    int width = 0, height = 0;
    int components = 0;
    int precision = 0;  // bits per sample, the same for every component
    bool isSigned = false;
    bool colourTransform = false;  // the codestream used a multi-component transform (now undone)
    // Component planes, each width * height samples: [components][height * width].
    std::vector<std::vector<std::int32_t>> planes;
};

// Decodes one frame. Components of different size, precision or sign (subsampled chroma) are
// refused. Refuses a frame larger than `maxSamples` (width * height * components) before decoding.
// Throws std::runtime_error with OpenJPEG's message.
Jpeg2000Image decodeJpeg2000(const std::uint8_t* data, std::size_t size, std::uint64_t maxSamples);

// e.g. "2.5.0"
std::string openJpegVersion();

}  // namespace stllava
