// The studio's training runs (core/services/jobs/training_run_job.h) on real child processes of
// build/bin/stllava and a tiny model written here:
//   - the event parser on recorded JSON lines of `train --json` and `selftrain generate --json`,
//     garbage lines included (kept as text, never a crash);
//   - an SFT run shows step events, is paused and continued (SIGSTOP / SIGCONT), stopped (exit 4,
//     state cancelled, a checkpoint on disk), and resumed from a chosen checkpoint;
//   - stage-2 generation reports each image done and ends finished;
//   - the run list model shows each run's state;
//   - a bad config is refused by the child with exit 3 (state bad input, its stderr in the message);
//   - the thread that owns the job (the GUI thread in the studio) never stalls over 100 ms while
//     the child trains (the longest gap of a 10 ms QTimer, printed).
#include "fixtures/gui_stall_meter.h"
#include "fixtures/tiny_model.h"
#include "fixtures/training_data.h"
#include "imaging/raster_codecs.h"
#include "model/checkpoint_io.h"
#include "services/jobs/training_run_job.h"
#include "services/jobs/training_run_list.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using stllava::jobs::TrainingEvent;
using stllava::jobs::TrainingRunJob;
using stllava::jobs::TrainingRunSpec;

class TestTrainingRunJob : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_model, m_data;

    QJsonObject sftConfig(const QString& out) const {
        QJsonObject lora{{"rank", 4}, {"alpha", 8}, {"dropout", 0.0}};
        return QJsonObject{{"model_path", m_model}, {"data_path", m_data}, {"output_dir", out},
                           {"template", "v1_sq"}, {"batch_size", 2}, {"grad_accum", 1}, {"epochs", 200},
                           {"max_length", 1024}, {"llm_lora", lora}, {"vision", "frozen"}, {"lr", 1e-3},
                           {"save_steps", 1}, {"keep_last", 3}};
    }
    static TrainingRunSpec sft(const QJsonObject& config) {
        TrainingRunSpec s;
        s.kind = TrainingRunSpec::Kind::Sft;
        s.name = QStringLiteral("sft");
        s.config = config;
        return s;
    }
    static QString program() { return QStringLiteral(STLLAVA_BIN_DIR "/stllava"); }
    static bool waitEnded(TrainingRunJob& job, int ms = 180000) {
        return QTest::qWaitFor([&] { return !job.isActive(); }, ms);
    }

private Q_SLOTS:
    void initTestCase() {
        qputenv("OMP_NUM_THREADS", "1");
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

    void parserOnRecordedLines_data() {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("kind");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<double>("loss");
        QTest::newRow("data") << QByteArray(R"({"event":"data","path":"d.json","total":8,"usable":7,"issues":1})")
                              << int(TrainingEvent::Kind::Data) << qint64(0) << 0.0;
        QTest::newRow("sft step") << QByteArray(R"({"epoch":0,"eta_s":3.5,"event":"step","grad_norm":1.25,"loss":5.5,"lr":0.001,"memory_bytes":1000,"stage":"sft","step":3,"tokens_per_s":420.0,"total_steps":40})")
                                  << int(TrainingEvent::Kind::Step) << qint64(3) << 5.5;
        QTest::newRow("dpo step") << QByteArray(R"({"event":"step","stage":"dpo","step":2,"loss":0.69,"reward_accuracy":0.75,"margin":0.02,"chosen_reward":0.01,"rejected_reward":-0.01})")
                                  << int(TrainingEvent::Kind::Step) << qint64(2) << 0.69;
        QTest::newRow("checkpoint") << QByteArray(R"({"event":"checkpoint","stage":"sft","step":3,"checkpoint":"/o/checkpoint-3"})")
                                    << int(TrainingEvent::Kind::Checkpoint) << qint64(3) << 0.0;
        QTest::newRow("generate") << QByteArray(R"({"event":"progress","stage":"generate","done":2,"total":5,"images_per_s":0.5,"eta_s":6})")
                                  << int(TrainingEvent::Kind::Generate) << qint64(0) << 0.0;
        QTest::newRow("done") << QByteArray(R"({"event":"done","steps":9,"cancelled":true,"resumed_from":4,"loss":1.5,"checkpoint":"c"})")
                              << int(TrainingEvent::Kind::Done) << qint64(9) << 1.5;
        QTest::newRow("unknown event") << QByteArray(R"({"event":"future","x":1})") << int(TrainingEvent::Kind::Other) << qint64(0) << 0.0;
        QTest::newRow("garbage") << QByteArray("\x01\xff not json {") << int(TrainingEvent::Kind::Text) << qint64(0) << 0.0;
        QTest::newRow("truncated json") << QByteArray(R"({"event":"step","step":)") << int(TrainingEvent::Kind::Text) << qint64(0) << 0.0;
        QTest::newRow("json array") << QByteArray("[1,2]") << int(TrainingEvent::Kind::Text) << qint64(0) << 0.0;
        QTest::newRow("no event name") << QByteArray(R"({"step":1})") << int(TrainingEvent::Kind::Text) << qint64(0) << 0.0;
        QTest::newRow("human line") << QByteArray("epoch 0  step 1/4  loss 5.1") << int(TrainingEvent::Kind::Text) << qint64(0) << 0.0;
    }
    void parserOnRecordedLines() {
        QFETCH(QByteArray, line);
        QFETCH(int, kind);
        QFETCH(qint64, step);
        QFETCH(double, loss);
        const TrainingEvent e = stllava::jobs::parseTrainingEvent(line + "\n");
        QCOMPARE(int(e.kind), kind);
        QCOMPARE(e.step, step);
        QCOMPARE(e.loss, loss);
        QVERIFY(!e.text.isEmpty());  // every line stays readable in the log
        if (QByteArray(QTest::currentDataTag()) == "dpo step") {
            QVERIFY(e.hasDpo);
            QCOMPARE(e.rewardAccuracy, 0.75);
            QCOMPARE(e.margin, 0.02);
        }
        if (QByteArray(QTest::currentDataTag()) == "sft step") {
            QVERIFY(!e.hasDpo);
            QCOMPARE(e.lr, 0.001);
            QCOMPARE(e.gradNorm, 1.25);
            QCOMPARE(e.tokensPerSecond, 420.0);
            QCOMPARE(e.etaSeconds, 3.5);
            QCOMPARE(e.memoryBytes, qint64(1000));
            QCOMPARE(e.totalSteps, qint64(40));
        }
        if (QByteArray(QTest::currentDataTag()) == "generate") {
            QCOMPARE(e.done, qint64(2));
            QCOMPARE(e.total, qint64(5));
        }
        if (QByteArray(QTest::currentDataTag()) == "done") {
            QVERIFY(e.cancelled);
            QCOMPARE(e.resumedFrom, qint64(4));
        }
    }

    void runPauseStopResume() {
        const QString out = m_dir.filePath("run");
        TrainingRunJob job;
        QList<TrainingEvent> steps;
        connect(&job, &TrainingRunJob::event, this, [&](const TrainingEvent& e) {
            if (e.kind == TrainingEvent::Kind::Step) steps << e;
        });
        stllava::testing::GuiStallMeter meter;
        meter.start();
        QVERIFY(job.start(sft(sftConfig(out)), program()));
        QCOMPARE(job.state(), TrainingRunJob::State::Running);
        QVERIFY(QTest::qWaitFor([&] { return steps.size() >= 2 || !job.isActive(); }, 120000));
        QVERIFY2(job.isActive(), qPrintable(job.message()));

        job.pause();
        QCOMPARE(job.state(), TrainingRunJob::State::Paused);
        QTest::qWait(300);  // lines already written may still arrive
        const int atPause = int(steps.size());
        QTest::qWait(1500);
        QCOMPARE(int(steps.size()), atPause);  // stopped: no step while paused
        job.resume();
        QCOMPARE(job.state(), TrainingRunJob::State::Running);
        QVERIFY(QTest::qWaitFor([&] { return int(steps.size()) > atPause + 1; }, 60000));

        job.stop();
        QVERIFY(waitEnded(job));
        meter.stop();
        qInfo("owning thread while training %d steps over %lld ms: %d ticks of 10 ms, longest gap %lld ms",
              int(steps.size()), static_cast<long long>(meter.totalMs()), meter.ticks(),
              static_cast<long long>(meter.longestGapMs()));
        QCOMPARE(job.state(), TrainingRunJob::State::Cancelled);
        QCOMPARE(job.exitCode(), 4);
        QVERIFY(!job.lastCheckpoint().isEmpty());
        const QStringList ckpts = stllava::jobs::trainingCheckpoints(out);
        QVERIFY(ckpts.size() >= 2);
        QVERIFY(ckpts.contains(job.lastCheckpoint()));
        QVERIFY(job.log().size() > steps.size());  // the command line and the stderr lines too
        QVERIFY(meter.timerRan());
        QVERIFY2(meter.longestGapMs() < 100, qPrintable(QString("longest stall %1 ms").arg(meter.longestGapMs())));

        // Resume from the older checkpoint, for two more steps.
        const QString chosen = ckpts.front();
        const qint64 chosenStep = chosen.mid(chosen.lastIndexOf('-') + 1).toLongLong();
        QJsonObject config = sftConfig(out);
        config.insert("resume_from", chosen);
        config.insert("max_steps", chosenStep + 2);
        TrainingEvent done;
        connect(&job, &TrainingRunJob::event, this, [&](const TrainingEvent& e) {
            if (e.kind == TrainingEvent::Kind::Done) done = e;
        });
        steps.clear();
        QVERIFY(job.start(sft(config), program()));
        QVERIFY(waitEnded(job));
        QVERIFY2(job.state() == TrainingRunJob::State::Finished, qPrintable(job.message()));
        QCOMPARE(done.resumedFrom, chosenStep);
        QCOMPARE(done.step, chosenStep + 2);
        QCOMPARE(steps.front().step, chosenStep + 1);
        QVERIFY(QFileInfo::exists(out + "/adapter/adapter_model.safetensors"));
    }

    // Stage-2 generation through `selftrain generate --json`: progress per image, then done.
    void generationShowsProgress() {
        const std::string gen = m_dir.filePath("gen").toStdString();
        QVERIFY(QDir().mkpath(m_dir.filePath("gen/images")));
        auto config = stllava::testing::tinyConfig();
        config.text.vocab_size = 400;  // the tokenizer corpus needs more than 300 pieces with byte fallback
        stllava::testing::writeTinyModelFolder(gen, config);
        for (int i = 0; i < 3; ++i) {
            stllava::RgbImage img;
            img.width = img.height = 28;
            for (int p = 0; p < 28 * 28; ++p) {
                const auto v = static_cast<std::uint8_t>((p * (i + 3)) % 251);
                img.pixels.insert(img.pixels.end(), {v, v, v});
            }
            stllava::writePixelsPng(img, gen + "/images/img" + std::to_string(i) + ".png");
        }
        TrainingRunSpec spec;
        spec.kind = TrainingRunSpec::Kind::Generate;
        spec.outputDir = m_dir.filePath("gen/job");
        spec.generateArgs = QStringList{"--model", m_dir.filePath("gen/tiny-llava"), "--images", m_dir.filePath("gen/images"),
                                        "--out", spec.outputDir, "--template", "v1_sq", "--questions", "1", "--images-per-batch", "1",
                                        "--describe-tokens", "4", "--question-tokens", "4", "--answer-tokens", "4"};
        TrainingRunJob job;
        QList<TrainingEvent> progress;
        TrainingEvent done;
        connect(&job, &TrainingRunJob::event, this, [&](const TrainingEvent& e) {
            if (e.kind == TrainingEvent::Kind::Generate) progress << e;
            if (e.kind == TrainingEvent::Kind::Done) done = e;
        });
        QVERIFY(job.start(spec, program()));
        QVERIFY(waitEnded(job));
        QVERIFY2(job.state() == TrainingRunJob::State::Finished, qPrintable(job.message()));
        QCOMPARE(int(progress.size()), 3);
        QCOMPARE(progress.back().done, qint64(3));
        QCOMPARE(progress.back().total, qint64(3));
        QCOMPARE(done.kind, TrainingEvent::Kind::Done);
        QVERIFY(!done.cancelled);
        QVERIFY(QFileInfo::exists(spec.outputDir + "/items.jsonl"));
    }

    void badConfigIsBadInput() {
        QJsonObject config = sftConfig(m_dir.filePath("bad"));
        config.insert("learning_rate", 1);  // not a key
        TrainingRunJob job;
        QSignalSpy ended(&job, &TrainingRunJob::ended);
        QVERIFY(job.start(sft(config), program()));
        QVERIFY(waitEnded(job));
        QCOMPARE(job.state(), TrainingRunJob::State::BadInput);
        QVERIFY2(job.message().contains("learning_rate"), qPrintable(job.message()));
        QCOMPARE(ended.size(), 1);
    }

    // Two runs in the list model: rows follow their states (one bad input, one stopped).
    void runListShowsStates() {
        stllava::jobs::TrainingRunList list;
        QSignalSpy changed(&list, &QAbstractItemModel::dataChanged);
        TrainingRunJob* a = list.add();
        TrainingRunJob* b = list.add();
        QCOMPARE(list.rowCount(), 2);
        QJsonObject bad = sftConfig(m_dir.filePath("list-bad"));
        bad.insert("epochs", 0);
        TrainingRunSpec badSpec = sft(bad);
        badSpec.name = "bad";
        QVERIFY(a->start(badSpec, program()));
        TrainingRunSpec good = sft(sftConfig(m_dir.filePath("list-good")));
        good.name = "good";
        QVERIFY(b->start(good, program()));
        QVERIFY(list.anyActive());
        QVERIFY(QTest::qWaitFor([&] { return b->lastStep().step >= 1 || !b->isActive(); }, 120000));
        b->stop();
        QVERIFY(QTest::qWaitFor([&] { return !list.anyActive(); }, 180000));
        QCOMPARE(list.data(list.index(0), stllava::jobs::TrainingRunList::StateRole).toInt(),
                 int(TrainingRunJob::State::BadInput));
        QCOMPARE(list.data(list.index(1), stllava::jobs::TrainingRunList::StateRole).toInt(),
                 int(TrainingRunJob::State::Cancelled));
        const QString row1 = list.data(list.index(1)).toString();
        QVERIFY2(row1.startsWith("good") && row1.contains(TrainingRunJob::stateName(TrainingRunJob::State::Cancelled)) &&
                     row1.contains("step"),
                 qPrintable(row1));
        QVERIFY(list.data(list.index(0), Qt::ToolTipRole).toString().contains("epochs"));
        QVERIFY(changed.size() >= 4);
    }

    void missingProgramFails() {
        TrainingRunJob job;
        QVERIFY(!job.start(sft(sftConfig(m_dir.filePath("none"))), m_dir.filePath("no-such-program")));
        QCOMPARE(job.state(), TrainingRunJob::State::Failed);
        QVERIFY(job.message().contains("stllava"));
    }
};

QTEST_GUILESS_MAIN(TestTrainingRunJob)
#include "test_training_run_job.moc"
