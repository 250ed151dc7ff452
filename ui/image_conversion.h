// RgbImage (core/imaging's plain buffer) to and from QImage, copying the pixels.
#pragma once

#include "imaging/image_types.h"

#include <QImage>

namespace stllava::ui {

inline QImage toQImage(const RgbImage& image) {
    if (image.empty()) return {};
    QImage out(image.pixels.data(), image.width, image.height, image.width * 3, QImage::Format_RGB888);
    return out.copy();  // detaches from the RgbImage's buffer
}

inline RgbImage toRgbImage(const QImage& image) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    RgbImage out;
    out.width = rgb.width();
    out.height = rgb.height();
    out.pixels.resize(static_cast<std::size_t>(out.width) * out.height * 3);
    for (int y = 0; y < out.height; ++y)
        std::copy_n(rgb.constScanLine(y), out.width * 3,
                    out.pixels.data() + static_cast<std::size_t>(y) * out.width * 3);
    return out;
}

}  // namespace stllava::ui
