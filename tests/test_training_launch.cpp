// The studio's two other ways to launch a training run (core/services/jobs/training_run_job.h),
// with a tiny model written here:
//   - in this process, on a worker thread: step events as a child's, pause holds the steps,
//     continue, stop (state cancelled, a checkpoint on disk), resume from it; the thread that owns
//     the job never stalls over 100 ms (a 10 ms QTimer's longest gap, printed); the adapter equals
//     the one a `stllava train` child process writes for the same config; a second in-process run
//     is refused while one goes; a bad config is bad input naming the key;
//   - under Debian's torchrun on 2 processes (Gloo on CPU): rank 0's prefixed lines arrive as step
//     events, pause stops every rank (no step while paused), stop reaches every rank through
//     torchrun (cancelled, checkpoint), resume from it finishes and writes the adapter; each rank's
//     log is kept; a bad config is bad input although torchrun itself exits 1.
#include "fixtures/gui_stall_meter.h"
#include "fixtures/tiny_model.h"
#include "fixtures/training_data.h"
#include "model/checkpoint_io.h"
#include "safetensors/safetensors.h"
#include "services/jobs/training_run_job.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <torch/torch.h>

using stllava::jobs::TrainingEvent;
using stllava::jobs::TrainingRunJob;
using stllava::jobs::TrainingRunSpec;
using Launch = TrainingRunSpec::Launch;

class TestTrainingLaunch : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_model, m_data;

    QJsonObject sftConfig(const QString& out, int epochs = 200) const {
        QJsonObject lora{{"rank", 4}, {"alpha", 8}, {"dropout", 0.0}};
        return QJsonObject{{"model_path", m_model}, {"data_path", m_data}, {"output_dir", out},
                           {"template", "v1_sq"}, {"batch_size", 2}, {"grad_accum", 1}, {"epochs", epochs},
                           {"max_length", 1024}, {"llm_lora", lora}, {"vision", "frozen"}, {"lr", 1e-3},
                           {"save_steps", 1}, {"keep_last", 3}, {"group_by_length", false}};
    }
    static TrainingRunSpec sft(const QJsonObject& config, Launch launch) {
        TrainingRunSpec s;
        s.kind = TrainingRunSpec::Kind::Sft;
        s.name = QStringLiteral("sft");
        s.config = config;
        s.launch = launch;
        s.processes = 2;
        return s;
    }
    static QString program() { return QStringLiteral(STLLAVA_BIN_DIR "/stllava"); }
    static bool waitEnded(TrainingRunJob& job, int ms = 240000) {
        return QTest::qWaitFor([&] { return !job.isActive(); }, ms);
    }
    static qint64 stepOf(const QString& checkpoint) {
        return checkpoint.mid(checkpoint.lastIndexOf('-') + 1).toLongLong();
    }

    // Start, two steps, pause (no step for 1.5 s), continue, stop: cancelled with a checkpoint.
    // Then resume from the newest checkpoint for two more steps: finished, adapter written.
    void pauseStopResume(Launch launch, const QString& out) {
        TrainingRunJob job;
        QList<TrainingEvent> steps;
        TrainingEvent done;
        connect(&job, &TrainingRunJob::event, this, [&](const TrainingEvent& e) {
            if (e.kind == TrainingEvent::Kind::Step) steps << e;
            if (e.kind == TrainingEvent::Kind::Done) done = e;
        });
        stllava::testing::GuiStallMeter meter;
        meter.start();
        QVERIFY(job.start(sft(sftConfig(out), launch), program()));
        QCOMPARE(job.state(), TrainingRunJob::State::Running);
        QVERIFY(QTest::qWaitFor([&] { return steps.size() >= 2 || !job.isActive(); }, 120000));
        QVERIFY2(job.isActive(), qPrintable(job.message() + "\n" + job.log().join('\n')));

        job.pause();
        QCOMPARE(job.state(), TrainingRunJob::State::Paused);
        QTest::qWait(500);  // a step under way and lines already written may still arrive
        const int atPause = int(steps.size());
        QTest::qWait(1500);
        QCOMPARE(int(steps.size()), atPause);
        job.resume();
        QCOMPARE(job.state(), TrainingRunJob::State::Running);
        QVERIFY(QTest::qWaitFor([&] { return int(steps.size()) > atPause + 1; }, 60000));

        job.stop();
        QCOMPARE(job.state(), TrainingRunJob::State::Stopping);
        QVERIFY(waitEnded(job));
        meter.stop();
        qInfo("owning thread while training %d steps over %lld ms: %d ticks of 10 ms, longest gap %lld ms",
              int(steps.size()), static_cast<long long>(meter.totalMs()), meter.ticks(),
              static_cast<long long>(meter.longestGapMs()));
        QVERIFY2(job.state() == TrainingRunJob::State::Cancelled, qPrintable(job.message() + "\n" + job.log().join('\n')));
        QCOMPARE(job.exitCode(), 4);
        QVERIFY(done.cancelled);
        QVERIFY(!job.lastCheckpoint().isEmpty());
        const QStringList ckpts = stllava::jobs::trainingCheckpoints(out);
        QVERIFY(ckpts.contains(job.lastCheckpoint()));
        QCOMPARE(stepOf(job.lastCheckpoint()), steps.back().step);  // the stop's checkpoint is the last step
        for (int i = 1; i < steps.size(); ++i) QCOMPARE(steps[i].step, steps[i - 1].step + 1);
        QVERIFY(meter.timerRan());
        QVERIFY2(meter.longestGapMs() < 100, qPrintable(QString("longest stall %1 ms").arg(meter.longestGapMs())));

        const qint64 from = stepOf(ckpts.back());
        QJsonObject config = sftConfig(out);
        config.insert("resume_from", ckpts.back());
        config.insert("max_steps", from + 2);
        steps.clear();
        done = TrainingEvent{};
        QVERIFY(job.start(sft(config, launch), program()));
        QVERIFY(waitEnded(job));
        QVERIFY2(job.state() == TrainingRunJob::State::Finished, qPrintable(job.message() + "\n" + job.log().join('\n')));
        QCOMPARE(done.resumedFrom, from);
        QCOMPARE(done.step, from + 2);
        QCOMPARE(steps.front().step, from + 1);
        QVERIFY(QFileInfo::exists(out + "/adapter/adapter_model.safetensors"));
    }

    void badConfigIsBadInput(Launch launch, const QString& out) {
        QJsonObject config = sftConfig(out);
        config.insert("learning_rate", 1);  // not a key
        TrainingRunJob job;
        QSignalSpy ended(&job, &TrainingRunJob::ended);
        QVERIFY(job.start(sft(config, launch), program()));
        QVERIFY(waitEnded(job));
        QVERIFY2(job.state() == TrainingRunJob::State::BadInput, qPrintable(job.message() + "\n" + job.log().join('\n')));
        QVERIFY2(job.message().contains("learning_rate"), qPrintable(job.message()));
        QCOMPARE(ended.size(), 1);
    }

private Q_SLOTS:
    void initTestCase() {
        qputenv("OMP_NUM_THREADS", "1");
        torch::set_num_threads(1);  // the child processes run on one thread too: same sums
        QVERIFY(m_dir.isValid());
        const std::string d = m_dir.path().toStdString();
        const std::string tok = fixtures::trainTokenizer(d);
        auto m = fixtures::tinyModel(stllava::Tokenizer::load(tok).vocabSize(), false);
        stllava::model::SaveOptions so;
        so.tokenizer_model_path = tok;
        stllava::model::saveModel(d + "/model", m, so);
        fixtures::writeJson(d + "/data.json", fixtures::instructItems(8, 2));
        m_model = m_dir.filePath("model");
        m_data = m_dir.filePath("data.json");
    }

    void inProcessPauseStopResume() { pauseStopResume(Launch::InProcess, m_dir.filePath("inproc")); }

    // The same engine either way: an in-process run and a child process of the same config write
    // the same adapter (CPU, one thread: the same sums in the same order).
    void inProcessEqualsChildProcess() {
        QJsonObject config = sftConfig(QString(), 1);
        config.insert("max_steps", 3);
        config.insert("save_steps", 0);
        QString adapters[2];
        const Launch launches[2] = {Launch::InProcess, Launch::ChildProcess};
        for (int i = 0; i < 2; ++i) {
            const QString out = m_dir.filePath(i == 0 ? "same-in" : "same-child");
            config.insert("output_dir", out);
            TrainingRunJob job;
            QVERIFY(job.start(sft(config, launches[i]), program()));
            QVERIFY(waitEnded(job));
            QVERIFY2(job.state() == TrainingRunJob::State::Finished, qPrintable(job.message()));
            adapters[i] = out + "/adapter/adapter_model.safetensors";
            QVERIFY(QFileInfo::exists(adapters[i]));
        }
        const auto a = stllava::st::File::open(adapters[0].toStdString());
        const auto b = stllava::st::File::open(adapters[1].toStdString());
        QCOMPARE(a->tensors().size(), b->tensors().size());
        QVERIFY(!a->tensors().empty());
        double worst = 0;
        for (const auto& t : a->tensors()) {
            QVERIFY2(b->find(t.name), t.name.c_str());
            worst = std::max(worst, (a->load(t.name) - b->load(t.name)).abs().max().item<double>());
        }
        qInfo("in-process vs child-process adapter: %zu tensors, largest difference %g", a->tensors().size(), worst);
        QVERIFY2(worst <= 1e-6, qPrintable(QString::number(worst)));
    }

    void secondInProcessRunIsRefused() {
        TrainingRunJob first, second;
        QVERIFY(first.start(sft(sftConfig(m_dir.filePath("one")), Launch::InProcess), program()));
        QVERIFY(!second.start(sft(sftConfig(m_dir.filePath("two")), Launch::InProcess), program()));
        QCOMPARE(second.state(), TrainingRunJob::State::Failed);
        QVERIFY2(second.message().contains("separate process"), qPrintable(second.message()));
        first.stop();
        QVERIFY(waitEnded(first));
        QCOMPARE(first.state(), TrainingRunJob::State::Cancelled);
        // With the first one over, another may go.
        QJsonObject config = sftConfig(m_dir.filePath("three"), 1);
        config.insert("max_steps", 1);
        QVERIFY(second.start(sft(config, Launch::InProcess), program()));
        QVERIFY(waitEnded(second));
        QCOMPARE(second.state(), TrainingRunJob::State::Finished);
    }

    void inProcessBadConfig() { badConfigIsBadInput(Launch::InProcess, m_dir.filePath("inproc-bad")); }

    void generationRefusesInProcess() {
        TrainingRunSpec spec;
        spec.kind = TrainingRunSpec::Kind::Generate;
        spec.launch = Launch::InProcess;
        spec.outputDir = m_dir.filePath("gen");
        TrainingRunJob job;
        QVERIFY(!job.start(spec, program()));
        QCOMPARE(job.state(), TrainingRunJob::State::Failed);
        QVERIFY(job.message().contains("separate process"));
    }

    void torchrunPauseStopResume() {
        QVERIFY2(!TrainingRunJob::torchrunExecutable().isEmpty(), "torchrun (python3-torch) is not installed");
        const QString out = m_dir.filePath("torchrun");
        pauseStopResume(Launch::Torchrun, out);
        // Each rank's stdout and stderr are kept (torchrun-logs/<run>/attempt_0/<rank>/).
        QStringList logs;
        for (QDirIterator it(out + "/torchrun-logs", {"stdout.log"}, QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
            logs << it.next();
        QVERIFY2(logs.size() >= 4, qPrintable(logs.join(", ")));  // two runs of two ranks
    }

    void torchrunBadConfig() {
        QVERIFY(!TrainingRunJob::torchrunExecutable().isEmpty());
        badConfigIsBadInput(Launch::Torchrun, m_dir.filePath("torchrun-bad"));
    }

    void missingTorchrunFails() {
        qputenv("STLLAVA_TORCHRUN", QFile::encodeName(m_dir.filePath("no-such-torchrun")));
        TrainingRunJob job;
        QVERIFY(!job.start(sft(sftConfig(m_dir.filePath("no-torchrun")), Launch::Torchrun), program()));
        qunsetenv("STLLAVA_TORCHRUN");
        QCOMPARE(job.state(), TrainingRunJob::State::Failed);
        QVERIFY2(job.message().contains("torchrun"), qPrintable(job.message()));
    }
};

QTEST_GUILESS_MAIN(TestTrainingLaunch)
#include "test_training_launch.moc"
