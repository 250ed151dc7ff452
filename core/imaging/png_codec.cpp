// PNG encode and decode in memory through libpng. libpng reports errors with longjmp: each
// setjmp sits in a small function that holds no object with a destructor, and every C++ object
// (buffers, the libpng state guard) lives in its caller, so a longjmp skips no destructor.
#include "imaging/format_loaders.h"
#include "imaging/raster_codecs.h"

#include <png.h>

#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace stllava {
namespace {

struct PngErrorText {
    char text[200] = "unknown libpng error";
};

void onPngError(png_structp png, png_const_charp message) {
    auto* error = static_cast<PngErrorText*>(png_get_error_ptr(png));
    std::snprintf(error->text, sizeof error->text, "%s", message);
    png_longjmp(png, 1);
}
void onPngWarning(png_structp, png_const_charp) {}  // ancillary-chunk trouble: the pixels are fine

bool hostIsLittleEndian() {
    const std::uint16_t probe = 1;
    std::uint8_t first = 0;
    std::memcpy(&first, &probe, 1);
    return first == 1;
}

// libpng state owned for the length of one encode or decode.
struct PngWriteState {
    png_structp png = nullptr;
    png_infop info = nullptr;
    ~PngWriteState() {
        if (png != nullptr) png_destroy_write_struct(&png, info != nullptr ? &info : nullptr);
    }
};
struct PngReadState {
    png_structp png = nullptr;
    png_infop info = nullptr;
    ~PngReadState() {
        if (png != nullptr) png_destroy_read_struct(&png, info != nullptr ? &info : nullptr, nullptr);
    }
};

// ---- encoding ----

void appendToVector(png_structp png, png_bytep data, png_size_t length) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(png_get_io_ptr(png));
    try {
        out->insert(out->end(), data, data + length);
    } catch (const std::bad_alloc&) {
        png_error(png, "out of memory for the encoded PNG");
    }
}
void flushNothing(png_structp) {}

bool writePngImage(png_structp png, png_infop info, png_uint_32 width, png_uint_32 height, int colourType,
                   int level, png_bytepp rows) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_set_IHDR(png, info, width, height, 8, colourType, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_set_compression_level(png, level);
    png_write_info(png, info);
    png_write_image(png, rows);
    png_write_end(png, nullptr);
    return true;
}

std::vector<std::uint8_t> encodeInterleaved(const std::uint8_t* pixels, int width, int height, int channels,
                                            int level) {
    if (level < 0 || level > 9) throw std::invalid_argument("PNG compression level must be 0..9");
    PngErrorText error;
    PngWriteState state;
    state.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &error, onPngError, onPngWarning);
    if (state.png == nullptr)
        throw std::runtime_error("PNG encoder: libpng could not create its write state");
    state.info = png_create_info_struct(state.png);
    if (state.info == nullptr)
        throw std::runtime_error("PNG encoder: libpng could not create its info state");
    png_structp png = state.png;

    std::vector<std::uint8_t> out;
    out.reserve(static_cast<std::size_t>(width) * height * channels / 2 + 1024);
    std::vector<png_bytep> rows(static_cast<std::size_t>(height));
    const std::size_t stride = static_cast<std::size_t>(width) * channels;
    for (int y = 0; y < height; ++y)
        rows[static_cast<std::size_t>(y)] = const_cast<png_bytep>(pixels + y * stride);
    png_set_write_fn(png, &out, appendToVector, flushNothing);
    const int colourType = channels == 1 ? PNG_COLOR_TYPE_GRAY : PNG_COLOR_TYPE_RGB;
    if (!writePngImage(png, state.info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height),
                       colourType, level, rows.data()))
        throw std::runtime_error(std::string("PNG encoding failed: ") + error.text);
    return out;
}

// ---- decoding ----

struct PngSource {
    const std::uint8_t* data;
    std::size_t size;
    std::size_t pos;
};

void readFromMemory(png_structp png, png_bytep out, png_size_t length) {
    auto* src = static_cast<PngSource*>(png_get_io_ptr(png));
    if (length > src->size - src->pos) png_error(png, "the PNG data ends early (truncated file?)");
    std::memcpy(out, src->data + src->pos, length);
    src->pos += length;
}

struct PngShape {
    png_uint_32 width = 0, height = 0;
    int bitDepth = 0, channels = 0;
    png_size_t rowBytes = 0;
};

// Reads the header and sets up the transforms: palette -> RGB, 1/2/4-bit grey -> 8-bit, 16-bit
// samples in host byte order; alpha is left in and dropped while copying.
bool readPngHeader(png_structp png, png_infop info, bool swap16, PngShape* shape) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_read_info(png, info);
    const int colourType = png_get_color_type(png, info);
    const int depth = png_get_bit_depth(png, info);
    if (colourType == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if (colourType == PNG_COLOR_TYPE_GRAY && depth < 8) png_set_expand_gray_1_2_4_to_8(png);
    if (depth == 16 && swap16) png_set_swap(png);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    shape->width = png_get_image_width(png, info);
    shape->height = png_get_image_height(png, info);
    shape->bitDepth = png_get_bit_depth(png, info);
    shape->channels = png_get_channels(png, info);
    shape->rowBytes = png_get_rowbytes(png, info);
    return true;
}

bool readPngRows(png_structp png, png_bytepp rows) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_read_image(png, rows);
    png_read_end(png, nullptr);
    return true;
}

}  // namespace

std::vector<std::uint8_t> encodePng(const RgbImage& image, const PngOptions& options) {
    if (image.empty() || image.pixels.size() != static_cast<std::size_t>(image.width) * image.height * 3)
        throw std::invalid_argument(
            "PNG encoder: the image is empty or its pixel buffer is not width x height x 3");
    if (options.greyWhenNeutral) {
        const std::size_t n = static_cast<std::size_t>(image.width) * image.height;
        std::vector<std::uint8_t> grey(n);
        bool neutral = true;
        for (std::size_t i = 0; i < n && neutral; ++i) {
            const std::uint8_t* p = &image.pixels[3 * i];
            neutral = p[0] == p[1] && p[1] == p[2];
            grey[i] = p[0];
        }
        if (neutral)
            return encodeInterleaved(grey.data(), image.width, image.height, 1, options.compressionLevel);
    }
    return encodeInterleaved(image.pixels.data(), image.width, image.height, 3, options.compressionLevel);
}

std::vector<std::uint8_t> encodePngGrey(int width, int height, const std::vector<std::uint8_t>& grey,
                                        int compressionLevel) {
    if (width <= 0 || height <= 0 || grey.size() != static_cast<std::size_t>(width) * height)
        throw std::invalid_argument(
            "PNG encoder: the grey image is empty or its buffer is not width x height");
    return encodeInterleaved(grey.data(), width, height, 1, compressionLevel);
}

ImageData decodePng(const std::uint8_t* data, std::size_t size, const std::string& name,
                    const ImageLimits& limits) {
    if (size < 8 || png_sig_cmp(data, 0, 8) != 0) failImage(name, "not a PNG file (bad signature)");
    PngErrorText error;
    PngReadState state;
    state.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &error, onPngError, onPngWarning);
    if (state.png == nullptr) failImage(name, "libpng could not create its read state");
    state.info = png_create_info_struct(state.png);
    if (state.info == nullptr) failImage(name, "libpng could not create its info state");
    png_structp png = state.png;
    png_infop info = state.info;

    PngSource source{data, size, 0};
    png_set_read_fn(png, &source, readFromMemory);
    PngShape shape;
    if (!readPngHeader(png, info, hostIsLittleEndian(), &shape))
        failImage(name, std::string("cannot decode PNG header (") + error.text + ")");
    const int outChannels = shape.channels >= 3 ? 3 : 1;
    checkRasterSize(name, shape.width, shape.height, outChannels, limits);
    if (shape.bitDepth != 8 && shape.bitDepth != 16)
        failImage(name, "unsupported PNG bit depth " + std::to_string(shape.bitDepth));

    std::vector<std::uint8_t> raw(shape.rowBytes * shape.height);
    std::vector<png_bytep> rows(shape.height);
    for (png_uint_32 y = 0; y < shape.height; ++y) rows[y] = raw.data() + y * shape.rowBytes;
    if (!readPngRows(png, rows.data()))
        failImage(name, std::string("cannot decode PNG (") + error.text + ")");

    ImageData img = rasterImageData(name, static_cast<int>(shape.width), static_cast<int>(shape.height),
                                    outChannels, shape.bitDepth);
    const std::size_t inChannels = static_cast<std::size_t>(shape.channels);
    const std::size_t outCh = static_cast<std::size_t>(outChannels);
    float* out = img.values.data();
    for (png_uint_32 y = 0; y < shape.height; ++y) {
        const std::uint8_t* row = rows[y];
        if (shape.bitDepth == 16) {
            for (png_uint_32 x = 0; x < shape.width; ++x, out += outCh)
                for (std::size_t c = 0; c < outCh; ++c) {
                    std::uint16_t sample;
                    std::memcpy(&sample, row + 2 * (x * inChannels + c), 2);
                    out[c] = sample;
                }
        } else if (inChannels == outCh) {
            for (std::size_t i = 0; i < shape.width * outCh; ++i) out[i] = row[i];
            out += shape.width * outCh;
        } else {
            for (png_uint_32 x = 0; x < shape.width; ++x, out += outCh)
                for (std::size_t c = 0; c < outCh; ++c) out[c] = row[x * inChannels + c];
        }
    }
    return img;
}

std::string pngLibraryVersion() {
    return png_get_libpng_ver(nullptr);
}

}  // namespace stllava
