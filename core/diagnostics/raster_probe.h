// Raster image facts for `stllava doctor`: libpng and libjpeg-turbo (PNG and JPEG in every build),
// and, in the desktop build, OpenCV's codecs (TIFF, BMP, WebP), each checked by a real round trip.
#pragma once

#include "diagnostics/doctor_report.h"

namespace stllava {
void probeRasterCodecs(DoctorReport& report);
}
