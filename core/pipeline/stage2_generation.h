// Stage 2 of STLLaVA-Med, the generation half: for every unlabeled image, the describe turn, then
// `questions` questions the model asks in the VUSER role ("... </s>VUSER:"), then one answer per
// seed (40 and 42 by default) to each question, with the paper's sampling settings by default
// (../shared/METHOD.md). Written to the job folder's items.jsonl (core/selftrain/job_records.h),
// appended and fsynced once per batch of images, so a killed job restarts where it stopped: images
// whose items are all written are not generated again, an image cut short is redone, a torn last
// line is repaired. Unreadable images go to skipped.jsonl with the reason; the job goes on.
// With several processes (RANK / WORLD_SIZE), image i belongs to rank i % WORLD_SIZE, which writes
// items.rank<R>.jsonl and skipped.rank<R>.jsonl; mergeStage2Shards() joins them into the job.
// No torch in this header.
#pragma once

#include "common/cancel_token.h"
#include "common/progress.h"
#include "generation/sampling_params.h"
#include "pipeline/llava_session.h"

#include <cstdint>
#include <string>
#include <vector>

namespace stllava::pipeline {

struct Stage2Options {
    std::vector<std::string> images;  // image files (DICOM or raster), in job order
    std::string job_dir;
    int questions = 5;
    std::vector<std::uint64_t> answer_seeds = {40, 42};
    std::uint64_t seed = 0;  // describe and question sampling seeds derive from it and the image
    SamplingParams describe = SamplingParams::stage2Answer(0);  // seed replaced per image
    SamplingParams question = SamplingParams::stage2Question(0);
    SamplingParams answer = SamplingParams::stage2Answer(0);  // seed replaced by answer_seeds
    int images_per_batch = 2;  // images generated together (their requests share a batch)
    int max_batch = 16;        // rows decoded together
    int rank = 0, world = 1;
    std::size_t limit = 0;                // 0: every image of the shard; else at most this many new images
    ProgressFn progress;                  // after each batch: done/total images of this shard
    const CancelToken* cancel = nullptr;  // stops within a decode step; the batch is then not written
};

struct Stage2Stats {
    std::size_t shard_images = 0, already_done = 0, generated_images = 0, skipped_images = 0,
                items_written = 0;
    std::size_t repaired_bytes = 0;
    std::int64_t generated_tokens = 0;
    double seconds = 0.0;
    bool cancelled = false;
};

// The items.jsonl / skipped.jsonl names a rank writes to.
std::string stage2ItemsFile(int rank, int world);
std::string stage2SkippedFile(int rank, int world);

// Writes job.json on the first run (model provenance, settings) and checks it on resume (a job
// started with other settings or another model is an InputError naming the field).
Stage2Stats runStage2Generation(LlavaSession& session, const Stage2Options& options);

// Joins items.rank*.jsonl and skipped.rank*.jsonl into items.jsonl / skipped.jsonl (atomic; the
// rank files stay). Returns the number of items. Throws InputError for duplicate item ids.
std::size_t mergeStage2Shards(const std::string& job_dir);

}  // namespace stllava::pipeline
