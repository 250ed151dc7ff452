// stllava-studio's Review workspace on the offscreen platform, with a real SQLite store and a judged
// job's pairs files written here (tests/review/review_test_data.h):
//   - the keys (as the user presses them) record decisions in the store, auto-advance, undo,
//     previous / next; each decision is committed within 100 ms on the GUI thread (measured);
//   - blind mode hides the scores and shows the answers in the order kept in the store, and the
//     key for the shown answer records the original one;
//   - remapped keys work; the key dialog refuses a key bound twice; decisions are there after the
//     workspace is closed and made again; the main window lists the workspace under Ctrl+2.
#include "review/review_test_data.h"
#include "studio_test_env.h"

#include "main_window.h"
#include "review/key_map_dialog.h"
#include "review/review_settings.h"
#include "review/review_workspace.h"
#include "viewer/image_view.h"

#include <QAction>
#include <QImage>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QPushButton>

using namespace stllava::ui;
using namespace stllava::review;

class TestStudioReview : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_store;

    void press(ReviewWorkspace& w, Qt::Key key, Qt::KeyboardModifiers mods = Qt::NoModifier) {
        QTest::keyClick(&w, key, mods);
        QVERIFY2(w.lastDecisionMicros() < 100000, "a decision took over 100 ms");
    }

    bool openAndImport(ReviewWorkspace& w) {
        if (!w.openStore(m_store)) return false;
        QSignalSpy done(&w, &ReviewWorkspace::importFinished);
        w.importPairs(m_dir.filePath(QStringLiteral("job")));
        return done.wait(20000);
    }

    void showActive(QWidget& w) {
        w.resize(1200, 800);
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.setFocus();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QString job = m_dir.filePath(QStringLiteral("job"));
        reviewtest::writeJob(job);
        QImage img(48, 40, QImage::Format_Grayscale8);
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x) img.setPixel(x, y, qRgb(x * 5, x * 5, x * 5));
        QVERIFY(img.save(job + QStringLiteral("/img.png")));
        m_store = m_dir.filePath(QStringLiteral("review.sqlite"));
    }

    void keysDecideAdvanceAndUndo() {
        ReviewWorkspace w;
        QVERIFY(openAndImport(w));
        w.setCurator(QStringLiteral("ann"));
        showActive(w);
        QCOMPARE(w.visiblePairIds().size(), 8);
        QCOMPARE(w.currentPairId(), QStringLiteral("a#q0"));
        QVERIFY(w.answerScoresVisible());
        QVERIFY(w.findChild<QPushButton*>(QStringLiteral("button-approve"))->text().contains(QLatin1String("[A]")));
        QVERIFY(w.action(ReviewCommand::Next)->toolTip().contains(QLatin1String("J")));
        QVERIFY(QTest::qWaitFor([&] { return w.findChild<ImageView*>()->hasImage(); }, 10000));

        press(w, Qt::Key_A);  // approve the judge's choice (answer 1)
        QCOMPARE(w.currentPairId(), QStringLiteral("j#q0"));  // auto-advance
        press(w, Qt::Key_F);  // flip: the judge chose 2, now 1
        QCOMPARE(w.currentPairId(), QStringLiteral("b#q0"));
        press(w, Qt::Key_2);
        press(w, Qt::Key_T);  // c: tie
        QCOMPARE(w.currentPairId(), QStringLiteral("d#q0"));
        QVERIFY(w.progressText().startsWith(QStringLiteral("4 decided of 8")));
        press(w, Qt::Key_Z, Qt::ControlModifier);  // undo the tie: back on c
        QCOMPARE(w.currentPairId(), QStringLiteral("c#q0"));
        QVERIFY(w.progressText().startsWith(QStringLiteral("3 decided of 8")));
        press(w, Qt::Key_B);  // both wrong instead
        press(w, Qt::Key_K);  // previous
        QCOMPARE(w.currentPairId(), QStringLiteral("c#q0"));
        press(w, Qt::Key_Right);
        QCOMPARE(w.currentPairId(), QStringLiteral("d#q0"));
        w.addNote(QStringLiteral("hard one"));
        QCOMPARE(w.currentPairId(), QStringLiteral("d#q0"));  // a note does not advance

        ReviewStore s(m_store);
        QCOMPARE(s.state(QStringLiteral("a#q0"), QStringLiteral("ann")).verdict, Verdict::Approved);
        QCOMPARE(s.state(QStringLiteral("j#q0"), QStringLiteral("ann")).side, 1);
        QCOMPARE(s.state(QStringLiteral("b#q0"), QStringLiteral("ann")).side, 2);
        QCOMPARE(s.state(QStringLiteral("c#q0"), QStringLiteral("ann")).verdict, Verdict::BothWrong);
        QCOMPARE(s.state(QStringLiteral("d#q0"), QStringLiteral("ann")).notes, QStringList{QStringLiteral("hard one")});
        qInfo("last decision committed in %lld us on the GUI thread", static_cast<long long>(w.lastDecisionMicros()));
    }

    void blindMode() {
        ReviewWorkspace w;  // reopens the last store
        QVERIFY(w.store());
        w.setCurator(QStringLiteral("bob"));
        showActive(w);
        w.setBlind(true);
        QVERIFY(!w.answerScoresVisible());
        QVERIFY(!w.action(ReviewCommand::Flip)->isEnabled());
        for (int i = 0; i < 4; ++i) {
            const QString id = w.currentPairId();
            const auto p = w.store()->pair(id);
            const bool swapped = w.store()->blindSwapped(id, QStringLiteral("bob"));
            QCOMPARE(w.answerText(1), swapped ? p->answer2 : p->answer1);
            press(w, Qt::Key_1);  // the answer shown first
            const PairState st = w.store()->state(id, QStringLiteral("bob"));
            QCOMPARE(st.side, swapped ? 2 : 1);
            QCOMPARE(w.store()->events(id).back().shownOrder, swapped ? QStringLiteral("21") : QStringLiteral("12"));
        }
        w.setBlind(false);
        QVERIFY(w.answerScoresVisible());
    }

    void remappedKeys() {
        KeyMapDialog dialog(ReviewKeyMap{});
        dialog.editor(ReviewCommand::Reject, 0)->setKeySequence(QKeySequence(Qt::Key_1));  // taken by answer 1
        dialog.accept();
        QVERIFY(dialog.result() != QDialog::Accepted);
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("problem"))->text().contains(QLatin1String("1")));
        dialog.editor(ReviewCommand::Reject, 0)->setKeySequence(QKeySequence(Qt::Key_X));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        ReviewSettings().setKeyMap(dialog.keyMap());

        ReviewWorkspace w;  // the saved keys
        w.setCurator(QStringLiteral("cy"));
        showActive(w);
        QCOMPARE(w.keyMap().keys(ReviewCommand::Reject), QList<QKeySequence>{QKeySequence(Qt::Key_X)});
        const QString id = w.currentPairId();
        press(w, Qt::Key_R);  // no longer bound
        QVERIFY(!w.store()->state(id, QStringLiteral("cy")).decided());
        press(w, Qt::Key_X);
        QCOMPARE(w.store()->state(id, QStringLiteral("cy")).verdict, Verdict::Rejected);
        QVERIFY(w.findChild<QPushButton*>(QStringLiteral("button-reject"))->text().contains(QLatin1String("[X]")));
        ReviewSettings().setKeyMap(ReviewKeyMap{});
    }

    void filtersAndAdjudication() {
        ReviewWorkspace w;
        w.setCurator(QStringLiteral("ann"));
        w.setFilter(PairFilter::NeedsReview);
        QCOMPARE(w.visiblePairIds().size(), 5);  // b c d e f
        w.setFilter(PairFilter::OrderDisagreement);
        QCOMPARE(w.visiblePairIds(), QStringList{QStringLiteral("b#q0")});
        w.setFilter(PairFilter::All);
        w.setSort(PairSort::MarginDescending);
        QCOMPARE(w.visiblePairIds().front(), QStringLiteral("j#q0"));  // margin 4.5
        // ann chose 2 on b, bob (blind) chose the answer he saw first; cy: only a reject. a: ann
        // approved 1 and bob chose 1 or 2 in blind mode: conflicts show in the queue.
        w.setFilter(PairFilter::Adjudication);
        const QStringList queue = w.store()->adjudicationQueue();
        for (const QString& id : queue) QVERIFY(w.visiblePairIds().contains(id));
        QVERIFY(w.agreementText().contains(QStringLiteral("AC1")));
    }

    // The demo's judged job goes into a store of its own, imported once however often it is opened.
    void demoJobImported() {
        const QString job = m_dir.filePath(QStringLiteral("job"));
        for (int round = 0; round < 2; ++round) {
            ReviewWorkspace w;
            if (round == 0) {  // the last store holds pairs: the demo does not replace it
                QCOMPARE(w.store()->path(), m_store);
                w.openDemoJob(job);
                QCOMPARE(w.store()->path(), m_store);
            }
            w.openStore(ReviewWorkspace::demoStorePath(job));  // as after the first demo opening
            QSignalSpy done(&w, &ReviewWorkspace::importFinished);
            w.openDemoJob(job);
            QVERIFY(done.wait(20000));
            QCOMPARE(done.front().at(0).toInt(), round == 0 ? 8 : 0);
            QCOMPARE(w.store()->path(), ReviewWorkspace::demoStorePath(job));
            QCOMPARE(w.visiblePairIds().size(), 8);
        }
    }

    void mainWindowListsIt() {
        MainWindow window(MainWindow::Options{false, false});
        auto* action = window.findChild<QAction*>(QStringLiteral("workspace-review"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_2));
        QVERIFY(window.findChild<ReviewWorkspace*>(QStringLiteral("review")));
    }
};

STLLAVA_STUDIO_TEST_MAIN(TestStudioReview)
#include "test_studio_review.moc"
