// Guards in front of DCMTK's decoders (DCMTK 3.6.7 as Debian 12 ships it), found by tests/fuzz's
// dicom target: compressed fragments that DCMTK would loop on forever or read wild memory for are
// refused before DCMTK sees them.
//  - JPEG: DJCodecDecoder::scanJpegDataForBitDepth walks a fragment's marker segments looking for
//    the frame header (SOFn) and never moves past a TEM marker (FF01): the process hangs forever.
//  - RLE: DcmRLEDecoder trusts the 64-byte RLE header; a segment offset beyond the fragment (or
//    not increasing) makes it read far outside the buffer (SIGSEGV).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

class DcmDataset;

namespace stllava::dicom {

// True when DCMTK 3.6.7's bit-depth scan of these fragment bytes would never end.
bool jpegBitDepthScanHangs(const std::uint8_t* data, std::size_t length);

// The problem of an RLE fragment's header (PS3.5 G.5: 1-15 segments, the first at byte 64, each
// after the one before and inside the fragment), "" when it is sound.
std::string rleHeaderProblem(const std::uint8_t* data, std::size_t length);

// For JPEG-process (1.2.840.10008.1.2.4.50 - .70) and RLE Lossless data: "" when every fragment is
// safe to give DCMTK, else the problem (naming the fragment). Other transfer syntaxes: "".
std::string compressedFragmentsProblem(DcmDataset* ds);

}  // namespace stllava::dicom
