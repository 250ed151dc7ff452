// What the CPU this process runs on can execute, asked once (cpuid), for choosing a kernel.
#pragma once

namespace stllava::quant {

// AVX2 and FMA both present (and not switched off by STLLAVA_NO_AVX2=1, for testing the
// portable kernels on such a machine).
bool hasAvx2Fma();

}  // namespace stllava::quant
