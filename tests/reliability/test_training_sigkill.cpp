// Training survives SIGKILL: `stllava train sft|dpo --json` on a tiny model is killed at a random
// moment (a random step, then a random few milliseconds: inside a step, between micro-steps or in
// a checkpoint write), several times, and resumed from the newest checkpoint each time.
//   - after every kill each visible checkpoint-<step> folder passes the manifest check (complete,
//     loadable); a write cut short is only ever a hidden working folder, removed by the next run;
//   - every step's loss equals the uninterrupted run's at that step, and the final adapter equals
//     the uninterrupted run's bit for bit (tolerance 0: CPU, one thread, same seeds; the trainer
//     promises exact resume).
// The kill seed is printed; STLLAVA_KILL_SEED replays a run.
#include "fixtures/training_data.h"
#include "reliability/kill_seed.h"

#include "model/checkpoint_io.h"
#include "safetensors/safetensors.h"
#include "training/checkpoint.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <filesystem>
#include <map>
#include <thread>

using nlohmann::json;
namespace fs = std::filesystem;
namespace tr = stllava::training;

namespace {

struct Round {
    bool killed = false;        // SIGKILL sent while it ran
    int code = -1;              // exit code when it ended by itself
    std::map<int, double> losses;  // step -> loss, from its "step" lines
    int first_step = -1;        // the first step it reported (resume point + 1)
    json done;                  // its "done" line, when it finished
    QByteArray err;
};

// Runs `stllava train STAGE --config CONFIG --json`; with kill_after_step >= 0, SIGKILLs it
// `sleep_ms` after it reports that step.
Round runRound(const QString& stage, const QString& config, int kill_after_step, int sleep_ms) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("OMP_NUM_THREADS", "1");  // exact resume needs the same thread count
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(STLLAVA_BIN_DIR "/stllava"), {"train", stage, "--config", config, "--json"});
    Round r;
    if (!p.waitForStarted(10000)) return r;
    QByteArray buffer;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 300000) {
        const bool running = p.state() != QProcess::NotRunning;
        if (running) p.waitForReadyRead(20);
        buffer += p.readAllStandardOutput();
        int nl;
        bool kill_now = false;
        while ((nl = buffer.indexOf('\n')) >= 0) {
            const QByteArray line = buffer.left(nl);
            buffer.remove(0, nl + 1);
            json j;
            try {
                j = json::parse(line.toStdString());
            } catch (const std::exception&) {
                continue;
            }
            if (j.value("event", "") == "step") {
                const int step = j["step"].get<int>();
                if (r.first_step < 0) r.first_step = step;
                r.losses[step] = j["loss"].get<double>();
                if (kill_after_step >= 0 && step == kill_after_step) kill_now = true;
            } else if (j.value("event", "") == "done") {
                r.done = j;
            }
        }
        if (kill_now && p.state() != QProcess::NotRunning) {
            std::this_thread::sleep_for(std::chrono::milliseconds(sleep_ms));
            ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
            r.killed = true;
            p.waitForFinished(30000);
            break;
        }
        if (!running) break;
    }
    if (p.state() != QProcess::NotRunning) {  // ran past the bound: not a result
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.err = p.readAllStandardError();
    if (!r.killed) r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    return r;
}

tr::NamedTensors loadAll(const std::string& path) {
    auto f = stllava::st::File::open(path);
    tr::NamedTensors out;
    for (const auto& info : f->tensors()) out.emplace_back(info.name, f->load(info.name));
    return out;
}

int hiddenFolders(const std::string& dir) {
    int n = 0;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().rfind(".checkpoint-", 0) == 0) ++n;
    return n;
}

}  // namespace

class TestTrainingSigkill : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string d_;
    QRandomGenerator rng_;

    // The uninterrupted run, then a run killed `kills` times and resumed; compares them.
    void killAndCompare(const std::string& name, json cfg, int kills) {
        const QString stage = QString::fromStdString(cfg["stage"].get<std::string>());
        cfg["output_dir"] = d_ + "/" + name + "-reference";
        const QString ref_cfg = QString::fromStdString(d_ + "/" + name + "-reference.json");
        fixtures::writeJson(ref_cfg.toStdString(), cfg);
        QElapsedTimer clock;
        clock.start();
        const Round ref = runRound(stage, ref_cfg, -1, 0);
        const double ref_s = clock.elapsed() / 1000.0;
        QVERIFY2(ref.code == 0, ref.err.constData());
        const int total = ref.done["steps"].get<int>();
        QCOMPARE(static_cast<int>(ref.losses.size()), total);
        const int step_ms = static_cast<int>(1000.0 * ref_s / total);

        const std::string out = d_ + "/" + name + "-killed";
        cfg["output_dir"] = out;
        const QString kill_cfg = QString::fromStdString(d_ + "/" + name + "-killed.json");
        fixtures::writeJson(kill_cfg.toStdString(), cfg);
        int rounds = 0, mid_write = 0, finished_first = 0, redone = 0, loss_mismatches = 0, torn = 0;
        // redone: steps a killed round had reported past its newest checkpoint (lost work, done again)
        int done_steps = 0;  // the newest checkpoint's step: where the next round resumes
        auto checkLosses = [&](const Round& r) {
            for (const auto& [step, loss] : r.losses)
                if (loss != ref.losses.at(step)) {
                    ++loss_mismatches;
                    qWarning("%s step %d: loss %.17g, uninterrupted %.17g", name.c_str(), step, loss, ref.losses.at(step));
                }
        };
        for (int k = 0; k < kills && done_steps < total; ++k) {
            const int at = stllava::testing::uniform(rng_, done_steps + 1, total - 1);
            const int sleep_ms = stllava::testing::uniform(rng_, 0, std::min(200, 2 * step_ms));
            const Round r = runRound(stage, kill_cfg, at, sleep_ms);
            QVERIFY2(r.killed || r.code == 0, r.err.constData());
            ++rounds;
            if (!r.killed) ++finished_first;
            QVERIFY2(r.first_step < 0 || r.first_step == done_steps + 1,
                     qPrintable(QStringLiteral("round %1 started at step %2, the newest checkpoint is step %3")
                                    .arg(rounds).arg(r.first_step).arg(done_steps)));
            checkLosses(r);
            if (hiddenFolders(out) > 0) ++mid_write;
            // Every visible checkpoint folder is complete and loadable.
            for (const auto& ckpt : tr::listCheckpoints(out)) {
                try {
                    tr::verifyCheckpoint(ckpt);
                } catch (const std::exception& e) {
                    ++torn;
                    qWarning("torn checkpoint after round %d: %s", rounds, e.what());
                }
            }
            const std::string newest = tr::latestCheckpoint(out);
            done_steps = newest.empty() ? 0 : std::stoi(fs::path(newest).filename().string().substr(11));
            if (!r.losses.empty()) redone += std::max(0, r.losses.rbegin()->first - done_steps);
            qInfo("%s round %d: killed %s %d ms after step %d (resumed at %d); newest checkpoint now step %d",
                  name.c_str(), rounds, r.killed ? "yes" : "no (finished)", sleep_ms, at, r.first_step - 1, done_steps);
            if (!r.killed) break;
        }
        // The last round runs to the end.
        const Round last = runRound(stage, kill_cfg, -1, 0);
        QVERIFY2(last.code == 0, last.err.constData());
        checkLosses(last);
        QCOMPARE(last.done["steps"].get<int>(), total);
        QCOMPARE(last.done["resumed_from"].get<int>(), done_steps);
        QCOMPARE(hiddenFolders(out), 0);  // what the killed rounds left was removed

        const auto a = loadAll(d_ + "/" + name + "-reference/adapter/adapter_model.safetensors");
        const auto b = loadAll(out + "/adapter/adapter_model.safetensors");
        QCOMPARE(a.size(), b.size());
        double max_diff = 0;
        int differing = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].first, b[i].first);
            const double d = (a[i].second - b[i].second).abs().max().item<double>();
            max_diff = std::max(max_diff, d);
            if (!torch::equal(a[i].second, b[i].second)) ++differing;
        }
        qInfo("%s: %d steps (%.2f s uninterrupted, %d ms a step); %d rounds killed, %d finished before its kill, "
              "%d kills left a checkpoint write cut short, %d torn checkpoints, %d steps redone after kills, "
              "%d step losses differ; final adapter: %zu tensors, %d differ, max |diff| %g",
              name.c_str(), total, ref_s, step_ms, rounds - finished_first, finished_first, mid_write, torn, redone,
              loss_mismatches, a.size(), differing, max_diff);
        QCOMPARE(torn, 0);
        QCOMPARE(loss_mismatches, 0);
        QCOMPARE(differing, 0);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        rng_ = stllava::testing::killRandom("test_training_sigkill");
        d_ = dir_.path().toStdString();
        const std::string tok = fixtures::trainTokenizer(d_);
        auto m = fixtures::tinyModel(stllava::Tokenizer::load(tok).vocabSize(), false);
        stllava::model::SaveOptions so;
        so.tokenizer_model_path = tok;
        stllava::model::saveModel(d_ + "/model", m, so);
        fixtures::writeJson(d_ + "/sft.json", fixtures::instructItems(8, 2));
        json prefs = json::array();
        for (int i = 0; i < 8; ++i) {
            const auto k = static_cast<std::size_t>(i % 8);
            prefs.push_back({{"id", "p" + std::to_string(i)},
                             {"chosen_conversations", {{{"from", "human"}, {"value", fixtures::questions()[k]}},
                                                       {{"from", "gpt"}, {"value", fixtures::answers()[k]}}}},
                             {"reject_conversations", {{{"from", "human"}, {"value", fixtures::questions()[k]}},
                                                       {{"from", "gpt"}, {"value", fixtures::answers()[(k + 3) % 8]}}}}});
        }
        fixtures::writeJson(d_ + "/prefs.json", prefs);
    }

    // 8 two-turn items, batch 1 x accumulation 2 (a kill can fall between micro-steps), LoRA with
    // dropout and question learning (both draw from the generator the checkpoint restores),
    // a checkpoint every 2 steps and at each epoch's end, the 2 newest kept: 32 steps.
    void sftKilledAndResumedEqualsUninterrupted() {
        const json cfg = {{"stage", "sft"}, {"model_path", d_ + "/model"}, {"data_path", d_ + "/sft.json"},
                          {"template", "v1_sq"}, {"batch_size", 1}, {"grad_accum", 2}, {"epochs", 8},
                          {"max_length", 512}, {"llm_lora", {{"rank", 4}, {"alpha", 8}, {"dropout", 0.1}}},
                          {"vision", "frozen"}, {"lr", 1e-3}, {"save_steps", 2}, {"keep_last", 2}};
        killAndCompare("sft", cfg, 6);
    }

    // DPO over 8 text pairs with the cached reference log-probs: 24 steps, a checkpoint every step.
    void dpoKilledAndResumedEqualsUninterrupted() {
        const json cfg = {{"stage", "dpo"}, {"model_path", d_ + "/model"}, {"data_path", d_ + "/prefs.json"},
                          {"template", "v1_sq"}, {"batch_size", 2}, {"grad_accum", 1}, {"epochs", 6},
                          {"max_length", 512}, {"llm_lora", {{"rank", 4}, {"alpha", 8}, {"dropout", 0.1}}},
                          {"vision", "frozen"}, {"lr", 5e-3}, {"save_steps", 1}, {"keep_last", 2}};
        killAndCompare("dpo", cfg, 4);
    }
};

QTEST_GUILESS_MAIN(TestTrainingSigkill)
#include "test_training_sigkill.moc"
