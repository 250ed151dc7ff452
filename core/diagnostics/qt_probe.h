// Qt facts for `stllava doctor`: version, platform plugins the GUI can use.
#pragma once

#include "diagnostics/doctor_report.h"

namespace stllava {
void probeQt(DoctorReport& report);
}
