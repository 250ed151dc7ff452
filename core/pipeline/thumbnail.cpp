#include "pipeline/thumbnail.h"

#include "evaluation/html_util.h"
#include "imaging/downscale.h"
#include "imaging/image_loader.h"
#include "imaging/raster_codecs.h"

#include <filesystem>
#include <string_view>

namespace stllava::pipeline {

std::string thumbnailDataUri(const std::string& path, int max_side) {
    try {
        const RgbImage small = downscale(loadDisplayImage(path), max_side);
        PngOptions png;
        png.greyWhenNeutral = true;  // most medical images are grey: a third of the bytes in the report
        const std::vector<std::uint8_t> bytes = encodePng(small, png);
        return "data:image/png;base64," +
               eval::html::base64(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    } catch (const std::exception&) {
        return "";
    }
}

ThumbnailFn thumbnailsFrom(const std::string& images_dir, int max_side) {
    return [images_dir, max_side](const std::string& image) {
        return thumbnailDataUri((std::filesystem::path(images_dir) / image).string(), max_side);
    };
}

}  // namespace stllava::pipeline
