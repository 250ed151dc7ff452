// `stllava eval score`, `eval merge` and `report compare` end to end: exit codes, files written.
#include "fixtures/run_stllava.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = stllava::testing::StllavaRun;

Run runCli(const QStringList& args) { return stllava::testing::runStllava(args, 120000); }

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& data) {
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly)) qFatal("cannot write");
    f.write(data);
    return f.fileName();
}

const QByteArray kTest = R"([
 {"id": 1, "image": "a.jpg", "conversations": [{"from": "human", "value": "<image>\nMass?"}, {"from": "gpt", "value": "yes"}], "answer_type": "CLOSED"},
 {"id": 2, "image": "b.jpg", "conversations": [{"from": "human", "value": "Organ?"}, {"from": "gpt", "value": "liver"}], "answer_type": "OPEN"},
 {"id": 3, "image": "c.jpg", "conversations": [{"from": "human", "value": "Side?"}, {"from": "gpt", "value": "left lung"}], "answer_type": "OPEN"}
])";

QByteArray line(int id, const char* text) {
    return QByteArray("{\"question_id\": ") + QByteArray::number(id) + ", \"prompt\": \"\", \"text\": \"" + text +
           "\", \"answer_id\": \"\", \"model_id\": \"m\", \"metadata\": {}}\n";
}

}  // namespace

class TestEvalCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scoreMergeCompare() {
        QTemporaryDir dir;
        const QString test = write(dir, "test.json", kTest);
        const QString a = write(dir, "a.jsonl", line(1, "Yes.") + line(2, "the liver") + line(3, "right lung"));
        const QString b = write(dir, "b.jsonl", line(1, "no") + line(2, "liver") + line(3, "left lung"));
        Run r = runCli({"eval", "score", "--test", test, "--pred", a, "--report-dir", dir.filePath("ra"), "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject m = QJsonDocument::fromJson(r.out).object()["metrics"].toObject();
        QCOMPARE(m["open_recall"].toObject()["value"].toDouble(), 75.0);
        QCOMPARE(m["closed_accuracy"].toObject()["value"].toDouble(), 100.0);
        for (const char* f : {"ra/report.json", "ra/report.html", "ra/questions.csv"}) QVERIFY(QFile::exists(dir.filePath(f)));
        QFile rep(dir.filePath("ra/report.json"));
        QVERIFY(rep.open(QIODevice::ReadOnly));
        const QJsonObject jr = QJsonDocument::fromJson(rep.readAll()).object();
        QCOMPARE(jr["dataset"].toObject()["sha256"].toString().size(), 64);
        QCOMPARE(jr["predictions"].toObject()["sha256"].toString().size(), 64);
        QVERIFY(jr["timing"].toObject().contains("score_seconds"));

        r = runCli({"eval", "score", "--test", test, "--pred", b, "--report-dir", dir.filePath("rb")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.out.contains("Open recall (LLaVA-Med)"));

        r = runCli({"report", "compare", dir.filePath("ra/report.json"), dir.filePath("rb/report.json"), "--html",
                     dir.filePath("cmp.html"), "--json", dir.filePath("cmp.json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.out.contains("McNemar"));
        QVERIFY(QFile::exists(dir.filePath("cmp.html")));

        // shards in any order merge into test order
        const QString s0 = write(dir, "s0.jsonl", line(3, "x") + line(1, "y"));
        const QString s1 = write(dir, "s1.jsonl", line(2, "z"));
        r = runCli({"eval", "merge", "--test", test, "--out", dir.filePath("merged.jsonl"), s0, s1});
        QVERIFY2(r.code == 0, r.err.constData());
        QFile merged(dir.filePath("merged.jsonl"));
        QVERIFY(merged.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = merged.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].startsWith("{\"question_id\":1,"));
        QVERIFY(lines[2].startsWith("{\"question_id\":3,"));
        // a missing shard's questions: bad input
        r = runCli({"eval", "merge", "--test", test, "--out", dir.filePath("m2.jsonl"), s0});
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains("have no prediction"));
    }

    void exitCodes_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("expected");
        QTest::newRow("no eval subcommand") << QStringList{"eval"} << 2;
        QTest::newRow("missing --pred") << QStringList{"eval", "score", "--test", "x.json"} << 2;
        QTest::newRow("bad dataset") << QStringList{"eval", "score", "--test", "T", "--pred", "P", "--dataset", "mimic"} << 2;
        QTest::newRow("broken test file") << QStringList{"eval", "score", "--test", "BROKEN", "--pred", "P"} << 3;
        QTest::newRow("pickle") << QStringList{"eval", "score", "--test", "PKL", "--pred", "P"} << 3;
        QTest::newRow("fewer predictions") << QStringList{"eval", "score", "--test", "T", "--pred", "SHORT"} << 3;
        QTest::newRow("missing report") << QStringList{"report", "compare", "NOPE", "NOPE"} << 3;
    }
    void exitCodes() {
        QFETCH(QStringList, args);
        QFETCH(int, expected);
        QTemporaryDir dir;
        const QString t = write(dir, "test.json", kTest);
        const QString p = write(dir, "p.jsonl", line(1, "a") + line(2, "b") + line(3, "c"));
        const QString broken = write(dir, "broken.json", "[{");
        const QString pkl = write(dir, "d.pkl", "\x80\x04");
        const QString shrt = write(dir, "short.jsonl", line(1, "a"));
        for (auto& a : args) {
            if (a == "T") a = t;
            else if (a == "P") a = p;
            else if (a == "BROKEN") a = broken;
            else if (a == "PKL") a = pkl;
            else if (a == "SHORT") a = shrt;
            else if (a == "NOPE") a = dir.filePath("nope.json");
        }
        const Run r = runCli(args);
        QVERIFY2(r.code == expected, qPrintable(QStringLiteral("exit %1: %2").arg(r.code).arg(QString::fromUtf8(r.err))));
    }
};

QTEST_GUILESS_MAIN(TestEvalCli)
#include "test_eval_cli.moc"
