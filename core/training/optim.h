// Optimisation: AdamW over named parameter groups, HF's cosine schedule with warmup, global-norm
// gradient clipping. AdamW is written out (PyTorch's torch.optim.AdamW update, non-amsgrad, bit for
// bit the same formula order) so its state is plain named tensors that checkpoints store as
// safetensors.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace stllava::training {

enum class ParamPart { Decoder, Vision, Projector, Other };
// By name prefix: model.layers / model.embed_tokens / model.norm / lm_head = decoder,
// model.vision_tower = vision, model.mm_projector = projector.
ParamPart partOf(const std::string& name);
const char* partName(ParamPart part);
// Norm weights and biases get no weight decay (1-D tensors, or names with "norm"/"bias").
bool noWeightDecay(const std::string& name, const torch::Tensor& p);

struct LearningRates {
    double decoder = 2e-4;
    double vision = 5e-5;
    double projector = 2e-5;
    double other = 2e-4;
    double forPart(ParamPart part) const;
};

struct AdamWOptions {
    double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
    double weight_decay = 0.0;
};

struct ParamGroup {
    std::string name;  // "decoder", "decoder_no_decay", ...
    double base_lr = 0.0;
    double weight_decay = 0.0;
    std::vector<std::pair<std::string, torch::Tensor>> params;  // (name, parameter)
};

// Groups the trainable (requires_grad) parameters by part and decay.
std::vector<ParamGroup> makeParamGroups(const std::vector<std::pair<std::string, torch::Tensor>>& trainable,
                                        const LearningRates& lrs, double weight_decay);

struct AdamWState {
    std::int64_t step = 0;
    torch::Tensor exp_avg, exp_avg_sq;
};

class AdamW {
public:
    AdamW(std::vector<ParamGroup> groups, const AdamWOptions& options);
    // One update with lr = base_lr * lr_factor for every group; parameters without grad are skipped.
    void step(double lr_factor);
    void zeroGrad();
    const std::vector<ParamGroup>& groups() const { return groups_; }
    // State as named tensors: "<param>.exp_avg", "<param>.exp_avg_sq", "<param>.step" (int64 [1]).
    std::vector<std::pair<std::string, torch::Tensor>> stateTensors() const;
    // Restores from stateTensors() output; throws naming the missing or mis-shaped entry.
    void loadStateTensors(const std::vector<std::pair<std::string, torch::Tensor>>& tensors, const std::string& origin);

private:
    std::vector<ParamGroup> groups_;
    AdamWOptions options_;
    std::vector<std::vector<AdamWState>> state_;  // [group][param]
    torch::Tensor scratch_;  // the update's denominator, reused across parameters and steps (no per-step allocation)
};

// HF get_cosine_schedule_with_warmup: step < warmup: step / warmup; else
// 0.5 * (1 + cos(pi * cycles * 2 * progress)) with progress = (step - warmup) / (total - warmup), min 0.
double cosineWithWarmup(std::int64_t step, std::int64_t warmup_steps, std::int64_t total_steps, double num_cycles = 0.5);
// HF's warmup_ratio: ceil(ratio * total).
std::int64_t warmupSteps(double warmup_ratio, std::int64_t total_steps);

// torch.nn.utils.clip_grad_norm_ (norm 2): returns the total norm before clipping; scales grads
// by max_norm / (norm + 1e-6) when that is below 1. max_norm <= 0: only measures.
double clipGradNorm(const std::vector<torch::Tensor>& params, double max_norm);

}  // namespace stllava::training
