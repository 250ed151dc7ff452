// One training stage end to end, the way `stllava train` and the studio's in-process runs do it:
// the config file read and checked, the model assembled for training through the session layer's
// assembly (any layout, a vision tower, a starting adapter merged), the data loaded and reported,
// SFT (with question learning) or DPO run with progress, cancel and pause, and the result saved in
// the output folder ready to use: `adapter/` (a PEFT folder; a starting adapter is stacked into
// it, so it applies to the original model) or `model/` (a full model folder). Data parallel when
// torchrun-style variables (RANK, WORLD_SIZE, ...) are set: then only rank 0 reports and saves.
// The header holds plain values only (no torch), so the studio's jobs can call it.
//
// Errors: InputError (the config or data file named) for bad input, std::runtime_error for a
// failing step (the last checkpoint stays intact). Cancel: TrainControl::cancel, checked before
// every micro-step; a checkpoint is written and the result says cancelled. Not reentrant on one
// output folder; two runs on two folders may go at once on different threads.
#pragma once

#include "training/dataset.h"
#include "training/train_progress.h"

#include <functional>
#include <string>

namespace stllava::pipeline {

struct TrainingRunHooks {
    std::function<void(const training::TrainProgress&)> progress;  // every event, "micro" included
    std::function<void(const training::DataReport&)> data;         // the data file's report, before training
    std::function<void(const std::string&)> note;                  // a human line (what was loaded, ...)
};

struct TrainingRunOutcome {
    training::TrainResult result;
    std::string saved;      // the adapter or model folder written ("" when cancelled or not rank 0)
    bool main_rank = true;  // this process is rank 0 (the one that reports and saves)
};

// `stage`: "sft" or "dpo". The hooks are called on the calling thread, by rank 0 only.
TrainingRunOutcome runTrainingStage(const std::string& stage, const std::string& config_path,
                                    training::TrainControl& control, const TrainingRunHooks& hooks);

}  // namespace stllava::pipeline
