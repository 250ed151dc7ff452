// The demo's closing report: stage 1 against stage 2 on each benchmark, from the two runs' scored
// predictions (core/evaluation's compareReports: bootstrap intervals, McNemar on CLOSED hits, a
// paired bootstrap of the OPEN recall difference). Written as DIR/report/index.html (the table and
// each benchmark's full comparison), DIR/report/comparison.json, and returned for the console table.
// Plain C++ (no torch).
#pragma once

#include "evaluation/compare.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace stllava::demo {

struct BenchmarkRun {
    std::string name;          // "vqa-rad", "slake", "pathvqa"
    std::string benchmark;     // the benchmark file
    std::string format;        // readBenchmark format name
    std::string predictions1;  // stage 1 predictions (JSON lines)
    std::string predictions2;  // stage 2
};

struct BenchmarkComparison {
    std::string name;
    eval::Comparison comparison;
};

// Scores both runs of every benchmark and compares them. Throws InputError when predictions do not
// pair with their benchmark.
std::vector<BenchmarkComparison> compareStages(const std::vector<BenchmarkRun>& runs);

// Writes index.html and comparison.json into `dir`; `context` (settings, timings, pair counts) goes
// into both. Returns the index.html path.
std::string writeDemoReport(const std::string& dir, const std::vector<BenchmarkComparison>& rows,
                            const nlohmann::json& context);

// The console table: per benchmark, OPEN recall and CLOSED accuracy of both stages with 95% CIs, the
// difference and its test.
std::string comparisonTable(const std::vector<BenchmarkComparison>& rows);

}  // namespace stllava::demo
