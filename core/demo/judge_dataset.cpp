#include "demo/judge_dataset.h"

#include "common/atomic_file.h"
#include "common/sha256.h"
#include "demo/world_findings.h"
#include "prompt/conversation.h"
#include "selftrain/jsonl.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

namespace stllava::demo {
namespace fs = std::filesystem;
namespace st = stllava::selftrain;
using json = nlohmann::json;

std::string judgeTrainingTurn(const st::GeneratedItem& item, st::AnswerOrder order, const std::string& rule) {
    // The same spec and text the judge client sends; the server puts "<image>\n" before the text
    // of the message that carries the image (server/openai_protocol.cpp).
    const st::JudgeRequestSpec spec = st::judgeRequestFor(item, order, "learned-judge", rule, "");
    return prompt::withImage(st::judgeUserContent(spec.question, spec.first_answer, spec.second_answer, spec.rule));
}

std::string learnedJudgeReply(const synthetic::PairScore& s) {
    const std::string why = s.mapped ? "The question is about " + s.topic + "; the true answer is " + s.truth + "."
                                     : "The question cannot be answered from the image's findings; both answers "
                                       "are scored on the findings they name.";
    return std::to_string(s.score1) + " " + std::to_string(s.score2) + "\n" + why;
}

namespace {

// The held-out images: the round(share x n) first in an order fixed by the seed (at least one
// image stays in training).
std::set<std::string> heldOutImages(const std::vector<st::GeneratedItem>& items, double share,
                                    std::uint64_t seed) {
    std::set<std::string> distinct;
    for (const auto& item : items) distinct.insert(item.image);
    std::vector<std::pair<std::string, std::string>> keyed;  // (hash, image)
    for (const auto& image : distinct) keyed.emplace_back(sha256Hex(std::to_string(seed) + "|" + image), image);
    std::sort(keyed.begin(), keyed.end());
    std::size_t n = static_cast<std::size_t>(std::llround(share * static_cast<double>(keyed.size())));
    if (n >= keyed.size()) n = keyed.empty() ? 0 : keyed.size() - 1;
    std::set<std::string> out;
    for (std::size_t i = 0; i < n; ++i) out.insert(keyed[i].second);
    return out;
}

void writeJob(const std::string& dir, const st::JobInfo& source, const std::string& split,
              const std::vector<st::GeneratedItem>& items) {
    fs::remove_all(dir);  // a rerun starts the split's job afresh: no stale judgements
    fs::create_directories(dir);
    st::JobInfo info = source;
    info.settings["learned_judge_split"] = split;
    st::writeJobInfo(dir, info);
    std::vector<json> lines;
    lines.reserve(items.size());
    for (const auto& item : items) lines.push_back(st::toJson(item));
    st::JsonlWriter(st::jobPath(dir, st::kItemsFile)).append(lines);
}

}  // namespace

JudgeDatasetSummary writeJudgeDataset(const JudgeDatasetOptions& o) {
    if (!(o.holdout_share >= 0.0 && o.holdout_share < 1.0))
        throw std::invalid_argument("held-out share " + std::to_string(o.holdout_share) + ": expected [0, 1)");
    const st::JobInfo info = st::readJobInfo(o.job_dir);
    const std::vector<st::GeneratedItem> items = st::readItems(o.job_dir);
    const std::set<std::string> held = heldOutImages(items, o.holdout_share, o.seed);

    JudgeDatasetSummary s;
    s.items = items.size();
    WorldFindings findings(o.world_dir);
    std::vector<st::GeneratedItem> train, heldout;
    std::set<std::string> train_images;
    json records = json::array();
    for (const auto& item : items) {
        if (item.answers.size() != 2) {
            ++s.not_two_answers;
            continue;
        }
        if (held.count(item.image)) {
            heldout.push_back(item);
            continue;
        }
        train.push_back(item);
        train_images.insert(item.image);
        const synthetic::ImageFindings& f = findings.of(item);
        for (const auto order : {st::AnswerOrder::Forward, st::AnswerOrder::Swapped}) {
            const bool swapped = order == st::AnswerOrder::Swapped;
            const synthetic::PairScore score =
                synthetic::scorePair(f, item.question, item.answers[swapped ? 1 : 0], item.answers[swapped ? 0 : 1]);
            if (!score.mapped) ++s.unmapped;
            if (score.score1 == score.score2) ++s.ties;
            records.push_back(
                {{"id", st::judgementKey(item.item_id, order)},
                 {"image", fs::absolute(item.image).lexically_normal().string()},
                 {"conversations",
                  json::array({{{"from", "human"}, {"value", judgeTrainingTurn(item, order, o.rule)}},
                               {{"from", "gpt"}, {"value", learnedJudgeReply(score)}}})}});
        }
    }
    s.images = train_images.size() + held.size();
    s.train_items = train.size();
    s.heldout_items = heldout.size();
    s.train_images = train_images.size();
    s.heldout_images = held.size();
    s.records = records.size();

    fs::create_directories(o.out_dir);
    s.sft_path = (fs::path(o.out_dir) / kJudgeSftFile).string();
    s.manifest_path = (fs::path(o.out_dir) / kJudgeDataManifest).string();
    s.train_job = (fs::path(o.out_dir) / kJudgeTrainJob).string();
    writeFileAtomic(s.sft_path, records.dump(1) + "\n");
    writeJob(s.train_job, info, "train", train);
    if (!heldout.empty()) {
        s.heldout_job = (fs::path(o.out_dir) / kJudgeHeldOutJob).string();
        writeJob(s.heldout_job, info, "heldout", heldout);
    } else {
        fs::remove_all(fs::path(o.out_dir) / kJudgeHeldOutJob);
    }
    const json manifest = {{"format", kJudgeDataFormat},
                           {"job", fs::absolute(o.job_dir).lexically_normal().string()},
                           {"world", fs::absolute(o.world_dir).lexically_normal().string()},
                           {"rule_sha256", sha256Hex(o.rule)},
                           {"holdout_share", o.holdout_share},
                           {"seed", o.seed},
                           {"items", s.items},
                           {"images", s.images},
                           {"train_items", s.train_items},
                           {"heldout_items", s.heldout_items},
                           {"train_images", s.train_images},
                           {"heldout_images", s.heldout_images},
                           {"records", s.records},
                           {"not_two_answers", s.not_two_answers},
                           {"unmapped_records", s.unmapped},
                           {"tied_records", s.ties},
                           {"sft", s.sft_path},
                           {"train_job", s.train_job},
                           {"heldout_job", s.heldout_job},
                           {"created", st::isoTimeNow()}};
    writeFileAtomic(s.manifest_path, manifest.dump(2) + "\n");
    return s;
}

}  // namespace stllava::demo
