// DCMTK's decoders (JPEG, JPEG-LS, RLE) are registered once per process, before any DICOM load.
#pragma once

#include "diagnostics/doctor_report.h"

namespace stllava {

// Idempotent and thread-safe; call before reading compressed DICOM.
void registerDicomCodecs();
// Doctor rows: DCMTK version and whether each compressed syntax can be decoded.
void probeDicom(DoctorReport& report);

}  // namespace stllava
