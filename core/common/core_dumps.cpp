// See core_dumps.h.
#include "common/core_dumps.h"

#include <sys/resource.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace stllava {

std::string disableCoreDumps() {
    const char* allow = std::getenv("STLLAVA_ALLOW_CORE_DUMPS");
    if (allow && std::strcmp(allow, "1") == 0) return "";
    const rlimit none{0, 0};
    if (::setrlimit(RLIMIT_CORE, &none) != 0) return std::string("setrlimit(RLIMIT_CORE): ") + std::strerror(errno);
    return "";
}

}  // namespace stllava
