// libtorch facts for `stllava doctor`: version, build, devices, threads, and the BLAS actually
// serving matrix products with its measured speed (reference BLAS is ~28x slower than OpenBLAS).
#pragma once

#include "diagnostics/doctor_report.h"

namespace stllava {

struct BlasInfo {
    std::string library_path;   // resolved path of the loaded libblas (or MKL/OpenBLAS) image
    std::string kind;           // "openblas", "reference", "mkl", "blis", "unknown"
    std::string openblas_config;  // openblas_get_config() when OpenBLAS is in use
    int openblas_threads = -1;
};

BlasInfo detectBlas();
// Median GFLOP/s of an n x n float32 matmul on the CPU (a few repetitions after a warm-up).
double measureMatmulGflops(int n = 1024, int repeats = 5);
void probeTorch(DoctorReport& report, bool quick);
// A one-line warning when the reference BLAS serves libtorch, else empty. Cheap: for start-up.
std::string referenceBlasWarning();

}  // namespace stllava
