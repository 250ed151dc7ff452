// Activation checkpointing (PyTorch's reentrant torch.utils.checkpoint, for libtorch, which has
// none): run a block without keeping its intermediate activations, and recompute them during
// backward. Trades one extra forward of the block for the memory of its activations.
// The CPU random generator's state (and, for a CUDA input when CUDA is available, that device's
// generator) is saved before the forward and restored for the recompute, so dropout masks are
// identical; the recompute runs under the forward's autocast settings (CPU and CUDA), although
// backward runs outside the caller's autocast region. Gradients equal those of the plain forward.
#pragma once

#include <torch/torch.h>

#include <functional>

namespace stllava::nn {

using CheckpointBlock = std::function<torch::Tensor(const torch::Tensor&)>;

// y = block(x). Gradients reach x and every parameter `block` uses (accumulated into .grad during
// the recompute), even when x itself does not require grad. `block` must hold what it uses by
// value: it runs again during backward. Without grad mode, simply returns block(x).
torch::Tensor checkpointed(CheckpointBlock block, const torch::Tensor& x);

// How many blocks this process has recomputed in backward so far (diagnostics and tests).
std::int64_t checkpointRecomputeCount();

}  // namespace stllava::nn
