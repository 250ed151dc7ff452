// Bicubic resize of 8-bit images exactly like PIL's Image.resize(size, Image.BICUBIC) (Pillow's
// ImagingResample: a=-0.5 cubic, support widened by the downscale factor for antialiasing,
// coefficients normalised to 22-bit integers, a horizontal pass rounded to 8 bits, then a vertical
// pass; a pass is skipped when that side keeps its size). Bit-exact with Pillow, not approximately.
//
// Both passes run as "row" passes (every output row is a weighted sum of input rows, vectorised
// along the row); the horizontal pass works on the transposed image for that. Only the requested
// window of the output is computed (resize-then-crop at the cost of the crop).
// No torch, no Qt: plain buffers.
#pragma once

#include <cstddef>
#include <cstdint>

namespace stllava {

// An 8-bit image in memory: `channels` (1 or 3) values per pixel, pixels `pixelStride` bytes apart
// (>= channels; 3 with channels 1 reads the first channel of RGB), rows `rowStride` bytes apart.
struct ImageView8 {
    const std::uint8_t* data = nullptr;
    int width = 0, height = 0;
    int channels = 1;
    int pixelStride = 1;
    std::size_t rowStride = 0;
};

// The part of the resized image to produce: columns x0 .. x0+width-1, rows y0 .. y0+height-1.
struct OutputWindow {
    int x0 = 0, y0 = 0, width = 0, height = 0;
};

// Resizes `in` to outWidth x outHeight and writes `window` of the result to `out`: interleaved,
// in.channels values per pixel, rows window.width * in.channels bytes apart.
// Throws std::invalid_argument for empty sizes, a bad view or a window outside the output.
void resizeBicubicLikePil(const ImageView8& in, int outWidth, int outHeight, const OutputWindow& window,
                          std::uint8_t* out);

}  // namespace stllava
