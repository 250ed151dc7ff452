#include "quant/few_rows_linear.h"

#include "quant/row_kernels.h"

#include <ATen/Parallel.h>

#include <algorithm>

namespace stllava::quant {

bool fewRowsApplies(const torch::Tensor& x, const torch::Tensor& w) {
    if (!x.defined() || !w.defined() || w.dim() != 2 || x.dim() < 1) return false;
    if (!x.device().is_cpu() || !w.device().is_cpu()) return false;
    if (x.scalar_type() != torch::kFloat32 || w.scalar_type() != torch::kFloat32) return false;
    if (!w.is_contiguous() || x.size(-1) != w.size(1) || w.size(1) == 0) return false;
    if (x.numel() / w.size(1) > kMaxKernelRows) return false;
    if (torch::GradMode::is_enabled() && (x.requires_grad() || w.requires_grad())) return false;
    return true;
}

void forOutputColumns(std::int64_t N, const std::function<void(std::int64_t, std::int64_t)>& body) {
    const std::int64_t threads = std::max<std::int64_t>(1, at::get_num_threads());
    const std::int64_t grain = std::max<std::int64_t>(16, (N + threads - 1) / threads);
    at::parallel_for(0, N, grain, [&](std::int64_t n0, std::int64_t n1) { body(n0, n1); });
}

torch::Tensor fewRowsLinear(const torch::Tensor& x, const torch::Tensor& w) {
    const auto K = w.size(1), N = w.size(0);
    const auto xc = x.contiguous();
    auto out_sizes = x.sizes().vec();
    out_sizes.back() = N;
    auto y = torch::empty(out_sizes, x.options());
    RowsIo io;
    io.x = xc.data_ptr<float>();
    io.M = x.numel() / K;
    io.K = K;
    io.y = y.data_ptr<float>();
    io.N = N;
    const float* wp = w.data_ptr<float>();
    forOutputColumns(N, [&](std::int64_t n0, std::int64_t n1) { f32Rows(io, wp, n0, n1); });
    return y;
}

}  // namespace stllava::quant
