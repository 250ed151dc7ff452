// x W^T for the few activation rows of a decode step, on the CPU in float32, with the row
// kernels (row_kernels.h) split over the compute threads by output column. libtorch's path for
// one row (sgemm with M = 1 in OpenBLAS) packs the whole weight matrix on every call; this reads
// it once. Used by nn::Linear when fewRowsApplies(); quantised weights use the same split.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <functional>

namespace stllava::quant {

// Activation rows up to which the row kernels beat the packed matrix product here.
inline constexpr std::int64_t kMaxKernelRows = 16;

// x and w on the CPU in float32, w [N, K] contiguous, x [..., K] with at most kMaxKernelRows
// rows, and no gradient wanted (grad mode off, or neither requires grad).
bool fewRowsApplies(const torch::Tensor& x, const torch::Tensor& w);
// x [..., K], w [N, K] -> [..., N] float32. Precondition: fewRowsApplies(x, w).
torch::Tensor fewRowsLinear(const torch::Tensor& x, const torch::Tensor& w);

// Runs body(n0, n1) over [0, N) split between the compute threads (at::parallel_for).
void forOutputColumns(std::int64_t N, const std::function<void(std::int64_t, std::int64_t)>& body);

}  // namespace stllava::quant
