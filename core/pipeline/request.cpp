#include "pipeline/request.h"

#include "common/sha256.h"

#include <filesystem>

namespace stllava::pipeline {

ImageInput ImageInput::file(std::string path, int frame) {
    ImageInput in;
    in.path = std::move(path);
    in.frame = frame;
    return in;
}

ImageInput ImageInput::pixels(RgbImage image, std::string key) {
    ImageInput in;
    in.display = std::move(image);
    in.key = std::move(key);
    return in;
}

std::string ImageInput::identity() const {
    if (!key.empty()) return key;
    if (display.empty()) {
        // The file's size and modification time are part of it: an image rewritten on disk is new.
        std::error_code ec;
        const auto size = std::filesystem::file_size(path, ec);
        const auto mtime = std::filesystem::last_write_time(path, ec).time_since_epoch().count();
        return "file:" + path + "#" + std::to_string(frame) + "@" + std::to_string(ec ? 0 : size) + ":" +
               std::to_string(ec ? 0 : mtime);
    }
    Sha256 h;
    const std::string dims = std::to_string(display.width) + "x" + std::to_string(display.height);
    h.update(dims);
    h.update(display.pixels.data(), display.pixels.size());
    return "pixels:" + h.finishHex();
}

}  // namespace stllava::pipeline
