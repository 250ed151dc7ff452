// The training engine: stage 1 (causal LM loss with question learning) and DPO over a
// LlavaForCausalLM, with gradient accumulation, data parallel (ProcessGroup), clipping, AdamW with
// a cosine schedule, checkpoints with exact resume, per-step progress, cancel and pause.
//
// Exact resume: the data order is a function of (seed, epoch), question learning of (seed, epoch,
// item), the learning rate of the step; checkpoints hold weights, optimiser moments and the
// generator state at a step boundary. A run interrupted at any micro-step and resumed reaches the
// same weights bit for bit (CPU, same thread count).
// Errors: std::runtime_error whose message names the step and the cause (NaN/inf loss, out of
// memory, a bad item); the last written checkpoint is never touched by a failing step.
#pragma once

#include "model/llava_model.h"
#include "tokenizer/tokenizer.h"
#include "training/checkpoint.h"
#include "training/collate.h"
#include "training/dataset.h"
#include "training/distributed.h"
#include "training/optim.h"
#include "training/train_config.h"
#include "training/train_progress.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace stllava::training {

// Applies the config's decoder/vision/projector modes: attaches LoRA adapters (decoder: q/k/v/o/
// gate/up/down under model.layers; vision: q/k/v/out_proj, fc1, fc2 under model.vision_tower) and
// sets requires_grad. Returns the number of trainable tensors.
int prepareModel(model::LlavaForCausalLMImpl& model, const TrainConfig& config);

// Peak resident memory of this process (VmHWM), in bytes; 0 where /proc is not available.
std::int64_t peakResidentBytes();

class Trainer {
public:
    // `group` may be null (one process). The model is trained in place.
    Trainer(model::LlavaForCausalLM model, const Tokenizer& tokenizer, TrainConfig config, ProcessGroup* group = nullptr);
    void setImageLoader(ImageLoader loader) { load_image_ = std::move(loader); }

    TrainResult trainSft(const InstructDataset& data, TrainControl& control, const TrainCallback& callback = {});
    TrainResult trainDpo(const PreferenceDataset& data, TrainControl& control, const TrainCallback& callback = {});

    // Reference log-probs [N, 2] (chosen, rejected) of the current model with adapters disabled,
    // from the disk cache when one matches (model digest, data digest, collation), else computed
    // (shared over ranks) and written by rank 0. `cache_hit` tells which.
    torch::Tensor referenceLogps(const PreferenceDataset& data, bool* cache_hit = nullptr);

    // Trainable parameters (deduplicated, tree order).
    const NamedTensors& trainable() const { return trainable_; }

private:
    struct Micro {  // one micro-batch's result
        torch::Tensor loss;  // scalar with grad
        double loss_value = 0.0;
        std::int64_t tokens = 0;
        double acc_sum = 0, margin_sum = 0, chosen_sum = 0, rejected_sum = 0;  // DPO sums over pairs
        std::int64_t pairs = 0;
    };
    using MicroFn = std::function<Micro(const std::vector<std::size_t>& items, std::int64_t epoch)>;
    TrainResult run(const std::string& stage, const std::vector<std::int64_t>& lengths, const MicroFn& micro,
                    TrainControl& control, const TrainCallback& callback);
    CollateOptions collateOptions() const;
    // Throws when a live DPO reference would drift (a trained tensor outside the LoRA adapters).
    void refuseDriftingLiveReference() const;
    void reportSkipped(const std::string& stage, const std::string& problems, const TrainCallback& callback) const;
    std::string saveCheckpoint(std::int64_t step, std::int64_t steps_per_epoch, const NamedTensors& rng, double loss,
                               AdamW& opt);

    model::LlavaForCausalLM model_;
    const Tokenizer& tok_;
    TrainConfig config_;
    ProcessGroup* group_;
    ImageLoader load_image_;
    NamedTensors trainable_;
    DataOptions data_options_;
};

}  // namespace stllava::training
