// Model preprocessing for the CLIP vision tower, exactly like LLaVA-1.5 with image_aspect_ratio "pad":
// expand2square with the CLIP mean colour (122,116,104), image centred; resize to S x S with bicubic
// and antialiasing (PIL's filter, as the checkpoints were trained on); rounded to 8 bits like PIL;
// scaled to [0,1]; normalised with the CLIP mean/std. One implementation for chat, training, evaluation.
// libtorch only (no Qt, no OpenCV).
#pragma once

#include "imaging/image_types.h"

#include <torch/types.h>

#include <array>
#include <cstdint>

namespace stllava {

struct ClipPreprocessOptions {
    int imageSize = 336;
    std::array<float, 3> mean{0.48145466f, 0.4578275f, 0.40821073f};
    std::array<float, 3> std{0.26862954f, 0.26130258f, 0.27577711f};
    // true: LLaVA's "pad" (expand2square with int(mean*255) per channel, then resize to S x S).
    // false: CLIPImageProcessor alone (shortest edge to S, then centre crop S x S).
    bool padToSquare = true;
};

// float32 [3, S, S], normalised. Throws std::invalid_argument for an empty image or a bad size.
torch::Tensor clipPreprocess(const RgbImage& image, const ClipPreprocessOptions& options = {});
// The resized 8-bit pixels before normalisation: uint8 [3, S, S] (for tests and previews).
torch::Tensor clipResizedPixels(const RgbImage& image, const ClipPreprocessOptions& options = {});
// expand2square: a square canvas of side max(w, h) filled with `fill`, the image pasted at
// ((side - w) / 2, (side - h) / 2) with integer division, as LLaVA's expand2square does.
RgbImage expandToSquare(const RgbImage& image, const std::array<std::uint8_t, 3>& fill);

}  // namespace stllava
