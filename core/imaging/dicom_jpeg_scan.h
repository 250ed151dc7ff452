// A guard in front of DCMTK's JPEG decoder (dcmjpeg, DCMTK 3.6.7 as Debian 12 ships it): before
// decoding, DJCodecDecoder::scanJpegDataForBitDepth walks a fragment's marker segments looking for
// the frame header (SOFn) and never moves past a TEM marker (FF01), so a fragment whose walk
// reaches one hangs the process forever (found by tests/fuzz's dicom target). This walks every
// fragment the same way first, and the loader refuses such a file with an error naming it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

class DcmDataset;

namespace stllava::dicom {

// True when DCMTK 3.6.7's bit-depth scan of these fragment bytes would never end.
bool jpegBitDepthScanHangs(const std::uint8_t* data, std::size_t length);

// For JPEG-process transfer syntaxes (1.2.840.10008.1.2.4.50 - .70): "" when every fragment is
// safe to give DCMTK, else the problem (naming the fragment). Other transfer syntaxes: "".
std::string jpegFragmentsProblem(DcmDataset* ds);

}  // namespace stllava::dicom
