// The judge HTTP client against a scripted server on 127.0.0.1: retries (429 with Retry-After,
// 500, timeouts, dropped and truncated replies, malformed JSON) happen and are bounded; 4xx are
// not retried; the concurrency and rpm limits hold (counted at the server); the cache answers a
// repeated request without the server; headers carry the key (Bearer / Azure api-key).
#include "fixtures/fake_openai_server.h"
#include "services/judge/judge_client.h"
#include "services/judge/response_cache.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace jd = stllava::judge;
using fakeapi::Reply;
using fakeapi::Request;
using fakeapi::Server;

namespace {

jd::JudgeClientOptions fastOptions() {
    jd::JudgeClientOptions o;
    o.concurrency = 2;
    o.max_attempts = 3;
    o.backoff_base_ms = 20;
    o.backoff_max_ms = 100;
    o.timeout_ms = 10000;
    return o;
}

jd::JudgeEndpoint endpointOf(const Server& s, const QString& key = QString()) {
    jd::JudgeEndpoint e;
    e.base_url = QUrl(s.baseUrl());
    e.model = "judge-x";
    e.api_key = key;
    return e;
}

QByteArray body(int n) {
    return QByteArray("{\"model\":\"judge-x\",\"n\":") + QByteArray::number(n) + "}";
}

// Submits `n` calls and waits until all are finished; returns the responses by id.
QHash<QString, jd::JudgeResponse> runAll(jd::JudgeClient& client, int n, int timeout_ms = 30000) {
    QHash<QString, jd::JudgeResponse> out;
    QObject::connect(&client, &jd::JudgeClient::finished, &client,
                     [&out](const jd::JudgeResponse& r) { out.insert(r.id, r); });
    for (int i = 0; i < n; ++i) client.submit({QString::number(i), body(i)});
    if (!QTest::qWaitFor([&] { return out.size() == n; }, timeout_ms))
        qWarning("runAll: %lld of %d answered", static_cast<long long>(out.size()), n);
    return out;
}

}  // namespace

class TestJudgeClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void urls() {
        jd::JudgeEndpoint e;
        e.base_url = QUrl("http://127.0.0.1:8080/v1");
        QCOMPARE(e.completionsUrl().toString(), QString("http://127.0.0.1:8080/v1/chat/completions"));
        e.base_url = QUrl("http://127.0.0.1:8080");
        QCOMPARE(e.completionsUrl().toString(), QString("http://127.0.0.1:8080/v1/chat/completions"));
        e.base_url = QUrl("https://h/v1/chat/completions");
        QCOMPARE(e.completionsUrl().toString(), QString("https://h/v1/chat/completions"));
        e.base_url = QUrl("https://res.openai.azure.com/");
        e.model = "gpt4o-deploy";
        e.azure_api_version = "2024-06-01";
        QCOMPARE(e.completionsUrl().toString(),
                 QString("https://res.openai.azure.com/openai/deployments/gpt4o-deploy/chat/"
                         "completions?api-version=2024-06-01"));
    }

    void retryAfterParsing() {
        QCOMPARE(jd::parseRetryAfter("2"), 2000LL);
        QCOMPARE(jd::parseRetryAfter("0.5"), 500LL);
        QCOMPARE(jd::parseRetryAfter(""), -1LL);
        QCOMPARE(jd::parseRetryAfter("soon"), -1LL);
        const QByteArray date =
            QDateTime::currentDateTimeUtc().addSecs(30).toString(Qt::RFC2822Date).toLatin1();
        const qint64 ms = jd::parseRetryAfter(date);
        QVERIFY2(ms > 25000 && ms <= 30000, qPrintable(QString::number(ms)));
    }

    void okAndBearerKey() {
        Server server([](const Request&, int) { return fakeapi::scores("8 6\nfine"); });
        jd::JudgeClient client(endpointOf(server, "sk-test-123"), fastOptions());
        const auto out = runAll(client, 1);
        QCOMPARE(out.size(), 1);
        QVERIFY(out["0"].ok);
        QCOMPARE(out["0"].http_status, 200);
        QCOMPARE(out["0"].attempts, 1);
        QCOMPARE(server.count(), 1);
        const Request& r = server.requests()[0];
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.path, QByteArray("/v1/chat/completions"));
        QCOMPARE(r.headers.value("authorization"), QByteArray("Bearer sk-test-123"));
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(r.body, body(0));
    }

    void azureHeader() {
        Server server([](const Request&, int) { return fakeapi::scores("8 6"); });
        jd::JudgeEndpoint e = endpointOf(server, "azure-key-1");
        e.base_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
        e.azure_api_version = "2024-06-01";
        jd::JudgeClient client(e, fastOptions());
        QVERIFY(runAll(client, 1)["0"].ok);
        const Request& r = server.requests()[0];
        QCOMPARE(r.path, QByteArray("/openai/deployments/judge-x/chat/completions?api-version=2024-06-01"));
        QCOMPARE(r.headers.value("api-key"), QByteArray("azure-key-1"));
        QVERIFY(!r.headers.contains("authorization"));
    }

    void retryAfterHonoured() {
        Server server([](const Request&, int index) {
            if (index == 0) {
                Reply r;
                r.status = 429;
                r.body = R"({"error":{"message":"rate limited"}})";
                r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
                return r;
            }
            return fakeapi::scores("7 5");
        });
        jd::JudgeClient client(endpointOf(server), fastOptions());
        QSignalSpy attempts(&client, &jd::JudgeClient::attempted);
        const auto out = runAll(client, 1);
        QVERIFY(out["0"].ok);
        QCOMPARE(out["0"].attempts, 2);
        QCOMPARE(server.count(), 2);
        // the retry waited for the announced second (the backoff alone would be <= 100 ms)
        const qint64 gap = server.requests()[1].arrived_ms - server.requests()[0].arrived_ms;
        QVERIFY2(gap >= 1000, qPrintable(QString::number(gap)));
        QCOMPARE(attempts.count(), 2);
        const auto first = attempts.at(0).at(0).value<jd::JudgeAttempt>();
        QCOMPARE(first.http_status, 429);
        QCOMPARE(first.outcome, QString("retry"));
        QCOMPARE(first.retry_in_ms, 1000LL);
    }

    void serverErrorsBounded() {
        Server server([](const Request&, int) {
            Reply r;
            r.status = 500;
            r.body = "{}";
            return r;
        });
        jd::JudgeClient client(endpointOf(server), fastOptions());
        const auto out = runAll(client, 1);
        QVERIFY(!out["0"].ok);
        QCOMPARE(out["0"].attempts, 3);
        QCOMPARE(server.count(), 3);  // max_attempts, then it gives up
        QVERIFY2(out["0"].error.contains("HTTP 500") && out["0"].error.contains("gave up after 3"),
                 qPrintable(out["0"].error));
    }

    void transientFaultsRetried_data() {
        QTest::addColumn<QString>("fault");
        QTest::newRow("503") << "503";
        QTest::newRow("dropped connection") << "drop";
        QTest::newRow("truncated body") << "truncate";
        QTest::newRow("malformed json") << "malformed";
        QTest::newRow("no choices") << "nochoices";
    }
    void transientFaultsRetried() {
        QFETCH(QString, fault);
        Server server([fault](const Request&, int index) {
            if (index > 0) return fakeapi::scores("9 2");
            Reply r = fakeapi::scores("9 2");
            if (fault == "503")
                r.status = 503;
            else if (fault == "drop")
                r.drop = true;
            else if (fault == "truncate")
                r.truncate = true;
            else if (fault == "malformed")
                r.body = "{\"choices\": [{\"message\": ";
            else if (fault == "nochoices")
                r.body = "{\"object\":\"chat.completion\"}";
            return r;
        });
        jd::JudgeClient client(endpointOf(server), fastOptions());
        const auto out = runAll(client, 1);
        QVERIFY2(out["0"].ok, qPrintable(out["0"].error));
        QCOMPARE(server.count(), 2);
        // Qt's HTTP layer itself resends once a request whose keep-alive connection closed before
        // any reply byte; then the client counts one attempt. Every other fault is our retry.
        if (fault == "drop")
            QVERIFY(out["0"].attempts == 1 || out["0"].attempts == 2);
        else
            QCOMPARE(out["0"].attempts, 2);
    }

    void clientErrorsNotRetried() {
        Server server([](const Request&, int) {
            Reply r;
            r.status = 401;
            r.body = R"({"error":{"message":"bad key"}})";
            return r;
        });
        jd::JudgeClient client(endpointOf(server, "sk-wrong"), fastOptions());
        const auto out = runAll(client, 1);
        QVERIFY(!out["0"].ok);
        QCOMPARE(out["0"].attempts, 1);
        QCOMPARE(server.count(), 1);
        QVERIFY(out["0"].error.startsWith("HTTP 401"));
        QVERIFY(!out["0"].error.contains("sk-wrong"));
    }

    // A server that quotes the request's Authorization header in its error body (some proxies do):
    // the key must not reach the error text, which goes to stderr and the job's records.
    void echoedKeyNeverInTheError() {
        Server server([](const Request& req, int) {
            Reply r;
            r.status = 401;
            r.body = "{\"error\":{\"message\":\"invalid header: " + req.headers.value("authorization") + "\"}}";
            return r;
        });
        const QString key = "sk-echoed-SECRET-0042";
        jd::JudgeClient client(endpointOf(server, key), fastOptions());
        const auto out = runAll(client, 1);
        QVERIFY(!out["0"].ok);
        QVERIFY2(out["0"].error.startsWith("HTTP 401"), qPrintable(out["0"].error));
        QVERIFY2(!out["0"].error.contains(key), qPrintable(out["0"].error));
        QVERIFY2(out["0"].error.contains("[API key]"), qPrintable(out["0"].error));
    }

    void timeoutBounded() {
        Server server([](const Request&, int) {
            Reply r;
            r.never = true;
            return r;
        });
        jd::JudgeClientOptions o = fastOptions();
        o.timeout_ms = 300;
        o.max_attempts = 2;
        jd::JudgeClient client(endpointOf(server), o);
        const auto out = runAll(client, 1);
        QVERIFY(!out["0"].ok);
        QCOMPARE(out["0"].attempts, 2);
        QCOMPARE(server.count(), 2);
        QVERIFY2(out["0"].error.contains("no response within 300 ms"), qPrintable(out["0"].error));
    }

    void concurrencyLimit_data() {
        QTest::addColumn<int>("limit");
        QTest::newRow("1") << 1;
        QTest::newRow("3") << 3;
    }
    void concurrencyLimit() {
        QFETCH(int, limit);
        Server server([](const Request&, int) { return fakeapi::scores("8 6", 150); });
        jd::JudgeClientOptions o = fastOptions();
        o.concurrency = limit;
        jd::JudgeClient client(endpointOf(server), o);
        const auto out = runAll(client, 9);
        QCOMPARE(out.size(), 9);
        QCOMPARE(server.count(), 9);
        QCOMPARE(server.maxInFlight(), limit);  // reached, never exceeded
    }

    void rpmLimit() {
        Server server([](const Request&, int) { return fakeapi::scores("8 6"); });
        jd::JudgeClientOptions o = fastOptions();
        o.concurrency = 8;
        o.requests_per_minute = 3;
        o.rate_window_ms = 1000;  // a shortened "minute": 3 starts per second
        jd::JudgeClient client(endpointOf(server), o);
        const auto out = runAll(client, 7);
        QCOMPARE(out.size(), 7);
        QCOMPARE(server.count(), 7);
        const auto& reqs = server.requests();
        // no window holds more than 3 starts: request i+3 came at least a window after request i
        for (int i = 0; i + 3 < reqs.size(); ++i) {
            const qint64 gap = reqs[i + 3].arrived_ms - reqs[i].arrived_ms;
            QVERIFY2(gap >= 850,
                     qPrintable(QStringLiteral("requests %1 and %2: %3 ms").arg(i).arg(i + 3).arg(gap)));
        }
    }

    void cacheAnswersRepeats() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("cache.jsonl").toStdString();
        Server server(
            [](const Request&, int index) { return fakeapi::scores(QStringLiteral("%1 5").arg(index + 6)); });
        {
            jd::ResponseCache cache(path);
            jd::JudgeClient client(endpointOf(server), fastOptions(), &cache);
            const auto first = runAll(client, 2);
            QCOMPARE(server.count(), 2);
            QVERIFY(!first["0"].from_cache);
            QCOMPARE(cache.size(), 2);
        }
        {
            jd::ResponseCache cache(path);  // reopened: a restarted job
            QCOMPARE(cache.size(), 2);
            jd::JudgeClient client(endpointOf(server), fastOptions(), &cache);
            const auto again = runAll(client, 3);  // bodies 0 and 1 are known, 2 is new
            QCOMPARE(server.count(), 3);
            QVERIFY(again["0"].from_cache);
            QVERIFY(again["1"].from_cache);
            QVERIFY(!again["2"].from_cache);
            QVERIFY(again["0"].body.contains("6 5"));
        }
    }

    void failuresNotCached() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("cache.jsonl").toStdString();
        Server server([](const Request&, int) {
            Reply r;
            r.status = 400;
            r.body = "{}";
            return r;
        });
        jd::ResponseCache cache(path);
        jd::JudgeClient client(endpointOf(server), fastOptions(), &cache);
        runAll(client, 1);
        QCOMPARE(cache.size(), 0);
    }

    void cancelStops() {
        Server server([](const Request&, int) { return fakeapi::scores("8 6", 400); });
        jd::JudgeClientOptions o = fastOptions();
        o.concurrency = 2;
        jd::JudgeClient client(endpointOf(server), o);
        int finished = 0;
        QObject::connect(&client, &jd::JudgeClient::finished, &client,
                         [&](const jd::JudgeResponse&) { ++finished; });
        for (int i = 0; i < 6; ++i) client.submit({QString::number(i), body(i)});
        QVERIFY(QTest::qWaitFor([&] { return server.count() == 2; }, 10000));
        client.cancel();
        QCOMPARE(client.pending(), 0);
        QTest::qWait(800);  // the server's held replies would have come by now
        QCOMPARE(finished, 0);
        QCOMPARE(server.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestJudgeClient)
#include "test_judge_client.moc"
