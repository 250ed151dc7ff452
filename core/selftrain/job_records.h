// The self-training job folder, the interface between `selftrain generate`, `judge` and `pairs`
// (docs/self-training.md describes every field):
//   JOB/job.json          JobInfo: format tag, model provenance, settings, creation time
//   JOB/items.jsonl       GeneratedItem per question: the describe turn, the question, two answers
//   JOB/skipped.jsonl     SkippedImage: images that could not be read, with the reason
//   JOB/judgements.jsonl  Judgement per judge request (one answer order of one item)
//   JOB/pairs.*           written by `selftrain pairs`
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace stllava::selftrain {

inline constexpr const char* kJobFormat = "stllava-selftrain/1";
inline constexpr const char* kJobFile = "job.json";
inline constexpr const char* kItemsFile = "items.jsonl";
inline constexpr const char* kSkippedFile = "skipped.jsonl";
inline constexpr const char* kJudgementsFile = "judgements.jsonl";
inline constexpr const char* kDescribePrompt = "Can you describe the image in detail?";

std::string jobPath(const std::string& job_dir, const char* file);
// Local time as ISO 8601 with offset, e.g. "2024-06-10T14:03:22+02:00".
std::string isoTimeNow();

struct JobInfo {
    std::string format = kJobFormat;
    nlohmann::json model = nlohmann::json::object();     // provenance: folder, adapter, digests
    nlohmann::json settings = nlohmann::json::object();  // sampling settings, questions, seeds
    std::string created;
};
// Throws RecordError naming job.json and the field; an unknown format tag is an error.
JobInfo readJobInfo(const std::string& job_dir);
void writeJobInfo(const std::string& job_dir, const JobInfo& info);  // atomic

struct GeneratedItem {
    std::string item_id;  // "<image key>#q<k>"
    std::string image;    // the path as given to generate
    std::string image_sha256;
    std::string describe_prompt = kDescribePrompt;
    std::string description;
    int question_index = 0;
    std::string question;
    std::vector<std::string> answers;  // two, one per seed
    std::vector<long long> seeds;
    std::vector<std::string> stop_reasons;
};
nlohmann::json toJson(const GeneratedItem& item);
GeneratedItem generatedItemFromJson(const nlohmann::json& j, const std::string& file, std::size_t line);
std::vector<GeneratedItem> readItems(const std::string& job_dir);

struct SkippedImage {
    std::string image;
    std::string reason;
};
nlohmann::json toJson(const SkippedImage& s);
std::vector<SkippedImage> readSkipped(const std::string& job_dir);

// The order the two answers were shown in: "12" = (answer 1, answer 2), "21" = swapped.
enum class AnswerOrder { Forward, Swapped };
const char* orderName(AnswerOrder o);
AnswerOrder orderFromName(const std::string& name);  // throws std::invalid_argument

enum class JudgeStatus {
    Ok,           // the reply was parsed: both scores known
    Unparseable,  // a reply came but no two scores could be read from it (kept, counted)
    Failed,       // no usable reply (network, HTTP error after retries): asked again on resume
};
const char* statusName(JudgeStatus s);
JudgeStatus statusFromName(const std::string& name);  // throws std::invalid_argument

struct Usage {
    long long prompt_tokens = 0;
    long long completion_tokens = 0;
};

struct Judgement {
    std::string item_id;
    AnswerOrder order = AnswerOrder::Forward;
    std::string judge_model;
    std::string request_sha256;  // digest of the request body (the cache key)
    JudgeStatus status = JudgeStatus::Failed;
    std::string reply;                                // the judge's message text (empty when failed)
    std::optional<double> first_score, second_score;  // in the order shown
    std::string rationale;                            // the reply after the score line
    std::string problem;                              // why unparseable / failed
    int http_status = 0;
    int attempts = 0;
    bool cached = false;  // answered from the response cache (nothing paid)
    long long latency_ms = 0;
    long long request_bytes = 0, response_bytes = 0;
    Usage usage;
    std::optional<double> cost_usd;  // absent when the model has no configured price
    std::string time;

    // Scores of the original answer 1 and answer 2, whatever the order shown.
    std::optional<double> scoreOfAnswer(int answer) const;
};
nlohmann::json toJson(const Judgement& j);
Judgement judgementFromJson(const nlohmann::json& j, const std::string& file, std::size_t line);
std::vector<Judgement> readJudgements(const std::string& job_dir);

// "item_id|order": the unit of work of the judge (and of resume).
std::string judgementKey(const std::string& item_id, AnswerOrder order);

}  // namespace stllava::selftrain
