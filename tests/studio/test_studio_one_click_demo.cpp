// Issue 13's one-click loop on a real demo folder, not a stand-in: `stllava demo run --scale tiny`
// builds one (world, stage 1, stage-2 generation, the oracle judge, DPO, evaluations, reports), the
// main window opens it as Help ▸ Open the demo does (found through $STLLAVA_DEMO_DIR), a curator
// decides pairs in Review with the keys, presses Train DPO on approved pairs, and when the DPO run
// and its evaluation end the new report opens beside the demo's own in Reports' Comparison tab.
#include "fixtures/gui_stall_meter.h"
#include "fixtures/run_stllava.h"
#include "studio_test_env.h"

#include "main_window.h"
#include "reports/comparison_view.h"
#include "reports/reports_workspace.h"
#include "review/review_workspace.h"
#include "training/dpo_loop.h"
#include "training/training_workspace.h"
#include "services/jobs/training_run_list.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>

using namespace stllava::ui;
using stllava::jobs::TrainingRunJob;

class TestStudioOneClickDemo : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_demo;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath("demo");
        const auto run = stllava::testing::runStllava({"demo", "run", "--out", m_demo, "--scale", "tiny", "--seed", "3"}, 600000);
        QVERIFY2(run.code == 0, run.err.right(3000).constData());
        qputenv("STLLAVA_DEMO_DIR", QFile::encodeName(m_demo));
    }

    void reviewTrainReportOnTheDemo() {
        MainWindow window(MainWindow::Options{false, false});
        auto* review = window.findChild<ReviewWorkspace*>("review");
        auto* reports = window.findChild<ReportsWorkspace*>("reports");
        auto* loop = window.findChild<DpoLoop*>("dpo-loop");
        auto* training = window.findChild<TrainingWorkspace*>("training");
        QVERIFY(review && reports && loop && training);
        window.resize(1440, 900);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QSignalSpy imported(review, &ReviewWorkspace::importFinished);
        QSignalSpy reportsLoaded(reports, &ReportsWorkspace::reportsLoaded);
        QVERIFY(window.openDemo());
        QVERIFY(QTest::qWaitFor([&] { return !imported.isEmpty() && !reportsLoaded.isEmpty(); }, 60000));
        const int demoReports = int(reports->reports().size());
        QVERIFY(demoReports >= 1);

        // Ctrl+2, then four pairs decided from the keyboard (auto-advance moves on after each).
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        auto* stack = qobject_cast<QStackedWidget*>(window.centralWidget());
        QCOMPARE(stack->currentWidget(), static_cast<QWidget*>(review));
        review->setFocus();
        QStringList decided;
        for (Qt::Key key : {Qt::Key_1, Qt::Key_2, Qt::Key_1, Qt::Key_1}) {
            const QString id = review->currentPairId();
            QVERIFY2(!id.isEmpty() && !decided.contains(id), qPrintable(id));
            decided << id;
            QTest::keyClick(review, key);
        }

        QSignalSpy opened(loop, &DpoLoop::reportOpened);
        QSignalSpy failed(loop, &DpoLoop::failed);
        stllava::testing::GuiStallMeter meter;
        meter.start();
        auto* button = review->findChild<QPushButton*>("train-dpo");
        QVERIFY(button && button->isEnabled());
        button->click();
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.front().at(0).toString()));
        QCOMPARE(training->runs()->rowCount(), 1);
        TrainingRunJob* run = training->runs()->run(0);
        // The demo's DPO settings, on exactly the four pairs decided, exported into the demo's job.
        const QString pairs = run->spec().config.value("data_path").toString();
        QVERIFY2(pairs.startsWith(m_demo + "/selftrain/"), qPrintable(pairs));
        QFile file(pairs);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(file.readAll()).array().size(), 4);
        QVERIFY2(QTest::qWaitFor([&] { return !opened.isEmpty() || !failed.isEmpty(); }, 600000), qPrintable(run->message()));
        meter.stop();
        qInfo("one-click loop on the tiny demo: %lld ms, GUI thread's longest gap %lld ms",
              static_cast<long long>(meter.totalMs()), static_cast<long long>(meter.longestGapMs()));
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.front().at(0).toString()));
        QVERIFY2(run->state() == TrainingRunJob::State::Finished, qPrintable(run->message()));
        const QString previous = opened.front().at(0).toString(), next = opened.front().at(1).toString();
        QVERIFY2(previous.startsWith(m_demo + "/"), qPrintable(previous));  // the demo's own latest report
        QVERIFY2(QFileInfo::exists(next), qPrintable(next));
        QFile a(previous), b(next);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        const QJsonObject before = QJsonDocument::fromJson(a.readAll()).object();
        const QJsonObject after = QJsonDocument::fromJson(b.readAll()).object();
        // The same benchmark, every question answered again, by the newly trained adapter.
        QCOMPARE(after.value("dataset").toObject().value("path"), before.value("dataset").toObject().value("path"));
        QCOMPARE(after.value("questions").toArray().size(), before.value("questions").toArray().size());
        QVERIFY(!after.value("questions").toArray().isEmpty());
        QVERIFY(QJsonDocument(after.value("config").toObject()).toJson().contains("/adapter"));
        QVERIFY(QTest::qWaitFor([&] { return reports->tabs()->currentWidget() == static_cast<QWidget*>(reports->comparison()); }, 20000));
        QCOMPARE(stack->currentWidget(), static_cast<QWidget*>(reports));
        QVERIFY(reports->reports().size() >= 2);
    }
};

STLLAVA_STUDIO_TEST_MAIN(TestStudioOneClickDemo)
#include "test_studio_one_click_demo.moc"
