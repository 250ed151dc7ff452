// The settings a training form starts from: the paper's (../shared/METHOD.md, the scripts of
// STLLaVA-Med) and the demo's (what `stllava demo run` trained with, read back from its phase
// records <root>/phases/stage1.json and dpo.json, key "config"). SFT and DPO presets are training
// configs as `stllava train` reads them; the generation preset holds the `selftrain generate`
// options by their long names without dashes ("questions", "seeds", "answer-tokens", ...) and the
// paths ("model", "images", "out").
#pragma once

#include "services/jobs/training_run_job.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace stllava::ui {

using TrainingKind = jobs::TrainingRunSpec::Kind;

// Stage 1: LoRA r=128/alpha=256 on the LLM, ViT LoRA r=32/alpha=64, lr 2e-4 (ViT 5e-5, projector
// 2e-5), 3 epochs, batch 8 x accumulation 4, warmup 3%, max length 2048, sq_r 0.5, v1_sq, bf16.
// DPO: the same LoRA, lr 5e-6 (ViT 2e-5, projector 2e-5), 1 epoch, batch 4 x 16, beta 0.1.
// Generation: 5 questions per image, answer seeds 40 and 42, 300 question / 1024 answer tokens.
QJsonObject paperPreset(TrainingKind kind);

// The demo's settings for `kind` from the demo folder `root`, with its paths (model, data, images,
// output folder) made absolute; nothing (and `error` says why, naming the file) when the demo has
// not run that phase yet or its record is unreadable. The output folder is a new one beside the
// demo's own (<root>/studio/<stage>), so a studio run never overwrites the demo's results.
std::optional<QJsonObject> demoPreset(const QString& root, TrainingKind kind, QString* error = nullptr);

}  // namespace stllava::ui
