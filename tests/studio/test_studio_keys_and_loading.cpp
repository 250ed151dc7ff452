// stllava-studio's remappable shortcuts and a model load that can be cancelled:
//   - a viewer key remapped in the Keyboard shortcuts dialog works (the old key no longer does),
//     shows in the tool tip and survives a new main window (QSettings);
//   - a key given to two actions is refused, naming the key and both actions, and nothing is saved;
//   - a key removed stays removed; Restore defaults brings the built-in keys back;
//   - the filter finds actions by name and by key; the chat's Send key can be remapped too;
//   - Cancel during a model load stops it (the load is held at config.json, a FIFO the test feeds
//     after pressing Cancel, so the cancel lands while the weights load): no model, a message, no crash.
#include "studio_test_env.h"
#include "fixtures/tiny_model.h"

#include "common/atomic_file.h"
#include "chat/chat_panel.h"
#include "chat/conversation_model.h"
#include "main_window.h"
#include "read_workspace.h"
#include "shortcuts/shortcut_dialog.h"
#include "shortcuts/shortcut_map.h"
#include "viewer/viewer_panel.h"

#include <QAction>
#include <QKeySequenceEdit>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QToolButton>
#include <QTreeWidget>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

using namespace stllava;
using namespace stllava::ui;

namespace {

QAction* actionById(MainWindow& w, const QString& id) {
    return w.shortcuts()->action(id);
}

QKeySequence key(const char* text) {
    return QKeySequence(QString::fromLatin1(text), QKeySequence::PortableText);
}

}  // namespace

class TestStudioKeysAndLoading : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void init() {
        QSettings().remove(QStringLiteral("shortcuts"));
    }

    void remappedViewerKeyWorksAndPersists() {
        {
            MainWindow w(MainWindow::Options{false});
            w.show();
            w.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&w));  // shortcuts fire in the active window only
            QAction* invert = actionById(w, QStringLiteral("viewer-invert"));
            QVERIFY(invert);
            QCOMPARE(invert->shortcut(), key("I"));
            ShortcutDialog dialog(w.shortcuts(), &w);
            QKeySequenceEdit* edit = dialog.editor(QStringLiteral("viewer-invert"), 0);
            QVERIFY(edit);
            edit->setKeySequence(key("Ctrl+Shift+I"));
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            QCOMPARE(invert->shortcut(), key("Ctrl+Shift+I"));
            QVERIFY2(invert->toolTip().contains(key("Ctrl+Shift+I").toString(QKeySequence::NativeText)),
                     qPrintable(invert->toolTip()));

            QWidget* view = w.readWorkspace()->viewer()->view();
            view->setFocus();
            const bool before = invert->isChecked();
            QTest::keyClick(view, Qt::Key_I);  // the old key does nothing now
            QCOMPARE(invert->isChecked(), before);
            QTest::keyClick(view, Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
            QCOMPARE(invert->isChecked(), !before);
        }
        MainWindow again(MainWindow::Options{false});
        QCOMPARE(actionById(again, QStringLiteral("viewer-invert"))->shortcut(), key("Ctrl+Shift+I"));
        QCOMPARE(actionById(again, QStringLiteral("viewer-fit"))->shortcut(), key("F"));  // others untouched
    }

    void keyGivenTwiceIsRefused() {
        MainWindow w(MainWindow::Options{false});
        ShortcutDialog dialog(w.shortcuts(), &w);
        dialog.editor(QStringLiteral("viewer-fit"), 0)->setKeySequence(key("I"));  // Invert's key
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));  // still open
        const QString problem = dialog.problem();
        QVERIFY2(problem.contains(QStringLiteral("Invert")) && problem.contains(QStringLiteral("Fit to view")) &&
                     problem.startsWith(QStringLiteral("I ")),
                 qPrintable(problem));
        QCOMPARE(actionById(w, QStringLiteral("viewer-fit"))->shortcut(), key("F"));
        QVERIFY(!QSettings().contains(QStringLiteral("shortcuts/viewer-fit")));
        // A key used by the main window (Ctrl+O, Open file) cannot go to a viewer action either.
        const QString again = w.shortcuts()->apply({{QStringLiteral("viewer-invert"), {QKeySequence::Open}}});
        QVERIFY2(again.contains(QStringLiteral("Open file")), qPrintable(again));
    }

    void removedKeyStaysRemovedAndDefaultsComeBack() {
        {
            MainWindow w(MainWindow::Options{false});
            QCOMPARE(w.shortcuts()->apply({{QStringLiteral("viewer-presentation"), {}},
                                           {QStringLiteral("viewer-next-image"), {key("N")}}}),
                     QString());
        }
        MainWindow w(MainWindow::Options{false});
        QVERIFY(actionById(w, QStringLiteral("viewer-presentation"))->shortcuts().isEmpty());
        QCOMPARE(actionById(w, QStringLiteral("viewer-next-image"))->shortcuts(), QList<QKeySequence>{key("N")});
        ShortcutDialog dialog(w.shortcuts(), &w);
        QVERIFY(dialog.editor(QStringLiteral("viewer-presentation"), 0)->keySequence().isEmpty());
        w.shortcuts()->restoreDefaults();
        QCOMPARE(actionById(w, QStringLiteral("viewer-presentation"))->shortcut(), key("P"));
        QCOMPARE(actionById(w, QStringLiteral("viewer-next-image"))->shortcuts(),
                 (QList<QKeySequence>{key("Down"), key("PgDown")}));
        QSettings settings;
        settings.beginGroup(QStringLiteral("shortcuts"));
        QVERIFY2(settings.childKeys().isEmpty(), qPrintable(settings.childKeys().join(',')));
    }

    void filterFindsByNameAndKey() {
        MainWindow w(MainWindow::Options{false});
        ShortcutDialog dialog(w.shortcuts(), &w);
        auto* tree = dialog.findChild<QTreeWidget*>();
        QVERIFY(tree);
        auto visible = [tree] {
            QStringList ids;
            for (int g = 0; g < tree->topLevelItemCount(); ++g)
                for (int i = 0; i < tree->topLevelItem(g)->childCount(); ++i) {
                    auto* item = tree->topLevelItem(g)->child(i);
                    if (!item->isHidden() && !tree->topLevelItem(g)->isHidden())
                        ids << item->data(0, Qt::UserRole).toString();
                }
            return ids;
        };
        const int all = visible().size();
        QVERIFY2(all >= 16, qPrintable(QString::number(all)));  // file, workspaces, viewer, chat
        dialog.filter()->setText(QStringLiteral("presentation"));
        QCOMPARE(visible(), QStringList{QStringLiteral("viewer-presentation")});
        dialog.filter()->setText(key("Ctrl+M").toString(QKeySequence::NativeText));
        QCOMPARE(visible(), QStringList{QStringLiteral("file-open-model")});
        dialog.filter()->clear();
        QCOMPARE(visible().size(), all);
    }

    void chatSendKeyCanBeRemapped() {
        MainWindow w(MainWindow::Options{false});
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QCOMPARE(w.shortcuts()->apply({{QStringLiteral("chat-send"), {key("Alt+Return")}}}), QString());
        ChatPanel* chat = w.readWorkspace()->chat();
        auto* input = chat->findChild<QPlainTextEdit*>();
        QVERIFY(input);
        input->setFocus();
        input->setPlainText(QStringLiteral("Is there a lesion?"));
        QTest::keyClick(input, Qt::Key_Return, Qt::ControlModifier);  // the old key: a new line only
        QCOMPARE(chat->model()->rowCount(), 0);
        QTest::keyClick(input, Qt::Key_Return, Qt::AltModifier);
        // No model is loaded: the question and the error appear in the conversation.
        QTRY_VERIFY_WITH_TIMEOUT(chat->model()->rowCount() >= 1, 5000);
        QCOMPARE(chat->model()->messages().front().text.trimmed(), QStringLiteral("Is there a lesion?"));
    }

    void modelLoadIsCancelled() {
        QVERIFY(m_dir.isValid());
        auto cfg = testing::tinyConfig();
        cfg.text.vocab_size = 320;  // the shared tiny tokenizer's size
        const std::string folder = testing::writeTinyModelFolder(m_dir.path().toStdString(), cfg, "held-model");
        const std::string config = folder + "/config.json";
        const std::string text = readFile(config);
        QCOMPARE(std::remove(config.c_str()), 0);
        QCOMPARE(::mkfifo(config.c_str(), 0600), 0);  // the load waits here until the test writes it

        MainWindow w(MainWindow::Options{false});
        w.show();
        QSignalSpy failed(&w, &MainWindow::modelFailed);
        QSignalSpy loaded(&w, &MainWindow::modelLoaded);
        w.loadModel(QString::fromStdString(folder), false);
        QVERIFY(w.isModelLoading());
        auto* cancel = w.findChild<QToolButton*>(QStringLiteral("cancel-model-load"));
        QVERIFY(cancel && cancel->isVisible() && cancel->isEnabled());
        // A writer can open the FIFO only once the loader has it open for reading: the load is then
        // past its first checks and waits for config.json.
        int fd = -1;
        for (int i = 0; i < 2000 && fd < 0; ++i) {
            fd = ::open(config.c_str(), O_WRONLY | O_NONBLOCK);
            if (fd < 0) QTest::qWait(5);
        }
        QVERIFY2(fd >= 0, "the model load never opened config.json");
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(!cancel->isEnabled());
        QCOMPARE(::write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));  // < the pipe's buffer
        ::close(fd);
        QVERIFY(failed.wait(20000));
        QCOMPARE(loaded.count(), 0);
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("cancelled")),
                 qPrintable(failed.first().first().toString()));
        QVERIFY(!w.isModelLoading());
        QVERIFY(!cancel->isVisible());
        QVERIFY2(w.modelStatus().contains(QStringLiteral("No model")), qPrintable(w.modelStatus()));

        // The same folder (config.json a plain file again) then loads.
        QCOMPARE(std::remove(config.c_str()), 0);
        std::ofstream(config, std::ios::binary) << text;
        w.loadModel(QString::fromStdString(folder), false);
        QVERIFY(loaded.wait(60000));
        QVERIFY2(w.modelStatus().contains(QStringLiteral("held-model")), qPrintable(w.modelStatus()));
    }
};

STLLAVA_STUDIO_TEST_MAIN(TestStudioKeysAndLoading)
#include "test_studio_keys_and_loading.moc"
