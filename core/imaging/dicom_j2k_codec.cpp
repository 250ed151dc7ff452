// DcmCodec for JPEG 2000: collects one frame's fragments, decodes them with OpenJPEG and lays the
// samples out as the dataset describes them (BitsAllocated, PlanarConfiguration). Encoding is not
// offered (the project never writes JPEG 2000).
#include "imaging/dicom_j2k_codec.h"

#include "imaging/j2k_decoder.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dccodec.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcstack.h>
#include <dcmtk/dcmdata/dcswap.h>
#include <dcmtk/dcmdata/dcvrpobw.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <cstring>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace stllava {
namespace {

thread_local std::string t_lastError;

// Module number for our conditions (DCMTK reserves 1..1023 for itself).
constexpr unsigned short kModule = 0x4A32;

OFCondition failure(const std::string& why) {
    t_lastError = why;
    return OFCondition(kModule, 1, OF_error, why.c_str());
}

struct FrameLayout {
    Uint16 rows = 0, columns = 0, samplesPerPixel = 1, bitsAllocated = 0, planar = 0;
    Sint32 frames = 1;
    std::string photometric;

    std::size_t pixels() const { return static_cast<std::size_t>(rows) * columns; }
    std::size_t bytes() const { return pixels() * samplesPerPixel * (bitsAllocated / 8u); }
};

FrameLayout readLayout(DcmItem* dataset) {
    FrameLayout l;
    dataset->findAndGetUint16(DCM_Rows, l.rows);
    dataset->findAndGetUint16(DCM_Columns, l.columns);
    dataset->findAndGetUint16(DCM_SamplesPerPixel, l.samplesPerPixel);
    dataset->findAndGetUint16(DCM_BitsAllocated, l.bitsAllocated);
    dataset->findAndGetUint16(DCM_PlanarConfiguration, l.planar);
    Sint32 frames = 1;
    if (dataset->findAndGetSint32(DCM_NumberOfFrames, frames).good() && frames > 1) l.frames = frames;
    OFString pi;
    if (dataset->findAndGetOFString(DCM_PhotometricInterpretation, pi).good()) l.photometric = pi.c_str();
    return l;
}

std::string decodedColourModel(const std::string& photometric) {
    return photometric == "YBR_ICT" || photometric == "YBR_RCT" ? "RGB" : photometric;
}

bool endsWithEoc(const std::vector<std::uint8_t>& bytes) {
    std::size_t n = bytes.size();
    if (n >= 1 && bytes[n - 1] == 0x00) --n;  // fragments are padded to even length
    return n >= 2 && bytes[n - 2] == 0xFF && bytes[n - 1] == 0xD9;
}

// The bytes of the frame starting at fragment `fragment` (1-based: item 0 is the offset table).
// A frame runs to the end for single-frame data, else to the fragment that ends with EOC (FFD9).
OFCondition frameBytes(DcmPixelSequence* sequence, const FrameLayout& layout, Uint32& fragment,
                       std::vector<std::uint8_t>& out) {
    const unsigned long count = sequence->card();
    out.clear();
    while (fragment < count) {
        DcmPixelItem* item = nullptr;
        if (sequence->getItem(item, fragment).bad() || item == nullptr)
            return failure("missing pixel data fragment");
        ++fragment;
        const Uint32 length = item->getLength();
        if (length > 0) {
            Uint8* data = nullptr;
            if (item->getUint8Array(data).bad() || data == nullptr)
                return failure("cannot read pixel data fragment " + std::to_string(fragment - 1));
            out.insert(out.end(), data, data + length);
        }
        if (layout.frames > 1 && endsWithEoc(out)) break;
    }
    if (out.empty()) return failure("no compressed data for this frame");
    return EC_Normal;
}

void putSample(void* buffer, std::size_t index, int bitsAllocated, std::int32_t value) {
    if (bitsAllocated == 8)
        static_cast<Uint8*>(buffer)[index] = static_cast<Uint8>(value & 0xFF);
    else
        static_cast<Uint16*>(buffer)[index] = static_cast<Uint16>(value & 0xFFFF);
}

// Decodes frame `frameNo` into `buffer` (layout.bytes() long) as the dataset describes it.
OFCondition decodeOneFrame(DcmPixelSequence* sequence, const FrameLayout& layout, Uint32 frameNo,
                           Uint32& fragment, void* buffer) {
    if (layout.bitsAllocated != 8 && layout.bitsAllocated != 16)
        return failure("BitsAllocated " + std::to_string(layout.bitsAllocated) +
                       " is not supported for JPEG 2000");
    if (layout.rows == 0 || layout.columns == 0) return failure("missing Rows/Columns");
    if (fragment == 0 && DcmCodec::determineStartFragment(frameNo, layout.frames, sequence, fragment).bad())
        return failure("cannot find the fragment of frame " + std::to_string(frameNo));
    std::vector<std::uint8_t> bytes;
    const OFCondition read = frameBytes(sequence, layout, fragment, bytes);
    if (read.bad()) return read;
    Jpeg2000Image image;
    try {
        image = decodeJpeg2000(bytes.data(), bytes.size(),
                               static_cast<std::uint64_t>(layout.pixels()) * layout.samplesPerPixel);
    } catch (const std::exception& e) {
        return failure(std::string(e.what()) + " in frame " + std::to_string(frameNo));
    }
    if (image.width != layout.columns || image.height != layout.rows ||
        image.components != layout.samplesPerPixel)
        return failure("the codestream holds " + std::to_string(image.width) + "x" +
                       std::to_string(image.height) + "x" + std::to_string(image.components) +
                       " samples, the header says " + std::to_string(layout.columns) + "x" +
                       std::to_string(layout.rows) + "x" + std::to_string(layout.samplesPerPixel));
    if (image.precision > layout.bitsAllocated)
        return failure(std::to_string(image.precision) + "-bit samples do not fit BitsAllocated " +
                       std::to_string(layout.bitsAllocated));
    const std::size_t n = layout.pixels();
    const std::size_t spp = layout.samplesPerPixel;
    for (std::size_t c = 0; c < spp; ++c) {
        const std::vector<std::int32_t>& plane = image.planes[c];
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t at = layout.planar == 1 ? c * n + i : i * spp + c;
            putSample(buffer, at, layout.bitsAllocated, plane[i]);
        }
    }
    t_lastError.clear();
    return EC_Normal;
}

class Jpeg2000CodecParameter : public DcmCodecParameter {
public:
    DcmCodecParameter* clone() const override { return new Jpeg2000CodecParameter(*this); }
    const char* className() const override { return "stllava::Jpeg2000CodecParameter"; }
};

class Jpeg2000Decoder : public DcmCodec {
public:
    OFCondition decode(const DcmRepresentationParameter*, DcmPixelSequence* pixSeq,
                       DcmPolymorphOBOW& uncompressed, const DcmCodecParameter*, const DcmStack& objStack,
                       OFBool& removeOldRep) const override {
        DcmStack stack(objStack);
        (void)stack.pop();  // the pixel data element
        DcmObject* parent = stack.pop();
        if (parent == nullptr || (parent->ident() != EVR_dataset && parent->ident() != EVR_item))
            return failure("pixel data outside a dataset");
        auto* dataset = static_cast<DcmItem*>(parent);
        const FrameLayout layout = readLayout(dataset);
        const std::size_t frameBytesCount = layout.bytes();
        std::size_t total = frameBytesCount * static_cast<std::size_t>(layout.frames);
        if (total == 0 || total >= 0xFFFFFFFEu)
            return failure("the uncompressed pixel data would be empty or too large");
        total += total & 1u;
        Uint16* words = nullptr;
        if (uncompressed.createUint16Array(static_cast<Uint32>(total / 2), words).bad() || words == nullptr)
            return failure("cannot allocate the uncompressed pixel data");
        auto* bytes = reinterpret_cast<Uint8*>(words);
        Uint32 fragment = 0;
        for (Sint32 f = 0; f < layout.frames; ++f) {
            const OFCondition status = decodeOneFrame(pixSeq, layout, static_cast<Uint32>(f), fragment,
                                                      bytes + frameBytesCount * static_cast<std::size_t>(f));
            if (status.bad()) return status;
        }
        if (total != frameBytesCount * static_cast<std::size_t>(layout.frames)) bytes[total - 1] = 0;
        // 8-bit samples were written as bytes; the OW array holds words in local byte order.
        if (layout.bitsAllocated == 8)
            swapIfNecessary(gLocalByteOrder, EBO_LittleEndian, words, static_cast<Uint32>(total),
                            sizeof(Uint16));
        const std::string model = decodedColourModel(layout.photometric);
        if (model != layout.photometric) {
            dataset->putAndInsertString(DCM_PhotometricInterpretation, model.c_str());
            removeOldRep = OFTrue;
        }
        return EC_Normal;
    }

    OFCondition decodeFrame(const DcmRepresentationParameter*, DcmPixelSequence* fromPixSeq,
                            const DcmCodecParameter*, DcmItem* dataset, Uint32 frameNo, Uint32& startFragment,
                            void* buffer, Uint32 bufSize, OFString& decompressedColorModel) const override {
        if (dataset == nullptr || fromPixSeq == nullptr || buffer == nullptr)
            return failure("no dataset to decode");
        const FrameLayout layout = readLayout(dataset);
        if (static_cast<Sint32>(frameNo) >= layout.frames)
            return failure("frame " + std::to_string(frameNo) + " does not exist");
        if (bufSize < layout.bytes()) return failure("the frame buffer is too small");
        const OFCondition status = decodeOneFrame(fromPixSeq, layout, frameNo, startFragment, buffer);
        if (status.good()) decompressedColorModel = decodedColourModel(layout.photometric).c_str();
        return status;
    }

    OFCondition encode(const Uint16*, const Uint32, const DcmRepresentationParameter*, DcmPixelSequence*&,
                       const DcmCodecParameter*, DcmStack&, OFBool&) const override {
        return EC_IllegalCall;
    }
    OFCondition encode(const E_TransferSyntax, const DcmRepresentationParameter*, DcmPixelSequence*,
                       const DcmRepresentationParameter*, DcmPixelSequence*&, const DcmCodecParameter*,
                       DcmStack&, OFBool&) const override {
        return EC_IllegalCall;
    }

    OFBool canChangeCoding(const E_TransferSyntax oldRepType,
                           const E_TransferSyntax newRepType) const override {
        const bool fromJ2k = oldRepType == EXS_JPEG2000LosslessOnly || oldRepType == EXS_JPEG2000;
        return fromJ2k && DcmXfer(newRepType).isNotEncapsulated();
    }

    OFCondition determineDecompressedColorModel(const DcmRepresentationParameter*, DcmPixelSequence*,
                                                const DcmCodecParameter*, DcmItem* dataset,
                                                OFString& decompressedColorModel) const override {
        if (dataset == nullptr) return EC_IllegalParameter;
        decompressedColorModel = decodedColourModel(readLayout(dataset).photometric).c_str();
        return EC_Normal;
    }
};

}  // namespace

void registerJpeg2000DicomCodec() {
    static std::once_flag once;
    std::call_once(once, [] {
        // Registered for the life of the process, as DCMTK's own decoders are.
        static const Jpeg2000Decoder decoder;
        static const Jpeg2000CodecParameter parameter;
        DcmCodecList::registerCodec(&decoder, nullptr, &parameter);
    });
}

std::string lastJpeg2000Error() {
    return t_lastError;
}
void clearJpeg2000Error() {
    t_lastError.clear();
}

}  // namespace stllava
