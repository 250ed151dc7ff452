// `stllava train sft|dpo --config FILE.json --json` end to end on a tiny model folder written here:
// JSON-line progress, the trained adapter written, Ctrl-C (SIGINT) -> exit code 4 with a
// checkpoint, a second run resumes from it; a bad config is exit code 3.
#include "model/checkpoint_io.h"
#include "fixtures/training_data.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <fstream>
#include <filesystem>

using nlohmann::json;
namespace fs = std::filesystem;

class TestTrainCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string d_;

    std::vector<json> runCli(const QStringList& args, int& code, bool interrupt = false) {
        QProcess p;
        p.setProcessChannelMode(QProcess::SeparateChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("OMP_NUM_THREADS", "1");  // a tiny model: one thread
        p.setProcessEnvironment(env);
        p.start(QString(STLLAVA_BIN_DIR) + "/stllava", args);
        std::vector<json> lines;
        bool sent = false;
        QByteArray buffer;
        while (p.state() != QProcess::NotRunning || p.bytesAvailable()) {
            p.waitForReadyRead(200);
            buffer += p.readAllStandardOutput();
            int nl;
            while ((nl = buffer.indexOf('\n')) >= 0) {
                const QByteArray line = buffer.left(nl);
                buffer.remove(0, nl + 1);
                try {
                    lines.push_back(json::parse(line.toStdString()));
                } catch (const std::exception&) {
                    qWarning("not JSON: %s", line.constData());
                }
                if (interrupt && !sent && lines.back().value("event", "") == "step" && lines.back().value("step", 0) >= 2) {
                    ::kill(static_cast<pid_t>(p.processId()), SIGINT);
                    sent = true;
                }
            }
            if (p.state() == QProcess::NotRunning && !p.bytesAvailable()) break;
        }
        p.waitForFinished(120000);
        const QByteArray err = p.readAllStandardError();
        if (!err.isEmpty()) qInfo("stderr: %s", err.left(2000).constData());
        code = p.exitCode();
        return lines;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        d_ = dir_.path().toStdString();
        const std::string tok = fixtures::trainTokenizer(d_);
        auto m = fixtures::tinyModel(stllava::Tokenizer::load(tok).vocabSize(), false);
        stllava::model::SaveOptions so;
        so.tokenizer_model_path = tok;
        stllava::model::saveModel(d_ + "/model", m, so);
        fixtures::writeJson(d_ + "/data.json", fixtures::instructItems(8, 2));
    }

    void sftWithInterruptAndResume() {
        const json cfg = {{"stage", "sft"}, {"model_path", d_ + "/model"}, {"data_path", d_ + "/data.json"},
                          {"output_dir", d_ + "/out"}, {"template", "v1_sq"}, {"batch_size", 2}, {"grad_accum", 1},
                          {"epochs", 40}, {"max_length", 1024}, {"llm_lora", {{"rank", 4}, {"alpha", 8}, {"dropout", 0.0}}},
                          {"vision", "frozen"}, {"lr", 1e-3}, {"save_steps", 1}};
        fixtures::writeJson(d_ + "/sft.json", cfg);
        int code = -1;
        auto lines = runCli({"train", "sft", "--config", QString::fromStdString(d_ + "/sft.json"), "--json"}, code, true);
        QCOMPARE(code, 4);  // cancelled
        QVERIFY(!lines.empty());
        QCOMPARE(lines.front()["event"].get<std::string>(), std::string("data"));
        QCOMPARE(lines.front()["usable"].get<int>(), 8);
        QCOMPARE(lines.back()["event"].get<std::string>(), std::string("done"));
        QVERIFY(lines.back()["cancelled"].get<bool>());
        const int stopped = lines.back()["steps"].get<int>();
        QVERIFY(stopped >= 2 && stopped < 160);
        for (const auto& l : lines)
            if (l["event"] == "step") QVERIFY(l.contains("loss") && l.contains("lr") && l.contains("eta_s") && l.contains("tokens_per_s"));

        // Resume, shortened to a few more steps.
        json shorter = cfg;
        shorter["max_steps"] = stopped + 2;
        // max_steps changes the schedule's length but not the steps per epoch: resuming is allowed.
        fixtures::writeJson(d_ + "/sft.json", shorter);
        lines = runCli({"train", "sft", "--config", QString::fromStdString(d_ + "/sft.json"), "--json"}, code);
        QCOMPARE(code, 0);
        QCOMPARE(lines.back()["resumed_from"].get<int>(), stopped);
        QCOMPARE(lines.back()["steps"].get<int>(), stopped + 2);
        QVERIFY(fs::exists(d_ + "/out/adapter/adapter_model.safetensors"));
    }

    // resume_from: a chosen (older) checkpoint of the run above instead of the newest.
    void resumeFromChosenCheckpoint() {
        std::vector<std::pair<int, std::string>> found;  // step, folder
        for (const auto& e : fs::directory_iterator(d_ + "/out")) {
            const std::string name = e.path().filename().string();
            if (name.rfind("checkpoint-", 0) == 0) found.emplace_back(std::stoi(name.substr(11)), e.path().string());
        }
        std::sort(found.begin(), found.end());
        QVERIFY(found.size() >= 2);  // keep_last 2
        const int chosen = found.front().first;
        json cfg = json::parse(std::ifstream(d_ + "/sft.json"));
        cfg["resume_from"] = found.front().second;
        cfg["max_steps"] = chosen + 1;
        fixtures::writeJson(d_ + "/sft-chosen.json", cfg);
        int code = -1;
        auto lines = runCli({"train", "sft", "--config", QString::fromStdString(d_ + "/sft-chosen.json"), "--json"}, code);
        QCOMPARE(code, 0);
        QCOMPARE(lines.back()["resumed_from"].get<int>(), chosen);
        QCOMPARE(lines.back()["steps"].get<int>(), chosen + 1);
        cfg["resume_from"] = d_ + "/out/checkpoint-999999";
        fixtures::writeJson(d_ + "/sft-missing.json", cfg);
        runCli({"train", "sft", "--config", QString::fromStdString(d_ + "/sft-missing.json"), "--json"}, code);
        QCOMPARE(code, 3);
    }

    void badConfig() {
        fixtures::writeJson(d_ + "/bad.json", json{{"stage", "sft"}, {"model_path", d_ + "/model"}, {"learning_rate", 1}});
        int code = -1;
        runCli({"train", "sft", "--config", QString::fromStdString(d_ + "/bad.json")}, code);
        QCOMPARE(code, 3);
        fixtures::writeJson(d_ + "/nodata.json", json{{"stage", "dpo"}, {"model_path", d_ + "/model"}, {"output_dir", d_ + "/o"}});
        runCli({"train", "dpo", "--config", QString::fromStdString(d_ + "/nodata.json")}, code);
        QCOMPARE(code, 3);
    }
};

QTEST_GUILESS_MAIN(TestTrainCli)
#include "test_train_cli.moc"
