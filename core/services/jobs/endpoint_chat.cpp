#include "services/jobs/endpoint_chat.h"

#include "imaging/raster_codecs.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <stdexcept>

namespace stllava::jobs {

namespace {

QString openAiRole(prompt::Role role) {
    switch (role) {
        case prompt::Role::System: return QStringLiteral("system");
        case prompt::Role::Assistant: return QStringLiteral("assistant");
        default: return QStringLiteral("user");
    }
}

QString stopReasonOf(const QString& finishReason) {
    if (finishReason == QLatin1String("length")) return QStringLiteral("max_tokens");
    if (finishReason == QLatin1String("stop") || finishReason.isEmpty()) return QStringLiteral("eos");
    return finishReason;
}

}  // namespace

bool EndpointSource::isLoopback() const {
    const QString host = QUrl(baseUrl).host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) return true;
    QHostAddress a;
    return a.setAddress(host) && a.isLoopback();
}

QUrl EndpointSource::completionsUrl() const {
    QString base = baseUrl.trimmed();
    while (base.endsWith(QLatin1Char('/'))) base.chop(1);
    return QUrl(base + QStringLiteral("/chat/completions"));
}

QByteArray chatCompletionBody(const EndpointSource& source, const pipeline::Request& request, bool stream) {
    QJsonArray messages;
    bool imagesPlaced = false;
    for (const auto& turn : request.conversation) {
        const QString text = QString::fromStdString(turn.text);
        if (turn.role == prompt::Role::User && !imagesPlaced && !request.images.empty()) {
            QJsonArray parts;
            parts.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}});
            for (const auto& image : request.images) {
                if (image.display.pixels.empty())
                    throw std::invalid_argument("an endpoint takes displayed pixels, not the file " + image.path);
                const std::vector<std::uint8_t> png = encodePng(image.display);
                const QByteArray b64 =
                    QByteArray(reinterpret_cast<const char*>(png.data()), static_cast<qsizetype>(png.size())).toBase64();
                parts.append(QJsonObject{
                    {QStringLiteral("type"), QStringLiteral("image_url")},
                    {QStringLiteral("image_url"),
                     QJsonObject{{QStringLiteral("url"), QStringLiteral("data:image/png;base64,") + QString::fromLatin1(b64)}}}});
            }
            messages.append(QJsonObject{{QStringLiteral("role"), openAiRole(turn.role)}, {QStringLiteral("content"), parts}});
            imagesPlaced = true;
        } else {
            messages.append(QJsonObject{{QStringLiteral("role"), openAiRole(turn.role)}, {QStringLiteral("content"), text}});
        }
    }
    const auto& s = request.sampling;
    QJsonObject body{{QStringLiteral("model"), source.model},
                     {QStringLiteral("messages"), messages},
                     {QStringLiteral("temperature"), s.isGreedy() ? 0.0 : s.temperature},
                     {QStringLiteral("top_p"), s.top_p},
                     {QStringLiteral("max_tokens"), s.max_new_tokens},
                     {QStringLiteral("seed"), static_cast<qint64>(s.seed & 0x7fffffffffffffffULL)},
                     {QStringLiteral("stream"), stream}};
    if (stream)
        body.insert(QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}});
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

EndpointChat::EndpointChat(QObject* parent) : QObject(parent), m_net(new QNetworkAccessManager(this)) {}

EndpointChat::~EndpointChat() {
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

bool EndpointChat::start(const EndpointSource& source, const pipeline::Request& request) {
    if (m_reply) return false;
    const QUrl url = source.completionsUrl();
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        Q_EMIT failed(tr("The endpoint '%1' is not an http:// or https:// address (Settings ▸ Model).").arg(source.baseUrl));
        return true;
    }
    if (!request.images.empty() && !source.isLoopback() && !source.allowRemote) {
        Q_EMIT failed(tr("Sending the image to %1 needs your consent: tick \"Allow sending de-identified images\" in "
                         "Settings ▸ Judge, or use an endpoint on this machine.")
                          .arg(url.host()));
        return true;
    }
    QByteArray body;
    try {
        body = chatCompletionBody(source, request, true);
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
        return true;
    }
    m_source = source;
    m_hadImage = !request.images.empty();
    m_cancelled = false;
    m_buffer.clear();
    m_text.clear();
    m_finishReason.clear();
    m_deltas = 0;
    m_promptTokens = m_completionTokens = 0;
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    req.setRawHeader("Accept", "text/event-stream");
    if (!source.apiKey.isEmpty()) req.setRawHeader("Authorization", "Bearer " + source.apiKey.toUtf8());
    req.setTransferTimeout(120000);
    m_clock.start();
    m_reply = m_net->post(req, body);
    connect(m_reply, &QNetworkReply::readyRead, this, &EndpointChat::readEvents);
    connect(m_reply, &QNetworkReply::finished, this, &EndpointChat::onFinished);
    return true;
}

void EndpointChat::stop() {
    if (!m_reply) return;
    m_cancelled = true;
    m_reply->abort();
}

void EndpointChat::readEvents() {
    if (!m_reply) return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 400) return;  // the error body is read whole in onFinished()
    m_buffer += m_reply->readAll();
    for (;;) {
        const int nl = m_buffer.indexOf('\n');
        if (nl < 0) break;
        QByteArray line = m_buffer.left(nl).trimmed();
        // A key quoted back in the answer (a proxy echoing headers) never reaches the chat or its export.
        if (!m_source.apiKey.isEmpty()) line.replace(m_source.apiKey.toUtf8(), QByteArrayLiteral("[API key]"));
        m_buffer.remove(0, nl + 1);
        if (!line.startsWith("data:")) continue;
        const QByteArray data = line.mid(5).trimmed();
        if (data == "[DONE]") continue;
        const QJsonObject event = QJsonDocument::fromJson(data).object();
        const QJsonObject usage = event.value(QStringLiteral("usage")).toObject();
        if (!usage.isEmpty()) {
            m_promptTokens = usage.value(QStringLiteral("prompt_tokens")).toInteger();
            m_completionTokens = usage.value(QStringLiteral("completion_tokens")).toInteger();
        }
        const QJsonArray choices = event.value(QStringLiteral("choices")).toArray();
        if (choices.isEmpty()) continue;
        const QJsonObject choice = choices.first().toObject();
        const QString delta = choice.value(QStringLiteral("delta")).toObject().value(QStringLiteral("content")).toString();
        if (!delta.isEmpty()) {
            m_text += delta;
            ++m_deltas;
            Q_EMIT textArrived(delta);
        }
        const QString reason = choice.value(QStringLiteral("finish_reason")).toString();
        if (!reason.isEmpty()) m_finishReason = reason;
    }
}

void EndpointChat::onFinished() {
    QNetworkReply* reply = m_reply;
    if (!reply) return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status > 0 && status < 400) readEvents();
    const QString host = m_source.completionsUrl().host();
    QString error;
    if (m_cancelled) {
        // Stop: the answer so far stands, as with a local model.
    } else if (status >= 400) {
        QByteArray body = reply->readAll();
        // A server may quote the request's headers back: the key never goes into an error text.
        if (!m_source.apiKey.isEmpty()) body.replace(m_source.apiKey.toUtf8(), QByteArrayLiteral("[API key]"));
        QString message = QJsonDocument::fromJson(body)
                              .object()
                              .value(QStringLiteral("error"))
                              .toObject()
                              .value(QStringLiteral("message"))
                              .toString();
        if (message.isEmpty()) message = QString::fromUtf8(body.left(300)).trimmed();
        error = tr("The endpoint %1 answered HTTP %2: %3").arg(host).arg(status).arg(message);
        if (status == 401 || status == 403)
            error += tr(" (check the API key: $STLLAVA_JUDGE_API_KEY, $OPENAI_API_KEY or the keychain)");
        else if (m_hadImage && message.contains(QLatin1String("image"), Qt::CaseInsensitive))
            error += tr(" — this endpoint's model cannot see images.");
    } else if (reply->error() != QNetworkReply::NoError) {
        error = tr("The endpoint %1 did not answer: %2").arg(host, reply->errorString());
    }
    reply->deleteLater();
    m_reply = nullptr;
    if (!error.isEmpty()) {
        Q_EMIT failed(error);
        return;
    }
    finishWith(m_cancelled ? QStringLiteral("cancelled") : stopReasonOf(m_finishReason));
}

void EndpointChat::finishWith(const QString& stopReason) {
    ChatOutcome out;
    out.text = m_text;
    out.stopReason = stopReason;
    out.generatedTokens = m_completionTokens > 0 ? m_completionTokens : m_deltas;
    out.promptTokens = m_promptTokens;
    out.seconds = m_clock.elapsed() / 1000.0;
    out.tokensPerSecond = out.seconds > 0 ? out.generatedTokens / out.seconds : 0.0;
    Q_EMIT finished(out);
}

}  // namespace stllava::jobs
