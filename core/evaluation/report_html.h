// The self-contained HTML report of one run: summary table, charts as inline SVG, breakdowns, and
// a per-question drill-down (filterable; each row opens to the normalised texts, all scores and,
// when a thumbnail source is given, the image as an inline base64 PNG).
#pragma once

#include "evaluation/eval_report.h"

#include <functional>
#include <string>

namespace stllava::eval {

// Returns a data URI ("data:image/png;base64,...") for an image path of the benchmark, or "" when
// none can be made. Optional: evaluation does not depend on the imaging module.
using ThumbnailFn = std::function<std::string(const std::string& image)>;

std::string reportToHtml(const EvalReport& report, const ThumbnailFn& thumbnail = {});
void writeReportHtml(const EvalReport& report, const std::string& path, const ThumbnailFn& thumbnail = {});  // atomic

}  // namespace stllava::eval
