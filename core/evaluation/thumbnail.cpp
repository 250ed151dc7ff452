#include "evaluation/thumbnail.h"

#include "common/atomic_file.h"
#include "evaluation/html_util.h"
#include "imaging/deidentify.h"
#include "imaging/image_loader.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace stllava::eval {
namespace {

RgbImage boxDownscale(const RgbImage& in, int max_side) {
    const int side = std::max(in.width, in.height);
    if (side <= max_side) return in;
    const double scale = static_cast<double>(max_side) / side;
    RgbImage out;
    out.width = std::max(1, static_cast<int>(in.width * scale));
    out.height = std::max(1, static_cast<int>(in.height * scale));
    out.pixels.resize(static_cast<std::size_t>(out.width) * out.height * 3);
    for (int y = 0; y < out.height; ++y) {
        const int y0 = y * in.height / out.height, y1 = std::max(y0 + 1, (y + 1) * in.height / out.height);
        for (int x = 0; x < out.width; ++x) {
            const int x0 = x * in.width / out.width, x1 = std::max(x0 + 1, (x + 1) * in.width / out.width);
            for (int c = 0; c < 3; ++c) {
                std::uint64_t sum = 0;
                for (int yy = y0; yy < y1; ++yy)
                    for (int xx = x0; xx < x1; ++xx) sum += in.pixels[(static_cast<std::size_t>(yy) * in.width + xx) * 3 + c];
                const auto n = static_cast<std::uint64_t>((y1 - y0) * (x1 - x0));
                out.pixels[(static_cast<std::size_t>(y) * out.width + x) * 3 + c] = static_cast<std::uint8_t>((sum + n / 2) / n);
            }
        }
    }
    return out;
}

}  // namespace

std::string thumbnailDataUri(const std::string& path, int max_side) {
    try {
        const RgbImage small = boxDownscale(loadDisplayImage(path), max_side);
        // The project's PNG encoder writes files; go through a private temporary file.
        const std::string tmp = (std::filesystem::temp_directory_path() /
                                 ("stllava-thumb-" + std::to_string(::getpid()) + ".png")).string();
        writePixelsPng(small, tmp);
        const std::string png = readFile(tmp);
        std::remove(tmp.c_str());
        return "data:image/png;base64," + html::base64(png);
    } catch (const std::exception&) {
        return "";
    }
}

ThumbnailFn thumbnailsFrom(const std::string& images_dir, int max_side) {
    return [images_dir, max_side](const std::string& image) {
        return thumbnailDataUri((std::filesystem::path(images_dir) / image).string(), max_side);
    };
}

}  // namespace stllava::eval
