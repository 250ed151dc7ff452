#include "quant/cpu_features.h"

#include <cstdlib>
#include <cstring>

namespace stllava::quant {
namespace {

bool turnedOff(const char* variable) {  // STLLAVA_NO_<kernel>=1 keeps a kernel family from running
    const char* off = std::getenv(variable);
    return off && std::strcmp(off, "1") == 0;
}

}  // namespace

bool hasAvx2Fma() {
    static const bool yes = [] {
        if (turnedOff("STLLAVA_NO_AVX2")) return false;
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
        if (!hasAvx2Fma() || turnedOff("STLLAVA_NO_AVX512")) return false;
#if defined(__x86_64__) || defined(__i386__)
        // (libgcc's answer includes the operating system's XCR0 check for the AVX-512 state)
        return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
#else
        return false;
#endif
    }();
    return yes;
}

bool hasAvx512Vnni() {
    static const bool yes = [] {
        if (!hasAvx512() || turnedOff("STLLAVA_NO_VNNI")) return false;
#if defined(__x86_64__) || defined(__i386__)
        return __builtin_cpu_supports("avx512vnni") && __builtin_cpu_supports("avx512vl");
#else
        return false;
#endif
    }();
    return yes;
}

}  // namespace stllava::quant
