#include "imaging/dicom_fragment_guard.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcxfer.h>

namespace stllava::dicom {
namespace {

std::uint32_t be16(const std::uint8_t* p) {
    return (static_cast<std::uint32_t>(p[0]) << 8) | p[1];
}

std::uint32_t le32(const std::uint8_t* p) {
    return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
           (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

}  // namespace

// The same walk as DJCodecDecoder::scanJpegDataForBitDepth (dcmjpeg/libsrc/djcodecd.cc, 3.6.7),
// case by case, except that reaching FF01 (where DCMTK stays) reports the hang.
bool jpegBitDepthScanHangs(const std::uint8_t* data, std::size_t length) {
    if (data == nullptr || length < 4) return false;
    std::size_t offset = 0;
    while (offset + 4 < length) {
        const std::uint32_t marker = be16(data + offset);
        switch (marker) {
            case 0xffc0: case 0xffc1: case 0xffc2: case 0xffc3: case 0xffc5: case 0xffc6: case 0xffc7:
            case 0xffc9: case 0xffca: case 0xffcb: case 0xffcd: case 0xffce: case 0xffcf:
                return false;  // a frame header: DCMTK reads the precision and returns
            case 0xffc4: case 0xffc8: case 0xffcc:
            case 0xffda: case 0xffdb: case 0xffdc: case 0xffdd: case 0xffde: case 0xffdf:
                offset += be16(data + offset + 2) + 2;
                break;
            case 0xffd0: case 0xffd1: case 0xffd2: case 0xffd3: case 0xffd4: case 0xffd5: case 0xffd6:
            case 0xffd7: case 0xffd8: case 0xffd9:
                offset += 2;
                break;
            case 0xffff:
                offset += 1;
                break;
            case 0xff01:
                return true;  // TEM: DCMTK 3.6.7 does not advance here
            default:
                if (marker >= 0xffe0 && marker <= 0xfffe) {  // APPn, JPGn, COM
                    offset += be16(data + offset + 2) + 2;
                } else if (data[offset] == 0xff && data[offset + 1] > 2 && data[offset + 1] <= 0xbf) {
                    offset += 2;  // reserved markers
                } else {
                    return false;  // not a marker: DCMTK gives up (precision 0)
                }
                break;
        }
    }
    return false;
}

std::string rleHeaderProblem(const std::uint8_t* data, std::size_t length) {
    if (data == nullptr || length < 64) return "shorter than the 64-byte RLE header";
    const std::uint32_t segments = le32(data);
    if (segments < 1 || segments > 15) return "RLE header names " + std::to_string(segments) + " segments (1-15 allowed)";
    std::uint64_t previous = 0;
    for (std::uint32_t k = 0; k < segments; ++k) {
        const std::uint64_t offset = le32(data + 4 + 4 * k);
        if (k == 0 ? offset != 64 : offset <= previous)
            return "RLE segment " + std::to_string(k + 1) + " starts at byte " + std::to_string(offset) +
                   (k == 0 ? " (64 expected)" : ", not after segment " + std::to_string(k) + " (byte " + std::to_string(previous) + ")");
        if (offset >= length)
            return "RLE segment " + std::to_string(k + 1) + " starts at byte " + std::to_string(offset) +
                   ", beyond the fragment's " + std::to_string(length) + " bytes";
        previous = offset;
    }
    return "";
}

std::string compressedFragmentsProblem(DcmDataset* ds) {
    const E_TransferSyntax xfer = ds->getOriginalXfer();
    const bool jpeg = xfer >= EXS_JPEGProcess1 && xfer <= EXS_JPEGProcess14SV1;
    const bool rle = xfer == EXS_RLELossless;
    if (!jpeg && !rle) return "";
    DcmElement* element = nullptr;
    if (ds->findAndGetElement(DCM_PixelData, element).bad() || element == nullptr) return "";
    auto* pixels = dynamic_cast<DcmPixelData*>(element);
    DcmPixelSequence* sequence = nullptr;
    if (pixels == nullptr || pixels->getEncapsulatedRepresentation(xfer, nullptr, sequence).bad() || sequence == nullptr)
        return "";
    const unsigned long count = sequence->card();
    for (unsigned long i = 1; i < count; ++i) {  // item 0 is the basic offset table
        DcmPixelItem* item = nullptr;
        Uint8* bytes = nullptr;
        if (sequence->getItem(item, i).bad() || item == nullptr || item->getUint8Array(bytes).bad()) continue;
        if (jpeg && jpegBitDepthScanHangs(bytes, item->getLength()))
            return "JPEG fragment " + std::to_string(i) +
                   " has a TEM marker (FF01) before its frame header, which DCMTK's JPEG decoder cannot get past";
        if (rle) {
            // Each RLE frame is one fragment (PS3.5 G.2); DCMTK decodes it by its header.
            if (const std::string problem = rleHeaderProblem(bytes, item->getLength()); !problem.empty())
                return "RLE fragment " + std::to_string(i) + ": " + problem;
        }
    }
    return "";
}

}  // namespace stllava::dicom
