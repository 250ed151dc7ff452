// Both halves of self-training against each other, all real processes on 127.0.0.1: `stllava
// selftrain generate` on one tiny model writes a job, `stllava serve` answers as the judge with a
// second tiny model (its own weights) behind a bearer token, and `stllava selftrain judge` scores
// the job through it. A random tiny judge cannot score, so its replies are unparseable: the test
// proves the protocol (images, both orders, token, resume), not the judging.
#include "fixtures/run_stllava.h"
#include "fixtures/tiny_model.h"
#include "imaging/raster_codecs.h"
#include "selftrain/job_records.h"

#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <map>

namespace st = stllava::selftrain;
using stllava::testing::runStllava;

namespace {

const QString kToken = QStringLiteral("judge-token-5b1f0c");

// One counter of `stllava serve`'s /metrics, -1 when absent.
double metric(int port, const QString& name) {
    QNetworkAccessManager net;
    // With a token set, `serve` guards every route, /metrics included.
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port)));
    request.setRawHeader("Authorization", "Bearer " + kToken.toUtf8());
    QNetworkReply* reply = net.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QString body = QString::fromUtf8(reply->readAll());
    if (reply->error() != QNetworkReply::NoError) qWarning("metrics: %s", qPrintable(reply->errorString()));
    reply->deleteLater();
    const auto m = QRegularExpression(QStringLiteral("^") + name + QStringLiteral(" ([0-9.e+]+)$"),
                                      QRegularExpression::MultilineOption)
                       .match(body);
    return m.hasMatch() ? m.captured(1).toDouble() : -1;
}

}  // namespace

class TestJudgeServeCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_generator, m_judge, m_images, m_job;
    QProcess m_serve;
    int m_port = 0;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto cfg = stllava::testing::tinyConfig();
        cfg.text.vocab_size = 320;
        QDir().mkpath(m_dir.filePath("gen"));
        QDir().mkpath(m_dir.filePath("judge"));
        m_generator = QString::fromStdString(
            stllava::testing::writeTinyModelFolder(m_dir.filePath("gen").toStdString(), cfg, "generator", 7));
        m_judge = QString::fromStdString(
            stllava::testing::writeTinyModelFolder(m_dir.filePath("judge").toStdString(), cfg, "judge", 23));
        m_images = m_dir.filePath("images");
        QDir().mkpath(m_images);
        auto scan = stllava::testing::tinyScan();
        for (int i = 0; i < 2; ++i) {
            for (auto& v : scan.pixels) v = static_cast<std::uint8_t>(v + 40 * i);
            stllava::writePixelsPng(scan, (m_images + QStringLiteral("/scan%1.png").arg(i)).toStdString());
        }
        m_job = m_dir.filePath("job");
        const auto gen = runStllava({"selftrain", "generate", "--model", m_generator, "--images", m_images, "--out",
                                     m_job, "--template", "v1_sq", "--questions", "2", "--describe-tokens", "8", "--question-tokens", "8",
                                     "--answer-tokens", "8"});
        QVERIFY2(gen.code == 0, gen.err.constData());

        QProcessEnvironment env = stllava::testing::cliEnvironment();
        env.insert(QStringLiteral("STLLAVA_SERVE_TOKEN"), kToken);
        m_serve.setProcessEnvironment(env);
        m_serve.setReadChannel(QProcess::StandardError);
        m_serve.start(QStringLiteral(STLLAVA_BIN_DIR "/stllava"),
                      {"serve", "--model", m_judge, "--port", "0", "--model-id", "tiny-judge"});
        QVERIFY(m_serve.waitForStarted(10000));
        QByteArray err;
        const QRegularExpression at(QStringLiteral("on http://127\\.0\\.0\\.1:([0-9]+)"));
        QVERIFY(QTest::qWaitFor(
            [&] {
                err += m_serve.readAllStandardError();
                const auto m = at.match(QString::fromUtf8(err));
                if (m.hasMatch()) m_port = m.captured(1).toInt();
                return m_port > 0 || m_serve.state() != QProcess::Running;
            },
            120000));
        QVERIFY2(m_port > 0, err.constData());
    }

    void cleanupTestCase() {
        if (m_serve.state() == QProcess::Running) {
            m_serve.terminate();
            if (!m_serve.waitForFinished(20000)) m_serve.kill();
        }
    }

    void judgeScoresEveryItemInBothOrdersThroughServe() {
        const auto items = st::readItems(m_job.toStdString());
        QCOMPARE(int(items.size()), 4);  // 2 images x 2 questions
        const QStringList args{"selftrain", "judge", "--job", m_job, "--base-url",
                               QStringLiteral("http://127.0.0.1:%1/v1").arg(m_port), "--judge-model", "tiny-judge",
                               "--no-keychain", "--max-tokens", "12", "--concurrency", "4"};

        // Without the token the server refuses every request: nothing is recorded as judged.
        QProcessEnvironment no_key = stllava::testing::cliEnvironment();
        no_key.remove(QStringLiteral("STLLAVA_JUDGE_API_KEY"));
        no_key.remove(QStringLiteral("OPENAI_API_KEY"));
        const auto refused = runStllava(args + QStringList{"--max-attempts", "1"}, 120000, no_key);
        QVERIFY2(refused.code != 0, refused.out.constData());
        for (const auto& j : st::readJudgements(m_job.toStdString())) QVERIFY(j.status == st::JudgeStatus::Failed);

        QProcessEnvironment with_key = no_key;
        with_key.insert(QStringLiteral("STLLAVA_JUDGE_API_KEY"), kToken);
        const double before = metric(m_port, QStringLiteral("stllava_requests_total"));
        QElapsedTimer clock;
        clock.start();
        const auto judged = runStllava(args, 300000, with_key);
        const double seconds = clock.elapsed() / 1000.0;
        if (judged.code != 0) {
            std::map<std::string, std::string> latest;  // the newest record per request
            for (const auto& j : st::readJudgements(m_job.toStdString()))
                latest[st::judgementKey(j.item_id, j.order)] =
                    j.status == st::JudgeStatus::Failed ? "HTTP " + std::to_string(j.http_status) + " " + j.problem : "";
            QByteArray failures;
            for (const auto& [key, problem] : latest)
                if (!problem.empty()) failures += QByteArray::fromStdString(key + ": " + problem + "\n");
            QVERIFY2(false, (judged.err + "\nfailed: " + failures).constData());
        }
        QVERIFY(!judged.err.contains(kToken.toUtf8()) && !judged.out.contains(kToken.toUtf8()));

        // Every item in both orders has a reply from the served model; no request failed.
        QSet<QString> keys;
        int replies = 0;
        for (const auto& j : st::readJudgements(m_job.toStdString())) {
            if (j.status == st::JudgeStatus::Failed) continue;
            QCOMPARE(j.judge_model, std::string("tiny-judge"));
            QVERIFY(j.status == st::JudgeStatus::Ok || j.status == st::JudgeStatus::Unparseable);
            QCOMPARE(j.http_status, 200);
            keys.insert(QString::fromStdString(st::judgementKey(j.item_id, j.order)));
            ++replies;
        }
        QCOMPARE(keys.size(), 8);
        QCOMPARE(replies, 8);
        const double sent = metric(m_port, QStringLiteral("stllava_requests_total")) - before;
        QVERIFY2(sent == 8.0, qPrintable(QStringLiteral("server counted %1 requests (before %2); refused run said: %3")
                                              .arg(sent).arg(before).arg(QString::fromUtf8(refused.err.right(400)))));
        qInfo("judge through stllava serve: 8 requests (image + two answers each) in %.2f s, %.1f requests/s",
              seconds, 8 / seconds);

        // A second run finds everything judged: the server sees no new request.
        const auto again = runStllava(args, 120000, with_key);
        QVERIFY2(again.code == 0, again.err.constData());
        QCOMPARE(metric(m_port, QStringLiteral("stllava_requests_total")) - before, 8.0);

        // Pairs from unparseable verdicts: none, and the command says so instead of failing.
        const auto pairs = runStllava({"selftrain", "pairs", "--job", m_job}, 120000, with_key);
        QVERIFY2(pairs.code == 0, pairs.err.constData());
    }

    // `selftrain generate` killed with SIGKILL at a random moment, then run again: the job ends with
    // the same items as an uninterrupted run (none lost, none twice, no torn line left).
    void generateKilledMidwayResumesToTheSameItems() {
        const QString images = m_dir.filePath("pool");
        QDir().mkpath(images);
        auto scan = stllava::testing::tinyScan();
        for (int i = 0; i < 6; ++i) {
            for (auto& v : scan.pixels) v = static_cast<std::uint8_t>(v * 3 + i);
            stllava::writePixelsPng(scan, (images + QStringLiteral("/p%1.png").arg(i)).toStdString());
        }
        auto generate = [&](const QString& job) {
            return QStringList{"selftrain", "generate", "--model", m_generator, "--images", images, "--out", job,
                               "--template", "v1_sq", "--questions", "2", "--describe-tokens", "8", "--question-tokens", "8",
                               "--answer-tokens", "8", "--images-per-batch", "1"};
        };
        const QString whole = m_dir.filePath("job-whole");
        QVERIFY(runStllava(generate(whole)).code == 0);
        auto byId = [](const QString& job) {
            std::map<std::string, std::string> out;
            for (const auto& it : st::readItems(job.toStdString()))
                out[it.item_id] = it.question + "|" + it.answers[0] + "|" + it.answers[1];
            return out;
        };
        const auto expected = byId(whole);
        QCOMPARE(int(expected.size()), 12);

        const QString killed = m_dir.filePath("job-killed");
        const int at_lines = 1 + int(QRandomGenerator::global()->bounded(7));  // 1..7 items written
        QProcess p;
        p.setProcessEnvironment(stllava::testing::cliEnvironment());
        p.start(QStringLiteral(STLLAVA_BIN_DIR "/stllava"), generate(killed));
        QVERIFY(p.waitForStarted(10000));
        auto lines = [&] {
            QFile f(killed + "/items.jsonl");
            return f.open(QIODevice::ReadOnly) ? int(f.readAll().count('\n')) : 0;
        };
        QVERIFY(QTest::qWaitFor([&] { return lines() >= at_lines || p.state() != QProcess::Running; }, 120000));
        QVERIFY2(p.state() == QProcess::Running, "generate finished before the kill: the test needs more images");
        ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(10000));
        const int before = lines();
        QVERIFY(before < 12);
        const auto resumed = runStllava(generate(killed));
        QVERIFY2(resumed.code == 0, resumed.err.constData());
        QCOMPARE(byId(killed), expected);
        QCOMPARE(lines(), 12);  // every item once
        qInfo("selftrain generate: SIGKILL after %d of 12 items (asked %d), resumed: 0 lost, 0 repeated", before,
              at_lines);
    }
};

QTEST_GUILESS_MAIN(TestJudgeServeCli)
#include "test_judge_serve_cli.moc"
