// A training run's progress as the JSON lines of `stllava train --json` (one object per event:
// "data", "step", "checkpoint", "reference", "skipped", "done"). The command line prints them and
// the studio's in-process runs hand the same objects to the same parser as a child's output, so
// both ways of running show identical events.
#pragma once

#include "training/dataset.h"
#include "training/train_progress.h"

#include <nlohmann/json.hpp>

namespace stllava::training {

nlohmann::json progressJson(const TrainProgress& p);  // "step" and the other per-step events
nlohmann::json dataReportJson(const DataReport& r);   // {"event":"data", path, total, usable, issues}
nlohmann::json doneJson(const TrainResult& r);        // the last line

}  // namespace stllava::training
