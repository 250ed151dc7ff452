// An asynchronous client for OpenAI-compatible /v1/chat/completions (OpenAI, Azure OpenAI, vLLM,
// llama.cpp's server, Ollama, `stllava serve`) on ONE QNetworkAccessManager, in the thread that
// owns it (no thread per request, no blocking wait):
//   - at most `concurrency` requests in flight, at most `requests_per_minute` started per window;
//   - retries on 429, 408, 5xx, timeouts, network errors and malformed bodies, with exponential
//     backoff and jitter; a Retry-After header (seconds or HTTP date) is honoured and pauses every
//     request, not only the one that got it; the number of attempts is bounded;
//   - a per-attempt timeout; a response cache keyed by the request body's digest;
//   - the API key goes into a header only; it is never logged or returned in an error.
// TLS verification is Qt's default (on) and cannot be turned off here.
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <deque>
#include <random>

class QNetworkReply;
class QTimer;

namespace stllava::judge {

class ResponseCache;

struct JudgeEndpoint {
    QUrl base_url;              // ".../v1" (or the full ".../chat/completions")
    QString model;              // the judge model (Azure: the deployment name)
    QString api_key;            // "" = none (local servers)
    QString azure_api_version;  // non-empty: Azure OpenAI (api-key header, api-version query)
    QUrl completionsUrl() const;
};

struct JudgeClientOptions {
    int concurrency = 4;
    int requests_per_minute = 0;  // 0 = no limit
    int rate_window_ms = 60000;   // the rpm window (tests shorten it)
    int max_attempts = 6;         // first try + 5 retries
    int backoff_base_ms = 1000;   // delay before retry k: min(max, base*2^(k-1)) * U(0.5, 1)
    int backoff_max_ms = 60000;
    int max_retry_after_ms = 600000;  // a larger Retry-After is capped
    int timeout_ms = 120000;          // per attempt
};

struct JudgeCall {
    QString id;       // the caller's key (item|order)
    QByteArray body;  // the JSON request body
};

// One attempt, for the audit log (no body, no pixels, no key).
struct JudgeAttempt {
    QString id;
    int attempt = 0;
    int http_status = 0;  // 0 when no HTTP status came (timeout, network error)
    QString outcome;      // "ok", "retry", "gave_up", "failed", "timeout", "cached", "cancelled"
    QString error;
    qint64 request_bytes = 0, response_bytes = 0, elapsed_ms = 0;
    qint64 retry_in_ms = 0;
};

struct JudgeResponse {
    QString id;
    QString request_digest;
    bool ok = false;  // a well-formed chat.completions response body
    int http_status = 0;
    QByteArray body;  // the response body (also on errors, for the record)
    QString error;    // why not ok
    int attempts = 0;
    bool from_cache = false;
    qint64 latency_ms = 0;  // first attempt start to the end
    qint64 request_bytes = 0;
};

class JudgeClient : public QObject {
    Q_OBJECT
public:
    JudgeClient(JudgeEndpoint endpoint, JudgeClientOptions options, ResponseCache* cache = nullptr,
                QObject* parent = nullptr);
    ~JudgeClient() override;

    void submit(JudgeCall call);  // answered through finished(), possibly from the cache at once
    int pending() const;          // submitted and not yet finished
    int inFlight() const { return static_cast<int>(m_inFlight.size()); }
    // Stops: queued calls are dropped, in-flight ones aborted; no finished() comes for them.
    void cancel();
    bool cancelled() const { return m_cancelled; }

Q_SIGNALS:
    void finished(const stllava::judge::JudgeResponse& response);
    void attempted(const stllava::judge::JudgeAttempt& attempt);

private:
    struct Task {
        JudgeCall call;
        QString digest;
        int attempts = 0;
        qint64 started_ms = -1;
    };
    struct Flight {
        Task task;
        QNetworkReply* reply = nullptr;
        QTimer* timer = nullptr;
        bool timed_out = false;
        qint64 sent_ms = 0;
    };

    void pump();
    void send(Task task);
    void onFinished(QNetworkReply* reply);
    void retryOrGiveUp(Task task, int http_status, const QString& error, qint64 retry_after_ms);
    void finish(const Task& task, bool ok, int http_status, const QByteArray& body, const QString& error);
    qint64 backoffMs(int attempts);
    void wakeAt(qint64 when_ms);

    JudgeEndpoint m_endpoint;
    JudgeClientOptions m_options;
    ResponseCache* m_cache;
    QNetworkAccessManager m_network;
    QElapsedTimer m_clock;
    std::deque<Task> m_ready;  // to send as soon as the limits allow
    int m_waiting = 0;         // tasks sleeping before a retry
    QHash<QNetworkReply*, Flight> m_inFlight;
    std::deque<qint64> m_sendTimes;  // starts inside the rpm window
    qint64 m_pausedUntil = 0;        // Retry-After pause for everyone
    QTimer* m_wake = nullptr;
    std::mt19937 m_rng{std::random_device{}()};
    bool m_cancelled = false;
};

// Retry-After as milliseconds from now (delta seconds or an HTTP date); -1 when absent or unreadable.
qint64 parseRetryAfter(const QByteArray& value);

}  // namespace stllava::judge
