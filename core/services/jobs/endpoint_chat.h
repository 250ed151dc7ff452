// One chat answer from an OpenAI-compatible endpoint (`stllava serve` on a GPU server, or any
// /v1/chat/completions service), streamed (server-sent events) on the GUI thread's event loop: no
// worker thread is needed for network I/O. The image goes as the displayed pixels only, re-encoded
// as PNG (no DICOM header can travel); a host other than this machine needs the user's consent.
#pragma once

#include "pipeline/request.h"
#include "services/jobs/chat_outcome.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;


namespace stllava::jobs {

struct EndpointSource {
    QString baseUrl;  // e.g. http://127.0.0.1:8080/v1 (".../chat/completions" is appended)
    QString model;    // the model name the endpoint serves
    QString apiKey;   // sent as a bearer token; never logged or stored
    bool allowRemote = false;  // consent to send de-identified pixels to a host other than this one

    bool isLoopback() const;
    QUrl completionsUrl() const;
};

// The OpenAI chat body for `request` (images as PNG data URLs on the first user message).
// Throws std::invalid_argument when an image is a file reference rather than displayed pixels.
QByteArray chatCompletionBody(const EndpointSource& source, const pipeline::Request& request, bool stream);

class EndpointChat : public QObject {
    Q_OBJECT
public:
    explicit EndpointChat(QObject* parent = nullptr);
    ~EndpointChat() override;

    // False when an answer is running. Problems (no consent, bad URL) arrive as failed().
    bool start(const EndpointSource& source, const pipeline::Request& request);
    void stop();  // the answer ends "cancelled" with the text so far
    bool isRunning() const { return m_reply != nullptr; }
    qint64 deltasSoFar() const { return m_deltas; }

Q_SIGNALS:
    void textArrived(const QString& text);
    void finished(const stllava::jobs::ChatOutcome& outcome);
    void failed(const QString& message);

private:
    void readEvents();
    void onFinished();
    void finishWith(const QString& stopReason);

    QNetworkAccessManager* m_net;
    QPointer<QNetworkReply> m_reply;
    EndpointSource m_source;
    bool m_hadImage = false;
    bool m_cancelled = false;
    QByteArray m_buffer;
    QString m_text;
    QString m_finishReason;
    qint64 m_deltas = 0;
    qint64 m_promptTokens = 0, m_completionTokens = 0;
    QElapsedTimer m_clock;
};

}  // namespace stllava::jobs
