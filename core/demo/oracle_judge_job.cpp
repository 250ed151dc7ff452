#include "demo/oracle_judge_job.h"

#include "common/sha256.h"
#include "demo/world_findings.h"
#include "selftrain/job_records.h"
#include "selftrain/jsonl.h"
#include "selftrain/judge_protocol.h"
#include "selftrain/score_parser.h"

#include <chrono>
#include <set>
#include <stdexcept>
#include <vector>

namespace stllava::demo {
namespace st = stllava::selftrain;

namespace {

st::Judgement judge(const synthetic::ImageFindings& f, const st::GeneratedItem& item, st::AnswerOrder order,
                    const OracleJudgeOptions& o, OracleJudgeStats& stats) {
    const auto t0 = std::chrono::steady_clock::now();
    const bool swapped = order == st::AnswerOrder::Swapped;
    const std::string& first = item.answers[swapped ? 1 : 0];
    const std::string& second = item.answers[swapped ? 0 : 1];
    const std::string model = o.noise ? kNoisyOracleJudgeModel : kOracleJudgeModel;
    const synthetic::PairScore s = o.noise
                                       ? synthetic::scorePairNoisy(f, item.question, first, second, *o.noise,
                                                                   st::judgementKey(item.item_id, order))
                                       : synthetic::scorePair(f, item.question, first, second);
    if (!s.mapped) ++stats.unmapped;
    if (s.noise != synthetic::NoiseKind::None) ++stats.noisy;

    // The same request the HTTP judge would send (text part; the oracle reads the findings, not the
    // pixels), so request_sha256 identifies the question and the answers in the order shown.
    const st::JudgeRequestSpec spec = st::judgeRequestFor(item, order, model, st::defaultJudgeRule(), "");
    const std::string body = st::judgeRequestBody(spec);
    const std::string reply = synthetic::judgeReplyText(s);
    const st::ParsedScores parsed = st::parseScores(reply);

    st::Judgement j;
    j.item_id = item.item_id;
    j.order = order;
    j.judge_model = model;
    j.request_sha256 = sha256Hex(body);
    j.reply = reply;
    j.request_bytes = static_cast<long long>(body.size());
    j.response_bytes = static_cast<long long>(reply.size());
    j.attempts = 1;
    if (parsed.ok) {
        j.status = st::JudgeStatus::Ok;
        j.first_score = parsed.first;
        j.second_score = parsed.second;
        j.rationale = parsed.rationale;
    } else {
        j.status = st::JudgeStatus::Unparseable;
        j.problem = parsed.problem;
    }
    j.cost_usd = 0.0;
    j.latency_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    j.time = st::isoTimeNow();
    return j;
}

}  // namespace

OracleJudgeStats runOracleJudge(const OracleJudgeOptions& o) {
    OracleJudgeStats stats;
    st::readJobInfo(o.job_dir);
    const std::vector<st::GeneratedItem> items = st::readItems(o.job_dir);
    stats.items = items.size();
    std::set<std::string> done;
    for (const auto& j : st::readJudgements(o.job_dir))
        if (j.status != st::JudgeStatus::Failed) done.insert(st::judgementKey(j.item_id, j.order));

    std::vector<st::AnswerOrder> orders = {st::AnswerOrder::Forward};
    if (o.both_orders) orders.push_back(st::AnswerOrder::Swapped);
    stats.requests = items.size() * orders.size();

    WorldFindings findings(o.world_dir);
    st::JsonlWriter out(st::jobPath(o.job_dir, st::kJudgementsFile));
    std::vector<nlohmann::json> batch;
    std::size_t finished = 0;
    const auto flush = [&] {
        if (!batch.empty()) out.append(batch);
        batch.clear();
    };
    for (const auto& item : items) {
        if (o.cancel && o.cancel->cancelled()) {
            stats.cancelled = true;
            break;
        }
        for (const auto order : orders) {
            ++finished;
            if (done.count(st::judgementKey(item.item_id, order))) {
                ++stats.already_judged;
                continue;
            }
            // Items without two answers are judged by nobody; pairs rejects them (not_two_answers).
            if (item.answers.size() != 2) continue;
            const synthetic::ImageFindings* f = nullptr;
            try {
                f = &findings.of(item);
            } catch (const std::exception& e) {
                throw std::runtime_error(std::string("oracle judge: ") + e.what());
            }
            batch.push_back(st::toJson(judge(*f, item, order, o, stats)));
            ++stats.judged;
        }
        if (batch.size() >= 64) {
            flush();
            if (o.progress && !o.progress({static_cast<std::int64_t>(finished),
                                           static_cast<std::int64_t>(stats.requests), "judging"})) {
                stats.cancelled = true;
                break;
            }
        }
    }
    flush();
    if (o.progress && !stats.cancelled)
        o.progress(
            {static_cast<std::int64_t>(finished), static_cast<std::int64_t>(stats.requests), "judging"});
    return stats;
}

}  // namespace stllava::demo
