#include "diagnostics/raster_probe.h"

#include "imaging/raster_codecs.h"

#include <cmath>

#ifdef STLLAVA_HAVE_OPENCV
#include <opencv2/core.hpp>
#include <opencv2/core/version.hpp>
#include <opencv2/imgcodecs.hpp>
#endif

namespace stllava {
namespace {

RgbImage probeImage() {
    RgbImage img;
    img.width = 48;
    img.height = 32;
    img.pixels.resize(static_cast<std::size_t>(img.width) * img.height * 3);
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x)
            for (int c = 0; c < 3; ++c)
                img.pixels[(static_cast<std::size_t>(y) * img.width + x) * 3 + c] =
                    static_cast<std::uint8_t>(40 + 3 * x + 2 * y + 50 * c);
    return img;
}

// Mean absolute difference between `img` and decoded values; < 0 when the shapes differ.
double meanDifference(const RgbImage& img, const ImageData& decoded) {
    if (decoded.width != img.width || decoded.height != img.height || decoded.channels != 3) return -1.0;
    double sum = 0;
    for (std::size_t i = 0; i < img.pixels.size(); ++i) sum += std::fabs(decoded.values[i] - img.pixels[i]);
    return sum / static_cast<double>(img.pixels.size());
}

bool jpegRoundTrip(const RgbImage& img, std::string& detail) {
    try {
        const std::vector<std::uint8_t> jpeg = encodeJpeg(img, 95);
        const double diff = meanDifference(img, decodeJpeg(jpeg.data(), jpeg.size(), "doctor probe JPEG"));
        const bool ok = diff >= 0 && diff < 8.0;  // JPEG loss on this image ~3.6; swapped channels give ~60
        detail = ok ? "encode+decode ok" : "decoded pixels differ";
        return ok;
    } catch (const std::exception& e) {
        detail = e.what();
        return false;
    }
}

bool pngRoundTrip(const RgbImage& img, std::string& detail) {
    try {
        const std::vector<std::uint8_t> png = encodePng(img);
        const bool ok = meanDifference(img, decodePng(png.data(), png.size(), "doctor probe PNG")) == 0.0;
        detail = ok ? "encode+decode ok (lossless)" : "decoded pixels differ";
        return ok;
    } catch (const std::exception& e) {
        detail = e.what();
        return false;
    }
}

#ifdef STLLAVA_HAVE_OPENCV
void probeOpenCv(DoctorReport& report) {
    report.facts["opencv"]["version"] = CV_VERSION;
    report.add({"opencv", "OpenCV version", CV_VERSION, CheckStatus::Ok, ""});
    const cv::Mat probe(64, 64, CV_8UC3, cv::Scalar(10, 20, 30));
    for (const char* ext : {".png", ".jpg", ".tiff", ".bmp", ".webp"}) {
        bool ok = false;
        try {
            std::vector<uchar> buf;
            ok = cv::imencode(ext, probe, buf) && !cv::imdecode(buf, cv::IMREAD_UNCHANGED).empty();
        } catch (const cv::Exception&) {
            ok = false;
        }
        report.facts["opencv"]["codecs"][ext + 1] = ok;
        // The loader reads TIFF and BMP through OpenCV; PNG and JPEG go through libpng/libjpeg.
        const std::string e(ext);
        const bool required = e == ".tiff" || e == ".bmp";
        report.add({"opencv", std::string("codec ") + (ext + 1), ok ? "encode+decode ok" : "unavailable",
                    ok ? CheckStatus::Ok : (required ? CheckStatus::Fail : CheckStatus::Info), ""});
    }
}
#endif

}  // namespace

void probeRasterCodecs(DoctorReport& report) {
    const RgbImage img = probeImage();
    std::string detail;
    const bool png = pngRoundTrip(img, detail);
    report.facts["images"]["png"] = {{"library", "libpng " + pngLibraryVersion()}, {"ok", png}};
    report.add({"images", "PNG (libpng " + pngLibraryVersion() + ")", detail,
                png ? CheckStatus::Ok : CheckStatus::Fail, png ? "" : "reinstall libpng16-16"});
    const bool jpeg = jpegRoundTrip(img, detail);
    report.facts["images"]["jpeg"] = {{"library", jpegLibraryVersion()}, {"ok", jpeg}};
    report.add({"images", "JPEG (" + jpegLibraryVersion() + ")", detail,
                jpeg ? CheckStatus::Ok : CheckStatus::Fail, jpeg ? "" : "reinstall libjpeg62-turbo"});
#ifdef STLLAVA_HAVE_OPENCV
    probeOpenCv(report);
#else
    report.add({"opencv", "support", "not built (STLLAVA_WITH_OPENCV=OFF): TIFF and BMP unavailable",
                CheckStatus::Info, ""});
#endif
}

}  // namespace stllava
