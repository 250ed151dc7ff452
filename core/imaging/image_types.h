// Plain pixel buffers passed between imaging (DCMTK/OpenCV), the model's preprocessing and the UI.
// No torch, no Qt, no OpenCV types here.
//
// INTERFACE CONTRACT (used by core/vision_input, core/evaluation, app/stllava chat): keep these.
#pragma once

#include <cstdint>
#include <vector>

namespace stllava {

// 8-bit RGB, interleaved, row-major, no padding: pixels.size() == width * height * 3.
struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;
    bool empty() const { return width <= 0 || height <= 0; }
};

}  // namespace stllava
