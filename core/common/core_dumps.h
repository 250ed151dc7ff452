// Core dumps off: a core file holds the whole memory of the process — the judge's API key, serve's
// bearer token (both also in the environment), and the patient data of every DICOM file open — and
// lands on disk unencrypted, outside every guarantee of RELIABILITY.md. Both programs call
// disableCoreDumps() first thing; a developer who needs a core file sets STLLAVA_ALLOW_CORE_DUMPS=1.
#pragma once

#include <string>

namespace stllava {

// Sets RLIMIT_CORE to 0 (soft and hard: the process cannot raise it again, nor can its children)
// unless STLLAVA_ALLOW_CORE_DUMPS=1. Returns "" on success or when allowed, else why it failed.
std::string disableCoreDumps();

}  // namespace stllava
