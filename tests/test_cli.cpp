// The stllava executable: exit codes on bad arguments, doctor --json.
#include "fixtures/run_stllava.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = stllava::testing::StllavaRun;
using stllava::testing::runStllava;

}  // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exitCodes_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("expected");
        QTest::newRow("help") << QStringList{"--help"} << 0;
        QTest::newRow("version") << QStringList{"--version"} << 0;
        QTest::newRow("doctor help") << QStringList{"doctor", "--help"} << 0;
        QTest::newRow("no subcommand") << QStringList{} << 2;
        QTest::newRow("unknown subcommand") << QStringList{"frobnicate"} << 2;
        QTest::newRow("unknown option") << QStringList{"doctor", "--no-such-flag"} << 2;
        QTest::newRow("option without value") << QStringList{"doctor", "--disk"} << 2;
    }
    void exitCodes() {
        QFETCH(QStringList, args);
        QFETCH(int, expected);
        const Run r = runStllava(args);
        QVERIFY2(r.code == expected, qPrintable(QStringLiteral("exit %1, stderr: %2").arg(r.code).arg(QString::fromUtf8(r.err))));
    }

    void helpListsExitCodes() {
        const Run r = runStllava({"--help"});
        QVERIFY(r.out.contains("doctor"));
        QVERIFY(r.out.contains("Exit codes"));
    }

    void doctorJson() {
        const Run r = runStllava({"doctor", "--json", "--quick"});
        QVERIFY2(r.code == 0 || r.code == 1, r.err.constData());
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &err);
        QVERIFY2(err.error == QJsonParseError::NoError, qPrintable(err.errorString()));
        const QJsonObject root = doc.object();
        // The BLAS is named, with a library path and a measured figure.
        const QJsonObject blas = root.value("blas").toObject();
        const QString kind = blas.value("kind").toString();
        QVERIFY2(QStringList({"openblas", "reference", "mkl", "blis", "atlas"}).contains(kind), qPrintable(kind));
        QVERIFY(blas.value("library").toString().contains("blas"));
        QVERIFY(blas.value("matmul_gflops").toDouble() > 0.0);
        QVERIFY(!root.value("torch").toObject().value("version").toString().isEmpty());
        QVERIFY(root.value("tokenizer").toObject().value("loaded").toBool());
        QVERIFY(root.value("checks").toArray().size() >= 8);
        // The verdict follows the BLAS: a reference BLAS must raise a warning.
        if (kind == "reference") QVERIFY(root.value("warnings").toBool());
    }

    void jsonTypeErrorIsBadInput() {
        // A report.json whose bootstrap settings have the wrong type: nlohmann's type error reaches
        // main, which must exit with the bad-input code and name the file.
        QTemporaryDir tmp;
        const QString report = tmp.filePath("report.json");
        QFile f(report);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"kind": "stllava-eval-report", "dataset": {}, "predictions": {}, "questions": [],
                   "config": {"bootstrap": {"resamples": "many"}}})");
        f.close();
        const Run r = runStllava({"report", "compare", report, report});
        QVERIFY2(r.code == 3,
                 qPrintable(QStringLiteral("exit %1, stderr: %2").arg(r.code).arg(QString::fromUtf8(r.err))));
        QVERIFY2(r.err.contains(report.toUtf8()), r.err.constData());
        QVERIFY2(r.err.contains("type"), r.err.constData());
    }

    void doctorTable() {
        const Run r = runStllava({"doctor", "--quick"});
        QVERIFY(r.code == 0 || r.code == 1);
        QVERIFY(r.out.contains("library in use"));
        QVERIFY(r.out.contains("GFLOP/s"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
