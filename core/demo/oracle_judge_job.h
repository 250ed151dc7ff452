// The oracle judge as a self-training job step: reads JOB/items.jsonl, scores every item in both
// answer orders (or one) against the hidden findings of the synthetic world (synthetic/oracle.h),
// and appends to JOB/judgements.jsonl exactly the records the HTTP judge writes
// (selftrain/job_records.h: status "ok", the reply "s1 s2\nrationale" parsed by the same score
// parser, request_sha256 of the same request body with the judge model "oracle" / "oracle-noisy"),
// so `stllava selftrain pairs` and selftrain::decidePairs() take it as they take GPT-4o's.
// Resume as the HTTP judge: an (item, order) already judged ok or unparseable is not judged again.
// Plain C++ (no torch, no Qt, no network).
#pragma once

#include "common/cancel_token.h"
#include "common/progress.h"
#include "synthetic/oracle.h"

#include <cstddef>
#include <optional>
#include <string>

namespace stllava::demo {

struct OracleJudgeOptions {
    std::string job_dir;
    std::string world_dir;  // the synthetic world the job's images come from (world.json)
    bool both_orders = true;
    std::optional<synthetic::NoiseConfig> noise;  // set: the noisy variant ("oracle-noisy")
    ProgressFn progress;                          // done/total requests, about every 64
    const CancelToken* cancel = nullptr;          // checked between items
};

struct OracleJudgeStats {
    std::size_t items = 0, requests = 0, already_judged = 0, judged = 0;
    std::size_t unmapped = 0;  // requests whose question the oracle could not map (generic scores)
    std::size_t noisy = 0;     // requests the noisy variant flipped or tied
    bool cancelled = false;
};

inline constexpr const char* kOracleJudgeModel = "oracle";
inline constexpr const char* kNoisyOracleJudgeModel = "oracle-noisy";

// Throws selftrain::RecordError for a malformed job file, std::runtime_error naming the item when
// its image is not part of the world or its findings cannot be read.
OracleJudgeStats runOracleJudge(const OracleJudgeOptions& options);

}  // namespace stllava::demo
