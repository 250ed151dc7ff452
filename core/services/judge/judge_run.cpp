#include "services/judge/judge_run.h"

#include "common/atomic_file.h"
#include "selftrain/jsonl.h"
#include "selftrain/judge_protocol.h"
#include "selftrain/pair_stats.h"
#include "selftrain/score_parser.h"
#include "services/judge/judge_image.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTimer>

#include <filesystem>
#include <unordered_set>

namespace stllava::judge {

namespace st = stllava::selftrain;
using nlohmann::json;

namespace {

QString fileSha256(const std::string& path) {
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) return QString();
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}

QString callId(const std::string& item_id, st::AnswerOrder order) {
    return QString::fromStdString(st::judgementKey(item_id, order));
}

}  // namespace

JudgeRun::JudgeRun(JudgeRunOptions options, JudgeClient* client, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_client(client) {
    if (m_options.rule.empty()) m_options.rule = st::defaultJudgeRule();
    connect(m_client, &JudgeClient::finished, this, &JudgeRun::onFinished);
    connect(m_client, &JudgeClient::attempted, this, &JudgeRun::onAttempted);
}

JudgeRun::~JudgeRun() = default;

JudgePlan JudgeRun::plan() {
    st::readJobInfo(m_options.job_dir);  // a folder that is not a job fails here, by name
    m_items = st::readItems(m_options.job_dir);
    std::unordered_set<std::string> done;
    for (const auto& j : st::readJudgements(m_options.job_dir))
        if (j.status != st::JudgeStatus::Failed) done.insert(st::judgementKey(j.item_id, j.order));
    JudgePlan plan;
    plan.items = static_cast<long long>(m_items.size());
    m_tasks.clear();
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        const auto& item = m_items[i];
        if (item.answers.size() != 2) {
            ++plan.items_not_two_answers;
            continue;
        }
        bool any = false;
        for (st::AnswerOrder order : {st::AnswerOrder::Forward, st::AnswerOrder::Swapped}) {
            if (order == st::AnswerOrder::Swapped && !m_options.both_orders) continue;
            if (done.count(st::judgementKey(item.item_id, order))) {
                ++plan.requests_done;
                continue;
            }
            if (m_options.limit_items > 0 && plan.items_to_judge >= m_options.limit_items && !any) break;
            m_tasks.push_back({i, order});
            any = true;
        }
        if (any) ++plan.items_to_judge;
    }
    plan.requests_to_send = static_cast<long long>(m_tasks.size());
    m_progress = {};
    m_progress.total = plan.requests_to_send;
    return plan;
}

std::string JudgeRun::imagePath(const std::string& image) const {
    if (m_options.image_root.empty() || std::filesystem::path(image).is_absolute()) return image;
    return (std::filesystem::path(m_options.image_root) / image).string();
}

QByteArray JudgeRun::imageDataUrl(const std::string& image) {
    if (image != m_lastImage || m_lastImageUrl.isEmpty()) {
        m_lastImageUrl = deidentifiedPngDataUrl(QString::fromStdString(imagePath(image)));
        m_lastImage = image;
    }
    return m_lastImageUrl;
}

std::string JudgeRun::firstRequestText() {
    if (m_tasks.empty()) return "";
    const Task& t = m_tasks.front();
    const auto spec =
        st::judgeRequestFor(m_items[t.item], t.order, m_options.judge_model, m_options.rule, "");
    return st::judgeUserContent(spec.question, spec.first_answer, spec.second_answer, spec.rule);
}

void JudgeRun::start() {
    m_judgements = std::make_unique<st::JsonlWriter>(st::jobPath(m_options.job_dir, st::kJudgementsFile));
    m_audit = std::make_unique<st::JsonlWriter>(st::jobPath(m_options.job_dir, kAuditFile));
    m_clock.start();
    m_started = st::isoTimeNow();
    QTimer::singleShot(0, this, &JudgeRun::feed);
}

void JudgeRun::feed() {
    if (m_finished) return;
    // Keep a few requests queued beyond what may fly, so the client never waits for us; building a
    // request (reading and encoding its image) happens only just before it is needed.
    const int lookahead = 8;
    while (!m_client->cancelled() && m_next < m_tasks.size() && m_client->pending() < lookahead) {
        const Task task = m_tasks[m_next++];
        const st::GeneratedItem& item = m_items[task.item];
        st::Judgement failed;
        failed.item_id = item.item_id;
        failed.order = task.order;
        failed.judge_model = m_options.judge_model;
        failed.status = st::JudgeStatus::Failed;
        try {
            if (!item.image_sha256.empty() && item.image != m_lastImage) {
                const QString digest = fileSha256(imagePath(item.image));
                if (digest != QString::fromStdString(item.image_sha256))
                    throw std::runtime_error(
                        imagePath(item.image) + ": " +
                        (digest.isEmpty() ? "cannot be read" : "changed since generate (sha256 differs)"));
            }
            const auto spec = st::judgeRequestFor(item, task.order, m_options.judge_model, m_options.rule,
                                                  imageDataUrl(item.image).toStdString());
            st::JudgeRequestSpec s = spec;
            s.temperature = m_options.temperature;
            s.max_tokens = m_options.max_tokens;
            const QString id = callId(item.item_id, task.order);
            m_sent.insert(id, task);
            m_client->submit({id, QByteArray::fromStdString(st::judgeRequestBody(s))});
        } catch (const std::exception& e) {
            failed.problem = e.what();
            failed.time = st::isoTimeNow();
            record(failed);
        }
    }
    if (m_next >= m_tasks.size() && m_client->pending() == 0) finishRun(false);
}

void JudgeRun::onAttempted(const JudgeAttempt& a) {
    if (!m_audit) return;
    if (a.outcome != "cached") ++m_progress.attempts;
    if (a.outcome == "retry" || a.outcome == "timeout") ++m_progress.retries;
    const auto task = m_sent.constFind(a.id);
    json line = {{"item_id", task != m_sent.constEnd() ? m_items[task->item].item_id : a.id.toStdString()},
                 {"order", task != m_sent.constEnd() ? st::orderName(task->order) : ""},
                 {"attempt", a.attempt},
                 {"outcome", a.outcome.toStdString()},
                 {"http_status", a.http_status},
                 {"error", a.error.toStdString()},
                 {"request_bytes", a.request_bytes},
                 {"response_bytes", a.response_bytes},
                 {"elapsed_ms", a.elapsed_ms},
                 {"retry_in_ms", a.retry_in_ms},
                 {"time", st::isoTimeNow()}};
    m_audit->append(line);
}

void JudgeRun::onFinished(const JudgeResponse& r) {
    const auto it = m_sent.constFind(r.id);
    if (it == m_sent.constEnd()) return;
    const Task task = *it;
    m_sent.erase(it);
    st::Judgement j;
    j.item_id = m_items[task.item].item_id;
    j.order = task.order;
    j.judge_model = m_options.judge_model;
    j.request_sha256 = r.request_digest.toStdString();
    j.http_status = r.http_status;
    j.attempts = r.attempts;
    j.cached = r.from_cache;
    j.latency_ms = r.latency_ms;
    j.request_bytes = r.request_bytes;
    j.response_bytes = r.body.size();
    j.time = st::isoTimeNow();
    if (!r.ok) {
        j.status = st::JudgeStatus::Failed;
        j.problem = r.error.toStdString();
    } else {
        const st::JudgeReply reply = st::parseJudgeResponse(r.body.toStdString());  // checked by the client
        j.reply = reply.content;
        j.usage = reply.usage;
        j.cost_usd = r.from_cache ? std::optional<double>(0.0)
                                  : m_options.prices.cost(m_options.judge_model, reply.usage);
        const st::ParsedScores scores = st::parseScores(reply.content);
        if (scores.ok) {
            j.status = st::JudgeStatus::Ok;
            j.first_score = scores.first;
            j.second_score = scores.second;
            j.rationale = scores.rationale;
        } else {
            j.status = st::JudgeStatus::Unparseable;
            j.problem = scores.problem +
                        (reply.finish_reason == "length" ? " (the reply was cut at max_tokens)" : "");
        }
    }
    record(j);
    feed();
}

void JudgeRun::record(const st::Judgement& j) {
    m_judgements->append(st::toJson(j));
    ++m_progress.done;
    if (j.status == st::JudgeStatus::Ok)
        ++m_progress.ok;
    else if (j.status == st::JudgeStatus::Unparseable)
        ++m_progress.unparseable;
    else
        ++m_progress.failed;
    if (j.cached) {
        ++m_progress.cached;
    } else {
        m_progress.prompt_tokens += j.usage.prompt_tokens;
        m_progress.completion_tokens += j.usage.completion_tokens;
        if (j.cost_usd) m_progress.cost_usd += *j.cost_usd;
    }
    m_progress.elapsed_s = static_cast<double>(m_clock.elapsed()) / 1000.0;
    const long long left = m_progress.total - m_progress.done;
    m_progress.eta_s = m_progress.done > 0 ? m_progress.elapsed_s / static_cast<double>(m_progress.done) *
                                                 static_cast<double>(left)
                                           : -1.0;
    Q_EMIT progressed(m_progress);
}

void JudgeRun::cancel() {
    if (m_finished) return;
    m_client->cancel();
    finishRun(true);
}

void JudgeRun::finishRun(bool cancelled) {
    if (m_finished) return;
    m_finished = true;
    m_progress.elapsed_s = m_clock.isValid() ? static_cast<double>(m_clock.elapsed()) / 1000.0 : 0.0;
    writeSummary(cancelled);
    Q_EMIT done(cancelled);
}

void JudgeRun::writeSummary(bool cancelled) {
    const auto judgements = st::readJudgements(m_options.job_dir);
    const auto decisions = st::decidePairs(m_items, judgements);
    const JudgeProgress& p = m_progress;
    const json summary = {
        {"judge_model", m_options.judge_model},
        {"endpoint", m_options.endpoint_label},
        {"both_orders", m_options.both_orders},
        {"run",
         {{"started", m_started},
          {"finished", st::isoTimeNow()},
          {"cancelled", cancelled},
          {"seconds", p.elapsed_s},
          {"requests_planned", p.total},
          {"judgements_written", p.done},
          {"ok", p.ok},
          {"unparseable", p.unparseable},
          {"failed", p.failed},
          {"from_cache", p.cached},
          {"http_attempts", p.attempts},
          {"retries", p.retries},
          {"prompt_tokens", p.prompt_tokens},
          {"completion_tokens", p.completion_tokens},
          {"cost_usd", p.cost_usd},
          {"priced", m_options.prices.find(m_options.judge_model).has_value()},
          {"judgements_per_second", p.elapsed_s > 0 ? static_cast<double>(p.done) / p.elapsed_s : 0.0}}},
        {"job_totals", st::toJson(st::totalJudgements(judgements))},
        {"order_bias", st::toJson(st::measureBias(decisions))}};
    writeFileAtomic(st::jobPath(m_options.job_dir, kSummaryFile), summary.dump(2) + "\n");
}

}  // namespace stllava::judge
