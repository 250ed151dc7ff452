// The evaluation that makes a new model's report comparable with an earlier one: the same benchmark
// file, format, image folder, batch and answer length as the earlier report.json records (the image
// folder, which reports do not name, found where the Reports workspace finds a report's images).
// Reads the file: call it off the GUI thread.
#pragma once

#include "services/jobs/evaluation_run_job.h"

#include <QString>

#include <optional>

namespace stllava::ui {

// The spec for `model` (+ `adapter`) into `outDir`; nothing, with `error` naming the file and the
// problem, when the report cannot be read or its benchmark or images are not found.
std::optional<jobs::EvaluationSpec> evaluationLike(const QString& reportJson, const QString& model,
                                                   const QString& adapter, const QString& outDir, QString* error);

}  // namespace stllava::ui
