// The learned judge's training data: an SFT data set (LLaVA instruction JSON, the training reader's
// format) that teaches a model to answer the judge protocol as the demo's oracle would. For each
// item of a stage-2 job and each answer order, one conversation:
//   human: exactly the user turn `stllava serve` builds from the request our judge client sends
//          ("<image>\n" + selftrain::judgeUserContent(question, shown answers, rule));
//   gpt:   the clean oracle's two scores on the first line ("8 6"), then a one-sentence rationale.
// The items are split by image: the items of a held-out share of the images are left out of the
// data and written as a job of their own, so the learned judge is also measured on images it never
// saw. Plain C++ (no torch, no Qt).
#pragma once

#include "selftrain/job_records.h"
#include "selftrain/judge_protocol.h"
#include "synthetic/oracle.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace stllava::demo {

inline constexpr const char* kJudgeDataFormat = "stllava-demo-judge-data/1";
// Files written into JudgeDatasetOptions::out_dir.
inline constexpr const char* kJudgeSftFile = "judge-sft.json";         // the SFT data (train images)
inline constexpr const char* kJudgeDataManifest = "judge-data.json";   // what was written, and from what
inline constexpr const char* kJudgeTrainJob = "jobs/train";            // the trained-on items, unjudged
inline constexpr const char* kJudgeHeldOutJob = "jobs/heldout";        // the held-out items, unjudged

struct JudgeDatasetOptions {
    std::string job_dir;    // the stage-2 job (job.json, items.jsonl)
    std::string world_dir;  // the synthetic world its images come from (world.json)
    std::string out_dir;    // created when missing
    double holdout_share = 0.25;  // share of the job's images whose items are held out, in [0, 1)
    std::uint64_t seed = 1;       // chooses the held-out images
    std::string rule = selftrain::defaultJudgeRule();  // the rule the judge client will send
};

struct JudgeDatasetSummary {
    std::size_t items = 0, images = 0;
    std::size_t train_items = 0, heldout_items = 0, train_images = 0, heldout_images = 0;
    std::size_t records = 0;            // conversations in the SFT file (train items x both orders)
    std::size_t not_two_answers = 0;    // items left out: the judge compares exactly two answers
    std::size_t unmapped = 0;           // records whose question the oracle could not map
    std::size_t ties = 0;               // records with equal scores
    std::string sft_path, manifest_path, train_job, heldout_job;  // heldout_job "" when none held out
};

// The human turn of one item in one order: what `stllava serve` makes of the judge client's request.
std::string judgeTrainingTurn(const selftrain::GeneratedItem& item, selftrain::AnswerOrder order,
                              const std::string& rule);
// The gpt turn: "s1 s2\n" and a short rationale (the question's topic and the true answer, or why
// the question could not be mapped). selftrain::parseScores reads (s1, s2) back from it.
std::string learnedJudgeReply(const synthetic::PairScore& score);

// Throws std::invalid_argument for a share outside [0, 1), selftrain::RecordError for a malformed
// job, std::runtime_error naming the item when its image is not part of the world.
JudgeDatasetSummary writeJudgeDataset(const JudgeDatasetOptions& options);

}  // namespace stllava::demo
