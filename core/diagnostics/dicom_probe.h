// DICOM facts for `stllava doctor`: DCMTK and OpenJPEG versions, and whether each compressed
// transfer syntax can be decoded once the imaging module has registered its decoders.
#pragma once

#include "diagnostics/doctor_report.h"

namespace stllava {
void probeDicom(DoctorReport& report);
}
