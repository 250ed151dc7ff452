// Raster files: dimensions read from the file header (PNG, JPEG, BMP) and checked against the caps
// before anything is decoded; then PNG and JPEG through libpng / libjpeg-turbo (every build), TIFF and
// BMP through OpenCV (desktop build). Alpha is dropped (not composited), as PIL's convert('RGB') does
// in LLaVA's own loader; EXIF orientation is ignored, as PIL's Image.open does.
#include "imaging/format_loaders.h"
#include "imaging/raster_codecs.h"

#include <array>
#include <cstdlib>
#include <fstream>
#include <iterator>

namespace stllava {
namespace {

std::uint32_t be32(const unsigned char* p) {
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}
std::int32_t le32(const unsigned char* p) {
    return static_cast<std::int32_t>(std::uint32_t(p[0]) | (std::uint32_t(p[1]) << 8) |
                                     (std::uint32_t(p[2]) << 16) | (std::uint32_t(p[3]) << 24));
}

enum class RasterFormat { Png, Jpeg, Bmp, Tiff, Unknown };

RasterFormat formatOf(const unsigned char* head, std::streamsize got) {
    if (got >= 8 && head[0] == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G')
        return RasterFormat::Png;
    if (got >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return RasterFormat::Jpeg;
    if (got >= 2 && head[0] == 'B' && head[1] == 'M') return RasterFormat::Bmp;
    if (got >= 4 && ((head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0) ||
                     (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42)))
        return RasterFormat::Tiff;
    return RasterFormat::Unknown;
}

// Width and height from a PNG, BMP or JPEG header; false when the format keeps them elsewhere (TIFF).
bool headerSize(const std::string& path, std::ifstream& in, const unsigned char* head, std::streamsize got,
                long& w, long& h) {
    if (got >= 24 && formatOf(head, got) == RasterFormat::Png) {
        w = be32(&head[16]);
        h = be32(&head[20]);
        return true;
    }
    if (got >= 26 && head[0] == 'B' && head[1] == 'M') {
        w = le32(&head[18]);
        h = std::labs(static_cast<long>(le32(&head[22])));
        return true;
    }
    if (got >= 4 && head[0] == 0xFF && head[1] == 0xD8) {  // JPEG: walk the markers to the first SOFn
        in.clear();
        in.seekg(2);
        for (int guard = 0; guard < 10000 && in; ++guard) {
            int c = in.get();
            if (c != 0xFF) continue;
            int marker = in.get();
            while (marker == 0xFF) marker = in.get();
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;
            unsigned char len[2];
            if (!in.read(reinterpret_cast<char*>(len), 2)) break;
            const int length = (len[0] << 8) | len[1];
            const bool sof =
                marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                unsigned char sofData[5];
                if (!in.read(reinterpret_cast<char*>(sofData), 5)) break;
                h = (sofData[1] << 8) | sofData[2];
                w = (sofData[3] << 8) | sofData[4];
                return true;
            }
            if (length < 2) break;
            in.seekg(length - 2, std::ios::cur);
        }
        failImage(path, "JPEG without a frame header (truncated?)");
    }
    return false;
}

std::vector<std::uint8_t> readWholeFile(const std::string& path, std::ifstream& in) {
    in.clear();
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0) failImage(path, "cannot read file");
    in.seekg(0);
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    if (!in.read(reinterpret_cast<char*>(bytes.data()), size)) failImage(path, "cannot read file");
    return bytes;
}

}  // namespace

ImageData loadRasterData(const std::string& path, const LoadOptions& opt) {
    std::ifstream in(path, std::ios::binary);
    if (!in) failImage(path, "cannot open file");
    std::array<unsigned char, 32> head{};
    in.read(reinterpret_cast<char*>(head.data()), head.size());
    const std::streamsize got = in.gcount();
    long hw = 0, hh = 0;
    if (headerSize(path, in, head.data(), got, hw, hh)) {
        if (hw <= 0 || hh <= 0) failImage(path, "image header gives an empty size");
        checkRasterSize(path, static_cast<std::uint64_t>(hw), static_cast<std::uint64_t>(hh), 3, opt.limits);
    }
    if (opt.frame != 0)
        failImage(path, "frame " + std::to_string(opt.frame) + " out of range (the file has 1 frame)");
    const RasterFormat format = formatOf(head.data(), got);
    if (format == RasterFormat::Png || format == RasterFormat::Jpeg) {
        const std::vector<std::uint8_t> bytes = readWholeFile(path, in);
        return format == RasterFormat::Png ? decodePng(bytes.data(), bytes.size(), path, opt.limits)
                                           : decodeJpeg(bytes.data(), bytes.size(), path, opt.limits);
    }
#ifdef STLLAVA_HAVE_OPENCV
    return loadOpenCvRaster(path, opt);
#else
    failImage(path, std::string(format == RasterFormat::Tiff  ? "TIFF"
                                : format == RasterFormat::Bmp ? "BMP"
                                                              : "this image format") +
                        " needs OpenCV, which this build does not have (built with STLLAVA_WITH_OPENCV=OFF); "
                        "PNG and JPEG are read in every build");
#endif
}

}  // namespace stllava
