// A report.json opened for viewing (the studio's Reports workspace): the per-question records read
// by report_json.h, the headline figures exactly as the file carries them (percent, with the 95%
// intervals it wrote), the benchmark it belongs to, and the figures where the file disagrees with
// what its own questions give. Plain C++ (no torch, no Qt).
#pragma once

#include "evaluation/eval_report.h"

#include <array>
#include <string>
#include <vector>

namespace stllava::eval {

// One entry of the report's "metrics" block, in percent as written.
struct CarriedFigure {
    std::string label;       // the metric's label, saying which scoring produced it
    bool has_value = false;  // false when the file wrote null (no question of that type)
    double value = 0;
    bool has_interval = false;
    double lo = 0, hi = 0;
    std::size_t n = 0;       // questions behind it
};

struct ReportFile {
    std::string path;
    std::string benchmark;  // "vqa-rad", "slake", "pathvqa", else the benchmark file's name
    EvalReport report;      // summary and breakdowns recomputed from the questions
    std::array<CarriedFigure, metrics::kMetricCount> carried{};  // indexed by metrics::Metric
    // Metrics whose carried value differs from the recomputed one by more than 0.01 points.
    std::vector<std::string> mismatches;

    const CarriedFigure& figure(metrics::Metric m) const { return carried[static_cast<std::size_t>(m)]; }
};

// Reads and checks a report; throws InputError naming the file and the field.
ReportFile readReportFile(const std::string& path);
ReportFile reportFileFromJson(const std::string& text, const std::string& path);

// The benchmark a report is about: its dataset format when that names one, else the benchmark
// file's path gives it (a PathVQA test.json in LLaVA-Med's format sits in a "pathvqa" folder),
// else the benchmark file's name.
std::string benchmarkOf(const EvalReport& report);

}  // namespace stllava::eval
