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

bool hasAvx512() {
    static const bool yes = [] {
        if (!hasAvx2Fma()) return false;
        const char* off = std::getenv("STLLAVA_NO_AVX512");
        if (off && std::strcmp(off, "1") == 0) return false;
#if defined(__x86_64__) || defined(__i386__)
        // (libgcc's answer includes the operating system's XCR0 check for the AVX-512 state)
        return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
#else
        return false;
#endif
    }();
    return yes;
}

}  // namespace stllava::quant
