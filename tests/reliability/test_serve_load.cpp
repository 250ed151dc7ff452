// `stllava serve` under load: a real server process on a tiny model, driven by the load generator
// bench/serve_load (200 concurrent streamed requests a wave, from 127.0.0.1). Asserted, as robust
// properties (the figures are printed, never compared with a clock):
//   - queue room for all: 3 waves of 200 sent at once, every request answered 200 with a well-formed
//     stream whose text equals the prompt's answer alone; /health answered all along; the server's
//     memory after the third wave within 15% + 24 MB of its memory after the first; then 200 sent
//     1 ms apart: first come, first served (rank correlation of send order and first-token order
//     >= 0.5), batches of the full size, a thread for every open stream;
//   - a small queue (8): the burst reaches it at once (threads grow past the 16 started), so most
//     requests get a 503 with Retry-After at once, none fails otherwise, the server's count of
//     refusals equals the clients', and it keeps answering (/health, then a plain request);
//   - Ctrl-C afterwards stops the server cleanly with its summary.
#include "fixtures/tiny_model.h"

#include "imaging/raster_codecs.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace stllava;

namespace {

const QString kBin = QStringLiteral(STLLAVA_BIN_DIR);

double metric(const QString& text, const QString& name) {
    for (const QString& line : text.split('\n'))
        if (line.startsWith(name + ' ')) return line.mid(name.size() + 1).toDouble();
    return -1;
}

}  // namespace

class TestServeLoad : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_model, m_image;

    struct Server {
        std::unique_ptr<QProcess> process;
        QString log;  // its stderr (a line per request: a file, so the pipe never fills under load)
        int port = 0;
        Server() = default;
        Server(Server&&) = default;
        ~Server() {  // a failed check leaves no server behind
            if (process && process->state() != QProcess::NotRunning) {
                process->kill();
                process->waitForFinished(10000);
            }
        }
        QByteArray err() const {
            QFile f(log);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }
    };

    Server startServe(const QStringList& extra) {
        static int n = 0;
        Server s;
        s.log = m_dir.filePath(QStringLiteral("serve-%1.log").arg(++n));
        s.process = std::make_unique<QProcess>();
        s.process->setStandardErrorFile(s.log);
        s.process->start(kBin + "/stllava", QStringList{"serve", "--model", m_model, "--port", "0"} + extra);
        if (!s.process->waitForStarted(10000)) return s;
        for (int i = 0; i < 1200 && s.port == 0 && s.process->state() == QProcess::Running; ++i) {
            QTest::qWait(100);
            const QByteArray err = s.err();
            const int at = err.indexOf("on http://127.0.0.1:");
            if (at >= 0 && err.indexOf(' ', at + 20) > at) s.port = err.mid(at + 20).split(' ').front().toInt();
        }
        return s;
    }

    // Runs the load generator; returns its JSON report (empty on failure, with the reason logged).
    QJsonObject load(Server& s, const QStringList& args) {
        const QString json = m_dir.filePath(QStringLiteral("load-%1.json").arg(s.port));
        QProcess gen;
        gen.setProcessChannelMode(QProcess::MergedChannels);
        gen.start(kBin + "/serve_load",
                  QStringList{"--port", QString::number(s.port), "--pid", QString::number(s.process->processId()),
                              "--image", m_image, "--json", json} +
                      args);
        if (!gen.waitForFinished(600000)) return {};
        const QByteArray out = gen.readAll();
        qInfo().noquote() << "serve_load" << args.join(' ') << "\n" << out;
        if (gen.exitStatus() != QProcess::NormalExit || gen.exitCode() != 0) return {};
        QFile f(json);
        if (!f.open(QIODevice::ReadOnly)) return {};
        return QJsonDocument::fromJson(f.readAll()).object();
    }

    static void stopServe(Server& s) {
        ::kill(static_cast<pid_t>(s.process->processId()), SIGINT);
        QVERIFY(s.process->waitForFinished(60000));
        QCOMPARE(s.process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(s.process->exitCode(), 0);
        const QByteArray err = s.err();
        QVERIFY2(err.contains("served "), err.right(2000).constData());
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(QFile::exists(kBin + "/serve_load"));
        auto cfg = testing::tinyConfig();
        cfg.text.vocab_size = 320;
        m_model = QString::fromStdString(testing::writeTinyModelFolder(m_dir.path().toStdString(), cfg));
        m_image = m_dir.filePath("scan.png");
        writePixelsPng(testing::tinyScan(), m_image.toStdString());
    }

    void queuedWavesAreAnsweredInOrderWithFlatMemory() {
        Server s = startServe({"--max-batch", "8", "--max-queue", "256"});
        QVERIFY2(s.port > 0, s.err().constData());
        // Three waves of 200 sent at once: all of them open together.
        const QJsonObject r = load(s, {"--concurrency", "200", "--waves", "3", "--max-tokens", "16", "--prompts", "4",
                                       "--stagger-ms", "0"});
        QVERIFY(!r.isEmpty());
        const QJsonArray waves = r["waves"].toArray();
        QCOMPARE(waves.size(), 3);
        for (const auto& wv : waves) {
            const QJsonObject w = wv.toObject();
            QCOMPARE(w["ok"].toInt(), 200);
            QCOMPARE(w["failed"].toInt(), 0);
            QCOMPARE(w["refused_503"].toInt(), 0);
            QCOMPARE(w["differ_from_alone"].toInt(), 0);
            const QJsonObject health = w["health"].toObject();
            QCOMPARE(health["failed"].toInt(), 0);
            QVERIFY(health["answered"].toInt() >= 1);
        }
        const double first = waves[0].toObject()["rss_kb"].toObject()["end"].toDouble();
        const double third = waves[2].toObject()["rss_kb"].toObject()["end"].toDouble();
        QVERIFY(first > 0);
        QVERIFY2(third <= first * 1.15 + 24 * 1024,
                 qPrintable(QStringLiteral("RSS %1 MB after wave 1, %2 MB after wave 3")
                                .arg(first / 1024.0)
                                .arg(third / 1024.0)));
        // First come, first served: 200 sent 1 ms apart (an order the clock can tell), each longer than
        // the spacing, so a queue forms; the order of first tokens follows the order of sending.
        const QJsonObject fair = load(s, {"--concurrency", "200", "--waves", "1", "--max-tokens", "32", "--prompts",
                                          "4", "--stagger-ms", "1"});
        QVERIFY(!fair.isEmpty());
        const QJsonObject fw = fair["waves"].toArray()[0].toObject();
        QCOMPARE(fw["ok"].toInt(), 200);
        QCOMPARE(fw["differ_from_alone"].toInt(), 0);
        QVERIFY2(fw["fifo_rank_correlation"].toDouble() >= 0.5,
                 qPrintable(QString::number(fw["fifo_rank_correlation"].toDouble())));
        const QString m = fair["metrics"].toString();
        QVERIFY2(metric(m, "stllava_batch_size_max") == 8, qPrintable(m));
        QVERIFY(metric(m, "stllava_batches_total") >= 4 * 200 / 8);
        QVERIFY(metric(m, "stllava_http_threads_peak") >= 200);  // every stream had its own thread
        QCOMPARE(metric(m, "stllava_http_connections_parked"), 0.0);
        QCOMPARE(metric(m, "stllava_requests_refused_total"), 0.0);
        stopServe(s);
    }

    void overflowIsRefusedAtOnceAndTheServerGoesOn() {
        Server s = startServe({"--max-batch", "4", "--max-queue", "8"});
        QVERIFY2(s.port > 0, s.err().constData());
        const QJsonObject r = load(s, {"--concurrency", "200", "--waves", "1", "--max-tokens", "32", "--prompts",
                                       "2", "--stagger-ms", "0"});
        QVERIFY(!r.isEmpty());
        const QJsonObject w = r["waves"].toArray()[0].toObject();
        QCOMPARE(w["failed"].toInt(), 0);
        QCOMPARE(w["ok"].toInt() + w["refused_503"].toInt(), 200);
        QVERIFY(w["ok"].toInt() >= 4);
        QVERIFY(w["refused_503"].toInt() >= 1);
        // Each connection reached the queue as it came (threads beyond the 16 started), so most were
        // told 503 at once instead of waiting unread for a thread and being served late.
        QVERIFY2(w["ok"].toInt() <= 100, qPrintable(QString::number(w["ok"].toInt())));
        QVERIFY(metric(r["metrics"].toString(), "stllava_http_threads_peak") > 16);
        QCOMPARE(w["refused_without_retry_after"].toInt(), 0);
        QCOMPARE(w["differ_from_alone"].toInt(), 0);
        QCOMPARE(w["health"].toObject()["failed"].toInt(), 0);
        for (const auto& rq : r["requests"].toArray()) {
            const QJsonObject q = rq.toObject();
            if (q["status"].toInt() == 503)
                QVERIFY2(q["error"].toString().contains("wait"), qPrintable(q["error"].toString()));
        }
        // Still answering after the burst.
        const QJsonObject after = load(s, {"--concurrency", "4", "--waves", "1", "--max-tokens", "4"});
        QVERIFY(!after.isEmpty());
        QCOMPARE(after["waves"].toArray()[0].toObject()["ok"].toInt(), 4);
        stopServe(s);
        // The server counted the same refusals as the clients saw.
        const QRegularExpression summary(QStringLiteral("served \\d+ requests .* (\\d+) refused"));
        const auto m = summary.match(QString::fromUtf8(s.err()));
        QVERIFY(m.hasMatch());
        QCOMPARE(m.captured(1).toInt(), w["refused_503"].toInt());
    }
};

QTEST_GUILESS_MAIN(TestServeLoad)
#include "test_serve_load.moc"
