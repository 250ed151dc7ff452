// DICOM decoders, registered once per process before any DICOM load: DCMTK's own (JPEG baseline,
// extended, lossless; JPEG-LS; RLE) and the project's JPEG 2000 decoder over OpenJPEG.
// What each compressed syntax decodes with is reported by `stllava doctor` (core/diagnostics).
#pragma once

namespace stllava {

// Idempotent and thread-safe; call before reading compressed DICOM.
void registerDicomCodecs();

}  // namespace stllava
