// The main window of stllava-studio: a workspace switcher (Read, Ctrl+1), the File menu (open a
// file or folder, open a model folder, recent items, settings, quit), the View menu with the
// viewer's actions, the Help menu (open or set up the embedded demo), drag and drop of files and
// folders, and a status bar with the model, its device and the running jobs. Geometry, layout, the
// last folder and the last model are restored at start-up; a first start opens the demo.
#pragma once

#include <QMainWindow>

#include <memory>

class QAction;
class QActionGroup;
class QKeySequence;
class QToolBar;
class QLabel;
class QMenu;
class QProgressBar;
class QToolButton;
class QStackedWidget;

namespace stllava::pipeline {
class LlavaSession;
}
namespace stllava::jobs {
class ChatJob;
class JobTracker;
class ModelLoadJob;
class DemoSetupJob;
}  // namespace stllava::jobs

namespace stllava::ui {

class ReadWorkspace;
class ShortcutMap;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        bool restoreModel = true;  // load the last model at start-up
        bool openDemo = false;     // with no last model, open the embedded demo when it exists
    };
    explicit MainWindow(const Options& options, QWidget* parent = nullptr);
    MainWindow() : MainWindow(Options{}) {}
    ~MainWindow() override;

    void openPath(const QString& path);  // a folder is scanned for series; a file is shown
    // With the settings' device, dtype and threads; and their adapter and tower unless
    // `withPreferredParts` is false (the demo's own model takes neither).
    void loadModel(const QString& folder, bool withPreferredParts = true);
    // Opens the demo `stllava demo run` wrote (DemoFolder::find): its model, its studies; false
    // (with a message) when there is none.
    bool openDemo();
    void showSettings();
    // Answers from the settings' OpenAI-compatible endpoint (its API key looked up off the GUI thread).
    void useEndpoint();
    // Adds a workspace to the switcher (toolbar on the left, View menu) with its shortcut; the first
    // added is shown at start. Review, Training and Reports each add themselves in the constructor.
    QAction* addWorkspace(QWidget* workspace, const QString& label, const QKeySequence& shortcut,
                          const QString& toolTip);
    void showWorkspace(QWidget* workspace);
    jobs::JobTracker* jobTracker() const { return m_tracker; }
    ReadWorkspace* readWorkspace() const { return m_read; }
    jobs::ChatJob* chatJob() const { return m_chat; }
    // The remappable shortcuts (File ▸ Keyboard shortcuts…): File, workspace, viewer and chat actions.
    ShortcutMap* shortcuts() const { return m_shortcuts; }
    void showShortcuts();
    // Stops a model load in progress (the status bar's Cancel button, File ▸ Cancel model loading).
    void cancelModelLoad();
    bool isModelLoading() const;
    QString modelStatus() const;
    QString jobsStatus() const;

Q_SIGNALS:
    void modelLoaded();
    void modelFailed(const QString& message);
    void endpointConnected();
    // The demo at `root` was opened: its judged job and reports are for the other workspaces.
    void demoOpened(const QString& root, const QString& job, const QStringList& reports);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildMenus();
    void registerShortcuts();
    void setModelLoading(bool loading);
    void rebuildRecentMenu();
    void openFileDialog();
    void openFolderDialog();
    void openModelDialog();
    void setUpDemo();
    void onModelLoaded(std::shared_ptr<pipeline::LlavaSession> session);
    void saveState();

    jobs::JobTracker* m_tracker;
    jobs::ChatJob* m_chat;
    jobs::ModelLoadJob* m_modelLoad;
    jobs::DemoSetupJob* m_demoSetup;
    QAction* m_stopDemoSetup = nullptr;
    int m_demoJobId = 0;
    ReadWorkspace* m_read;
    QStackedWidget* m_workspaces;
    QActionGroup* m_workspaceGroup;
    QToolBar* m_switcher;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_fileMenu = nullptr;
    QLabel* m_modelLabel;
    QLabel* m_deviceLabel;
    QLabel* m_jobsLabel;
    QProgressBar* m_progress;
    QToolButton* m_cancelLoad = nullptr;
    QAction* m_cancelLoadAction = nullptr;
    ShortcutMap* m_shortcuts = nullptr;
    int m_modelJobId = 0;
    int m_chatJobId = 0;
};

}  // namespace stllava::ui
