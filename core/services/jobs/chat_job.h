// One chat answer at a time, generated on a long-lived worker thread (GPT4All's chatllm pattern: the
// engine is a QObject on its own QThread, stop is an atomic flag). Text arrives on the GUI thread as
// it is generated: the worker appends each delta to a buffer and posts one notification while none
// is pending, so the GUI gets every token when it keeps up and a few tokens at once when it does not
// (the event queue never floods). Stop sets the session's CancelToken, which the engine checks at
// every decode step: generation ends within one token.
#pragma once

#include "pipeline/llava_session.h"
#include "services/jobs/chat_outcome.h"
#include "services/jobs/endpoint_chat.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThread>

#include <memory>

namespace stllava::jobs {

// What answers: a local model (a session) or an OpenAI-compatible endpoint, as the chat shows it.
struct ChatBackendInfo {
    bool ready = false;      // something can answer
    bool endpoint = false;   // an endpoint, not a local model
    bool hasVision = false;  // images go with the question (an endpoint: assumed; it says otherwise)
    QString model;           // model folder, or "name @ host" for an endpoint
    QString digest, adapter, adapterDigest, templateName, device;
};

class ChatJob : public QObject {
    Q_OBJECT
public:
    explicit ChatJob(QObject* parent = nullptr);
    ~ChatJob() override;  // stops a running answer and joins the worker thread

    // A session or an endpoint answers, whichever was set last.
    void setSession(std::shared_ptr<pipeline::LlavaSession> session);
    const std::shared_ptr<pipeline::LlavaSession>& session() const { return m_session; }
    void setEndpoint(const EndpointSource& source);
    bool usesEndpoint() const { return m_useEndpoint; }
    ChatBackendInfo backendInfo() const;

    // False (and nothing happens) with nothing to answer or while an answer is running.
    bool start(const pipeline::Request& request);
    void stop();
    bool isRunning() const { return m_running; }
    qint64 tokensSoFar() const;  // text pieces received by the worker in the running answer

Q_SIGNALS:
    void started();
    void textArrived(const QString& text);
    void finished(const stllava::jobs::ChatOutcome& outcome);
    void failed(const QString& message);

private:
    struct Stream;
    void takePending();

    QThread m_thread;
    QObject* m_worker = nullptr;  // lives on m_thread
    std::shared_ptr<pipeline::LlavaSession> m_session;
    std::shared_ptr<Stream> m_stream;  // the running answer's buffer and flags (shared with the worker)
    bool m_running = false;
    EndpointChat* m_endpointChat;
    EndpointSource m_endpoint;
    bool m_useEndpoint = false;
};

}  // namespace stllava::jobs

