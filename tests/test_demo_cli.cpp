// `stllava demo run --scale tiny` end to end (the CI-sized demo: the small world, a few steps per
// phase): Ctrl-C in stage 1 stops cleanly (exit 4) and the same command resumes, finished phases are
// not redone, the run ends with the table of both stages and an HTML report whose JSON holds scored
// questions of both stages for all three benchmarks; a rerun redoes nothing; a folder made with
// another seed is refused (exit 3).
#include "fixtures/run_stllava.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

using Run = stllava::testing::StllavaRun;
using stllava::testing::runStllava;

QStringList demoArgs(const QString& out, const QString& seed = "3") {
    return {"demo", "run", "--out", out, "--scale", "tiny", "--seed", seed};
}

QJsonObject readJson(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

}  // namespace

class TestDemoCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString out() const { return dir_.path() + "/demo"; }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void interruptInStage1ThenResume() {
        QProcess p;
        p.start(QStringLiteral(STLLAVA_BIN_DIR "/stllava"), demoArgs(out()));
        QVERIFY(p.waitForStarted(10000));
        QByteArray err;
        while (!err.contains("stage1      started") && p.state() == QProcess::Running) {
            p.waitForReadyRead(1000);
            err += p.readAllStandardError();
        }
        QVERIFY2(err.contains("stage1      started"), err.constData());
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(300000));
        err += p.readAllStandardError();
        QCOMPARE(p.exitCode(), 4);
        QVERIFY2(err.contains("run the same command again to resume"), err.constData());
        QVERIFY(QFile::exists(out() + "/phases/init.json"));
        QVERIFY(!QFile::exists(out() + "/phases/stage1.json"));

        const Run r = runStllava(demoArgs(out()), 900000);
        QVERIFY2(r.code == 0, r.err.constData());
        for (const char* phase : {"[1/11] world       already done", "[2/11] tokenizer   already done",
                                  "[3/11] init        already done", "[4/11] stage1      done",
                                  "[9/11] dpo         done", "[11/11] report      done"})
            QVERIFY2(r.err.contains(phase), r.err.constData());
        // The closing table: both stages per benchmark, and the report's path.
        for (const char* row : {"vqa-rad   open", "slake     open", "pathvqa   open", "closed", "stage 1 [95% CI]",
                                "stage 2 [95% CI]", "HTML report: "})
            QVERIFY2(r.out.contains(row), r.out.constData());
        QVERIFY(r.out.contains(QDir(out()).filePath("report/index.html").toUtf8()));
    }

    void reportHoldsBothStages() {
        QVERIFY(QFile::exists(out() + "/report/index.html"));
        const QJsonObject report = readJson(out() + "/report/comparison.json");
        const QJsonObject benchmarks = report.value("benchmarks").toObject();
        QCOMPARE(benchmarks.size(), 3);
        for (const QString& name : {QStringLiteral("vqa-rad"), QStringLiteral("slake"), QStringLiteral("pathvqa")}) {
            const QJsonObject b = benchmarks.value(name).toObject();
            QVERIFY2(!b.isEmpty(), qPrintable(name));
            // Every question of the benchmark was answered and scored in both stages.
            const QJsonObject stage1 = readJson(out() + "/eval/stage1/" + name + "/report/report.json");
            const QJsonObject stage2 = readJson(out() + "/eval/stage2/" + name + "/report/report.json");
            QVERIFY2(!stage1.isEmpty() && !stage2.isEmpty(), qPrintable(name));
            QVERIFY(stage1.value("questions").toArray().size() >= 20);
            QCOMPARE(stage1.value("questions").toArray().size(), stage2.value("questions").toArray().size());
        }
        // Stage 2 came out of the self-training job: items, judgements in both orders, pairs decided.
        const QJsonObject pairs = readJson(out() + "/phases/pairs.json");
        QVERIFY(pairs.value("items").toInt() > 0);
        QCOMPARE(pairs.value("judgements").toObject().value("requests").toInt(), 2 * pairs.value("items").toInt());
        QVERIFY(QFile::exists(out() + "/selftrain/pairs.stllava.json"));
    }

    void rerunRedoesNothing() {
        const QJsonObject before = readJson(out() + "/phases/stage1.json");
        const Run r = runStllava(demoArgs(out()), 900000);
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.err.count("already done"), 10);  // every phase but the report
        QCOMPARE(readJson(out() + "/phases/stage1.json").value("finished"), before.value("finished"));
        QVERIFY(r.out.contains("stage 2 [95% CI]"));
    }

    void noisyJudgeIsRecordedAndKeptApart() {
        // A folder judged by the clean oracle refuses the noisy one (their judgements would mix).
        Run r = runStllava(demoArgs(out()) + QStringList{"--judge-noise", "0.3,0.2"}, 900000);
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains("judge"), r.err.constData());
        r = runStllava(demoArgs(out()) + QStringList{"--judge-noise", "0.8,0.5"}, 60000);
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains("--judge-noise"), r.err.constData());
        QTemporaryDir noisy;
        const QString folder = noisy.filePath("demo");
        r = runStllava(demoArgs(folder) + QStringList{"--judge-noise", "0.3,0.2"}, 900000);
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject judge = readJson(folder + "/demo.json").value("judge").toObject();
        QCOMPARE(judge.value("kind").toString(), QStringLiteral("oracle-noisy"));
        QCOMPARE(judge.value("flip_share").toDouble(), 0.3);
        QFile judgements(folder + "/selftrain/judgements.jsonl");
        QVERIFY(judgements.open(QIODevice::ReadOnly));
        const QByteArray all = judgements.readAll();
        QVERIFY(all.contains("\"judge_model\":\"oracle-noisy\""));
        QVERIFY(!all.contains("\"judge_model\":\"oracle\""));
    }

    void otherSeedIsRefused() {
        const Run r = runStllava(demoArgs(out(), "4"), 900000);
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains("seed"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestDemoCli)
#include "test_demo_cli.moc"
