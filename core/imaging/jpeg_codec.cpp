// JPEG encode and decode in memory through libjpeg(-turbo). Decoding uses,  the library's default (accurate
// integer) DCT and fancy upsampling, as OpenCV and PIL decode. Grey stays one channel; YCbCr and RGB come out
// as RGB; Adobe CMYK/YCCK is converted to RGB. A stream that ends early is refused as truncated (libjpeg
// would only warn and fill the rest with grey). libjpeg reports errors with longjmp: the setjmp
// sits in small functions without objects that have destructors.
#include "imaging/format_loaders.h"
#include "imaging/raster_codecs.h"

#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

// jpeglib.h needs size_t and FILE declared first.
#include <jerror.h>
#include <jpeglib.h>

namespace stllava {
namespace {

struct JpegErrorManager {
    jpeg_error_mgr base;
    std::jmp_buf jump;
    char text[JMSG_LENGTH_MAX] = "unknown libjpeg error";
};

void onJpegError(j_common_ptr cinfo) {
    auto* error = reinterpret_cast<JpegErrorManager*>(cinfo->err);
    (*cinfo->err->format_message)(cinfo, error->text);
    std::longjmp(error->jump, 1);
}

// Warnings are silent, except the one that means the data stopped before the image was complete.
void onJpegMessage(j_common_ptr cinfo, int level) {
    if (level < 0 && cinfo->err->msg_code == JWRN_JPEG_EOF) {
        auto* error = reinterpret_cast<JpegErrorManager*>(cinfo->err);
        std::snprintf(error->text, sizeof error->text,
                      "the JPEG data ends before the image is complete (truncated file?)");
        std::longjmp(error->jump, 1);
    }
}

struct JpegShape {
    JDIMENSION width = 0, height = 0;
    int components = 0;  // of the decoder output: 1 grey, 3 RGB, 4 CMYK
    bool adobeInverted = false;
};

bool readJpegHeader(jpeg_decompress_struct* cinfo, JpegErrorManager* error, const std::uint8_t* data,
                    std::size_t size, JpegShape* shape) {
    if (setjmp(error->jump)) return false;
    jpeg_mem_src(cinfo, const_cast<unsigned char*>(data), static_cast<unsigned long>(size));
    jpeg_save_markers(cinfo, JPEG_APP0 + 14, 0xFFFF);  // Adobe marker: saw_Adobe_marker below
    jpeg_read_header(cinfo, TRUE);
    switch (cinfo->jpeg_color_space) {
        case JCS_GRAYSCALE:
            cinfo->out_color_space = JCS_GRAYSCALE;
            break;
        case JCS_CMYK:
        case JCS_YCCK:
            cinfo->out_color_space = JCS_CMYK;
            break;
        default:
            cinfo->out_color_space = JCS_RGB;
            break;
    }
    jpeg_calc_output_dimensions(cinfo);
    shape->width = cinfo->output_width;
    shape->height = cinfo->output_height;
    shape->components = cinfo->out_color_components;
    shape->adobeInverted = cinfo->saw_Adobe_marker != 0;
    return true;
}

bool readJpegRows(jpeg_decompress_struct* cinfo, JpegErrorManager* error, std::uint8_t* out,
                  std::size_t stride) {
    if (setjmp(error->jump)) return false;
    jpeg_start_decompress(cinfo);
    while (cinfo->output_scanline < cinfo->output_height) {
        JSAMPROW row = out + static_cast<std::size_t>(cinfo->output_scanline) * stride;
        jpeg_read_scanlines(cinfo, &row, 1);
    }
    jpeg_finish_decompress(cinfo);
    return true;
}

struct JpegState {
    jpeg_decompress_struct cinfo{};
    bool created = false;
    ~JpegState() {
        if (created) jpeg_destroy_decompress(&cinfo);
    }
};

bool createDecompress(jpeg_decompress_struct* cinfo, JpegErrorManager* error) {
    if (setjmp(error->jump)) return false;
    jpeg_create_decompress(cinfo);
    return true;
}

bool compressJpeg(jpeg_compress_struct* cinfo, JpegErrorManager* error, const RgbImage& img, int quality,
                  unsigned char** out, unsigned long* size) {
    if (setjmp(error->jump)) return false;
    jpeg_mem_dest(cinfo, out, size);
    cinfo->image_width = static_cast<JDIMENSION>(img.width);
    cinfo->image_height = static_cast<JDIMENSION>(img.height);
    cinfo->input_components = 3;
    cinfo->in_color_space = JCS_RGB;
    jpeg_set_defaults(cinfo);
    jpeg_set_quality(cinfo, quality, TRUE);
    jpeg_start_compress(cinfo, TRUE);
    while (cinfo->next_scanline < cinfo->image_height) {
        JSAMPROW row =
            const_cast<JSAMPROW>(&img.pixels[static_cast<std::size_t>(cinfo->next_scanline) * img.width * 3]);
        jpeg_write_scanlines(cinfo, &row, 1);
    }
    jpeg_finish_compress(cinfo);
    return true;
}

struct JpegCompressState {
    jpeg_compress_struct cinfo{};
    unsigned char* buffer = nullptr;  // malloc'ed by libjpeg's memory destination
    bool created = false;
    ~JpegCompressState() {
        if (created) jpeg_destroy_compress(&cinfo);
        std::free(buffer);
    }
};

bool createCompress(jpeg_compress_struct* cinfo, JpegErrorManager* error) {
    if (setjmp(error->jump)) return false;
    jpeg_create_compress(cinfo);
    return true;
}

}  // namespace

std::vector<std::uint8_t> encodeJpeg(const RgbImage& image, int quality) {
    if (image.empty() || image.pixels.size() != static_cast<std::size_t>(image.width) * image.height * 3)
        throw std::invalid_argument(
            "JPEG encoder: the image is empty or its pixel buffer is not width x height x 3");
    if (quality < 1 || quality > 100) throw std::invalid_argument("JPEG quality must be 1..100");
    JpegErrorManager error;
    JpegCompressState state;
    state.cinfo.err = jpeg_std_error(&error.base);
    error.base.error_exit = onJpegError;
    error.base.emit_message = [](j_common_ptr, int) {};
    if (!createCompress(&state.cinfo, &error))
        throw std::runtime_error(std::string("libjpeg: ") + error.text);
    state.created = true;
    unsigned long size = 0;
    if (!compressJpeg(&state.cinfo, &error, image, quality, &state.buffer, &size))
        throw std::runtime_error(std::string("JPEG encoding failed: ") + error.text);
    return std::vector<std::uint8_t>(state.buffer, state.buffer + size);
}

ImageData decodeJpeg(const std::uint8_t* data, std::size_t size, const std::string& name,
                     const ImageLimits& limits) {
    if (size < 3 || data[0] != 0xFF || data[1] != 0xD8)
        failImage(name, "not a JPEG file (no start-of-image marker)");
    JpegErrorManager error;
    JpegState state;
    state.cinfo.err = jpeg_std_error(&error.base);
    error.base.error_exit = onJpegError;
    error.base.emit_message = onJpegMessage;
    if (!createDecompress(&state.cinfo, &error)) failImage(name, std::string("libjpeg: ") + error.text);
    state.created = true;

    JpegShape shape;
    if (!readJpegHeader(&state.cinfo, &error, data, size, &shape))
        failImage(name, std::string("cannot decode JPEG header (") + error.text + ")");
    const int outChannels = shape.components == 1 ? 1 : 3;
    checkRasterSize(name, shape.width, shape.height, outChannels, limits);
    if (shape.components != 1 && shape.components != 3 && shape.components != 4)
        failImage(name, "unsupported JPEG component count " + std::to_string(shape.components));

    const std::size_t stride =
        static_cast<std::size_t>(shape.width) * static_cast<std::size_t>(shape.components);
    std::vector<std::uint8_t> raw(stride * shape.height);
    if (!readJpegRows(&state.cinfo, &error, raw.data(), stride))
        failImage(name, std::string("cannot decode JPEG (") + error.text + ")");

    ImageData img =
        rasterImageData(name, static_cast<int>(shape.width), static_cast<int>(shape.height), outChannels, 8);
    const std::size_t pixels = static_cast<std::size_t>(shape.width) * shape.height;
    if (shape.components == 4) {
        // RGB = (1 - C)(1 - K) per channel. Adobe stores inverted CMYK (255 = no ink); plain CMYK does not.
        for (std::size_t i = 0; i < pixels; ++i) {
            const std::uint8_t* p = &raw[4 * i];
            const int notBlack = shape.adobeInverted ? p[3] : 255 - p[3];
            for (int c = 0; c < 3; ++c) {
                const int notInk = shape.adobeInverted ? p[c] : 255 - p[c];
                img.values[3 * i + static_cast<std::size_t>(c)] =
                    static_cast<float>((notInk * notBlack + 127) / 255);
            }
        }
    } else {
        for (std::size_t i = 0; i < pixels * static_cast<std::size_t>(outChannels); ++i)
            img.values[i] = raw[i];
    }
    return img;
}

std::string jpegLibraryVersion() {
#ifdef LIBJPEG_TURBO_VERSION_NUMBER
    const int v = LIBJPEG_TURBO_VERSION_NUMBER;
    return "libjpeg-turbo " + std::to_string(v / 1000000) + "." + std::to_string(v / 1000 % 1000) + "." +
           std::to_string(v % 1000) + " (libjpeg API " + std::to_string(JPEG_LIB_VERSION / 10) + "." +
           std::to_string(JPEG_LIB_VERSION % 10) + ")";
#else
    return "libjpeg " + std::to_string(JPEG_LIB_VERSION / 10) + "." + std::to_string(JPEG_LIB_VERSION % 10);
#endif
}

}  // namespace stllava
