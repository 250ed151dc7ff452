#include "training/optim.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace stllava::training {
namespace {

bool hasPrefix(const std::string& name, const std::string& prefix) {
    return name.compare(0, prefix.size(), prefix) == 0 && (name.size() == prefix.size() || name[prefix.size()] == '.');
}

}  // namespace

ParamPart partOf(const std::string& name) {
    if (hasPrefix(name, "model.vision_tower")) return ParamPart::Vision;
    if (hasPrefix(name, "model.mm_projector")) return ParamPart::Projector;
    if (hasPrefix(name, "model.layers") || hasPrefix(name, "model.embed_tokens") || hasPrefix(name, "model.norm") ||
        hasPrefix(name, "lm_head"))
        return ParamPart::Decoder;
    return ParamPart::Other;
}

const char* partName(ParamPart part) {
    switch (part) {
        case ParamPart::Decoder: return "decoder";
        case ParamPart::Vision: return "vision";
        case ParamPart::Projector: return "projector";
        case ParamPart::Other: return "other";
    }
    return "other";
}

bool noWeightDecay(const std::string& name, const torch::Tensor& p) {
    return p.dim() <= 1 || name.find("norm") != std::string::npos || name.find("bias") != std::string::npos;
}

double LearningRates::forPart(ParamPart part) const {
    switch (part) {
        case ParamPart::Decoder: return decoder;
        case ParamPart::Vision: return vision;
        case ParamPart::Projector: return projector;
        case ParamPart::Other: return other;
    }
    return other;
}

std::vector<ParamGroup> makeParamGroups(const std::vector<std::pair<std::string, torch::Tensor>>& trainable,
                                        const LearningRates& lrs, double weight_decay) {
    std::map<std::string, ParamGroup> by_key;
    std::vector<std::string> order;
    for (const auto& [name, p] : trainable) {
        if (!p.requires_grad()) continue;
        const ParamPart part = partOf(name);
        const bool no_decay = noWeightDecay(name, p);
        const std::string key = std::string(partName(part)) + (no_decay ? "_no_decay" : "");
        auto it = by_key.find(key);
        if (it == by_key.end()) {
            ParamGroup g;
            g.name = key;
            g.base_lr = lrs.forPart(part);
            g.weight_decay = no_decay ? 0.0 : weight_decay;
            it = by_key.emplace(key, std::move(g)).first;
            order.push_back(key);
        }
        it->second.params.emplace_back(name, p);
    }
    std::vector<ParamGroup> groups;
    for (const auto& k : order) groups.push_back(std::move(by_key[k]));
    return groups;
}

AdamW::AdamW(std::vector<ParamGroup> groups, const AdamWOptions& options) : groups_(std::move(groups)), options_(options) {
    for (const auto& g : groups_) state_.emplace_back(g.params.size());
}

void AdamW::zeroGrad() {
    for (auto& g : groups_)
        for (auto& [name, p] : g.params)
            if (p.grad().defined()) p.mutable_grad().zero_();
}

void AdamW::step(double lr_factor) {
    torch::NoGradGuard no_grad;
    const double b1 = options_.beta1, b2 = options_.beta2;
    for (std::size_t gi = 0; gi < groups_.size(); ++gi) {
        ParamGroup& g = groups_[gi];
        const double lr = g.base_lr * lr_factor;
        for (std::size_t pi = 0; pi < g.params.size(); ++pi) {
            torch::Tensor& p = g.params[pi].second;
            if (!p.grad().defined()) continue;
            const torch::Tensor grad = p.grad();
            AdamWState& s = state_[gi][pi];
            if (!s.exp_avg.defined()) {
                s.exp_avg = torch::zeros_like(p, torch::MemoryFormat::Preserve);
                s.exp_avg_sq = torch::zeros_like(p, torch::MemoryFormat::Preserve);
            }
            s.step += 1;
            // torch/optim/_functional.py adamw (single tensor, non-amsgrad), PyTorch 1.13.
            if (g.weight_decay != 0.0) p.mul_(1.0 - lr * g.weight_decay);  // * 1.0 changes nothing
            s.exp_avg.mul_(b1).add_(grad, 1.0 - b1);
            s.exp_avg_sq.mul_(b2).addcmul_(grad, grad, 1.0 - b2);
            const double bc1 = 1.0 - std::pow(b1, static_cast<double>(s.step));
            const double bc2 = 1.0 - std::pow(b2, static_cast<double>(s.step));
            const double step_size = lr / bc1;
            const double bc2_sqrt = std::sqrt(bc2);
            // denom = sqrt(exp_avg_sq) / bc2_sqrt + eps, the same operations into a reused buffer.
            const auto n = s.exp_avg_sq.numel();
            if (!scratch_.defined() || scratch_.numel() < n || scratch_.scalar_type() != p.scalar_type() ||
                scratch_.device() != p.device())
                scratch_ = torch::empty({std::max<std::int64_t>(n, scratch_.defined() ? scratch_.numel() : 0)}, s.exp_avg_sq.options());
            torch::Tensor denom = scratch_.narrow(0, 0, n).view(s.exp_avg_sq.sizes());
            torch::sqrt_out(denom, s.exp_avg_sq);
            denom.div_(bc2_sqrt).add_(options_.eps);
            p.addcdiv_(s.exp_avg, denom, -step_size);
        }
    }
}

std::vector<std::pair<std::string, torch::Tensor>> AdamW::stateTensors() const {
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (std::size_t gi = 0; gi < groups_.size(); ++gi)
        for (std::size_t pi = 0; pi < groups_[gi].params.size(); ++pi) {
            const AdamWState& s = state_[gi][pi];
            const std::string& name = groups_[gi].params[pi].first;
            out.emplace_back(name + ".step", torch::tensor({s.step}, torch::kInt64));
            if (s.exp_avg.defined()) {
                out.emplace_back(name + ".exp_avg", s.exp_avg);
                out.emplace_back(name + ".exp_avg_sq", s.exp_avg_sq);
            }
        }
    return out;
}

void AdamW::loadStateTensors(const std::vector<std::pair<std::string, torch::Tensor>>& tensors, const std::string& origin) {
    std::map<std::string, torch::Tensor> m(tensors.begin(), tensors.end());
    for (std::size_t gi = 0; gi < groups_.size(); ++gi)
        for (std::size_t pi = 0; pi < groups_[gi].params.size(); ++pi) {
            const auto& [name, p] = groups_[gi].params[pi];
            AdamWState& s = state_[gi][pi];
            auto st = m.find(name + ".step");
            if (st == m.end()) throw std::runtime_error(origin + ": optimiser state has no entry for parameter '" + name + "'");
            s.step = st->second.item<std::int64_t>();
            auto a = m.find(name + ".exp_avg");
            auto b = m.find(name + ".exp_avg_sq");
            if (a == m.end() || b == m.end()) {
                if (s.step != 0) throw std::runtime_error(origin + ": optimiser moments missing for '" + name + "'");
                s.exp_avg = s.exp_avg_sq = torch::Tensor();
                continue;
            }
            if (a->second.sizes() != p.sizes() || b->second.sizes() != p.sizes())
                throw std::runtime_error(origin + ": optimiser state of '" + name + "' has the wrong shape");
            s.exp_avg = a->second.to(p.device(), p.scalar_type()).clone();
            s.exp_avg_sq = b->second.to(p.device(), p.scalar_type()).clone();
        }
}

double cosineWithWarmup(std::int64_t step, std::int64_t warmup_steps, std::int64_t total_steps, double num_cycles) {
    if (step < warmup_steps) return static_cast<double>(step) / static_cast<double>(std::max<std::int64_t>(1, warmup_steps));
    const double progress = static_cast<double>(step - warmup_steps) /
                            static_cast<double>(std::max<std::int64_t>(1, total_steps - warmup_steps));
    return std::max(0.0, 0.5 * (1.0 + std::cos(M_PI * num_cycles * 2.0 * progress)));
}

std::int64_t warmupSteps(double warmup_ratio, std::int64_t total_steps) {
    return static_cast<std::int64_t>(std::ceil(warmup_ratio * static_cast<double>(total_steps)));
}

double clipGradNorm(const std::vector<torch::Tensor>& params, double max_norm) {
    torch::NoGradGuard no_grad;
    std::vector<torch::Tensor> norms;
    for (const auto& p : params)
        if (p.grad().defined()) norms.push_back(p.grad().detach().to(torch::kFloat32).norm(2));
    if (norms.empty()) return 0.0;
    const torch::Tensor total = torch::stack(norms).norm(2);
    const double total_norm = total.item<double>();
    if (max_norm > 0.0) {
        const double coef = max_norm / (total_norm + 1e-6);
        if (coef < 1.0)
            for (const auto& p : params)
                if (p.grad().defined()) p.grad().mul_(coef);
    }
    return total_norm;
}

}  // namespace stllava::training
