// The studio's chat through an OpenAI-compatible endpoint (EndpointChat), against a scripted server
// on 127.0.0.1 (tests/fixtures/fake_openai_server.h):
//   - a streamed answer arrives piece by piece and ends with the server's usage; the request carries
//     the bearer key, the displayed pixels as a PNG without text chunks, and nothing of the file;
//   - an API key the server quotes back in an error body (JSON or plain text, as some proxies do)
//     never reaches the error text the chat shows: it reads "[API key]";
//   - a connection dropped without an answer is a clear error naming the host.
#include "fixtures/fake_openai_server.h"

#include "services/jobs/endpoint_chat.h"

#include <QSignalSpy>
#include <QtTest>

using namespace stllava;
using fakeapi::Reply;
using fakeapi::Request;
using fakeapi::Server;

namespace {

const QString kKey = QStringLiteral("sk-endpoint-SECRET-7731");

pipeline::Request askAboutImage() {
    pipeline::Request r;
    RgbImage px;
    px.width = 16;
    px.height = 12;
    px.pixels.assign(16 * 12 * 3, 0);
    for (std::size_t i = 0; i < px.pixels.size(); ++i) px.pixels[i] = static_cast<std::uint8_t>(i * 5);
    r.images.push_back(pipeline::ImageInput::pixels(px, "displayed-slice"));
    r.images.back().path = "/studies/patient_zqx/slice_0042.dcm";
    r.conversation.push_back({prompt::Role::User, "What is shown?"});
    r.sampling.max_new_tokens = 16;
    return r;
}

QByteArray sse(const QList<QByteArray>& payloads) {
    QByteArray out;
    for (const QByteArray& p : payloads) out += "data: " + p + "\n\n";
    return out;
}

struct Run {
    QStringList pieces;
    QList<jobs::ChatOutcome> finished;
    QStringList failed;
};

Run runChat(const jobs::EndpointSource& src, const pipeline::Request& request) {
    jobs::EndpointChat chat;
    Run run;
    QObject::connect(&chat, &jobs::EndpointChat::textArrived, [&](const QString& t) { run.pieces << t; });
    QObject::connect(&chat, &jobs::EndpointChat::finished,
                     [&](const jobs::ChatOutcome& o) { run.finished << o; });
    QObject::connect(&chat, &jobs::EndpointChat::failed, [&](const QString& m) { run.failed << m; });
    if (!chat.start(src, request)) {
        run.failed << QStringLiteral("start refused");
        return run;
    }
    QTest::qWaitFor([&] { return !run.finished.isEmpty() || !run.failed.isEmpty(); }, 20000);
    return run;
}

jobs::EndpointSource sourceOf(const Server& server) {
    jobs::EndpointSource src;
    src.baseUrl = server.baseUrl();
    src.model = QStringLiteral("served-model");
    src.apiKey = kKey;
    return src;
}

}  // namespace

class TestEndpointChat : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void streamedAnswerArrivesInPieces() {
        Server server([](const Request&, int) {
            Reply r;
            r.body = sse({R"({"choices":[{"index":0,"delta":{"role":"assistant"}}]})",
                          R"({"choices":[{"index":0,"delta":{"content":"Left "}}]})",
                          R"({"choices":[{"index":0,"delta":{"content":"lung."},"finish_reason":null}]})",
                          R"({"choices":[{"index":0,"delta":{},"finish_reason":"length"}]})",
                          R"({"choices":[],"usage":{"prompt_tokens":611,"completion_tokens":2}})", "[DONE]"});
            return r;
        });
        const Run run = runChat(sourceOf(server), askAboutImage());
        QVERIFY2(run.failed.isEmpty(), qPrintable(run.failed.join('\n')));
        QCOMPARE(run.finished.size(), 1);
        QCOMPARE(run.pieces.join(QString()), QStringLiteral("Left lung."));
        QCOMPARE(run.finished[0].text, QStringLiteral("Left lung."));
        QCOMPARE(run.finished[0].stopReason, QStringLiteral("max_tokens"));
        QCOMPARE(run.finished[0].promptTokens, qint64(611));
        QCOMPARE(run.finished[0].generatedTokens, qint64(2));

        QCOMPARE(server.count(), 1);
        const Request& req = server.requests()[0];
        QCOMPARE(req.path, QByteArray("/v1/chat/completions"));
        QCOMPARE(req.headers.value("authorization"), "Bearer " + kKey.toUtf8());
        const QJsonObject body = QJsonDocument::fromJson(req.body).object();
        QCOMPARE(body["model"].toString(), QStringLiteral("served-model"));
        QVERIFY(body["stream"].toBool());
        const QJsonArray parts = body["messages"].toArray()[0].toObject()["content"].toArray();
        QCOMPARE(parts.size(), 2);
        const QString url = parts[1].toObject()["image_url"].toObject()["url"].toString();
        QVERIFY(url.startsWith("data:image/png;base64,"));
        const QByteArray png = QByteArray::fromBase64(url.mid(22).toLatin1());
        QVERIFY(png.startsWith("\x89PNG"));
        for (const char* chunk : {"tEXt", "zTXt", "iTXt", "eXIf"}) QVERIFY2(!png.contains(chunk), chunk);
        QVERIFY(!req.body.contains("patient_zqx"));
        QVERIFY(!req.body.contains("slice_0042"));
    }

    void echoedKeyNeverInTheError_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("json");
        QTest::newRow("401 json") << 401 << true;
        QTest::newRow("500 text") << 500 << false;
        QTest::newRow("429 json") << 429 << true;
        QTest::newRow("403 text, key across byte 300") << 403 << false;
    }
    void echoedKeyNeverInTheError() {
        QFETCH(int, status);
        QFETCH(bool, json);
        Server server([status, json](const Request& req, int) {
            Reply r;
            r.status = status;
            const QByteArray auth = req.headers.value("authorization");
            // 403: the key straddles byte 300, where the error text is cut.
            const QByteArray padding = status == 403 ? QByteArray(250, '.') : QByteArray();
            r.body = json ? "{\"error\":{\"message\":\"rejected header Authorization: " + auth + "\"}}"
                          : "upstream refused " + padding + "(Authorization: " + auth + ")";
            return r;
        });
        const Run run = runChat(sourceOf(server), askAboutImage());
        QCOMPARE(run.failed.size(), 1);
        QVERIFY(run.finished.isEmpty());
        const QString& message = run.failed[0];
        QVERIFY2(!message.contains(kKey), qPrintable(message));
        QVERIFY2(!message.contains(kKey.left(8)), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("[API key]")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("HTTP %1").arg(status)), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("127.0.0.1")), qPrintable(message));
    }

    void keyQuotedInTheStreamNeverReachesTheChat() {
        Server server([](const Request& req, int) {
            const QByteArray auth = req.headers.value("authorization");
            Reply r;
            r.body = sse({R"({"choices":[{"index":0,"delta":{"role":"assistant"}}]})",
                          R"({"choices":[{"index":0,"delta":{"content":"You sent )" + auth + R"("}}]})",
                          R"({"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})", "[DONE]"});
            return r;
        });
        const Run run = runChat(sourceOf(server), askAboutImage());
        QCOMPARE(run.finished.size(), 1);
        QCOMPARE(run.finished[0].text, QStringLiteral("You sent Bearer [API key]"));
        QVERIFY(!run.pieces.join(QString()).contains(kKey));
    }

    void droppedConnectionIsAClearError() {
        Server server([](const Request&, int) {
            Reply r;
            r.drop = true;
            return r;
        });
        const Run run = runChat(sourceOf(server), askAboutImage());
        QCOMPARE(run.failed.size(), 1);
        QVERIFY2(run.failed[0].contains(QStringLiteral("127.0.0.1")), qPrintable(run.failed[0]));
        QVERIFY2(!run.failed[0].contains(kKey), qPrintable(run.failed[0]));
    }
};

QTEST_GUILESS_MAIN(TestEndpointChat)
#include "test_endpoint_chat.moc"
