// A DCMTK decoder for the JPEG 2000 transfer syntaxes (1.2.840.10008.1.2.4.90 lossless only,
// .91 lossless or lossy), which DCMTK's free edition cannot decode, through OpenJPEG
// (j2k_decoder.h). Registered by registerDicomCodecs(), so every DCMTK path (DicomImage with frame
// access, whole-dataset decompression) decodes JPEG 2000 like any other compressed syntax.
//
// Sample values are written as the codestream gives them into BitsAllocated-wide words; DCMTK then
// reads them under the dataset's BitsStored / PixelRepresentation. So an unsigned codestream in a
// dataset that says signed is read as BitsStored-bit two's complement (as GDCM and pydicom's J2K
// corrections do). YBR_ICT / YBR_RCT come out as RGB (OpenJPEG undoes the colour transform).
#pragma once

#include <string>

namespace stllava {

// Registers the decoder once per process (thread-safe). Internal: call registerDicomCodecs().
void registerJpeg2000DicomCodec();

// Why the last JPEG 2000 frame decoded on this thread failed ("" after a success or before any):
// DCMTK's own status only says that decoding failed.
std::string lastJpeg2000Error();
void clearJpeg2000Error();

}  // namespace stllava
