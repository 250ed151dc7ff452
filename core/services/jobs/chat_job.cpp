#include "services/jobs/chat_job.h"

#include "services/jobs/job_tracker.h"

#include <QElapsedTimer>

#include <atomic>
#include <mutex>

namespace stllava::jobs {

struct ChatJob::Stream {
    CancelToken cancel;
    std::mutex mutex;
    std::string pending;  // guarded by mutex: UTF-8 bytes not yet shown
    std::atomic<bool> notified{false};
    std::atomic<qint64> deltas{0};
    std::atomic<int> deltasAfterStop{0};
};

ChatJob::ChatJob(QObject* parent) : QObject(parent), m_endpointChat(new EndpointChat(this)) {
    connect(m_endpointChat, &EndpointChat::textArrived, this, &ChatJob::textArrived);
    connect(m_endpointChat, &EndpointChat::finished, this, [this](const ChatOutcome& out) {
        m_running = false;
        Q_EMIT finished(out);
    });
    connect(m_endpointChat, &EndpointChat::failed, this, [this](const QString& message) {
        m_running = false;
        Q_EMIT failed(message);
    });
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("chat"));
    m_thread.start();
}

ChatJob::~ChatJob() {
    stop();
    m_thread.quit();
    m_thread.wait();
}

void ChatJob::setSession(std::shared_ptr<pipeline::LlavaSession> session) {
    m_session = std::move(session);
    if (m_session) m_useEndpoint = false;
}

void ChatJob::setEndpoint(const EndpointSource& source) {
    m_endpoint = source;
    m_useEndpoint = true;
    m_session.reset();  // the local model's memory goes back once no answer holds it
}

ChatBackendInfo ChatJob::backendInfo() const {
    ChatBackendInfo b;
    if (m_useEndpoint) {
        b.ready = true;
        b.endpoint = true;
        b.hasVision = true;
        b.model = m_endpoint.model + QStringLiteral(" @ ") + m_endpoint.completionsUrl().host();
        b.device = QStringLiteral("endpoint");
        return b;
    }
    if (!m_session) return b;
    const pipeline::ModelInfo& info = m_session->info();
    b.ready = true;
    b.hasVision = m_session->hasVision();
    b.model = QString::fromStdString(info.model_dir);
    b.digest = QString::fromStdString(info.digest);
    b.adapter = QString::fromStdString(info.adapter.path);
    b.adapterDigest = QString::fromStdString(info.adapter.digest);
    b.templateName = QString::fromStdString(info.template_name);
    b.device = QString::fromStdString(info.device);
    return b;
}

qint64 ChatJob::tokensSoFar() const {
    if (m_useEndpoint) return m_endpointChat->deltasSoFar();
    return m_stream ? m_stream->deltas.load() : 0;
}

void ChatJob::stop() {
    if (m_useEndpoint) m_endpointChat->stop();
    if (m_stream) m_stream->cancel.cancel();
}

void ChatJob::takePending() {
    if (!m_stream) return;
    std::string bytes;
    {
        std::lock_guard<std::mutex> lock(m_stream->mutex);
        bytes.swap(m_stream->pending);
        m_stream->notified.store(false);
    }
    if (!bytes.empty()) Q_EMIT textArrived(QString::fromStdString(bytes));
}

bool ChatJob::start(const pipeline::Request& request) {
    if (m_running) return false;
    if (m_useEndpoint) {
        m_running = true;
        Q_EMIT started();
        m_endpointChat->start(m_endpoint, request);  // problems come back as failed()
        return true;
    }
    if (!m_session) return false;
    m_running = true;
    auto stream = std::make_shared<Stream>();
    m_stream = stream;
    auto session = m_session;
    Q_EMIT started();
    QMetaObject::invokeMethod(
        m_worker,
        [this, stream, session, request] {
            QElapsedTimer clock;
            clock.start();
            auto onText = [this, stream](std::size_t, std::string_view delta) {
                if (stream->cancel.cancelled()) ++stream->deltasAfterStop;
                ++stream->deltas;
                {
                    std::lock_guard<std::mutex> lock(stream->mutex);
                    stream->pending.append(delta);
                }
                if (!stream->notified.exchange(true))
                    QMetaObject::invokeMethod(
                        this, [this] { takePending(); }, Qt::QueuedConnection);
                return true;
            };
            pipeline::GenerateSettings settings;
            settings.cancel = &stream->cancel;
            try {
                pipeline::GenerateStats stats;
                auto replies = session->generate({request}, onText, settings, &stats);
                ChatOutcome out;
                out.text = QString::fromStdString(replies.front().text);
                out.stopReason = QString::fromStdString(replies.front().stop_reason);
                out.generatedTokens = static_cast<qint64>(replies.front().tokens.size());
                out.promptTokens = replies.front().prompt_tokens;
                out.seconds = stats.seconds > 0 ? stats.seconds : clock.elapsed() / 1000.0;
                out.tokensPerSecond = out.seconds > 0 ? out.generatedTokens / out.seconds : 0.0;
                out.deltasAfterStop = stream->deltasAfterStop.load();
                QMetaObject::invokeMethod(
                    this,
                    [this, stream, out] {
                        if (m_stream != stream) return;
                        takePending();
                        m_running = false;
                        m_stream.reset();
                        Q_EMIT finished(out);
                    },
                    Qt::QueuedConnection);
            } catch (const std::exception& e) {
                const QString message = QString::fromStdString(e.what());
                qCWarning(lcJobs) << "chat generation failed:" << message;
                QMetaObject::invokeMethod(
                    this,
                    [this, stream, message] {
                        if (m_stream != stream) return;
                        takePending();
                        m_running = false;
                        m_stream.reset();
                        Q_EMIT failed(message);
                    },
                    Qt::QueuedConnection);
            }
        },
        Qt::QueuedConnection);
    return true;
}

}  // namespace stllava::jobs
