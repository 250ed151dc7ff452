// Label log-probs through the LM head without the [N, V] logits of the whole sequence: the
// head, log-softmax and gather run over chunks of `chunk` positions, so memory stays O(chunk x V)
// instead of O(B x T x V) (2 GB at B=8, T=2048, V=32000 in float32).
// Autograd: one custom function. With a single chunk the forward keeps (softmax - one-hot) of that
// chunk for backward (no recompute); with several chunks backward recomputes each chunk's logits.
// Gradients equal those of log_softmax + gather on the full logits (tests/test_lm_head_logprob.cpp).
#pragma once

#include <torch/torch.h>

#include <cstdint>

namespace stllava::model {

// hidden [N, H] (model dtype), weight [V, H] (the lm_head or tied embedding), targets [N] int64
// with ignoreIndex for positions that do not count. Returns [N] float32: log p(target) at each
// position, 0 where ignored. Logits are computed in the weight's dtype, the softmax in float32.
torch::Tensor chunkedTargetLogprobs(const torch::Tensor& hidden, const torch::Tensor& weight, const torch::Tensor& targets,
                                    std::int64_t ignoreIndex, std::int64_t chunk = 1024);

}  // namespace stllava::model
