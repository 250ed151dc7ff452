// stllava-studio's Training workspace on real `stllava` child processes and tiny models made here:
//   - the form's presets: the paper's hyperparameters, the demo's config read from its phase record;
//   - validation names the bad field (missing folder, bad number, bad seeds) and keeps Start disabled;
//   - a run started from the form shows progress (chart points, the step label), pauses and continues
//     from the panel's button, stops, and resumes from the chosen checkpoint as a new run in the
//     list; the GUI thread never stalls over 100 ms meanwhile (gui_stall_meter.h, printed);
//   - stage-2 generation from the form reports the images done;
//   - the main window has the workspace on Ctrl+3; a finished run opens in Read (the model loads
//     with the trained adapter, the settings' own adapter untouched);
//   - the one-click loop: pairs approved in Review -> "Train DPO on approved pairs" -> a DPO run from
//     the demo's preset on exactly the approved pairs -> `stllava eval run` like the previous
//     report -> both reports open side by side in Reports.
#include "studio_test_env.h"

#include "fixtures/gui_stall_meter.h"
#include "fixtures/run_stllava.h"
#include "fixtures/training_data.h"
#include "imaging/raster_codecs.h"
#include "main_window.h"
#include "read_workspace.h"
#include "reports/comparison_view.h"
#include "model/checkpoint_io.h"
#include "reports/reports_workspace.h"
#include "review/review_test_data.h"
#include "review/review_workspace.h"
#include "services/jobs/training_run_list.h"
#include "studio_settings.h"
#include "training/dpo_loop.h"
#include "training/run_panel.h"
#include "training/training_charts.h"
#include "training/training_form.h"
#include "training/training_workspace.h"

#include <QAction>
#include <QComboBox>
#include <QSpinBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QtCharts/QChartView>
#include <QtCharts/QLineSeries>

#include <filesystem>

using namespace stllava;
using namespace stllava::ui;
using jobs::TrainingRunJob;
using jobs::TrainingRunSpec;

namespace {

void writeText(const QString& path, const QByteArray& text) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

void writeJsonFile(const QString& path, const QJsonObject& o) { writeText(path, QJsonDocument(o).toJson()); }

}  // namespace

class TestStudioTraining : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_textModel, m_visionModel, m_data, m_image, m_benchmark, m_previousReport;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    // The SFT settings of test_training_run_job: long enough to pause and stop, a checkpoint per step.
    void fillSft(TrainingForm* form, const QString& out, const QString& maxSteps = QStringLiteral("-1")) {
        form->setKind(TrainingKind::Sft);
        form->usePaperPreset();
        form->setValue("model_path", m_textModel);
        form->setValue("data_path", m_data);
        form->setValue("output_dir", out);
        form->setValue("epochs", "200");
        form->setValue("max_steps", maxSteps);
        form->setValue("batch_size", "2");
        form->setValue("grad_accum", "1");
        form->setValue("max_length", "1024");
        form->setValue("lr.decoder", "0.001");
        form->setValue("llm_lora.rank", "4");
        form->setValue("llm_lora.alpha", "8");
        form->setValue("save_steps", "1");
        form->setValue("keep_last", "3");
        form->findChild<QComboBox*>("vision")->setCurrentText("frozen");
    }

    static TrainingWorkspace* trainingOf(MainWindow& w) { return w.findChild<TrainingWorkspace*>("training"); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const std::string d = m_dir.path().toStdString();
        const std::string tok = fixtures::trainTokenizer(d);
        const auto vocab = stllava::Tokenizer::load(tok).vocabSize();
        stllava::model::SaveOptions so;
        so.tokenizer_model_path = tok;
        auto textModel = fixtures::tinyModel(vocab, false);
        auto visionModel = fixtures::tinyModel(vocab, true);
        stllava::model::saveModel(d + "/text-model", textModel, so);
        stllava::model::saveModel(d + "/vision-model", visionModel, so);
        fixtures::writeJson(d + "/data.json", fixtures::instructItems(8, 2));
        m_textModel = path("text-model");
        m_visionModel = path("vision-model");
        m_data = path("data.json");

        // The judged job the demo would have: pairs on one PNG image.
        std::filesystem::create_directories(d + "/demo/selftrain");
        stllava::RgbImage img;
        img.width = 32;
        img.height = 30;
        for (int p = 0; p < img.width * img.height; ++p)
            img.pixels.insert(img.pixels.end(), {std::uint8_t(p), std::uint8_t(p * 3), std::uint8_t(90)});
        m_image = path("demo/selftrain/img.png");
        stllava::writePixelsPng(img, m_image.toStdString());
        reviewtest::writeJob(path("demo/selftrain"), m_image.toStdString());

        // A LLaVA-Med-shaped benchmark on the same image and the previous model's report on it.
        QDir().mkpath(path("demo/world/bench/images"));
        QFile::copy(m_image, path("demo/world/bench/images/scan.png"));
        QJsonArray items;
        const char* questions[][3] = {{"q1", "Is there a pleural effusion?", "no"},
                                      {"q2", "What organ is shown?", "the lungs"},
                                      {"q3", "Is the heart size normal?", "yes"}};
        for (const auto& q : questions) {
            items.append(QJsonObject{
                {"id", q[0]},
                {"image", "scan.png"},
                {"conversations", QJsonArray{QJsonObject{{"from", "human"}, {"value", q[1]}},
                                             QJsonObject{{"from", "gpt"}, {"value", q[2]}}}},
                {"answer_type", QString::fromLatin1(q[2]) == "the lungs" ? "OPEN" : "CLOSED"}});
        }
        m_benchmark = path("demo/world/bench/test.json");
        writeText(m_benchmark, QJsonDocument(items).toJson());
        QDir().mkpath(path("demo/eval/stage2/bench"));
        const auto run = stllava::testing::runStllava(
            {"eval", "run", "--model", m_visionModel, "--benchmark", m_benchmark, "--images", path("demo/world/bench/images"),
             "--dataset", "llava-med", "--out", path("demo/eval/stage2/bench/predictions.jsonl"), "--report-dir",
             path("demo/eval/stage2/bench/report"), "--max-new-tokens", "4", "--batch", "3"});
        QVERIFY2(run.code == 0, run.err.right(3000).constData());
        m_previousReport = path("demo/eval/stage2/bench/report/report.json");
        QVERIFY(QFileInfo::exists(m_previousReport));

        // The demo's records: demo.json and the DPO phase's config (as `stllava demo run` writes them,
        // here with tiny settings: two steps of LoRA DPO from the vision model).
        writeJsonFile(path("demo/demo.json"), {{"format", "stllava-demo"}, {"version", 1}, {"scale", "small"}, {"seed", 1}});
        QDir().mkpath(path("demo/phases"));
        const QJsonObject dpo{{"stage", "dpo"}, {"model_path", "vision-model-link"}, {"data_path", "selftrain/pairs.stllava.json"},
                              {"output_dir", "train/dpo"}, {"template", "v1_sq"}, {"batch_size", 2}, {"grad_accum", 1},
                              {"epochs", 1}, {"max_steps", 2}, {"max_length", 512}, {"beta", 0.1}, {"sq_r", 0.0},
                              {"decoder", "lora"}, {"vision", "frozen"}, {"train_projector", false},
                              {"llm_lora", QJsonObject{{"rank", 2}, {"alpha", 4}, {"dropout", 0.0}}},
                              {"lr", QJsonObject{{"decoder", 1e-3}, {"vision", 1e-3}, {"projector", 1e-3}, {"other", 1e-3}}},
                              {"save_steps", 0}, {"keep_last", 1}, {"bf16", false}, {"resume_from", ""}};
        writeJsonFile(path("demo/phases/dpo.json"), {{"summary", "2 steps"}, {"config", dpo}});
        QVERIFY(QFile::link(m_visionModel, path("demo/vision-model-link")));  // relative in the record, as the demo's
    }

    void paperAndDemoPresets() {
        TrainingForm form;
        form.setKind(TrainingKind::Sft);
        form.usePaperPreset();
        QCOMPARE(form.field("lr.decoder")->text().toDouble(), 2e-4);
        QCOMPARE(form.field("epochs")->text(), QString("3"));
        QCOMPARE(form.field("batch_size")->text(), QString("8"));
        QCOMPARE(form.field("grad_accum")->text(), QString("4"));
        QCOMPARE(form.field("llm_lora.rank")->text(), QString("128"));
        QCOMPARE(form.field("llm_lora.alpha")->text(), QString("256"));
        QCOMPARE(form.field("sq_r")->text(), QString("0.5"));
        QCOMPARE(form.field("max_length")->text(), QString("2048"));
        form.setKind(TrainingKind::Dpo);
        QCOMPARE(form.field("lr.decoder")->text().toDouble(), 5e-6);
        QCOMPARE(form.field("beta")->text(), QString("0.1"));
        QCOMPARE(form.field("batch_size")->text(), QString("4"));
        QCOMPARE(form.field("grad_accum")->text(), QString("16"));
        QCOMPARE(form.field("epochs")->text(), QString("1"));
        form.setKind(TrainingKind::Generate);
        QCOMPARE(form.field("questions")->text(), QString("5"));
        QCOMPARE(form.field("seeds")->text(), QString("40,42"));
        QCOMPARE(form.field("answer-tokens")->text(), QString("1024"));

        // The demo's DPO record: its values, its paths made absolute, a new output folder of its own.
        form.setKind(TrainingKind::Dpo);
        QVERIFY(!form.useDemoPreset());  // no demo yet
        QVERIFY2(form.message().contains("demo"), qPrintable(form.message()));
        form.setDemoRoot(path("demo"));
        QVERIFY(form.useDemoPreset());
        QCOMPARE(form.field("model_path")->text(), path("demo/vision-model-link"));
        QCOMPARE(form.field("data_path")->text(), path("demo/selftrain/pairs.stllava.json"));
        QCOMPARE(form.field("max_steps")->text(), QString("2"));
        QCOMPARE(form.field("llm_lora.rank")->text(), QString("2"));
        QCOMPARE(form.field("output_dir")->text(), path("demo/studio/dpo"));
        const jobs::TrainingRunSpec spec = form.spec();
        QCOMPARE(spec.config.value("vision").toString(), QString("frozen"));
        QCOMPARE(spec.config.value("lr").toObject().value("projector").toDouble(), 1e-3);  // kept from the preset
        QVERIFY(!spec.config.contains("stage"));
        QVERIFY2(form.isValid(), qPrintable(form.validate()));
        // A demo without the stage-1 record: named.
        form.setKind(TrainingKind::Sft);
        QVERIFY(!form.useDemoPreset());
        QVERIFY2(form.message().contains("stage1.json"), qPrintable(form.message()));
        // A demo made in another folder and moved here: `stllava demo run` records absolute paths
        // of the folder it ran in; the preset finds the same parts under this demo.
        QDir().mkpath(path("demo/world/stage1/images"));
        QDir().mkpath(path("demo/models/stllava-demo-init"));
        QFile(path("demo/world/stage1/instruct.json")).open(QIODevice::WriteOnly);
        const QString old = QStringLiteral("/gone/made-elsewhere/demo/");
        writeJsonFile(path("demo/phases/stage1.json"),
                      {{"summary", "made elsewhere"},
                       {"config", QJsonObject{{"stage", "sft"}, {"model_path", old + "models/stllava-demo-init"},
                                              {"data_path", old + "world/stage1/instruct.json"},
                                              {"image_folder", old + "world/stage1/images"},
                                              {"output_dir", old + "train/sft"}, {"template", "v1_sq"}}}});
        QVERIFY2(form.useDemoPreset(), qPrintable(form.message()));
        QCOMPARE(form.field("model_path")->text(), path("demo/models/stllava-demo-init"));
        QCOMPARE(form.field("data_path")->text(), path("demo/world/stage1/instruct.json"));
        QCOMPARE(form.field("image_folder")->text(), path("demo/world/stage1/images"));
        QCOMPARE(form.field("output_dir")->text(), path("demo/studio/sft"));
        QFile::remove(path("demo/phases/stage1.json"));
    }

    void validationNamesTheField_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");  // in the message, after the field's name
        QTest::newRow("missing model") << int(TrainingKind::Sft) << "model_path" << "/no/such/model" << "Model folder: /no/such/model: no such folder";
        QTest::newRow("missing data") << int(TrainingKind::Sft) << "data_path" << "/no/data.json" << "Data file: /no/data.json: no such file";
        QTest::newRow("data is a folder") << int(TrainingKind::Sft) << "data_path" << "/tmp" << "Data file: /tmp: not a file";
        QTest::newRow("bad epochs") << int(TrainingKind::Sft) << "epochs" << "three" << "Epochs: \"three\" is not a whole number";
        QTest::newRow("zero batch") << int(TrainingKind::Sft) << "batch_size" << "0" << "Batch size: 0 is outside 1";
        QTest::newRow("negative lr") << int(TrainingKind::Sft) << "lr.decoder" << "-1e-4" << "Learning rate: -1e-4 must be above 0";
        QTest::newRow("sq_r above 1") << int(TrainingKind::Sft) << "sq_r" << "1.5" << "Question learning share (sq_r): 1.5 is outside";
        QTest::newRow("bad beta") << int(TrainingKind::Dpo) << "beta" << "x" << "DPO beta: \"x\" is not a number";
        QTest::newRow("output is a file") << int(TrainingKind::Dpo) << "output_dir" << "DATA" << "Output folder: ";
        QTest::newRow("one seed") << int(TrainingKind::Generate) << "seeds" << "40" << "Answer seeds: \"40\": expected two seeds";
        QTest::newRow("missing images") << int(TrainingKind::Generate) << "images" << "/no/images" << "Images folder: /no/images: no such folder";
    }
    void validationNamesTheField() {
        QFETCH(int, kind);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        TrainingWorkspace w;
        TrainingForm* form = w.form();
        form->setKind(TrainingKind(kind));
        if (TrainingKind(kind) == TrainingKind::Generate) {
            form->setValue("model", m_textModel);
            form->setValue("images", path("demo/world/bench/images"));
            form->setValue("out", path("gen-job"));
        } else {
            form->setValue("model_path", m_textModel);
            form->setValue("data_path", m_data);
            form->setValue("output_dir", path("valid-out"));
        }
        QVERIFY2(form->isValid(), qPrintable(form->validate()));
        QVERIFY(w.startButton()->isEnabled());
        form->setValue(key, value == "DATA" ? m_data : value);
        const QString problem = form->validate();
        QVERIFY2(problem.startsWith(expected.section(':', 0, 0) + ':') && problem.contains(expected.section(": ", 1)),
                 qPrintable(problem + " / expected " + expected));
        QCOMPARE(form->invalidField(), key);
        QVERIFY(!w.startButton()->isEnabled());
        QVERIFY(form->message().contains(problem));
        QVERIFY(w.startButton()->toolTip().contains(problem));
        QVERIFY(!w.startFromForm());
        QCOMPARE(w.runs()->rowCount(), 0);
    }

    void runFromTheFormPausesStopsResumes() {
        TrainingWorkspace w;
        w.resize(1400, 900);
        w.show();
        RunPanel* panel = w.panel();
        fillSft(w.form(), path("ui-run"));
        QVERIFY2(w.startButton()->isEnabled(), qPrintable(w.form()->validate()));
        stllava::testing::GuiStallMeter meter;
        meter.start();
        QTest::mouseClick(w.startButton(), Qt::LeftButton);
        QCOMPARE(w.runs()->rowCount(), 1);
        TrainingRunJob* run = w.runs()->run(0);
        QCOMPARE(panel->run(), run);
        QCOMPARE(run->state(), TrainingRunJob::State::Running);
        QVERIFY(panel->logView()->toPlainText().contains("train sft --config"));
        const QString stepBefore = panel->stepLabel()->text();
        auto points = [panel] { return panel->charts()->pointCount(TrainingCharts::Loss); };
        QVERIFY(QTest::qWaitFor([&] { return points() >= 2 || !run->isActive(); }, 120000));
        QVERIFY2(run->isActive(), qPrintable(run->message()));
        QVERIFY(panel->stepLabel()->text() != stepBefore);
        QVERIFY2(panel->stepLabel()->text().startsWith("Step "), qPrintable(panel->stepLabel()->text()));
        QCOMPARE(panel->charts()->pointCount(TrainingCharts::LearningRate), points());
        QCOMPARE(panel->charts()->pointCount(TrainingCharts::GradNorm), points());
        QVERIFY(panel->speedLabel()->text().contains("tokens/s"));
        QVERIFY(panel->memoryLabel()->text().startsWith("Memory"));
        QVERIFY(!panel->charts()->view(TrainingCharts::RewardAccuracy)->isVisible());  // SFT: no DPO curves
        QVERIFY(panel->logView()->toPlainText().contains("\"event\":\"step\""));

        QTest::mouseClick(panel->pauseButton(), Qt::LeftButton);
        QCOMPARE(run->state(), TrainingRunJob::State::Paused);
        QCOMPARE(panel->pauseButton()->text().remove('&'), QString("Continue"));
        QTest::qWait(400);
        const int atPause = points();
        QTest::qWait(1500);
        QCOMPARE(points(), atPause);
        QTest::mouseClick(panel->pauseButton(), Qt::LeftButton);
        QCOMPARE(run->state(), TrainingRunJob::State::Running);
        QVERIFY(QTest::qWaitFor([&] { return points() > atPause + 1; }, 60000));

        QTest::mouseClick(panel->stopButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return !run->isActive(); }, 180000));
        meter.stop();
        qInfo("GUI thread while training %d steps from the UI over %lld ms: %d ticks of 10 ms, longest gap %lld ms",
              points(), static_cast<long long>(meter.totalMs()), meter.ticks(), static_cast<long long>(meter.longestGapMs()));
        QCOMPARE(run->state(), TrainingRunJob::State::Cancelled);
        QVERIFY(panel->stateLabel()->text().contains(TrainingRunJob::stateName(TrainingRunJob::State::Cancelled)));
        QVERIFY(meter.timerRan());
        QVERIFY2(meter.longestGapMs() < 100, qPrintable(QString("longest stall %1 ms").arg(meter.longestGapMs())));
        QVERIFY(!panel->pauseButton()->isEnabled());
        QVERIFY(!panel->stopButton()->isEnabled());
        QVERIFY(!panel->openButton()->isEnabled());  // cancelled: nothing finished to open

        // Resume from the oldest checkpoint (the list shows the newest first).
        QComboBox* ckpts = panel->checkpoints();
        QVERIFY2(ckpts->count() >= 2, qPrintable(QString::number(ckpts->count())));
        QVERIFY(panel->resumeButton()->isEnabled());
        ckpts->setCurrentIndex(ckpts->count() - 1);
        const QString chosen = ckpts->currentData().toString();
        const qint64 chosenStep = chosen.mid(chosen.lastIndexOf('-') + 1).toLongLong();
        QTest::mouseClick(panel->resumeButton(), Qt::LeftButton);
        QCOMPARE(w.runs()->rowCount(), 2);
        TrainingRunJob* resumed = w.runs()->run(1);
        QCOMPARE(w.selectedRun(), resumed);
        QCOMPARE(resumed->spec().config.value("resume_from").toString(), chosen);
        QVERIFY(QTest::qWaitFor([&] { return points() >= 1 || !resumed->isActive(); }, 120000));
        QVERIFY2(resumed->isActive(), qPrintable(resumed->message()));
        QCOMPARE(panel->charts()->series(TrainingCharts::Loss)->at(0).x(), double(chosenStep + 1));
        QVERIFY(panel->stepLabel()->text().startsWith(QString("Step %1").arg(chosenStep + 1)) ||
                resumed->lastStep().step > chosenStep + 1);
        resumed->stop();
        QVERIFY(QTest::qWaitFor([&] { return !resumed->isActive(); }, 180000));
        QCOMPARE(resumed->state(), TrainingRunJob::State::Cancelled);

        // A new run into this folder would continue from its newest checkpoint: the form says so.
        QVERIFY2(w.form()->message().contains("continues from checkpoint-"), qPrintable(w.form()->message()));
        // Both runs listed with their states; selecting the first shows its own curves again.
        QVERIFY(w.runs()->data(w.runs()->index(0)).toString().contains(TrainingRunJob::stateName(TrainingRunJob::State::Cancelled)));
        w.selectRun(run);
        QCOMPARE(panel->run(), run);
        QVERIFY(points() > atPause + 1);
        QCOMPARE(panel->charts()->series(TrainingCharts::Loss)->at(0).x(), 1.0);
    }

    // "Run as": in this window (a worker thread) trains with the same curves and stops the same way;
    // torchrun shows its process count; stage-2 generation is a child process only.
    void runAsInThisWindow() {
        TrainingWorkspace w;
        w.resize(1400, 900);
        w.show();
        fillSft(w.form(), path("ui-inproc"));
        auto* launch = w.form()->findChild<QComboBox*>("launch");
        auto* processes = w.form()->findChild<QSpinBox*>("processes");
        QVERIFY(launch && processes);
        QCOMPARE(launch->currentData().toInt(), int(TrainingRunSpec::Launch::ChildProcess));
        QVERIFY(!processes->isVisible());
        launch->setCurrentIndex(launch->findData(int(TrainingRunSpec::Launch::Torchrun)));
        QVERIFY(processes->isVisible());
        processes->setValue(3);
        QCOMPARE(w.form()->spec().launch, TrainingRunSpec::Launch::Torchrun);
        QCOMPARE(w.form()->spec().processes, 3);
        w.form()->setKind(TrainingKind::Generate);
        QVERIFY(!launch->isEnabled());
        QCOMPARE(w.form()->spec().launch, TrainingRunSpec::Launch::ChildProcess);
        fillSft(w.form(), path("ui-inproc"));
        QVERIFY(launch->isEnabled());
        launch->setCurrentIndex(launch->findData(int(TrainingRunSpec::Launch::InProcess)));
        QVERIFY(!processes->isVisible());

        RunPanel* panel = w.panel();
        stllava::testing::GuiStallMeter meter;
        meter.start();
        QTest::mouseClick(w.startButton(), Qt::LeftButton);
        TrainingRunJob* run = w.runs()->run(0);
        QVERIFY(run);
        QCOMPARE(run->spec().launch, TrainingRunSpec::Launch::InProcess);
        QVERIFY(panel->logView()->toPlainText().contains("train sft --config"));
        auto points = [panel] { return panel->charts()->pointCount(TrainingCharts::Loss); };
        QVERIFY(QTest::qWaitFor([&] { return points() >= 2 || !run->isActive(); }, 120000));
        QVERIFY2(run->isActive(), qPrintable(run->message()));
        QTest::mouseClick(panel->stopButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return !run->isActive(); }, 180000));
        meter.stop();
        qInfo("GUI thread while training %d steps in this window: %d ticks of 10 ms, longest gap %lld ms", points(),
              meter.ticks(), static_cast<long long>(meter.longestGapMs()));
        QCOMPARE(run->state(), TrainingRunJob::State::Cancelled);
        QVERIFY2(meter.longestGapMs() < 100, qPrintable(QString("longest stall %1 ms").arg(meter.longestGapMs())));
        QVERIFY(panel->checkpoints()->count() >= 1);
    }

    // Stage-2 generation from the form: `selftrain generate` on the benchmark's image, images done shown.
    void generationFromTheForm() {
        TrainingWorkspace w;
        TrainingForm* form = w.form();
        form->setKind(TrainingKind::Generate);
        form->setValue("model", m_visionModel);
        form->setValue("images", path("demo/world/bench/images"));
        form->setValue("out", path("gen-job"));
        form->setValue("questions", "1");
        form->setValue("describe-tokens", "4");
        form->setValue("question-tokens", "4");
        form->setValue("answer-tokens", "4");
        QVERIFY2(w.startButton()->isEnabled(), qPrintable(form->validate()));
        w.startButton()->click();
        TrainingRunJob* run = w.runs()->run(0);
        QVERIFY(run);
        QCOMPARE(run->spec().kind, TrainingKind::Generate);
        QVERIFY(run->spec().generateArgs.join(' ').contains("--questions 1 --seeds 40,42"));
        QVERIFY(QTest::qWaitFor([&] { return !run->isActive(); }, 180000));
        QVERIFY2(run->state() == TrainingRunJob::State::Finished, qPrintable(run->message()));
        w.panel()->flush();
        QCOMPARE(w.panel()->stepLabel()->text(), QString("Images 1 / 1"));
        QVERIFY(QFileInfo::exists(path("gen-job/items.jsonl")));
        QVERIFY(!w.panel()->resumeButton()->isEnabled());
        QVERIFY(!w.panel()->openButton()->isEnabled());
    }

    void mainWindowTrainsAndOpensInRead() {
        MainWindow window(MainWindow::Options{false, false});
        auto* action = window.findChild<QAction*>("workspace-training");
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_3));
        QVERIFY(action->toolTip().contains("Ctrl+3"));
        auto* reports = window.findChild<QAction*>("workspace-reports");
        QVERIFY(reports && reports->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_4));
        TrainingWorkspace* w = trainingOf(window);
        QVERIFY(w);
        action->trigger();
        QVERIFY(w->isVisibleTo(&window));

        fillSft(w->form(), path("read-run"), "2");
        TrainingRunJob* run = w->startFromForm();
        QVERIFY(run);
        QVERIFY(QTest::qWaitFor([&] { return !run->isActive(); }, 180000));
        QVERIFY2(run->state() == TrainingRunJob::State::Finished, qPrintable(run->message()));
        QVERIFY(window.jobsStatus().contains("No jobs"));
        QPushButton* open = w->panel()->openButton();
        QVERIFY(open->isEnabled());
        QSignalSpy opening(w, &TrainingWorkspace::openInRead);
        QSignalSpy loaded(&window, &MainWindow::modelLoaded);
        open->click();
        QCOMPARE(opening.size(), 1);
        QCOMPARE(opening.front().at(0).toString(), m_textModel);
        QCOMPARE(opening.front().at(1).toString(), path("read-run/adapter"));
        QVERIFY(loaded.wait(60000));
        QVERIFY(window.modelStatus().contains("text-model"));
        QCOMPARE(StudioSettings().modelPreferences().adapterDir, QString());  // the settings' adapter untouched
        auto* stack = qobject_cast<QStackedWidget*>(window.centralWidget());
        QVERIFY(stack);
        QCOMPARE(stack->currentWidget(), static_cast<QWidget*>(window.readWorkspace()));
    }

    void oneClickReviewTrainReport() {
        MainWindow window(MainWindow::Options{false, false});
        auto* review = window.findChild<ReviewWorkspace*>("review");
        auto* reports = window.findChild<ReportsWorkspace*>("reports");
        auto* loop = window.findChild<DpoLoop*>("dpo-loop");
        TrainingWorkspace* training = trainingOf(window);
        QVERIFY(review && reports && loop && training);
        QSignalSpy imported(review, &ReviewWorkspace::importFinished);
        QSignalSpy reportsLoaded(reports, &ReportsWorkspace::reportsLoaded);
        Q_EMIT window.demoOpened(path("demo"), path("demo/selftrain"), {m_previousReport});
        QVERIFY(QTest::qWaitFor([&] { return !imported.isEmpty() && !reportsLoaded.isEmpty(); }, 20000));
        QVERIFY(review->store());
        auto* button = review->findChild<QPushButton*>("train-dpo");
        QVERIFY(button);
        {  // Nothing approved yet: refused with the reason, nothing started, no folder left behind.
            QSignalSpy refused(loop, &DpoLoop::failed);
            button->click();
            QCOMPARE(refused.size(), 1);
            QVERIFY2(refused.front().at(0).toString().contains("No approved pairs"), qPrintable(refused.front().at(0).toString()));
            QCOMPARE(training->runs()->rowCount(), 0);
            QVERIFY(QDir(path("demo/selftrain/studio-dpo")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
        }
        const QString ann = "ann";
        review->store()->decide("a#q0", ann, review::EventKind::Approve);
        review->store()->decide("j#q0", ann, review::EventKind::Flip);
        review->store()->decide("b#q0", ann, review::EventKind::Choose, 2);
        review->store()->decide("c#q0", ann, review::EventKind::Tie);
        review->store()->decide("h#q0", ann, review::EventKind::Reject);
        review->reload();

        QSignalSpy opened(loop, &DpoLoop::reportOpened);
        QSignalSpy failed(loop, &DpoLoop::failed);
        stllava::testing::GuiStallMeter meter;
        meter.start();
        button->click();
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.front().at(0).toString()));
        QCOMPARE(training->runs()->rowCount(), 1);
        TrainingRunJob* run = training->runs()->run(0);
        QCOMPARE(run->spec().kind, TrainingKind::Dpo);
        auto* stack = qobject_cast<QStackedWidget*>(window.centralWidget());
        QCOMPARE(stack->currentWidget(), static_cast<QWidget*>(training));
        // The run trains on exactly the approved pairs, exported into the job folder, with the demo's settings.
        const QString pairs = run->spec().config.value("data_path").toString();
        QVERIFY2(pairs.startsWith(path("demo/selftrain/studio-dpo/")), qPrintable(pairs));
        QFile file(pairs);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray exported = QJsonDocument::fromJson(file.readAll()).array();
        QCOMPARE(exported.size(), 3);
        QCOMPARE(run->spec().config.value("max_steps").toInt(), 2);
        QCOMPARE(run->spec().config.value("model_path").toString(), path("demo/vision-model-link"));

        QVERIFY2(QTest::qWaitFor([&] { return !opened.isEmpty() || !failed.isEmpty(); }, 400000),
                 qPrintable(run->message()));
        meter.stop();
        qInfo("GUI thread over the one-click loop (%lld ms): longest gap %lld ms", static_cast<long long>(meter.totalMs()),
              static_cast<long long>(meter.longestGapMs()));
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.front().at(0).toString()));
        QVERIFY2(run->state() == TrainingRunJob::State::Finished, qPrintable(run->message()));
        QVERIFY(!training->panel()->charts()->view(TrainingCharts::RewardAccuracy)->isHidden());  // DPO curves shown
        QCOMPARE(training->panel()->charts()->pointCount(TrainingCharts::Margin), 2);
        const QString previous = opened.front().at(0).toString(), next = opened.front().at(1).toString();
        QCOMPARE(previous, m_previousReport);
        QVERIFY2(next.startsWith(loop->folder()) && QFileInfo::exists(next), qPrintable(next));
        // The new report is of the trained adapter, on the same benchmark.
        QFile nextFile(next);
        QVERIFY(nextFile.open(QIODevice::ReadOnly));
        const QJsonObject nextReport = QJsonDocument::fromJson(nextFile.readAll()).object();
        QCOMPARE(nextReport.value("dataset").toObject().value("path").toString(), m_benchmark);
        QCOMPARE(nextReport.value("questions").toArray().size(), 3);
        QVERIFY2(QJsonDocument(nextReport.value("config").toObject()).toJson().contains("train/adapter"),
                 "the report's runner names the trained adapter");
        // Both open in Reports, side by side.
        QVERIFY(QTest::qWaitFor([&] { return reports->reports().size() == 2; }, 20000));
        QCOMPARE(stack->currentWidget(), static_cast<QWidget*>(reports));
        QVERIFY(QTest::qWaitFor([&] { return reports->tabs()->currentWidget() == static_cast<QWidget*>(reports->comparison()); }, 20000));
    }
};

STLLAVA_STUDIO_TEST_MAIN(TestStudioTraining)
#include "test_studio_training.moc"
