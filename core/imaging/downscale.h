// Shrinking display images for thumbnails and previews, by area averaging: each output pixel is the
// mean of the input area it covers, input pixels cut by the area's edge weighted by the part covered
// (PIL's BOX filter, OpenCV's INTER_AREA), so no input pixel is skipped and nothing aliases.
#pragma once

#include "imaging/image_types.h"

namespace stllava {

// The output's longer side is `maxSide`; the shorter keeps the aspect ratio (rounded, at least 1).
// An image already within `maxSide` comes back unchanged. Throws std::invalid_argument when
// maxSide < 1 or the image's buffer is not width x height x 3.
RgbImage downscale(const RgbImage& image, int maxSide);

// The size downscale() gives an image of width x height.
void downscaledSize(int width, int height, int maxSide, int& outWidth, int& outHeight);

}  // namespace stllava
