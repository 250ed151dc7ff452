#include "read_workspace.h"

#include "chat/chat_panel.h"
#include "series/series_list_model.h"
#include "services/jobs/folder_scan_job.h"
#include "services/jobs/job_tracker.h"
#include "viewer/viewer_panel.h"

#include <QDir>
#include <QLabel>
#include <QListView>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace stllava::ui {

ReadWorkspace::ReadWorkspace(jobs::ChatJob* chat, jobs::JobTracker* tracker, QWidget* parent)
    : QWidget(parent), m_tracker(tracker) {
    m_viewer = new ViewerPanel(this);
    m_chat = new ChatPanel(chat, m_viewer, this);
    m_seriesModel = new SeriesListModel(this);
    m_scan = new jobs::FolderScanJob(this);

    m_seriesPane = new QWidget(this);
    m_seriesTitle = new QLabel(tr("Series"), m_seriesPane);
    m_seriesList = new QListView(m_seriesPane);
    m_seriesList->setModel(m_seriesModel);
    // Thumbnail above its description, one column (as PACS viewers list series).
    m_seriesList->setViewMode(QListView::IconMode);
    m_seriesList->setFlow(QListView::TopToBottom);
    m_seriesList->setWrapping(false);
    m_seriesList->setMovement(QListView::Static);
    m_seriesList->setResizeMode(QListView::Adjust);
    m_seriesList->setIconSize(QSize(96, 96));
    m_seriesList->setGridSize(QSize(180, 150));
    m_seriesList->setWordWrap(true);
    m_seriesList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_seriesPane->setMinimumWidth(190);
    m_seriesList->setAccessibleName(tr("Series list"));
    auto* seriesLayout = new QVBoxLayout(m_seriesPane);
    seriesLayout->setContentsMargins(4, 4, 4, 4);
    seriesLayout->addWidget(m_seriesTitle);
    seriesLayout->addWidget(m_seriesList, 1);
    m_seriesPane->setVisible(false);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(m_seriesPane);
    m_splitter->addWidget(m_viewer);
    m_splitter->addWidget(m_chat);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 4);
    m_splitter->setStretchFactor(2, 1);
    m_splitter->setSizes({0, 900, 400});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_viewer, &ViewerPanel::studyChanged, m_chat, &ChatPanel::setStudy);
    connect(m_viewer, &ViewerPanel::loadFailed, this, &ReadWorkspace::message);
    connect(m_seriesList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid()) m_viewer->openSeries(m_seriesModel->series(current.row()));
            });
    connect(m_scan, &jobs::FolderScanJob::progress, this, [this](qint64 files) {
        Q_EMIT message(tr("Scanning: %n file(s) looked at", nullptr, int(files)));
    });
    connect(m_scan, &jobs::FolderScanJob::scanned, this,
            [this](const QString& folder, const std::vector<DicomSeries>& series, int unreadable,
                   qint64 skipped) {
                m_seriesModel->setSeries(series);
                m_seriesTitle->setText(tr("Series in %1").arg(QDir(folder).dirName()));
                if (!m_seriesPane->isVisible()) {
                    m_seriesPane->setVisible(true);
                    QList<int> sizes = m_splitter->sizes();
                    if (sizes.size() == 3 && sizes[0] < 200) {
                        // The room comes from the chat while it is wide, else from the viewer.
                        const int need = 220 - sizes[0];
                        const int fromChat = std::min(need, std::max(0, sizes[2] - 380));
                        sizes[2] -= fromChat;
                        sizes[1] = std::max(300, sizes[1] - (need - fromChat));
                        sizes[0] = 220;
                        m_splitter->setSizes(sizes);
                    }
                }
                QString text = tr("%n series found", nullptr, int(series.size()));
                if (unreadable > 0) text += tr(", %n unreadable DICOM file(s)", nullptr, unreadable);
                if (skipped > 0) text += tr(", %n other file(s) skipped", nullptr, int(skipped));
                Q_EMIT message(text);
                if (!series.empty()) m_seriesList->setCurrentIndex(m_seriesModel->index(0));
                Q_EMIT folderScanned(static_cast<int>(series.size()));
            });
    connect(m_scan, &jobs::FolderScanJob::thumbnail, m_seriesModel, &SeriesListModel::setThumbnail);
    auto endJob = [this] {
        m_tracker->end(m_scanJobId);
        m_scanJobId = 0;
    };
    connect(m_scan, &jobs::FolderScanJob::finished, this, [this, endJob] {
        endJob();
        Q_EMIT thumbnailsDone();
    });
    connect(m_scan, &jobs::FolderScanJob::failed, this, [this, endJob](const QString& error) {
        endJob();
        Q_EMIT message(error);
    });
}

void ReadWorkspace::openFile(const QString& path) {
    m_viewer->openFile(path);
}

void ReadWorkspace::openFolder(const QString& path) {
    if (m_scanJobId) m_tracker->end(m_scanJobId);
    m_scanJobId = m_tracker->begin(tr("scanning %1").arg(QDir(path).dirName()));
    m_scan->start(path);
}

}  // namespace stllava::ui
