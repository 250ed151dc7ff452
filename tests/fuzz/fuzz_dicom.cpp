// Fuzz target: any file through core/imaging as the chat, evaluation and studio open images:
// loadImageData (content sniffing; DICOM through DCMTK and OpenJPEG, PNG/JPEG/TIFF/BMP) and then
// renderDisplay under every display mode, for the first and the last frame.
// Allowed outcome for bad input: std::runtime_error naming the file.
// STLLAVA_FUZZ_VERBOSE=1 prints each input's outcome ("loaded WxH" / "refused: why") on stderr, for
// counting a folder of real files run as `fuzz_dicom FILE...`.
#include "fuzz_support.h"

#include "imaging/image_loader.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace {

bool verbose() {
    static const bool v = std::getenv("STLLAVA_FUZZ_VERBOSE") != nullptr;
    return v;
}

stllava::LoadOptions fuzzLimits(int frame) {
    stllava::LoadOptions options;
    options.frame = frame;
    // Small enough for the fuzzer's memory limit; the checks are the same code as the defaults'.
    options.limits.maxSide = 4096;
    options.limits.maxFrameBytes = 64ull << 20;
    options.limits.maxFrames = 256;
    return options;
}

void renderAll(const stllava::ImageData& image) {
    using Mode = stllava::DisplayOptions::Mode;
    for (const Mode mode : {Mode::Default, Mode::FileWindow, Mode::FileVoiLut, Mode::Explicit, Mode::MinMax, Mode::Percentile}) {
        if (mode == Mode::FileWindow && image.fileWindows.empty()) continue;  // refused by contract
        if (mode == Mode::FileVoiLut && image.voiLuts.empty()) continue;
        stllava::DisplayOptions display;
        display.mode = mode;
        display.index = mode == Mode::FileWindow ? static_cast<int>(image.fileWindows.size()) - 1
                        : mode == Mode::FileVoiLut ? static_cast<int>(image.voiLuts.size()) - 1
                                                   : 0;
        display.window = stllava::Window{40.0, 400.0, "fuzz"};
        display.invert = mode == Mode::MinMax;
        const stllava::RgbImage rgb = stllava::renderDisplay(image, display);  // a loaded image always renders
        if (rgb.pixels.size() != static_cast<std::size_t>(rgb.width) * rgb.height * 3)
            stllava::fuzz::finding("rendered buffer does not match its size");
        if (rgb.width != image.width || rgb.height != image.height)
            stllava::fuzz::finding("rendered image has another size than the loaded one");
    }
    const stllava::Window w = stllava::defaultWindow(image);
    if (std::isnan(w.center) || std::isnan(w.width)) stllava::fuzz::finding("default window is NaN");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = stllava::fuzz::writeInput(data, size, "input.dcm");
    stllava::ImageData image;
    try {
        image = stllava::loadImageData(path, fuzzLimits(0));
    } catch (const std::runtime_error& e) {
        stllava::fuzz::requireNamedError(e, path);
        if (verbose()) std::fprintf(stderr, "outcome: refused: %s\n", e.what() + path.size() + 2);
        return 0;
    }
    const std::size_t expected = static_cast<std::size_t>(image.width) * image.height * image.channels;
    if (image.width <= 0 || image.height <= 0 || image.values.size() != expected)
        stllava::fuzz::finding("loaded image's values do not match width x height x channels");
    renderAll(image);
    if (verbose()) std::fprintf(stderr, "outcome: loaded %dx%dx%d, %d frame(s)\n", image.width, image.height, image.channels, image.frameCount);
    if (image.frameCount > 1) {
        try {
            renderAll(stllava::loadImageData(path, fuzzLimits(image.frameCount - 1)));
        } catch (const std::runtime_error& e) {
            stllava::fuzz::requireNamedError(e, path);
        }
    }
    return 0;
}
