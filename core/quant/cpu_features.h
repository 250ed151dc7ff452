// What the CPU this process runs on can execute, asked once (cpuid), for choosing a kernel.
#pragma once

namespace stllava::quant {

// AVX2 and FMA both present (and not switched off by STLLAVA_NO_AVX2=1, for testing the
// portable kernels on such a machine).
bool hasAvx2Fma();
// AVX-512 F and BW with the OS saving their registers, besides hasAvx2Fma() (and not switched off
// by STLLAVA_NO_AVX512=1, for testing the AVX2 kernels on such a machine).
bool hasAvx512();
// AVX-512 VNNI (VPDPBUSD) and VL besides hasAvx512() (and not switched off by STLLAVA_NO_VNNI=1, for
// testing the float AVX-512 kernels on such a machine).
bool hasAvx512Vnni();

}  // namespace stllava::quant
