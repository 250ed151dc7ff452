// What a training run reports and how it is steered, as plain values (no torch): the per-step
// progress the trainer calls back with, the flags a UI or a signal handler sets to cancel or pause
// it, and the result. Shared by the trainer, `stllava train` and the studio's in-process runs.
#pragma once

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

}  // namespace stllava::training
