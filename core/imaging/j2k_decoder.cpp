// OpenJPEG reading from memory: a stream over the caller's bytes, errors collected through the
// codec's message handler, every OpenJPEG object owned by a unique_ptr.
#include "imaging/j2k_decoder.h"

#include <openjpeg.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace stllava {
namespace {

struct MemorySource {
    const std::uint8_t* data;
    OPJ_SIZE_T size;
    OPJ_SIZE_T pos;
};

OPJ_SIZE_T readSource(void* buffer, OPJ_SIZE_T count, void* user) {
    auto* src = static_cast<MemorySource*>(user);
    if (src->pos >= src->size) return static_cast<OPJ_SIZE_T>(-1);
    const OPJ_SIZE_T n = std::min(count, src->size - src->pos);
    std::memcpy(buffer, src->data + src->pos, n);
    src->pos += n;
    return n;
}

OPJ_OFF_T skipSource(OPJ_OFF_T count, void* user) {
    auto* src = static_cast<MemorySource*>(user);
    const OPJ_OFF_T pos = static_cast<OPJ_OFF_T>(src->pos);
    const OPJ_OFF_T target = std::clamp<OPJ_OFF_T>(pos + count, 0, static_cast<OPJ_OFF_T>(src->size));
    if (target == pos && count != 0) return -1;
    src->pos = static_cast<OPJ_SIZE_T>(target);
    return target - pos;
}

OPJ_BOOL seekSource(OPJ_OFF_T offset, void* user) {
    auto* src = static_cast<MemorySource*>(user);
    if (offset < 0 || static_cast<OPJ_SIZE_T>(offset) > src->size) return OPJ_FALSE;
    src->pos = static_cast<OPJ_SIZE_T>(offset);
    return OPJ_TRUE;
}

void keepError(const char* message, void* user) {
    auto* text = static_cast<std::string*>(user);
    if (text->empty()) {
        *text = message;
        while (!text->empty() && (text->back() == '\n' || text->back() == ' ')) text->pop_back();
    }
}
void ignoreMessage(const char*, void*) {}

struct CodecDeleter {
    void operator()(opj_codec_t* c) const { opj_destroy_codec(c); }
};
struct StreamDeleter {
    void operator()(opj_stream_t* s) const { opj_stream_destroy(s); }
};
struct ImageDeleter {
    void operator()(opj_image_t* i) const { opj_image_destroy(i); }
};

bool isJp2File(const std::uint8_t* data, std::size_t size) {
    static const std::uint8_t signature[] = {0x00, 0x00, 0x00, 0x0C, 'j',  'P',
                                             ' ',  ' ',  0x0D, 0x0A, 0x87, 0x0A};
    return size >= sizeof signature && std::memcmp(data, signature, sizeof signature) == 0;
}

[[noreturn]] void fail(const std::string& what, const std::string& detail) {
    throw std::runtime_error("JPEG 2000: " + what + (detail.empty() ? "" : " (" + detail + ")"));
}

}  // namespace

Jpeg2000Image decodeJpeg2000(const std::uint8_t* data, std::size_t size, std::uint64_t maxSamples) {
    if (size < 12) fail("the compressed frame is too short", std::to_string(size) + " bytes");
    const bool jp2 = isJp2File(data, size);
    if (!jp2 && !(data[0] == 0xFF && data[1] == 0x4F && data[2] == 0xFF && data[3] == 0x51))
        fail("the frame is neither a codestream (FF4F FF51) nor a JP2 file", "");

    std::string error;
    std::unique_ptr<opj_codec_t, CodecDeleter> codec(
        opj_create_decompress(jp2 ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K));
    if (!codec) fail("OpenJPEG could not create a decoder", "");
    opj_set_error_handler(codec.get(), keepError, &error);
    opj_set_warning_handler(codec.get(), ignoreMessage, nullptr);
    opj_set_info_handler(codec.get(), ignoreMessage, nullptr);
    opj_dparameters_t parameters;
    opj_set_default_decoder_parameters(&parameters);
    if (!opj_setup_decoder(codec.get(), &parameters)) fail("OpenJPEG rejected the decoder setup", error);

    MemorySource source{data, size, 0};
    std::unique_ptr<opj_stream_t, StreamDeleter> stream(
        opj_stream_create(OPJ_J2K_STREAM_CHUNK_SIZE, OPJ_TRUE));
    if (!stream) fail("OpenJPEG could not create a stream", "");
    opj_stream_set_read_function(stream.get(), readSource);
    opj_stream_set_skip_function(stream.get(), skipSource);
    opj_stream_set_seek_function(stream.get(), seekSource);
    opj_stream_set_user_data(stream.get(), &source, nullptr);
    opj_stream_set_user_data_length(stream.get(), size);

    opj_image_t* rawImage = nullptr;
    if (!opj_read_header(stream.get(), codec.get(), &rawImage)) {
        opj_image_destroy(rawImage);
        fail("cannot read the codestream header", error);
    }
    std::unique_ptr<opj_image_t, ImageDeleter> image(rawImage);
    if (image->numcomps == 0 || image->comps == nullptr) fail("the codestream has no components", "");
    const std::uint64_t width = image->x1 - image->x0, height = image->y1 - image->y0;
    if (width == 0 || height == 0) fail("the codestream has an empty image area", "");
    if (width * height * image->numcomps > maxSamples)
        fail("the frame's " + std::to_string(width) + "x" + std::to_string(height) + "x" +
                 std::to_string(image->numcomps) + " samples exceed what the DICOM header allows",
             "");
    for (OPJ_UINT32 c = 0; c < image->numcomps; ++c) {
        const opj_image_comp_t& comp = image->comps[c];
        if (comp.dx != 1 || comp.dy != 1) fail("subsampled components are not supported", "");
        if (comp.prec != image->comps[0].prec || comp.sgnd != image->comps[0].sgnd)
            fail("components of different precision or sign are not supported", "");
    }
    if (image->comps[0].prec < 1 || image->comps[0].prec > 16)
        fail("sample precision " + std::to_string(image->comps[0].prec) + " is not supported (1..16 bits)",
             "");
    if (!opj_decode(codec.get(), stream.get(), image.get())) fail("cannot decode the codestream", error);
    if (!opj_end_decompress(codec.get(), stream.get())) fail("the codestream does not end properly", error);

    opj_codestream_info_v2_t* info = opj_get_cstr_info(codec.get());
    Jpeg2000Image out;
    out.colourTransform = info != nullptr && info->m_default_tile_info.mct != 0;
    opj_destroy_cstr_info(&info);
    out.width = static_cast<int>(image->comps[0].w);
    out.height = static_cast<int>(image->comps[0].h);
    out.components = static_cast<int>(image->numcomps);
    out.precision = static_cast<int>(image->comps[0].prec);
    out.isSigned = image->comps[0].sgnd != 0;
    const std::size_t samples = static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height);
    out.planes.resize(image->numcomps);
    for (OPJ_UINT32 c = 0; c < image->numcomps; ++c) {
        const opj_image_comp_t& comp = image->comps[c];
        if (comp.w != image->comps[0].w || comp.h != image->comps[0].h || comp.data == nullptr)
            fail("a component has a different size or no data", "");
        out.planes[c].assign(comp.data, comp.data + samples);
    }
    return out;
}

std::string openJpegVersion() {
    return opj_version();
}

}  // namespace stllava
