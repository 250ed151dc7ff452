// A report folder: report.json, report.html and questions.csv, each written atomically.
#pragma once

#include "evaluation/report_html.h"

#include <string>

namespace stllava::eval {

// Creates `dir` when needed. Throws std::runtime_error naming the file that could not be written.
void writeReportFolder(const EvalReport& report, const std::string& dir, const ThumbnailFn& thumbnail = {});

}  // namespace stllava::eval
