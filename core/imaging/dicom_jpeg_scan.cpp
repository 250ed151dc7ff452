#include "imaging/dicom_jpeg_scan.h"

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

std::string jpegFragmentsProblem(DcmDataset* ds) {
    const E_TransferSyntax xfer = ds->getOriginalXfer();
    if (xfer < EXS_JPEGProcess1 || xfer > EXS_JPEGProcess14SV1) return "";
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
        if (jpegBitDepthScanHangs(bytes, item->getLength()))
            return "JPEG fragment " + std::to_string(i) +
                   " has a TEM marker (FF01) before its frame header, which DCMTK's JPEG decoder cannot get past";
    }
    return "";
}

}  // namespace stllava::dicom
