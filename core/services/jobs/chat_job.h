// One chat answer at a time, generated on a long-lived worker thread (GPT4All's chatllm pattern: the
// engine is a QObject on its own QThread, stop is an atomic flag). Text arrives on the GUI thread as
// it is generated: the worker appends each delta to a buffer and posts one notification while none
// is pending, so the GUI gets every token when it keeps up and a few tokens at once when it does not
// (the event queue never floods). Stop sets the session's CancelToken, which the engine checks at
// every decode step: generation ends within one token.
#pragma once

#include "pipeline/llava_session.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThread>

#include <memory>

namespace stllava::jobs {

struct ChatOutcome {
    QString text;
    QString stopReason;  // "eos", "stop_string", "max_tokens", "cancelled"
    qint64 generatedTokens = 0;
    qint64 promptTokens = 0;
    double seconds = 0.0;
    double tokensPerSecond = 0.0;
    int deltasAfterStop = 0;  // text pieces the worker produced after Stop was pressed (<= 1)
};

class ChatJob : public QObject {
    Q_OBJECT
public:
    explicit ChatJob(QObject* parent = nullptr);
    ~ChatJob() override;  // stops a running answer and joins the worker thread

    void setSession(std::shared_ptr<pipeline::LlavaSession> session);
    const std::shared_ptr<pipeline::LlavaSession>& session() const { return m_session; }

    // False (and nothing happens) without a session or while an answer is running.
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
};

}  // namespace stllava::jobs

Q_DECLARE_METATYPE(stllava::jobs::ChatOutcome)
