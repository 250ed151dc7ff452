// See openmp_spin.h.
#include "common/openmp_spin.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace stllava {

void restartWithShortOpenMpSpin(char** argv) {
    if (std::getenv("OMP_WAIT_POLICY") || std::getenv("GOMP_SPINCOUNT")) return;
    const char* keep = std::getenv("STLLAVA_KEEP_OMP_SPIN");
    if (keep && std::strcmp(keep, "1") == 0) return;
    if (::setenv("GOMP_SPINCOUNT", kOpenMpSpinCount, 1) != 0) return;
    ::execv("/proc/self/exe", argv);
    // Still here: the same program goes on, spinning as libgomp's default says.
    std::fprintf(stderr, "%s: note: could not restart with GOMP_SPINCOUNT=%s (%s); compute threads spin longer\n",
                 argv && argv[0] ? argv[0] : "stllava", kOpenMpSpinCount, std::strerror(errno));
    ::unsetenv("GOMP_SPINCOUNT");
}

}  // namespace stllava
