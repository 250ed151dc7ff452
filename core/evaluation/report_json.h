// The evaluation report as JSON: metrics in percent (as the field reports them) with 95% intervals,
// breakdowns, per-question records, files with SHA-256, configuration and timing. Read back for
// `stllava report compare`.
#pragma once

#include "evaluation/eval_report.h"

#include <nlohmann/json.hpp>

#include <string>

namespace stllava::eval {

constexpr const char* kReportKind = "stllava-eval-report";
constexpr int kReportVersion = 1;

nlohmann::ordered_json reportToJson(const EvalReport& report);
// Metrics of one Summary (percent, with counts), as written under "metrics" and in breakdowns.
nlohmann::ordered_json summaryToJson(const metrics::Summary& s, const std::array<metrics::Interval, metrics::kMetricCount>* ci);

// Parses a report written by reportToJson (per-question records are required); the summary and
// breakdowns are recomputed from the questions. Throws InputError naming the file.
EvalReport reportFromJson(const std::string& text, const std::string& path);
EvalReport readReportJson(const std::string& path);
// The text of a report file; InputError naming the file when it cannot be read.
std::string readReportText(const std::string& path);

// Atomic write (core/common/atomic_file.h).
void writeReportJson(const EvalReport& report, const std::string& path);

}  // namespace stllava::eval
