#include "model/lm_head_logprob.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace stllava::model {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// Logits of one chunk in float32: [c, V].
torch::Tensor chunkLogits(const torch::Tensor& h, const torch::Tensor& w) {
    return torch::matmul(h, w.t()).to(torch::kFloat32);
}

// (softmax - one-hot(target)) of a chunk's logits, in place; also log p(target) - the pieces of
// both the value and the gradient of log p(target) with respect to the logits.
torch::Tensor softmaxMinusOneHot(torch::Tensor& logits, const torch::Tensor& target, torch::Tensor* logp) {
    const torch::Tensor lse = logits.logsumexp(1, true);  // [c, 1]
    if (logp) *logp = (logits.gather(1, target.unsqueeze(1)) - lse).squeeze(1);  // [c]
    logits.sub_(lse).exp_();
    logits.scatter_add_(1, target.unsqueeze(1), torch::full({target.size(0), 1}, -1.0f, logits.options()));
    return logits;
}

struct ChunkedLogprob : torch::autograd::Function<ChunkedLogprob> {
    static torch::Tensor forward(AutogradContext* ctx, torch::Tensor hidden, torch::Tensor weight, torch::Tensor targets,
                                 torch::Tensor valid, std::int64_t chunk) {
        const std::int64_t n = hidden.size(0);
        auto out = torch::empty({n}, hidden.options().dtype(torch::kFloat32));  // [N]
        const bool single = n <= chunk;
        torch::Tensor kept;
        for (std::int64_t s = 0; s < n; s += chunk) {
            const std::int64_t c = std::min(chunk, n - s);
            torch::Tensor lg = chunkLogits(hidden.narrow(0, s, c), weight);  // [c, V]
            torch::Tensor logp;
            if (single) {
                kept = softmaxMinusOneHot(lg, targets.narrow(0, s, c), &logp);
            } else {
                const torch::Tensor lse = lg.logsumexp(1, true);
                logp = (lg.gather(1, targets.narrow(0, s, c).unsqueeze(1)) - lse).squeeze(1);
            }
            out.narrow(0, s, c).copy_(logp);
        }
        out.mul_(valid);
        ctx->save_for_backward({hidden, weight, targets, valid, kept});
        ctx->saved_data["chunk"] = chunk;
        return out;
    }

    static variable_list backward(AutogradContext* ctx, variable_list grads) {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor &hidden = saved[0], &weight = saved[1], &targets = saved[2], &valid = saved[3], &kept = saved[4];
        const std::int64_t chunk = ctx->saved_data["chunk"].toInt();
        const std::int64_t n = hidden.size(0);
        const torch::Tensor g = (grads[0].to(torch::kFloat32) * valid).neg_();  // d out / d logits = one-hot - softmax
        const bool needH = ctx->needs_input_grad(0), needW = ctx->needs_input_grad(1);
        torch::Tensor gh = needH ? torch::empty_like(hidden) : torch::Tensor();
        torch::Tensor gw = needW ? torch::zeros_like(weight) : torch::Tensor();
        for (std::int64_t s = 0; s < n; s += chunk) {
            const std::int64_t c = std::min(chunk, n - s);
            const torch::Tensor h = hidden.narrow(0, s, c);
            torch::Tensor q;
            if (kept.defined()) {
                q = kept;
            } else {
                torch::Tensor lg = chunkLogits(h, weight);
                q = softmaxMinusOneHot(lg, targets.narrow(0, s, c), nullptr);
            }
            const torch::Tensor gl = (q * g.narrow(0, s, c).unsqueeze(1)).to(weight.scalar_type());  // [c, V]
            if (needH) gh.narrow(0, s, c).copy_(torch::matmul(gl, weight));                        // [c, H]
            if (needW) gw.addmm_(gl.t(), h.to(weight.scalar_type()));                               // [V, H]
        }
        return {gh, gw, torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

}  // namespace

torch::Tensor chunkedTargetLogprobs(const torch::Tensor& hidden, const torch::Tensor& weight, const torch::Tensor& targets,
                                    std::int64_t ignoreIndex, std::int64_t chunk) {
    if (hidden.dim() != 2 || weight.dim() != 2 || hidden.size(1) != weight.size(1) || targets.dim() != 1 ||
        targets.size(0) != hidden.size(0))
        throw std::invalid_argument("chunkedTargetLogprobs: expected hidden [N, H], weight [V, H], targets [N]; got " +
                                    c10::str(hidden.sizes()) + ", " + c10::str(weight.sizes()) + ", " + c10::str(targets.sizes()));
    if (chunk < 1) throw std::invalid_argument("chunkedTargetLogprobs: chunk must be positive");
    const torch::Tensor valid = (targets != ignoreIndex).to(torch::kFloat32);  // [N]
    const torch::Tensor safe = targets.clamp_min(0);
    if (hidden.numel() == 0) return torch::zeros({hidden.size(0)}, hidden.options().dtype(torch::kFloat32));
    return ChunkedLogprob::apply(hidden, weight, safe, valid, chunk);
}

}  // namespace stllava::model
