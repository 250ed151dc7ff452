// A full disk gives a clear error and tears nothing: `stllava` runs with a file-size limit
// (RLIMIT_FSIZE through prlimit, SIGXFSZ ignored so writes fail with EFBIG as on a full disk):
//   - `eval score --report-dir` over an existing report: exits non-zero, the message names the
//     report folder's file, and report.json / report.html / questions.csv are still the old ones;
//   - `train sft` resumed past a checkpoint, with full fine-tuning (checkpoints far over the limit):
//     exits non-zero naming the checkpoint, the old checkpoint still verifies, no new visible one.
#include "fixtures/run_stllava.h"
#include "fixtures/tiny_model.h"
#include "fixtures/training_data.h"
#include "model/checkpoint_io.h"
#include "training/checkpoint.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

namespace fs = std::filesystem;

namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void write(const QString& path, const QByteArray& data) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size()) qFatal("cannot write %s", qPrintable(path));
}

// stllava with every file it writes limited to `bytes` (as a full disk: EFBIG, not a signal).
stllava::testing::StllavaRun runLimited(qint64 bytes, const QStringList& args) {
    QStringList quoted;
    for (const QString& a : args) quoted << "'" + QString(a).replace("'", "'\\''") + "'";
    QProcess p;
    p.setProcessEnvironment(stllava::testing::cliEnvironment());
    p.start("/bin/sh", {"-c", QString("trap '' XFSZ; exec prlimit --fsize=%1 -- '%2' %3")
                                  .arg(bytes).arg(STLLAVA_BIN_DIR "/stllava", quoted.join(' '))});
    stllava::testing::StllavaRun r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(300000)) return r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

}  // namespace

class TestFullDisk : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QVERIFY2(!QStandardPaths::findExecutable("prlimit").isEmpty(), "prlimit (util-linux) is missing");
    }

    void reportWriteOnAFullDiskKeepsTheOldReport() {
        QByteArray test = "[", a, b;
        for (int i = 1; i <= 2000; ++i) {
            const QByteArray id = QByteArray::number(i);
            test += QByteArray(i > 1 ? ",\n" : "\n") + "{\"id\": " + id + ", \"image\": \"img" + id +
                    ".jpg\", \"answer_type\": \"CLOSED\", \"conversations\": [{\"from\": \"human\", \"value\": "
                    "\"<image>\\nIs there a lesion?\"}, {\"from\": \"gpt\", \"value\": \"yes\"}]}";
            auto line = [&](const char* text) {
                return QByteArray("{\"question_id\": ") + id + ", \"prompt\": \"\", \"text\": \"" + text +
                       "\", \"answer_id\": \"\", \"model_id\": \"m\", \"metadata\": {}}\n";
            };
            a += line("yes");
            b += line(i % 2 ? "no" : "yes");
        }
        write(dir_.filePath("test.json"), test + "\n]\n");
        write(dir_.filePath("a.jsonl"), a);
        write(dir_.filePath("b.jsonl"), b);
        const QString out = dir_.filePath("report");
        auto args = [&](const char* pred) {
            return QStringList{"eval", "score", "--test", dir_.filePath("test.json"), "--pred", dir_.filePath(pred),
                               "--report-dir", out};
        };
        const auto first = stllava::testing::runStllava(args("a.jsonl"));
        QVERIFY2(first.code == 0, first.err.constData());
        const QStringList files{"report.json", "report.html", "questions.csv"};
        QList<QByteArray> before;
        for (const QString& f : files) {
            before << readAll(out + "/" + f);
            QVERIFY2(before.back().size() > 8192, qPrintable(f));  // each over the limit below
        }
        const auto full = runLimited(8192, args("b.jsonl"));
        qInfo("eval score on a full disk: exit %d, stderr: %s", full.code, full.err.trimmed().constData());
        QVERIFY(full.code != 0 && full.code != -2);  // an error exit, not a signal
        QVERIFY2(full.err.contains(QFile::encodeName(out)), full.err.constData());
        for (int i = 0; i < files.size(); ++i) QVERIFY2(readAll(out + "/" + files[i]) == before[i], qPrintable(files[i]));
        const QStringList left = QDir(out).entryList(QDir::Files | QDir::Hidden);
        qInfo("files in the report folder after: %s", qPrintable(left.join(", ")));
    }

    void checkpointWriteOnAFullDiskKeepsTheOldCheckpoint() {
        const std::string d = dir_.path().toStdString();
        const std::string tok = fixtures::trainTokenizer(d);
        auto m = fixtures::tinyModel(stllava::Tokenizer::load(tok).vocabSize(), false);
        stllava::model::SaveOptions so;
        so.tokenizer_model_path = tok;
        stllava::model::saveModel(d + "/model", m, so);
        fixtures::writeJson(d + "/sft.json", fixtures::instructItems(8, 2));
        const std::string out = d + "/train";
        nlohmann::json cfg = {{"stage", "sft"}, {"model_path", d + "/model"}, {"data_path", d + "/sft.json"},
                              {"output_dir", out}, {"template", "v1_sq"}, {"batch_size", 2}, {"grad_accum", 1},
                              {"epochs", 4}, {"max_length", 512}, {"decoder", "full"}, {"vision", "frozen"},
                              {"lr", 1e-4}, {"save_steps", 2}, {"keep_last", 3}, {"max_steps", 2}};
        fixtures::writeJson(d + "/first.json", cfg);
        const auto first = stllava::testing::runStllava({"train", "sft", "--config", QString::fromStdString(d + "/first.json")});
        QVERIFY2(first.code == 0, first.err.constData());
        const std::string ckpt = out + "/checkpoint-00000002";
        QVERIFY(fs::is_directory(ckpt));
        stllava::training::verifyCheckpoint(ckpt);
        cfg["max_steps"] = 4;
        fixtures::writeJson(d + "/second.json", cfg);
        const auto full = runLimited(64 * 1024, {"train", "sft", "--config", QString::fromStdString(d + "/second.json")});
        qInfo("train sft on a full disk: exit %d, stderr: %s", full.code, full.err.trimmed().right(600).constData());
        QVERIFY(full.code != 0 && full.code != -2);
        QVERIFY2(full.err.contains("checkpoint"), full.err.constData());
        stllava::training::verifyCheckpoint(ckpt);  // throws when torn
        QVERIFY(!fs::exists(out + "/checkpoint-00000004"));
        // The next run (no limit) resumes from the intact checkpoint and cleans up.
        const auto again = stllava::testing::runStllava({"train", "sft", "--config", QString::fromStdString(d + "/second.json")});
        QVERIFY2(again.code == 0, again.err.constData());
        stllava::training::verifyCheckpoint(out + "/checkpoint-00000004");
        for (const auto& e : fs::directory_iterator(out))
            QVERIFY2(e.path().filename().string().rfind(".checkpoint-", 0) != 0, e.path().c_str());
    }
};

QTEST_GUILESS_MAIN(TestFullDisk)
#include "test_full_disk.moc"
