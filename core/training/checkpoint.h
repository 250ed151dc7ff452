// Training checkpoints: one folder per saved step, written atomically and verified on load.
//   <output>/checkpoint-<step>/
//     trainable.safetensors   every trainable tensor by parameter name (LoRA adapters included)
//     optimizer.safetensors   AdamW state "<param>.exp_avg|.exp_avg_sq|.step"
//     rng.safetensors         "cpu" generator state (and "cuda" when present), uint8
//     state.json              step, epoch, data position, seeds, schedule, config echo
//     adapter/                PEFT adapter folder (when LoRA is used), for export
//     manifest.json           size and FNV-1a 64 checksum of every file above, written last
// The folder is written as a hidden temporary folder beside it (every file fsync'ed), then
// renamed into place and the parent folder fsync'ed: a crash leaves the previous checkpoint as it
// was. Folders are removed (keep_last, or replaced by one of the same step) by renaming them to a
// hidden name first, so a visible checkpoint-<step> folder is always complete; hidden folders of a
// process that is gone (a killed run's) are removed by the next write.
// Loading checks the manifest and refuses a checkpoint with a missing, resized or changed file.
#pragma once

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace stllava::training {

using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;

struct CheckpointData {
    NamedTensors trainable;
    NamedTensors optimizer;
    NamedTensors rng;
    nlohmann::json state;  // must hold "step"
};

// Writes <output_dir>/checkpoint-<step> (replacing one of the same step) and then deletes the
// oldest checkpoint folders so at most keep_last remain (keep_last <= 0 keeps all).
// `extra(dir)` may add files (e.g. the PEFT adapter) into the temporary folder before the manifest.
// Returns the final folder path. Throws std::runtime_error naming the folder on I/O errors.
std::string writeCheckpoint(const std::string& output_dir, std::int64_t step, const CheckpointData& data,
                            int keep_last, const std::function<void(const std::string& dir)>& extra = {});

// Removes the hidden working folders (".checkpoint-<step>.tmp-<pid>" / ".old-<pid>") whose process
// is gone: what a killed run left (a real model's are gigabytes). writeCheckpoint and the start of
// a training run call it.
void removeStaleWorkFolders(const std::string& output_dir);

// Verifies the manifest and reads everything. Throws std::runtime_error
// "checkpoint '<dir>' is corrupted: <file>: <what>" on any mismatch.
CheckpointData readCheckpoint(const std::string& dir);
// Only the manifest check (no tensors loaded).
void verifyCheckpoint(const std::string& dir);

// Checkpoint folders in output_dir, oldest first (by step); the newest is what resume uses.
std::vector<std::string> listCheckpoints(const std::string& output_dir);
std::string latestCheckpoint(const std::string& output_dir);  // "" when none

// Current generator states (CPU, and CUDA device 0..n when available) / restore them.
NamedTensors captureRngState();
void restoreRngState(const NamedTensors& rng);

}  // namespace stllava::training
