#include "services/judge/judge_client.h"

#include "selftrain/judge_protocol.h"
#include "services/judge/response_cache.h"

#include <QDateTime>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>

namespace stllava::judge {

QUrl JudgeEndpoint::completionsUrl() const {
    QUrl url = base_url;
    QString path = url.path();
    while (path.endsWith('/')) path.chop(1);
    if (!azure_api_version.isEmpty()) {
        url.setPath(path + "/openai/deployments/" + model + "/chat/completions");
        QUrlQuery q;
        q.addQueryItem("api-version", azure_api_version);
        url.setQuery(q);
        return url;
    }
    if (path.endsWith("/chat/completions")) return url;
    url.setPath((path.isEmpty() ? QStringLiteral("/v1") : path) + "/chat/completions");
    return url;
}

qint64 parseRetryAfter(const QByteArray& value) {
    const QByteArray v = value.trimmed();
    if (v.isEmpty()) return -1;
    bool ok = false;
    const double seconds = v.toDouble(&ok);
    if (ok) return seconds < 0 ? -1 : static_cast<qint64>(std::ceil(seconds * 1000.0));
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (!when.isValid()) return -1;
    return std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when));
}

JudgeClient::JudgeClient(JudgeEndpoint endpoint, JudgeClientOptions options, ResponseCache* cache,
                         QObject* parent)
    : QObject(parent), m_endpoint(std::move(endpoint)), m_options(options), m_cache(cache) {
    m_options.concurrency = std::max(1, m_options.concurrency);
    m_options.max_attempts = std::max(1, m_options.max_attempts);
    m_clock.start();
    m_wake = new QTimer(this);
    m_wake->setSingleShot(true);
    connect(m_wake, &QTimer::timeout, this, &JudgeClient::pump);
    connect(&m_network, &QNetworkAccessManager::finished, this, &JudgeClient::onFinished);
}

JudgeClient::~JudgeClient() {
    m_cancelled = true;
    for (auto it = m_inFlight.begin(); it != m_inFlight.end(); ++it) it->reply->abort();
}

int JudgeClient::pending() const {
    return static_cast<int>(m_ready.size()) + m_waiting + inFlight();
}

void JudgeClient::submit(JudgeCall call) {
    if (m_cancelled) return;
    Task task;
    task.digest = requestDigest(call.body);
    task.call = std::move(call);
    if (m_cache) {
        if (auto body = m_cache->find(task.digest)) {
            JudgeAttempt a;
            a.id = task.call.id;
            a.outcome = "cached";
            a.http_status = 200;
            a.request_bytes = task.call.body.size();
            a.response_bytes = body->size();
            Q_EMIT attempted(a);
            JudgeResponse r;
            r.id = task.call.id;
            r.request_digest = task.digest;
            r.ok = true;
            r.http_status = 200;
            r.body = *body;
            r.from_cache = true;
            r.request_bytes = task.call.body.size();
            Q_EMIT finished(r);
            return;
        }
    }
    m_ready.push_back(std::move(task));
    pump();
}

void JudgeClient::wakeAt(qint64 when_ms) {
    const qint64 delay = std::max<qint64>(0, when_ms - m_clock.elapsed());
    if (!m_wake->isActive() || m_wake->remainingTime() > delay) m_wake->start(static_cast<int>(delay));
}

void JudgeClient::pump() {
    while (!m_cancelled && !m_ready.empty() && inFlight() < m_options.concurrency) {
        const qint64 now = m_clock.elapsed();
        if (now < m_pausedUntil) {
            wakeAt(m_pausedUntil);
            return;
        }
        if (m_options.requests_per_minute > 0) {
            while (!m_sendTimes.empty() && now - m_sendTimes.front() >= m_options.rate_window_ms)
                m_sendTimes.pop_front();
            if (static_cast<int>(m_sendTimes.size()) >= m_options.requests_per_minute) {
                wakeAt(m_sendTimes.front() + m_options.rate_window_ms);
                return;
            }
        }
        Task task = std::move(m_ready.front());
        m_ready.pop_front();
        send(std::move(task));
    }
}

void JudgeClient::send(Task task) {
    QNetworkRequest request(m_endpoint.completionsUrl());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("User-Agent", QByteArrayLiteral("stllava/" STLLAVA_VERSION));
    if (!m_endpoint.api_key.isEmpty()) {
        if (!m_endpoint.azure_api_version.isEmpty())
            request.setRawHeader("api-key", m_endpoint.api_key.toUtf8());
        else
            request.setRawHeader("Authorization", "Bearer " + m_endpoint.api_key.toUtf8());
    }
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    const qint64 now = m_clock.elapsed();
    if (task.started_ms < 0) task.started_ms = now;
    ++task.attempts;
    m_sendTimes.push_back(now);
    Flight flight;
    flight.sent_ms = now;
    flight.reply = m_network.post(request, task.call.body);
    flight.task = std::move(task);
    flight.timer = new QTimer(this);
    flight.timer->setSingleShot(true);
    QNetworkReply* reply = flight.reply;
    connect(flight.timer, &QTimer::timeout, this, [this, reply] {
        auto it = m_inFlight.find(reply);
        if (it == m_inFlight.end()) return;
        it->timed_out = true;
        reply->abort();  // finished() follows with OperationCanceledError
    });
    flight.timer->start(m_options.timeout_ms);
    m_inFlight.insert(reply, std::move(flight));
}

qint64 JudgeClient::backoffMs(int attempts) {
    const double exp = std::min<double>(m_options.backoff_max_ms,
                                        m_options.backoff_base_ms * std::pow(2.0, std::max(0, attempts - 1)));
    std::uniform_real_distribution<double> jitter(0.5, 1.0);
    return static_cast<qint64>(exp * jitter(m_rng));
}

void JudgeClient::onFinished(QNetworkReply* reply) {
    reply->deleteLater();
    auto it = m_inFlight.find(reply);
    if (it == m_inFlight.end()) return;
    Flight flight = std::move(*it);
    m_inFlight.erase(it);
    flight.timer->stop();
    flight.timer->deleteLater();
    if (m_cancelled) return;

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();  // aborted: closed
    // A server may quote the request's headers back (some proxies do): the key goes no further, not
    // into an error text, the response cache or the job's records.
    if (!m_endpoint.api_key.isEmpty()) body.replace(m_endpoint.api_key.toUtf8(), QByteArrayLiteral("[API key]"));
    JudgeAttempt a;
    a.id = flight.task.call.id;
    a.attempt = flight.task.attempts;
    a.http_status = status;
    a.request_bytes = flight.task.call.body.size();
    a.response_bytes = body.size();
    a.elapsed_ms = m_clock.elapsed() - flight.sent_ms;

    QString error;
    qint64 retry_after = -1;
    bool retryable = false;
    if (flight.timed_out) {
        error = QStringLiteral("no response within %1 ms").arg(m_options.timeout_ms);
        a.outcome = "timeout";
        retryable = true;
    } else if (status == 0 || (reply->error() != QNetworkReply::NoError && status < 400)) {
        error = QStringLiteral("network error: %1").arg(reply->errorString());
        retryable = true;
    } else if (status == 429 || status == 408 || status >= 500) {
        error = QStringLiteral("HTTP %1").arg(status);
        retry_after = parseRetryAfter(reply->rawHeader("Retry-After"));
        retryable = true;
    } else if (status < 200 || status >= 300) {
        error = QStringLiteral("HTTP %1: %2").arg(status).arg(QString::fromUtf8(body.left(300)));
    } else {
        try {
            selftrain::parseJudgeResponse(body.toStdString());
        } catch (const std::exception& e) {
            error = QStringLiteral("malformed response: %1").arg(QString::fromUtf8(e.what()));
            retryable = true;
        }
    }
    if (error.isEmpty()) {
        a.outcome = "ok";
        Q_EMIT attempted(a);
        if (m_cache) m_cache->store(flight.task.digest, body);
        finish(flight.task, true, status, body, QString());
    } else if (retryable && flight.task.attempts < m_options.max_attempts) {
        const qint64 delay = retry_after >= 0 ? std::min<qint64>(retry_after, m_options.max_retry_after_ms)
                                              : backoffMs(flight.task.attempts);
        if (a.outcome.isEmpty()) a.outcome = "retry";
        a.error = error;
        a.retry_in_ms = delay;
        Q_EMIT attempted(a);
        if (retry_after >= 0) m_pausedUntil = std::max(m_pausedUntil, m_clock.elapsed() + delay);
        ++m_waiting;
        Task task = std::move(flight.task);
        QTimer::singleShot(static_cast<int>(delay), this, [this, task]() mutable {
            --m_waiting;
            if (m_cancelled) return;
            m_ready.push_front(std::move(task));
            pump();
        });
    } else {
        a.outcome = retryable ? "gave_up" : "failed";
        a.error = error;
        Q_EMIT attempted(a);
        finish(flight.task, false, status, body,
               retryable
                   ? QStringLiteral("%1 (gave up after %2 attempts)").arg(error).arg(flight.task.attempts)
                   : error);
    }
    pump();
}

void JudgeClient::finish(const Task& task, bool ok, int http_status, const QByteArray& body,
                         const QString& error) {
    JudgeResponse r;
    r.id = task.call.id;
    r.request_digest = task.digest;
    r.ok = ok;
    r.http_status = http_status;
    r.body = body;
    r.error = error;
    r.attempts = task.attempts;
    r.latency_ms = m_clock.elapsed() - task.started_ms;
    r.request_bytes = task.call.body.size();
    Q_EMIT finished(r);
}

void JudgeClient::cancel() {
    if (m_cancelled) return;
    m_cancelled = true;
    m_ready.clear();
    m_wake->stop();
    const auto replies = m_inFlight.keys();
    for (QNetworkReply* reply : replies) reply->abort();
}

}  // namespace stllava::judge
