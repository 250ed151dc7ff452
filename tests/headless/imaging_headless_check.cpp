// The headless build's imaging check (no Qt, so no Qt Test): PNG and JPEG decode through libpng and
// libjpeg-turbo without OpenCV or DCMTK, the PNG encoder and downscale work, and DICOM and TIFF files
// get errors that say this build lacks them. Exit status 0 when every check holds; each failure is
// printed. Registered in ctest only in builds without Qt (STLLAVA_WITH_QT=OFF).
#include "imaging/downscale.h"
#include "imaging/image_loader.h"
#include "imaging/raster_codecs.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

using namespace stllava;

namespace {

int g_failures = 0;
void check(bool ok, const std::string& what) {
    std::printf("%s %s\n", ok ? "ok  " : "FAIL", what.c_str());
    if (!ok) ++g_failures;
}

void writeBytes(const std::string& path, const void* data, std::size_t size) {
    std::ofstream(path, std::ios::binary)
        .write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
}

std::string errorOf(const std::string& path) {
    try {
        loadImageData(path);
        return "";
    } catch (const std::exception& e) {
        return e.what();
    }
}

}  // namespace

int main() {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / "stllava-imaging-headless-check";
    std::filesystem::create_directories(dir);
    RgbImage img;
    img.width = 40;
    img.height = 30;
    img.pixels.resize(40 * 30 * 3);
    for (int y = 0; y < 30; ++y)  // smooth, so that JPEG's loss stays small
        for (int x = 0; x < 40; ++x)
            for (int ch = 0; ch < 3; ++ch)
                img.pixels[(static_cast<std::size_t>(y) * 40 + x) * 3 + ch] =
                    static_cast<std::uint8_t>(40 + 3 * x + 2 * y + 50 * ch);

    const std::string png = (dir / "a.png").string();
    writePixelsPng(img, png);
    check(loadDisplayImage(png).pixels == img.pixels, "PNG written by encodePng decodes to the same pixels");

    const std::vector<std::uint8_t> jpg = encodeJpeg(img, 95);
    const std::string jpgPath = (dir / "a.jpg").string();
    writeBytes(jpgPath, jpg.data(), jpg.size());
    try {
        const ImageData d = loadImageData(jpgPath);
        double sum = 0;
        for (std::size_t i = 0; i < img.pixels.size(); ++i) sum += std::fabs(d.values[i] - img.pixels[i]);
        check(d.width == 40 && d.height == 30 && d.channels == 3 && sum / img.pixels.size() < 8.0,
              "JPEG decodes through libjpeg-turbo (mean |diff| " + std::to_string(sum / img.pixels.size()) +
                  ")");
    } catch (const std::exception& ex) {
        check(false, std::string("JPEG decodes: ") + ex.what());
    }

    const RgbImage small = downscale(img, 8);
    check(small.width == 8 && small.height == 6, "downscale keeps the aspect ratio");

    std::string dicom(132, '\0');
    dicom.replace(128, 4, "DICM");
    const std::string dcm = (dir / "a.dcm").string();
    writeBytes(dcm, dicom.data(), dicom.size());
    const std::string dcmError = errorOf(dcm);
    std::printf("     DICOM: %s\n", dcmError.c_str());
    check(dcmError.find("no DICOM support") != std::string::npos && dcmError.rfind(dcm + ": ", 0) == 0,
          "a DICOM file is refused: this build has no DICOM support");

    const unsigned char tiff[] = {'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0};
    const std::string tif = (dir / "a.tif").string();
    writeBytes(tif, tiff, sizeof tiff);
    const std::string tifError = errorOf(tif);
    std::printf("     TIFF: %s\n", tifError.c_str());
    check(tifError.find("needs OpenCV") != std::string::npos, "a TIFF file is refused: it needs OpenCV");

    std::filesystem::remove_all(dir);
    std::printf("%s: %d failure(s)\n", g_failures == 0 ? "PASS" : "FAIL", g_failures);
    return g_failures == 0 ? 0 : 1;
}
