// Test helper: a scripted OpenAI-compatible endpoint on 127.0.0.1 (a real TCP server in the test's
// event loop). Each request is answered by `script` (status, headers, body, delay, or a dropped
// connection); the server records every request and counts the most requests it held at once.
// HTTP/1.1 with Content-Length bodies and keep-alive: enough for Qt's client; not a general server.
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>

namespace fakeapi {

struct Request {
    QByteArray method, path;
    QHash<QByteArray, QByteArray> headers;  // names lower-cased
    QByteArray body;
    qint64 arrived_ms = 0;
};

struct Reply {
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    int delay_ms = 0;
    bool drop = false;      // close the connection without answering
    bool truncate = false;  // announce the full length, send half, close
    bool never = false;     // hold the request forever (the client's timeout must fire)
};

// A chat.completions body whose message is `content`.
inline QByteArray chatBody(const QString& content, int prompt_tokens = 1000, int completion_tokens = 50) {
    QJsonObject message{{"role", "assistant"}, {"content", content}};
    QJsonObject choice{{"index", 0}, {"message", message}, {"finish_reason", "stop"}};
    QJsonObject usage{{"prompt_tokens", prompt_tokens},
                      {"completion_tokens", completion_tokens},
                      {"total_tokens", prompt_tokens + completion_tokens}};
    QJsonObject root{{"id", "chatcmpl-test"},
                     {"object", "chat.completion"},
                     {"model", "judge"},
                     {"choices", QJsonArray{choice}},
                     {"usage", usage}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

inline Reply scores(const QString& content, int delay_ms = 0) {
    Reply r;
    r.body = chatBody(content);
    r.delay_ms = delay_ms;
    return r;
}

class Server : public QObject {
public:
    using Script = std::function<Reply(const Request&, int index)>;

    explicit Server(Script script) : m_script(std::move(script)) {
        m_clock.start();
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                QObject::connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
                QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return m_server.serverPort(); }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1/v1").arg(port()); }
    const QList<Request>& requests() const { return m_requests; }
    int count() const { return static_cast<int>(m_requests.size()); }
    int inFlight() const { return m_inFlight; }
    int maxInFlight() const { return m_maxInFlight; }
    void setScript(Script s) { m_script = std::move(s); }

private:
    void onData(QTcpSocket* s) {
        QByteArray& buf = m_buffers[s];
        buf += s->readAll();
        for (;;) {
            const int end = buf.indexOf("\r\n\r\n");
            if (end < 0) return;
            const QList<QByteArray> lines = buf.left(end).split('\n');
            Request req;
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            req.method = first.value(0);
            req.path = first.value(1);
            qsizetype length = 0;
            for (int i = 1; i < lines.size(); ++i) {
                const int colon = lines[i].indexOf(':');
                if (colon < 0) continue;
                const QByteArray name = lines[i].left(colon).trimmed().toLower();
                req.headers.insert(name, lines[i].mid(colon + 1).trimmed());
                if (name == "content-length") length = lines[i].mid(colon + 1).trimmed().toLongLong();
            }
            if (buf.size() < end + 4 + length) return;
            req.body = buf.mid(end + 4, length);
            buf.remove(0, end + 4 + length);
            req.arrived_ms = m_clock.elapsed();
            const int index = static_cast<int>(m_requests.size());
            m_requests.append(req);
            ++m_inFlight;
            m_maxInFlight = std::max(m_maxInFlight, m_inFlight);
            const Reply reply = m_script(req, index);
            QPointer<QTcpSocket> socket(s);
            if (reply.never) return;  // held: counted in flight until the client gives up
            QTimer::singleShot(reply.delay_ms, this, [this, socket, reply] { respond(socket, reply); });
        }
    }

    void respond(QPointer<QTcpSocket> s, const Reply& r) {
        --m_inFlight;
        if (!s || s->state() != QAbstractSocket::ConnectedState) return;
        if (r.drop) {
            s->disconnectFromHost();
            return;
        }
        QByteArray out =
            "HTTP/1.1 " + QByteArray::number(r.status) + " X\r\nContent-Type: application/json\r\n";
        for (const auto& [name, value] : r.headers) out += name + ": " + value + "\r\n";
        out += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
        out += r.truncate ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
        out += r.truncate ? r.body.left(r.body.size() / 2) : r.body;
        s->write(out);
        if (r.truncate) {
            s->flush();
            s->disconnectFromHost();
        }
    }

    Script m_script;
    QTcpServer m_server;
    QElapsedTimer m_clock;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<Request> m_requests;
    int m_inFlight = 0, m_maxInFlight = 0;
};

}  // namespace fakeapi
