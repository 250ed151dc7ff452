#include "diagnostics/torch_probe.h"

#include <torch/torch.h>
#include <torch/version.h>

#include <dlfcn.h>
#include <link.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace stllava {
namespace {

std::string resolved(const char* path) {
    char buf[PATH_MAX];
    if (path && ::realpath(path, buf)) return buf;
    return path ? path : "";
}

int collectLibrary(struct dl_phdr_info* info, size_t, void* data) {
    auto* libs = static_cast<std::vector<std::string>*>(data);
    if (info->dlpi_name && *info->dlpi_name) libs->push_back(resolved(info->dlpi_name));
    return 0;
}

std::string fmt(double v, const char* spec = "%.1f") {
    char buf[64];
    std::snprintf(buf, sizeof(buf), spec, v);
    return buf;
}

const char* const kReferenceBlasAdvice =
    "the reference BLAS is ~28x slower than OpenBLAS: apt-get install libopenblas0-pthread "
    "(or, if installed: update-alternatives --auto libblas.so.3-x86_64-linux-gnu)";

}  // namespace

std::string referenceBlasWarning() {
    const BlasInfo blas = detectBlas();
    if (blas.kind != "reference") return {};
    return "warning: libtorch is using the reference BLAS (" + blas.library_path + "); " + kReferenceBlasAdvice;
}

BlasInfo detectBlas() {
    // Make sure a BLAS call has happened so lazily loaded libraries are mapped.
    (void)torch::mm(torch::ones({8, 8}), torch::ones({8, 8}));
    std::vector<std::string> libs;
    dl_iterate_phdr(collectLibrary, &libs);
    BlasInfo info;
    info.kind = "unknown";
    for (const auto& lib : libs) {
        const auto base = lib.substr(lib.find_last_of('/') + 1);
        if (base.rfind("libblas.so", 0) == 0) {
            info.library_path = lib;
            if (lib.find("openblas") != std::string::npos) info.kind = "openblas";
            else if (lib.find("blis") != std::string::npos) info.kind = "blis";
            else if (lib.find("atlas") != std::string::npos) info.kind = "atlas";
            else if (lib.find("mkl") != std::string::npos) info.kind = "mkl";
            else info.kind = "reference";
        }
    }
    if (info.library_path.empty()) {  // libtorch built against MKL or a static BLAS
        for (const auto& lib : libs) {
            if (lib.find("libmkl") != std::string::npos) { info.library_path = lib; info.kind = "mkl"; }
            else if (lib.find("libopenblas") != std::string::npos) { info.library_path = lib; info.kind = "openblas"; }
        }
    }
    using GetConfig = char* (*)();
    using GetThreads = int (*)();
    if (auto get_config = reinterpret_cast<GetConfig>(::dlsym(RTLD_DEFAULT, "openblas_get_config"))) {
        if (info.kind == "openblas") info.openblas_config = get_config();
    }
    if (auto get_threads = reinterpret_cast<GetThreads>(::dlsym(RTLD_DEFAULT, "openblas_get_num_threads"))) {
        if (info.kind == "openblas") info.openblas_threads = get_threads();
    }
    return info;
}

double measureMatmulGflops(int n, int repeats) {
    torch::NoGradGuard no_grad;
    const auto a = torch::rand({n, n});
    const auto b = torch::rand({n, n});
    auto c = torch::mm(a, b);  // warm-up (thread pools, page faults)
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        torch::mm_out(c, a, b);
        const auto t1 = std::chrono::steady_clock::now();
        times.push_back(std::chrono::duration<double>(t1 - t0).count());
    }
    std::sort(times.begin(), times.end());
    const double flops = 2.0 * n * static_cast<double>(n) * n;
    return flops / times[times.size() / 2] / 1e9;
}

void probeTorch(DoctorReport& report, bool quick) {
    auto& f = report.facts["torch"];
    f["version"] = TORCH_VERSION;
    report.add({"torch", "libtorch version", TORCH_VERSION, CheckStatus::Ok, ""});

    const bool cuda = torch::cuda::is_available();
    const auto devices = cuda ? torch::cuda::device_count() : 0;
    f["cuda_available"] = cuda;
    f["cuda_devices"] = devices;
    report.add({"torch", "CUDA", cuda ? "yes, " + std::to_string(devices) + " device(s)" : "no (CPU only)",
                CheckStatus::Info, ""});

    const int threads = at::get_num_threads(), interop = at::get_num_interop_threads();
    f["intra_op_threads"] = threads;
    f["inter_op_threads"] = interop;
    report.add({"torch", "threads", std::to_string(threads) + " intra-op, " + std::to_string(interop) + " inter-op",
                CheckStatus::Info, ""});

    const BlasInfo blas = detectBlas();
    auto& b = report.facts["blas"];
    b["library"] = blas.library_path;
    b["kind"] = blas.kind;
    if (!blas.openblas_config.empty()) b["openblas_config"] = blas.openblas_config;
    if (blas.openblas_threads >= 0) b["openblas_threads"] = blas.openblas_threads;
    const bool reference = blas.kind == "reference";
    std::string value = blas.kind + " (" + (blas.library_path.empty() ? "no libblas mapped" : blas.library_path) + ")";
    if (!blas.openblas_config.empty()) value += ", " + blas.openblas_config;
    report.add({"blas", "library in use", value, reference ? CheckStatus::Warn : CheckStatus::Ok,
                reference ? kReferenceBlasAdvice : ""});

    const int n = quick ? 256 : 1024;
    const double gflops = measureMatmulGflops(n, quick ? 3 : 5);
    b["matmul_n"] = n;
    b["matmul_gflops"] = gflops;
    const bool slow = reference || (!quick && gflops < 15.0);
    report.add({"blas", "matmul " + std::to_string(n) + "x" + std::to_string(n) + " f32", fmt(gflops) + " GFLOP/s",
                slow ? CheckStatus::Warn : CheckStatus::Ok,
                slow ? "matrix products are slow: generation and training will crawl; install OpenBLAS" : ""});
}

}  // namespace stllava
