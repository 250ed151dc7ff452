// `stllava demo run`: the whole STLLaVA-Med pipeline on the synthetic world, from nothing:
//   world -> tokenizer -> initial model -> stage 1 (SFT with question learning, v1_sq) -> evaluation
//   on VQA-RAD / SLAKE / PathVQA shaped benchmarks -> stage-2 generation on the unlabeled pool ->
//   oracle judge (both orders) -> preference pairs -> DPO from the stage-1 weights -> evaluation ->
//   report comparing the stages with confidence intervals.
// Every phase writes into DIR and ends by writing DIR/phases/<phase>.json (its timing and figures);
// a rerun skips a phase whose record exists and resumes an unfinished one (training from its last
// checkpoint, generation, judging and evaluation from their append-only files). A phase that runs
// again removes the records of every later phase (their inputs changed). DIR/demo.json holds the
// scale and seed; a rerun with others is refused. No torch in this header.
#pragma once

#include "common/cancel_token.h"
#include "demo/demo_report.h"
#include "demo/demo_settings.h"
#include "synthetic/oracle.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace stllava::demo {

struct DemoEvent {
    enum class Kind { PhaseStart, PhaseDone, PhaseSkipped, Progress };
    Kind kind = Kind::Progress;
    std::string phase;
    int index = 0, phases = 0;  // position of the phase (1-based) and their number
    std::int64_t done = 0, total = 0;
    double seconds = 0.0;  // PhaseDone: the phase's time; Progress: time in the phase so far
    std::string detail;    // a short summary (PhaseDone) or the progress line's figures
};

struct DemoRunOptions {
    std::string out_dir;
    DemoSettings settings;
    std::uint64_t seed = 1;
    // Torch's intra-op threads for the whole run (0: torch's default, one per core). One thread by
    // default: on the project's 2-core machine, shared with other jobs, two threads ran the demo's
    // small matrices 6 times slower than one (docs/demo.md).
    int threads = 1;
    // The judge of stage 2: the clean oracle, or (set) the noisy one that flips and ties a share of
    // the pairs as a real judge's mistakes would ("oracle-noisy"; recorded in demo.json).
    std::optional<synthetic::NoiseConfig> judge_noise;
    std::function<void(const DemoEvent&)> on_event;
    const CancelToken* cancel = nullptr;  // stops within the current step; the phase resumes on rerun
};

struct DemoResult {
    bool cancelled = false;
    std::vector<BenchmarkComparison> comparisons;
    std::string report_html;
    double seconds = 0.0;                              // this run's wall time
    nlohmann::json phases = nlohmann::json::object();  // every phase's record (this and earlier runs)
};

// The phase names in order.
const std::vector<std::string>& demoPhases();

// Throws InputError for an output folder holding another scale / seed, std::runtime_error (with the
// phase named) for failures inside a phase.
DemoResult runDemo(const DemoRunOptions& options);

}  // namespace stllava::demo
