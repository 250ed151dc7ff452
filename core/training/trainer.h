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

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace stllava::training {

struct TrainProgress {
    std::string event;  // "step", "micro" (after each micro-step), "checkpoint", "reference", "skipped"
    std::string stage;  // "sft" or "dpo"
    std::int64_t epoch = 0;
    std::int64_t step = 0;          // optimiser steps done
    std::int64_t total_steps = 0;
    std::int64_t micro_step = 0;    // micro-steps done in this run (this rank)
    double loss = 0.0;              // mean over the step's micro-batches and ranks
    double lr = 0.0;                // decoder group's learning rate used by the step
    double grad_norm = 0.0;         // before clipping
    double tokens_per_s = 0.0;      // all ranks
    double eta_s = 0.0;
    std::int64_t memory_bytes = 0;  // peak resident memory of this process
    // DPO only.
    double reward_accuracy = 0.0, margin = 0.0, chosen_reward = 0.0, rejected_reward = 0.0;
    std::string checkpoint;         // "checkpoint": the folder written
    std::string detail;             // "reference": "cache hit" / "computed"; "skipped": the items left out
};
using TrainCallback = std::function<void(const TrainProgress&)>;

// Shared with the UI / signal handler; checked before every micro-step.
struct TrainControl {
    std::atomic<bool> cancel{false};
    std::atomic<bool> pause{false};
};

struct TrainResult {
    std::int64_t steps = 0;         // optimiser steps done in total (including before a resume)
    std::int64_t resumed_from = 0;  // step of the checkpoint resumed from (0 = fresh)
    bool cancelled = false;
    std::string last_checkpoint;
    double last_loss = 0.0;
};

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
