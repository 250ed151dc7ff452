// The main window of stllava-studio: a workspace switcher (Read, Ctrl+1), the File menu (open a
// file or folder, open a model folder, recent items, quit), the View menu with the viewer's
// actions, drag and drop of files and folders, and a status bar with the model, its device and the
// running jobs. Geometry, layout, the last folder and the last model are restored at start-up.
#pragma once

#include <QMainWindow>

#include <memory>

class QActionGroup;
class QLabel;
class QMenu;
class QProgressBar;
class QStackedWidget;

namespace stllava::pipeline {
class LlavaSession;
}
namespace stllava::jobs {
class ChatJob;
class JobTracker;
class ModelLoadJob;
}  // namespace stllava::jobs

namespace stllava::ui {

class ReadWorkspace;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        bool restoreModel = true;  // load the last model at start-up
    };
    explicit MainWindow(const Options& options, QWidget* parent = nullptr);
    MainWindow() : MainWindow(Options{}) {}
    ~MainWindow() override;

    void openPath(const QString& path);  // a folder is scanned for series; a file is shown
    void loadModel(const QString& folder);
    ReadWorkspace* readWorkspace() const { return m_read; }
    jobs::ChatJob* chatJob() const { return m_chat; }
    QString modelStatus() const;
    QString jobsStatus() const;

Q_SIGNALS:
    void modelLoaded();
    void modelFailed(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildMenus();
    void rebuildRecentMenu();
    void openFileDialog();
    void openFolderDialog();
    void openModelDialog();
    void onModelLoaded(std::shared_ptr<pipeline::LlavaSession> session);
    void saveState();

    jobs::JobTracker* m_tracker;
    jobs::ChatJob* m_chat;
    jobs::ModelLoadJob* m_modelLoad;
    ReadWorkspace* m_read;
    QStackedWidget* m_workspaces;
    QActionGroup* m_workspaceGroup;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_modelLabel;
    QLabel* m_deviceLabel;
    QLabel* m_jobsLabel;
    QProgressBar* m_progress;
    int m_modelJobId = 0;
    int m_chatJobId = 0;
};

}  // namespace stllava::ui
