// `stllava selftrain judge` as an object: reads the job folder, sends every item not yet judged
// (in both answer orders unless told otherwise) through a JudgeClient, and appends one Judgement
// per reply to judgements.jsonl (fsync per line), one audit line per attempt to judge_audit.jsonl
// (item, attempt, status, sizes, time; never pixels or keys), and a summary to judge_summary.json.
// Resumable: an (item, order) with an ok or unparseable judgement is never sent again; failed
// ones are retried. Runs on the thread that owns the client (an event loop).
#pragma once

#include "selftrain/job_records.h"
#include "selftrain/pricing.h"
#include "services/judge/judge_client.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <memory>
#include <string>
#include <vector>

namespace stllava::selftrain {
class JsonlWriter;
}

namespace stllava::judge {

inline constexpr const char* kAuditFile = "judge_audit.jsonl";
inline constexpr const char* kSummaryFile = "judge_summary.json";
inline constexpr const char* kCacheFile = "judge_cache.jsonl";

struct JudgeRunOptions {
    std::string job_dir;
    std::string judge_model = "gpt-4o";
    std::string endpoint_label;  // the URL without credentials, for the summary
    std::string rule;            // "" = the default rule
    bool both_orders = true;
    long long limit_items = 0;  // 0 = all; else at most this many items this run
    std::string image_root;     // relative image paths resolve against it ("" = as given)
    selftrain::PriceTable prices = selftrain::PriceTable::builtIn();
    double temperature = 0.2;
    int max_tokens = 512;
};

struct JudgePlan {
    long long items = 0;             // in items.jsonl
    long long requests_done = 0;     // (item, order) already judged (ok or unparseable)
    long long requests_to_send = 0;  // this run
    long long items_to_judge = 0;
    long long items_not_two_answers = 0;
};

struct JudgeProgress {
    long long done = 0, total = 0;  // requests of this run
    long long ok = 0, unparseable = 0, failed = 0, cached = 0, attempts = 0, retries = 0;
    long long prompt_tokens = 0, completion_tokens = 0;
    double cost_usd = 0.0;  // this run, priced replies only
    double elapsed_s = 0.0, eta_s = -1.0;
};

class JudgeRun : public QObject {
    Q_OBJECT
public:
    JudgeRun(JudgeRunOptions options, JudgeClient* client, QObject* parent = nullptr);
    ~JudgeRun() override;

    // Reads the job (throws selftrain::RecordError on a bad file) and works out what to send.
    JudgePlan plan();
    // The request body of the first request to send (for --dry-run); "" when nothing is left.
    std::string firstRequestText();
    void start();   // after plan(); done() follows (at once when there is nothing to send)
    void cancel();  // everything answered so far is kept; done(true) follows
    const JudgeProgress& progress() const { return m_progress; }

Q_SIGNALS:
    void progressed(const stllava::judge::JudgeProgress& progress);
    void done(bool cancelled);

private:
    struct Task {
        std::size_t item = 0;
        selftrain::AnswerOrder order = selftrain::AnswerOrder::Forward;
    };
    void feed();
    QByteArray imageDataUrl(const std::string& image);
    std::string imagePath(const std::string& image) const;
    void onFinished(const JudgeResponse& r);
    void onAttempted(const JudgeAttempt& a);
    void record(const selftrain::Judgement& j);
    void finishRun(bool cancelled);
    void writeSummary(bool cancelled);

    JudgeRunOptions m_options;
    JudgeClient* m_client;
    std::vector<selftrain::GeneratedItem> m_items;
    std::vector<Task> m_tasks;
    std::size_t m_next = 0;
    QHash<QString, Task> m_sent;  // call id -> task
    std::unique_ptr<selftrain::JsonlWriter> m_judgements, m_audit;
    std::string m_lastImage;
    QByteArray m_lastImageUrl;
    QElapsedTimer m_clock;
    std::string m_started;
    JudgeProgress m_progress;
    bool m_finished = false;
};

}  // namespace stllava::judge
