// Runs a question answerer over a benchmark and writes LLaVA-Med-format predictions (JSON lines):
// prompt variants, batches, resume (ids already in the output are skipped, a torn last line from an
// interrupted write is cut off; never a duplicate), one append + fsync per batch, progress/cancel,
// and sharding by RANK / WORLD_SIZE (question i goes to rank i % WORLD_SIZE). The answerer itself
// (the model, core/pipeline/benchmark_answerer.h) is a function, so this file needs no torch.
#pragma once

#include "common/progress.h"
#include "evaluation/benchmark.h"
#include "evaluation/predictions.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace stllava::eval {

enum class PromptVariant {
    Plain,        // the question as the benchmark states it
    ClosedYesNo,  // CLOSED questions get kYesNoOptions appended; OPEN ones stay plain
};
inline constexpr const char* kYesNoOptions = " Please choose from the following two options: [yes, no].";
const char* promptVariantName(PromptVariant v);                // "plain", "closed-yes-no"
PromptVariant promptVariantFromName(const std::string& name);  // throws std::invalid_argument

// The question text a variant gives the model for `item`.
std::string questionFor(const BenchmarkItem& item, PromptVariant variant);

struct AnswerRequest {
    const BenchmarkItem* item = nullptr;
    std::string question;  // after the prompt variant; the answerer adds the template and "<image>"
};
struct Answer {
    std::string text;
    nlohmann::json metadata = nlohmann::json::object();  // merged into the prediction's metadata
};
// Answers a batch (same order). Throws on failure; the batch is then not written.
using AnswerBatchFn = std::function<std::vector<Answer>(const std::vector<AnswerRequest>&)>;

struct Shard {
    int rank = 0, world = 1;
    // From torchrun's RANK / WORLD_SIZE or Slurm's SLURM_PROCID / SLURM_NTASKS (absent: 0 of 1;
    // common/launch_env.h); throws std::invalid_argument for non-numbers or rank outside [0, world).
    static Shard fromEnvironment();
};
// `out` itself for one process; with several, "{rank}" in `out` is replaced by the rank, or
// ".rank<R>" is appended.
std::string shardOutputPath(const std::string& out, const Shard& shard);

struct RunOptions {
    std::string out_path;  // the final path for this shard (see shardOutputPath)
    int batch = 8;
    Shard shard;
    PromptVariant variant = PromptVariant::Plain;
    std::string model_id;
    std::size_t limit = 0;  // 0: every question of the shard; else at most this many new answers
    ProgressFn progress;    // after each batch; returning false stops (throws Cancelled)
};

struct RunStats {
    std::size_t shard_questions = 0;  // questions this shard owns
    std::size_t already_done = 0;     // found in the output file and skipped
    std::size_t generated = 0;        // answered in this run
    std::size_t torn_bytes_dropped = 0;
    double seconds = 0;
};

// Throws InputError for an output file that holds predictions of other questions or duplicates,
// std::runtime_error for I/O errors, Cancelled when progress asked to stop.
RunStats runBenchmark(const Benchmark& benchmark, const AnswerBatchFn& answer, const RunOptions& options);

}  // namespace stllava::eval
