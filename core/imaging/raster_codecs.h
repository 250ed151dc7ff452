// OpenCV image codecs available to the raster loader, checked by a real encode/decode round trip.
#pragma once

#include "diagnostics/doctor_report.h"

namespace stllava {
void probeRasterCodecs(DoctorReport& report);
}
