// `stllava selftrain judge` and `pairs` end to end against a scripted OpenAI-compatible server on
// 127.0.0.1: scores recorded, garbage kept and counted, resume (after --limit, after SIGKILL) never
// sends a recorded request again (counted at the server), the API key reaches the server but no
// file or log, nothing identifying from the DICOM (name, ID, UIDs, institution) is in any request.
#include "common/atomic_file.h"
#include "fixtures/dicom_maker.h"
#include "fixtures/fake_openai_server.h"
#include "fixtures/run_stllava.h"
#include "selftrain/job_records.h"
#include "selftrain/jsonl.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace st = stllava::selftrain;
using fakeapi::Reply;
using fakeapi::Request;
using fakeapi::Server;

namespace {

const QString kKey = QStringLiteral("sk-test-KEY-7f3a9c2e1b-never-in-files");
const QStringList kDicomSecrets = {"ZQXFAKE^PATIENT",
                                   "ZQXPID98765",
                                   "1.2.826.0.1.3680043.9.7777.101",
                                   "1.2.826.0.1.3680043.9.7777.102",
                                   "1.2.826.0.1.3680043.9.7777.103",
                                   "ZQX GENERAL HOSPITAL",
                                   "ZQXDOCTOR^REFERRING",
                                   "patient_zqx_scan"};

QString sha256Of(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}

// The text of a request's user message (the answers as shown).
QString requestText(const Request& r) {
    const QJsonDocument doc = QJsonDocument::fromJson(r.body);
    return doc["messages"][0]["content"][0]["text"].toString();
}

// Scores by content: an answer containing GOOD gets 8, BAD gets 3; "GARBAGE" items get prose.
Reply judgeByContent(const Request& r, int delay_ms = 0) {
    const QString text = requestText(r);
    if (text.contains("GARBAGE")) return fakeapi::scores("I am unable to rate these answers.", delay_ms);
    const int a1 = text.indexOf("[Answer 1]"), a2 = text.indexOf("[Answer 2]");
    const QString first = text.mid(a1, a2 - a1);
    const bool first_good = first.contains("GOOD");
    return fakeapi::scores(
        first_good ? "8 3\nThe first answer matches the image." : "3 8\nThe second answer is better.",
        delay_ms);
}

using Run = stllava::testing::StllavaRun;

Run runStllava(const QStringList& args, const QProcessEnvironment& env, int timeout_ms = 120000) {
    return stllava::testing::runStllava(args, timeout_ms, env);
}

QProcessEnvironment envWithKey() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("OPENAI_API_KEY");
    env.insert("STLLAVA_JUDGE_API_KEY", kKey);
    return env;
}

int countLines(const QString& path) {
    int n = 0;
    st::readJsonl(path.toStdString(), [&](const nlohmann::json&, std::size_t) { ++n; });
    return n;
}

QSet<QString> recordedDigests(const QString& job) {
    QSet<QString> out;
    for (const auto& j : st::readJudgements(job.toStdString()))
        if (j.status != st::JudgeStatus::Failed) out.insert(QString::fromStdString(j.request_sha256));
    return out;
}

QString digestOf(const Request& r) {
    return QString::fromLatin1(QCryptographicHash::hash(r.body, QCryptographicHash::Sha256).toHex());
}

}  // namespace

class TestSelftrainJudgeCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_dicom, m_raster;

    // A job of 5 items: 3 on the DICOM (one of them draws garbage from the judge), 2 on a BMP.
    QString makeJob(const QString& name) {
        const QString job = m_dir.filePath(name);
        QDir().mkpath(job);
        st::JobInfo info;
        info.model = {{"folder", "/models/test"}};
        info.settings = {{"questions", 3}, {"seeds", {40, 42}}};
        info.created = st::isoTimeNow();
        st::writeJobInfo(job.toStdString(), info);
        st::JsonlWriter items(st::jobPath(job.toStdString(), st::kItemsFile));
        std::vector<nlohmann::json> batch;
        auto add = [&](const QString& image, int k, const std::string& a1, const std::string& a2) {
            st::GeneratedItem it;
            it.item_id = QFileInfo(image).fileName().toStdString() + "#q" + std::to_string(k);
            it.image = image.toStdString();
            it.image_sha256 = sha256Of(image).toStdString();
            it.description = "A greyscale medical image.";
            it.question_index = k;
            it.question = "Question " + std::to_string(k) + " about the image?";
            it.answers = {a1, a2};
            it.seeds = {40, 42};
            it.stop_reasons = {"eos", "eos"};
            batch.push_back(st::toJson(it));
        };
        add(m_dicom, 0, "GOOD answer zero", "BAD answer zero");
        add(m_dicom, 1, "BAD answer one", "GOOD answer one");
        add(m_dicom, 2, "GARBAGE answer", "GARBAGE other");
        add(m_raster, 0, "GOOD raster zero", "BAD raster zero");
        add(m_raster, 1, "BAD raster one", "GOOD raster one");
        items.append(batch);
        return job;
    }

    QStringList judgeArgs(const QString& job, const Server& server, const QStringList& extra = {}) {
        QStringList args{"selftrain",
                         "judge",
                         "--job",
                         job,
                         "--base-url",
                         server.baseUrl(),
                         "--judge-model",
                         "judge-x",
                         "--no-keychain",
                         "--price-input",
                         "2.5",
                         "--price-output",
                         "10"};
        return args + extra;
    }

    // Neither the key nor its first 8 characters (a key cut short by a truncated quote).
    void checkNoKeyIn(const QString& job, const Run& r) {
        const QByteArray head = kKey.left(8).toUtf8();
        QVERIFY(!r.err.contains(kKey.toUtf8()) && !r.err.contains(head));
        QVERIFY(!r.out.contains(kKey.toUtf8()) && !r.out.contains(head));
        QDirIterator it(job, QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray data = f.readAll();
            QVERIFY2(!data.contains(kKey.toUtf8()) && !data.contains(head), qPrintable(f.fileName()));
            ++files;
        }
        QVERIFY(files >= 5);  // job, items, judgements, audit, cache, summary
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        std::vector<std::uint8_t> px(64 * 48);
        for (std::size_t i = 0; i < px.size(); ++i) px[i] = static_cast<std::uint8_t>((i * 7) % 251);
        QVERIFY(dicomtest::makeDicom8(m_dir.path(), "patient_zqx_scan.dcm", 64, 48, px));
        m_dicom = m_dir.filePath("patient_zqx_scan.dcm");
        QVERIFY(dicomtest::runTool(
            "dcmodify",
            {"-nb", "-i", "(0010,0010)=ZQXFAKE^PATIENT", "-i", "(0010,0020)=ZQXPID98765", "-m",
             "(0020,000d)=1.2.826.0.1.3680043.9.7777.101", "-m", "(0020,000e)=1.2.826.0.1.3680043.9.7777.102",
             "-m", "(0008,0018)=1.2.826.0.1.3680043.9.7777.103", "-i", "(0008,0080)=ZQX GENERAL HOSPITAL",
             "-i", "(0008,0090)=ZQXDOCTOR^REFERRING", m_dicom}));
        QString dump;
        QVERIFY(dicomtest::runTool("dcmdump", {m_dicom}, &dump));
        for (const QString& secret : kDicomSecrets.mid(0, 7))
            QVERIFY2(dump.contains(secret), qPrintable(secret));
        m_raster = m_dir.filePath("raster.bmp");
        QVERIFY(dicomtest::writeBmp(m_raster, 40, 30, std::vector<std::uint8_t>(40 * 30 * 3, 90), true));
    }

    void dryRunSendsNothing() {
        Server server([](const Request& r, int) { return judgeByContent(r); });
        const QString job = makeJob("dry");
        const Run r = runStllava(judgeArgs(job, server, {"--dry-run"}), envWithKey());
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(server.count(), 0);
        QVERIFY(!QFile::exists(job + "/judgements.jsonl"));
        QVERIFY(r.out.contains("10 requests would be sent"));
        QVERIFY(r.out.contains("[Question]\nQuestion 0 about the image?"));
    }

    void remoteNeedsConsent() {
        const QString job = makeJob("remote");
        const Run r = runStllava({"selftrain", "judge", "--job", job, "--base-url",
                                  "https://judge.example.org/v1", "--no-keychain"},
                                 envWithKey());
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("--allow-remote"));
        QVERIFY(!QFile::exists(job + "/judgements.jsonl"));
    }

    void judgeResumePairs() {
        Server server([](const Request& r, int) { return judgeByContent(r); });
        const QString job = makeJob("full");
        // first run: 2 items, both orders
        Run r = runStllava(judgeArgs(job, server, {"--limit", "2", "--concurrency", "2"}), envWithKey());
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(server.count(), 4);
        QCOMPARE(server.requests()[0].headers.value("authorization"), ("Bearer " + kKey).toUtf8());
        checkNoKeyIn(job, r);
        // second run: the other 3 items only
        r = runStllava(judgeArgs(job, server), envWithKey());
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(server.count(), 10);
        QSet<QString> bodies;
        for (const auto& req : server.requests()) bodies.insert(digestOf(req));
        QCOMPARE(bodies.size(), 10);  // nothing sent twice
        QVERIFY(r.err.contains("judge: 5 items, 4 requests already judged, 6 to send"));
        QVERIFY(r.err.contains("cost so far $"));
        checkNoKeyIn(job, r);
        // a third run has nothing left
        r = runStllava(judgeArgs(job, server), envWithKey());
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(server.count(), 10);

        const auto judgements = st::readJudgements(job.toStdString());
        QCOMPARE(judgements.size(), std::size_t(10));
        int ok = 0, garbage = 0;
        for (const auto& j : judgements) {
            if (j.status == st::JudgeStatus::Ok) {
                ++ok;
                // GOOD always scored 8, whichever order it was shown in
                const bool good_is_1 = j.item_id == "patient_zqx_scan.dcm#q0" || j.item_id == "raster.bmp#q0";
                QCOMPARE(*j.scoreOfAnswer(good_is_1 ? 1 : 2), 8.0);
                QCOMPARE(j.usage.prompt_tokens, 1000LL);
                QVERIFY(qAbs(*j.cost_usd - (1000 * 2.5 + 50 * 10) / 1e6) < 1e-12);
            } else if (j.status == st::JudgeStatus::Unparseable) {
                ++garbage;
                QCOMPARE(j.item_id, std::string("patient_zqx_scan.dcm#q2"));
                QCOMPARE(j.reply, std::string("I am unable to rate these answers."));
            }
        }
        QCOMPARE(ok, 8);
        QCOMPARE(garbage, 2);
        const auto summary =
            nlohmann::json::parse(stllava::readFile(job.toStdString() + "/judge_summary.json"));
        QCOMPARE(summary["job_totals"]["unparseable"].get<int>(), 2);
        QCOMPARE(summary["order_bias"]["order_flips"].get<int>(), 0);
        QCOMPARE(countLines(job + "/judge_audit.jsonl"), 10);

        // pairs: 4 accepted, the garbage item to review
        r = runStllava({"selftrain", "pairs", "--job", job}, envWithKey());
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.out.contains("5 items: 4 auto-accepted, 1 need review"), r.out.constData());
        const auto pairs =
            nlohmann::json::parse(stllava::readFile(job.toStdString() + "/pairs.stllava.json"));
        QCOMPARE(pairs.size(), std::size_t(4));
        for (const auto& p : pairs)
            QVERIFY(p["chosen_conversations"][3]["value"].get<std::string>().find("GOOD") !=
                    std::string::npos);
        QCOMPARE(countLines(job + "/pairs.trl.jsonl"), 4);
        QCOMPARE(countLines(job + "/pairs.review.jsonl"), 1);
    }

    void requestsCarryNoDicomIdentifiers() {
        Server server([](const Request& r, int) { return judgeByContent(r); });
        const QString job = makeJob("deid");
        const Run r = runStllava(judgeArgs(job, server, {"--single-order", "--no-cache"}), envWithKey());
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(server.count(), 5);
        int images = 0;
        for (const auto& req : server.requests()) {
            for (const QString& secret : kDicomSecrets) {
                QVERIFY2(!req.body.contains(secret.toUtf8()), qPrintable(secret));
                QVERIFY2(!req.body.contains(secret.toUpper().toUtf8()), qPrintable(secret));
            }
            // the image itself: a PNG with no text chunks, holding none of the values either
            const QJsonDocument doc = QJsonDocument::fromJson(req.body);
            const QString url = doc["messages"][0]["content"][1]["image_url"]["url"].toString();
            QVERIFY(url.startsWith("data:image/png;base64,"));
            const QByteArray png = QByteArray::fromBase64(url.mid(22).toLatin1());
            QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
            for (const char* chunk : {"tEXt", "zTXt", "iTXt", "eXIf"}) QVERIFY2(!png.contains(chunk), chunk);
            for (const QString& secret : kDicomSecrets) QVERIFY(!png.contains(secret.toUtf8()));
            ++images;
        }
        QCOMPARE(images, 5);
    }

    void sigkillThenResumeRepeatsNothing() {
        Server server([](const Request& r, int) { return judgeByContent(r, 250); });
        const QString job = makeJob("kill");
        QProcess p;
        p.setProcessEnvironment(envWithKey());
        p.start(QStringLiteral(STLLAVA_BIN_DIR "/stllava"), judgeArgs(job, server, {"--concurrency", "1"}));
        QVERIFY(p.waitForStarted(10000));
        QVERIFY(QTest::qWaitFor([&] { return countLines(job + "/judgements.jsonl") >= 3; }, 60000));
        ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
        QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 10000));
        QTest::qWait(300);  // let the server see the connection close
        const QSet<QString> recorded = recordedDigests(job);
        QVERIFY(recorded.size() >= 3 && recorded.size() < 10);
        const int before = server.count();
        server.setScript([](const Request& r, int) { return judgeByContent(r); });
        const Run r = runStllava(judgeArgs(job, server, {"--no-cache"}), envWithKey());
        QVERIFY2(r.code == 0, r.err.constData());
        for (int i = before; i < server.count(); ++i)
            QVERIFY2(!recorded.contains(digestOf(server.requests()[i])), "a recorded request was sent again");
        QCOMPARE(server.count() - before, 10 - static_cast<int>(recorded.size()));
        QCOMPARE(recordedDigests(job).size(), 10);
    }

    void interruptKeepsAnswered() {
        Server server([](const Request& r, int) { return judgeByContent(r, 250); });
        const QString job = makeJob("interrupt");
        QProcess p;
        p.setProcessEnvironment(envWithKey());
        p.start(QStringLiteral(STLLAVA_BIN_DIR "/stllava"), judgeArgs(job, server, {"--concurrency", "1"}));
        QVERIFY(p.waitForStarted(10000));
        QVERIFY(QTest::qWaitFor([&] { return countLines(job + "/judgements.jsonl") >= 2; }, 60000));
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 20000));
        QCOMPARE(p.exitCode(), 4);
        const int kept = countLines(job + "/judgements.jsonl");
        QVERIFY(kept >= 2 && kept < 10);
        QVERIFY(QFile::exists(job + "/judge_summary.json"));
        QVERIFY(p.readAllStandardError().contains("interrupted"));
    }

    // Every way a server can quote the key back: a 4xx body with the key past its first 300 bytes
    // (the error text keeps 300), a judge reply whose content holds it, a 5xx body; then a run
    // interrupted with Ctrl-C. No file of the job, no stdout or stderr line, holds it.
    void echoedKeyNeverInRecordsErrorsOrInterruptOutput() {
        auto echo = [](const Request& req, int i) {
            const QByteArray auth = req.headers.value("authorization");
            Reply r;
            if (i % 3 == 0) {
                r.status = 400;
                r.body = "bad request " + QByteArray(261, '.') + " header was " + auth;  // the key across byte 300
            } else if (i % 3 == 1) {
                r = fakeapi::scores("8 3\nYour request carried " + QString::fromUtf8(auth));
            } else {
                r.status = 500;
                r.body = "{\"error\":{\"message\":\"upstream saw " + auth + "\"}}";
            }
            return r;
        };
        Server server(echo);
        const QString job = makeJob("echo");
        const Run r = runStllava(judgeArgs(job, server, {"--concurrency", "1", "--max-attempts", "1"}), envWithKey());
        QCOMPARE(r.code, 1);  // some requests failed
        QCOMPARE(server.count(), 10);
        QVERIFY(server.requests()[0].headers.value("authorization").contains(kKey.toUtf8()));
        checkNoKeyIn(job, r);
        bool marked = false;  // the echoed replies were kept, with the key replaced
        for (QDirIterator it(job, QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
            QFile f(it.next());
            marked = marked || (f.open(QIODevice::ReadOnly) && f.readAll().contains("[API key]"));
        }
        QVERIFY(marked);

        const QString job2 = makeJob("echo-interrupt");
        server.setScript([echo](const Request& req, int i) {
            Reply r = echo(req, i);
            r.delay_ms = 300;
            return r;
        });
        QProcess p;
        p.setProcessEnvironment(envWithKey());
        p.start(QStringLiteral(STLLAVA_BIN_DIR "/stllava"), judgeArgs(job2, server, {"--concurrency", "1"}));
        QVERIFY(p.waitForStarted(10000));
        QVERIFY(QTest::qWaitFor([&] { return countLines(job2 + "/judgements.jsonl") >= 2; }, 60000));
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 20000));
        Run interrupted;
        interrupted.code = p.exitCode();
        interrupted.out = p.readAllStandardOutput();
        interrupted.err = p.readAllStandardError();
        QVERIFY2(interrupted.err.contains("interrupted"), interrupted.err.constData());
        checkNoKeyIn(job2, interrupted);
    }

    // A core file would hold the key (environment and memory): the process turns core dumps off
    // (soft and hard) even when started with them on, and a crash then leaves no core file behind;
    // STLLAVA_ALLOW_CORE_DUMPS=1 (a developer's choice) keeps them, which shows the check can tell.
    void crashLeavesNoCoreFileWithTheKey() {
        Server server([](const Request& r, int) { return judgeByContent(r, 3000); });
        auto coreLimitOf = [](qint64 pid) {
            QFile f(QStringLiteral("/proc/%1/limits").arg(pid));
            if (!f.open(QIODevice::ReadOnly)) return QString();
            for (const QByteArray& line : f.readAll().split('\n'))
                if (line.startsWith("Max core file size"))
                    return QString::fromLatin1(line.mid(26)).simplified().section(' ', 0, 1);
            return QString();
        };
        for (const bool allowed : {false, true}) {
            const QString job = makeJob(allowed ? "core-allowed" : "core");
            QTemporaryDir cwd;
            QProcessEnvironment env = envWithKey();
            if (allowed) env.insert("STLLAVA_ALLOW_CORE_DUMPS", "1");
            // Under ASan (scripts/sanitize.sh -a) the signal must stay a crash (ASan's own SEGV
            // handler would write a report and exit(1)), and ASan must leave the core limit to the
            // program (it sets the soft limit to 0 itself, which would hide the control below).
            if (env.contains("ASAN_OPTIONS"))
                env.insert("ASAN_OPTIONS", env.value("ASAN_OPTIONS") + ":handle_segv=0:disable_coredump=0");
            QProcess p;
            p.setProcessEnvironment(env);
            p.setWorkingDirectory(cwd.path());
            const int before = server.count();
            p.start("prlimit", QStringList{"--core=unlimited:unlimited", "--", STLLAVA_BIN_DIR "/stllava"} +
                                   judgeArgs(job, server, {"--concurrency", "1"}));
            QVERIFY(p.waitForStarted(10000));
            QVERIFY(QTest::qWaitFor([&] { return server.count() > before; }, 60000));  // the key is loaded and sent
            const QString limit = coreLimitOf(p.processId());
            QCOMPARE(limit, allowed ? QStringLiteral("unlimited unlimited") : QStringLiteral("0 0"));
            if (allowed) {
                p.kill();
                QVERIFY(p.waitForFinished(20000));
                continue;
            }
            ::kill(static_cast<pid_t>(p.processId()), SIGSEGV);
            QVERIFY(p.waitForFinished(20000));
            QCOMPARE(p.exitStatus(), QProcess::CrashExit);
            QVERIFY(QDir(cwd.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
            const QByteArray output = p.readAllStandardOutput() + p.readAllStandardError();
            QVERIFY(!output.contains(kKey.left(8).toUtf8()));
        }
    }

    void failuresExitNonZeroAndAreRetriedLater() {
        Server server([](const Request&, int) {
            Reply r;
            r.status = 500;
            r.body = "{}";
            return r;
        });
        const QString job = makeJob("fail");
        Run r = runStllava(judgeArgs(job, server, {"--single-order", "--max-attempts", "2", "--limit", "1"}),
                           envWithKey());
        QCOMPARE(r.code, 1);
        QCOMPARE(server.count(), 2);  // bounded: 2 attempts for the one request
        QVERIFY(r.err.contains("run the same command again"));
        server.setScript([](const Request& req, int) { return judgeByContent(req); });
        r = runStllava(judgeArgs(job, server, {"--single-order", "--limit", "1"}), envWithKey());
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(server.count(), 3);  // the failed one was asked again
        QCOMPARE(recordedDigests(job).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSelftrainJudgeCli)
#include "test_selftrain_judge_cli.moc"
