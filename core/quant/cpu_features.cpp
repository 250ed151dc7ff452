#include "quant/cpu_features.h"

#include <cstdlib>
#include <cstring>

namespace stllava::quant {

bool hasAvx2Fma() {
    static const bool yes = [] {
        const char* off = std::getenv("STLLAVA_NO_AVX2");
        if (off && std::strcmp(off, "1") == 0) return false;
#if defined(__x86_64__) || defined(__i386__)
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
        return false;
#endif
    }();
    return yes;
}

}  // namespace stllava::quant
