// The Read workspace: the series of an opened folder (thumbnails arrive from a background scan), the
// viewer, and the chat about the image on screen beside it, as a clinician reads and asks at once.
#pragma once

#include <QWidget>

class QListView;
class QSplitter;
class QLabel;

namespace stllava::jobs {
class ChatJob;
class FolderScanJob;
class JobTracker;
}  // namespace stllava::jobs

namespace stllava::ui {

class ChatPanel;
class SeriesListModel;
class ViewerPanel;

class ReadWorkspace : public QWidget {
    Q_OBJECT
public:
    ReadWorkspace(jobs::ChatJob* chat, jobs::JobTracker* tracker, QWidget* parent = nullptr);

    void openFile(const QString& path);
    void openFolder(const QString& path);

    ViewerPanel* viewer() const { return m_viewer; }
    ChatPanel* chat() const { return m_chat; }
    SeriesListModel* seriesModel() const { return m_seriesModel; }
    QListView* seriesList() const { return m_seriesList; }
    QSplitter* splitter() const { return m_splitter; }

Q_SIGNALS:
    void folderScanned(int seriesCount);
    void thumbnailsDone();
    void message(const QString& text);  // for the status bar

private:
    ViewerPanel* m_viewer;
    ChatPanel* m_chat;
    SeriesListModel* m_seriesModel;
    QListView* m_seriesList;
    QWidget* m_seriesPane;
    QLabel* m_seriesTitle;
    QSplitter* m_splitter;
    jobs::FolderScanJob* m_scan;
    jobs::JobTracker* m_tracker;
    int m_scanJobId = 0;
};

}  // namespace stllava::ui
