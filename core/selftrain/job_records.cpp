#include "selftrain/job_records.h"

#include "common/atomic_file.h"
#include "selftrain/jsonl.h"

#include <ctime>
#include <filesystem>
#include <stdexcept>

namespace stllava::selftrain {

using nlohmann::json;

std::string jobPath(const std::string& job_dir, const char* file) {
    return (std::filesystem::path(job_dir) / file).string();
}

std::string isoTimeNow() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &tm);
    std::string s = buf;  // +0200 -> +02:00
    if (s.size() >= 5) s.insert(s.size() - 2, ":");
    return s;
}

JobInfo readJobInfo(const std::string& job_dir) {
    const std::string path = jobPath(job_dir, kJobFile);
    json j;
    try {
        j = json::parse(readFile(path));
    } catch (const json::exception& e) {
        throw RecordError(path, 0, std::string("not valid JSON: ") + e.what());
    } catch (const std::runtime_error&) {
        throw RecordError(path, 0, "cannot be read (is '" + job_dir + "' a self-training job folder?)");
    }
    if (!j.is_object()) throw RecordError(path, 0, "not a JSON object");
    const RecordContext c{path, 0};
    JobInfo info;
    info.format = c.str(j, "format");
    if (info.format != kJobFormat)
        c.fail("format", "'" + info.format + "' is not " + kJobFormat + " (written by another version?)");
    if (j.contains("model")) info.model = j["model"];
    if (j.contains("settings")) info.settings = j["settings"];
    info.created = c.strOr(j, "created", "");
    return info;
}

void writeJobInfo(const std::string& job_dir, const JobInfo& info) {
    const json j = {{"format", info.format},
                    {"model", info.model},
                    {"settings", info.settings},
                    {"created", info.created}};
    writeFileAtomic(jobPath(job_dir, kJobFile), j.dump(2) + "\n");
}

json toJson(const GeneratedItem& it) {
    return {{"item_id", it.item_id},
            {"image", it.image},
            {"image_sha256", it.image_sha256},
            {"describe_prompt", it.describe_prompt},
            {"description", it.description},
            {"question_index", it.question_index},
            {"question", it.question},
            {"answers", it.answers},
            {"seeds", it.seeds},
            {"stop_reasons", it.stop_reasons}};
}

GeneratedItem generatedItemFromJson(const json& j, const std::string& file, std::size_t line) {
    const RecordContext c{file, line};
    GeneratedItem it;
    it.item_id = c.str(j, "item_id");
    it.image = c.str(j, "image");
    it.image_sha256 = c.strOr(j, "image_sha256", "");
    it.describe_prompt = c.strOr(j, "describe_prompt", kDescribePrompt);
    it.description = c.str(j, "description");
    it.question_index = static_cast<int>(c.integer(j, "question_index"));
    it.question = c.str(j, "question");
    it.answers = c.strings(j, "answers");
    if (j.contains("seeds")) {
        if (!j["seeds"].is_array()) c.fail("seeds", "expected a list of integers");
        for (const auto& s : j["seeds"]) {
            if (!s.is_number_integer()) c.fail("seeds", "expected a list of integers");
            it.seeds.push_back(s.get<long long>());
        }
    }
    if (j.contains("stop_reasons")) it.stop_reasons = c.strings(j, "stop_reasons");
    if (!it.seeds.empty() && it.seeds.size() != it.answers.size())
        c.fail("seeds", std::to_string(it.seeds.size()) + " seeds for " + std::to_string(it.answers.size()) +
                            " answers");
    return it;
}

std::vector<GeneratedItem> readItems(const std::string& job_dir) {
    const std::string path = jobPath(job_dir, kItemsFile);
    std::vector<GeneratedItem> items;
    readJsonl(path, [&](const json& j, std::size_t line) {
        items.push_back(generatedItemFromJson(j, path, line));
    });
    return items;
}

json toJson(const SkippedImage& s) {
    return {{"image", s.image}, {"reason", s.reason}};
}

std::vector<SkippedImage> readSkipped(const std::string& job_dir) {
    const std::string path = jobPath(job_dir, kSkippedFile);
    std::vector<SkippedImage> out;
    readJsonl(path, [&](const json& j, std::size_t line) {
        const RecordContext c{path, line};
        out.push_back({c.str(j, "image"), c.str(j, "reason")});
    });
    return out;
}

const char* orderName(AnswerOrder o) {
    return o == AnswerOrder::Forward ? "12" : "21";
}

AnswerOrder orderFromName(const std::string& name) {
    if (name == "12") return AnswerOrder::Forward;
    if (name == "21") return AnswerOrder::Swapped;
    throw std::invalid_argument("answer order '" + name + "' is neither \"12\" nor \"21\"");
}

const char* statusName(JudgeStatus s) {
    switch (s) {
        case JudgeStatus::Ok:
            return "ok";
        case JudgeStatus::Unparseable:
            return "unparseable";
        case JudgeStatus::Failed:
            return "failed";
    }
    return "failed";
}

JudgeStatus statusFromName(const std::string& name) {
    if (name == "ok") return JudgeStatus::Ok;
    if (name == "unparseable") return JudgeStatus::Unparseable;
    if (name == "failed") return JudgeStatus::Failed;
    throw std::invalid_argument("status '" + name + "' is not ok, unparseable or failed");
}

std::optional<double> Judgement::scoreOfAnswer(int answer) const {
    const bool first = (answer == 1) == (order == AnswerOrder::Forward);
    return first ? first_score : second_score;
}

json toJson(const Judgement& j) {
    json out = {
        {"item_id", j.item_id},
        {"order", orderName(j.order)},
        {"judge_model", j.judge_model},
        {"request_sha256", j.request_sha256},
        {"status", statusName(j.status)},
        {"reply", j.reply},
        {"first_score", j.first_score ? json(*j.first_score) : json()},
        {"second_score", j.second_score ? json(*j.second_score) : json()},
        {"score_answer1", j.scoreOfAnswer(1) ? json(*j.scoreOfAnswer(1)) : json()},
        {"score_answer2", j.scoreOfAnswer(2) ? json(*j.scoreOfAnswer(2)) : json()},
        {"rationale", j.rationale},
        {"problem", j.problem},
        {"http_status", j.http_status},
        {"attempts", j.attempts},
        {"cached", j.cached},
        {"latency_ms", j.latency_ms},
        {"request_bytes", j.request_bytes},
        {"response_bytes", j.response_bytes},
        {"usage",
         {{"prompt_tokens", j.usage.prompt_tokens}, {"completion_tokens", j.usage.completion_tokens}}},
        {"cost_usd", j.cost_usd ? json(*j.cost_usd) : json()},
        {"time", j.time}};
    return out;
}

Judgement judgementFromJson(const json& j, const std::string& file, std::size_t line) {
    const RecordContext c{file, line};
    Judgement out;
    out.item_id = c.str(j, "item_id");
    try {
        out.order = orderFromName(c.str(j, "order"));
    } catch (const std::invalid_argument& e) {
        c.fail("order", e.what());
    }
    try {
        out.status = statusFromName(c.str(j, "status"));
    } catch (const std::invalid_argument& e) {
        c.fail("status", e.what());
    }
    out.judge_model = c.strOr(j, "judge_model", "");
    out.request_sha256 = c.strOr(j, "request_sha256", "");
    out.reply = c.strOr(j, "reply", "");
    for (auto [field, slot] :
         {std::pair{"first_score", &out.first_score}, std::pair{"second_score", &out.second_score}}) {
        if (j.contains(field) && !j[field].is_null()) *slot = c.number(j, field);
    }
    if (out.status == JudgeStatus::Ok && (!out.first_score || !out.second_score))
        c.fail("first_score", "a judgement with status ok needs both scores");
    out.rationale = c.strOr(j, "rationale", "");
    out.problem = c.strOr(j, "problem", "");
    if (j.contains("http_status")) out.http_status = static_cast<int>(c.integer(j, "http_status"));
    if (j.contains("attempts")) out.attempts = static_cast<int>(c.integer(j, "attempts"));
    out.cached = j.value("cached", false);
    if (j.contains("latency_ms")) out.latency_ms = c.integer(j, "latency_ms");
    if (j.contains("request_bytes")) out.request_bytes = c.integer(j, "request_bytes");
    if (j.contains("response_bytes")) out.response_bytes = c.integer(j, "response_bytes");
    if (j.contains("usage") && j["usage"].is_object()) {
        const json& u = j["usage"];
        if (u.contains("prompt_tokens")) out.usage.prompt_tokens = c.integer(u, "prompt_tokens");
        if (u.contains("completion_tokens")) out.usage.completion_tokens = c.integer(u, "completion_tokens");
    }
    if (j.contains("cost_usd") && !j["cost_usd"].is_null()) out.cost_usd = c.number(j, "cost_usd");
    out.time = c.strOr(j, "time", "");
    return out;
}

std::vector<Judgement> readJudgements(const std::string& job_dir) {
    const std::string path = jobPath(job_dir, kJudgementsFile);
    std::vector<Judgement> out;
    readJsonl(path,
              [&](const json& j, std::size_t line) { out.push_back(judgementFromJson(j, path, line)); });
    return out;
}

std::string judgementKey(const std::string& item_id, AnswerOrder order) {
    return item_id + "|" + orderName(order);
}

}  // namespace stllava::selftrain
