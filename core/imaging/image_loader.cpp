// Dispatch by content (not by extension) and rendering of ImageData to a display RgbImage.
#include "imaging/image_loader.h"

#include "imaging/format_loaders.h"

#include <array>
#include <fstream>
#include <stdexcept>

namespace stllava {
namespace {

enum class Family { Dicom, Raster, Unknown };

Family sniff(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open file");
    std::array<unsigned char, 132> h{};
    in.read(reinterpret_cast<char*>(h.data()), h.size());
    const auto n = in.gcount();
    if (n == 0) throw std::runtime_error(path + ": empty file");
    if (n >= 132 && h[128] == 'D' && h[129] == 'I' && h[130] == 'C' && h[131] == 'M') return Family::Dicom;
    if (n >= 8 && h[0] == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G') return Family::Raster;
    if (n >= 3 && h[0] == 0xFF && h[1] == 0xD8 && h[2] == 0xFF) return Family::Raster;
    if (n >= 2 && h[0] == 'B' && h[1] == 'M') return Family::Raster;
    if (n >= 4 && ((h[0] == 'I' && h[1] == 'I' && h[2] == 42 && h[3] == 0) || (h[0] == 'M' && h[1] == 'M' && h[2] == 0 && h[3] == 42)))
        return Family::Raster;
    // DICOM without preamble/meta header: starts with a group 0002..0008 tag, either byte order.
    if (n >= 8 && ((h[1] == 0 && h[0] >= 2 && h[0] <= 8) || (h[0] == 0 && h[1] >= 2 && h[1] <= 8))) return Family::Dicom;
    return Family::Unknown;
}

bool noModalityChange(const ImageData& img) {
    return img.source == ImageSource::Raster ||
           (!img.tags.hasModalityLut && img.tags.rescaleSlope == 1.0 && img.tags.rescaleIntercept == 0.0 &&
            img.tags.pixelRepresentation == 0);
}

}  // namespace

bool looksLikeDicom(const std::string& path) {
    try {
        return sniff(path) == Family::Dicom;
    } catch (const std::runtime_error&) {
        return false;
    }
}

ImageData loadImageData(const std::string& path, const LoadOptions& options) {
    const Family family = sniff(path);
    if (family == Family::Raster) return loadRasterData(path, options);
#ifdef STLLAVA_HAVE_DICOM
    if (family == Family::Dicom) return loadDicomData(path, options);
    try {
        return loadDicomData(path, options);  // DICOM without meta header may start with any group
    } catch (const std::runtime_error& e) {
        std::string why = e.what();
        if (why.rfind(path + ": ", 0) == 0) why = why.substr(path.size() + 2);
        throw std::runtime_error(path + ": not a recognised image (neither DICOM nor PNG/JPEG/TIFF/BMP): " + why);
    }
#else
    if (family == Family::Dicom)
        throw std::runtime_error(path +
                                 ": this is a DICOM file, and this build has no DICOM support (built with "
                                 "STLLAVA_WITH_DICOM=OFF); open it with the desktop build, or export it to PNG there");
    throw std::runtime_error(path + ": not a recognised image (PNG or JPEG expected; this build has no DICOM support)");
#endif
}

Window defaultWindow(const ImageData& img) {
    if (img.channels == 3) return fullRangeWindow(img.bits);
    if (!img.fileWindows.empty()) return img.fileWindows.front();
    if (!img.voiLuts.empty()) {
        const auto& lut = img.voiLuts.front();
        const double n = static_cast<double>(lut.data.size());
        return Window{lut.firstMapped + n / 2.0, n, "VOI LUT" + (lut.explanation.empty() ? "" : ": " + lut.explanation)};
    }
    if (img.bits <= 8 && noModalityChange(img)) return fullRangeWindow(img.bits);
    if (img.source == ImageSource::Raster) return fullRangeWindow(img.bits);
    if (img.values.empty()) return fullRangeWindow(8);
    return minMaxWindow(img.values.data(), img.values.size());
}

RgbImage renderDisplay(const ImageData& img, const DisplayOptions& opt) {
    if (img.width <= 0 || img.height <= 0 || img.values.size() != static_cast<std::size_t>(img.width) * img.height * img.channels)
        throw std::invalid_argument(img.path + ": no pixel values to display");
    const std::size_t n = static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height);
    RgbImage out;
    out.width = img.width;
    out.height = img.height;
    out.pixels.resize(n * 3);
    const bool invert = img.monochrome1 != opt.invert;
    using Mode = DisplayOptions::Mode;

    const VoiLut* lut = nullptr;
    Window w;
    VoiFunction fn = img.voiFunction;
    switch (opt.mode) {
        case Mode::Default:
            if (img.channels == 1 && img.fileWindows.empty() && !img.voiLuts.empty()) lut = &img.voiLuts.front();
            else w = defaultWindow(img);
            if (img.channels == 1 && img.fileWindows.empty()) fn = VoiFunction::Linear;
            break;
        case Mode::FileWindow:
            if (opt.index < 0 || opt.index >= static_cast<int>(img.fileWindows.size()))
                throw std::invalid_argument(img.path + ": the file has " + std::to_string(img.fileWindows.size()) +
                                            " window(s); no window " + std::to_string(opt.index + 1));
            w = img.fileWindows[static_cast<std::size_t>(opt.index)];
            break;
        case Mode::FileVoiLut:
            if (opt.index < 0 || opt.index >= static_cast<int>(img.voiLuts.size()))
                throw std::invalid_argument(img.path + ": the file has " + std::to_string(img.voiLuts.size()) +
                                            " VOI LUT(s); no LUT " + std::to_string(opt.index + 1));
            lut = &img.voiLuts[static_cast<std::size_t>(opt.index)];
            break;
        case Mode::Explicit:
            if (!(opt.window.width > 0)) throw std::invalid_argument("window width must be positive");
            w = opt.window;
            fn = VoiFunction::Linear;
            break;
        case Mode::MinMax:
            w = minMaxWindow(img.values.data(), img.values.size());
            fn = VoiFunction::Linear;
            break;
        case Mode::Percentile:
            w = percentileWindow(img.values.data(), img.values.size(), opt.lowPercent, opt.highPercent);
            fn = VoiFunction::Linear;
            break;
    }
    if (img.channels == 1) {
        if (lut) applyVoiLutRgb(img.values.data(), n, *lut, invert, out.pixels.data());
        else applyWindowRgb(img.values.data(), n, w, fn, invert, out.pixels.data());
    } else {
        if (lut) w = defaultWindow(img);
        for (int c = 0; c < 3; ++c)
            applyWindow(img.values.data() + c, n, w, VoiFunction::Linear, opt.invert, out.pixels.data() + c, 3, 3);
    }
    return out;
}

RgbImage loadDisplayImage(const std::string& path, const LoadOptions& options) {
    return renderDisplay(loadImageData(path, options));
}

}  // namespace stllava
