// Report and checkpoint-style writes are never torn: `stllava eval score --report-dir R` rewrites
// R's report.json, report.html and questions.csv over and over, alternating between two prediction
// files (A and B, so the two versions differ), and is SIGKILLed at a random moment each round.
// After each kill every file is whole and is the old version or the new one: report.json parses and
// names A's or B's predictions digest, questions.csv equals A's or B's byte for byte, report.html
// is A's or B's but for its timing line. Killed writes leave only "<file>.tmp-<pid>-<n>" temporaries.
// The kill seed is printed; STLLAVA_KILL_SEED replays a run.
#include "fixtures/run_stllava.h"
#include "reliability/kill_seed.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <thread>

namespace {

constexpr int kItems = 6000;
const char* const kFiles[] = {"report.json", "report.html", "questions.csv"};

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void write(const QString& path, const QByteArray& data) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size()) qFatal("cannot write %s", qPrintable(path));
}

// The parts of a report file that differ between two runs on the same inputs (timing) blanked.
QByteArray stable(const QString& name, QByteArray bytes) {
    if (name == QLatin1String("report.json")) {
        QJsonObject o = QJsonDocument::fromJson(bytes).object();
        o.remove(QStringLiteral("timing"));
        o.remove(QStringLiteral("created"));
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }
    if (name == QLatin1String("report.html")) {
        static const QRegularExpression timing(QStringLiteral("<td>Timing</td><td class=\"mono\">[^<]*</td>"));
        return QString::fromUtf8(bytes).replace(timing, QStringLiteral("T")).toUtf8();
    }
    return bytes;
}

}  // namespace

class TestReportWriteSigkill : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString test_, pred_[2];
    QByteArray version_[2][3];  // [A/B][file], stable parts
    QRandomGenerator rng_;

    QStringList scoreArgs(int v, const QString& report_dir) const {
        return {"eval", "score", "--test", test_, "--pred", pred_[v], "--report-dir", report_dir};
    }

    // Which version (0 = A, 1 = B) the file is; -1 when it is neither (torn or missing).
    int versionOf(const QString& report_dir, int file) const {
        const QString name = QString::fromLatin1(kFiles[file]);
        const QByteArray bytes = readAll(report_dir + "/" + name);
        if (bytes.isEmpty()) return -1;
        if (file == 0 && QJsonDocument::fromJson(bytes).isNull()) return -1;  // not even JSON
        const QByteArray s = stable(name, bytes);
        for (int v = 0; v < 2; ++v)
            if (s == version_[v][file]) return v;
        return -1;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        rng_ = stllava::testing::killRandom("test_report_write_sigkill");
        QByteArray test = "[";
        QByteArray a, b;
        for (int i = 1; i <= kItems; ++i) {
            const bool closed = i % 2 == 0;
            const QByteArray id = QByteArray::number(i);
            test += QByteArray(i > 1 ? ",\n" : "\n") + "{\"id\": " + id + ", \"image\": \"img" + id +
                    ".jpg\", \"answer_type\": \"" + (closed ? "CLOSED" : "OPEN") +
                    "\", \"conversations\": [{\"from\": \"human\", \"value\": \"<image>\\nQuestion " + id +
                    " about the liver?\"}, {\"from\": \"gpt\", \"value\": \"" +
                    (closed ? "yes" : "a lesion in the left lobe") + "\"}]}";
            auto line = [&](const char* text) {
                return QByteArray("{\"question_id\": ") + id + ", \"prompt\": \"\", \"text\": \"" + text +
                       "\", \"answer_id\": \"\", \"model_id\": \"m\", \"metadata\": {}}\n";
            };
            a += line(closed ? "Yes." : "a lesion in the liver");
            b += line(i % 3 ? "no" : "left lobe lesion");
        }
        test += "\n]\n";
        test_ = dir_.filePath("test.json");
        write(test_, test);
        pred_[0] = dir_.filePath("a.jsonl");
        pred_[1] = dir_.filePath("b.jsonl");
        write(pred_[0], a);
        write(pred_[1], b);
        for (int v = 0; v < 2; ++v) {
            const QString out = dir_.filePath(v == 0 ? "version-a" : "version-b");
            const auto r = stllava::testing::runStllava(scoreArgs(v, out), 120000);
            QVERIFY2(r.code == 0, r.err.constData());
            for (int f = 0; f < 3; ++f) {
                const QString name = QString::fromLatin1(kFiles[f]);
                version_[v][f] = stable(name, readAll(out + "/" + name));
                QVERIFY2(!version_[v][f].isEmpty(), qPrintable(name));
            }
            // The same inputs scored again give the same stable parts (else old/new cannot be told).
            const auto again = stllava::testing::runStllava(scoreArgs(v, out + "-again"), 120000);
            QVERIFY2(again.code == 0, again.err.constData());
            for (int f = 0; f < 3; ++f)
                QVERIFY2(stable(QString::fromLatin1(kFiles[f]), readAll(out + "-again/" + kFiles[f])) == version_[v][f],
                         kFiles[f]);
        }
        for (int f = 0; f < 3; ++f) QVERIFY2(version_[0][f] != version_[1][f], kFiles[f]);
    }

    void killedRewritesLeaveTheOldOrTheNewFile() {
        const QString out = dir_.filePath("target");
        QElapsedTimer clock;
        clock.start();
        const auto first = stllava::testing::runStllava(scoreArgs(0, out), 120000);
        QVERIFY2(first.code == 0, first.err.constData());
        const int run_ms = static_cast<int>(clock.elapsed());
        int known[3] = {0, 0, 0};  // the version each file holds now
        const int rounds = 40;
        int torn = 0, became_new = 0, stayed_old = 0, mixed_folders = 0, finished = 0;
        for (int round = 0; round < rounds; ++round) {
            const int v = 1 - known[0];  // write the other version
            const int sleep_ms = stllava::testing::uniform(rng_, run_ms / 3, run_ms + run_ms / 5);
            QProcess p;
            p.setProcessEnvironment(stllava::testing::cliEnvironment());
            p.start(QStringLiteral(STLLAVA_BIN_DIR "/stllava"), scoreArgs(v, out));
            QVERIFY(p.waitForStarted(10000));
            std::this_thread::sleep_for(std::chrono::milliseconds(sleep_ms));
            if (p.state() == QProcess::Running) {
                ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
            } else {
                ++finished;
            }
            QVERIFY(p.waitForFinished(60000));
            int seen[3];
            for (int f = 0; f < 3; ++f) {
                seen[f] = versionOf(out, f);
                if (seen[f] < 0 || (seen[f] != known[f] && seen[f] != v)) {
                    ++torn;
                    qWarning("round %d: %s is neither the old nor the new version", round, kFiles[f]);
                    continue;
                }
                if (seen[f] == known[f] && seen[f] != v)
                    ++stayed_old;
                else
                    ++became_new;
                known[f] = seen[f];
            }
            if (!(seen[0] == seen[1] && seen[1] == seen[2])) ++mixed_folders;
        }
        int temporaries = 0;
        for (const QString& name : QDir(out).entryList(QDir::Files)) {
            if (name.contains(QLatin1String(".tmp-"))) ++temporaries;
            else QVERIFY2(name == "report.json" || name == "report.html" || name == "questions.csv", qPrintable(name));
        }
        qInfo("report writes: %d items, %d ms a run, %d rounds (%d killed, %d finished first): files found old %d "
              "times, new %d times, torn %d; %d times the folder held files of both versions; %d temporaries left "
              "by killed writes",
              kItems, run_ms, rounds, rounds - finished, finished, stayed_old, became_new, torn, mixed_folders,
              temporaries);
        QCOMPARE(torn, 0);
        QVERIFY(stayed_old > 0 && became_new > 0);  // the kills fell before, during and after the writes
    }
};

QTEST_GUILESS_MAIN(TestReportWriteSigkill)
#include "test_report_write_sigkill.moc"
