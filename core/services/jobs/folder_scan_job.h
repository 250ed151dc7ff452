// Scans a folder for DICOM series (imaging's scanDicomFolder, headers only) on a worker thread, then
// renders one thumbnail per series (the middle image under its default window) in the background.
// Results reach the GUI thread in order: scanned(), then thumbnail() per series, then finished().
// A new start() abandons the previous scan (its results are dropped).
#pragma once

#include "imaging/dicom_series.h"
#include "imaging/image_types.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

class QThread;

namespace stllava::jobs {

class FolderScanJob : public QObject {
    Q_OBJECT
public:
    explicit FolderScanJob(QObject* parent = nullptr);
    ~FolderScanJob() override;  // cancels and joins every scan thread

    void start(const QString& folder, int thumbnailSide = 96);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progress(qint64 filesLookedAt);
    void scanned(const QString& folder, const std::vector<stllava::DicomSeries>& series, int unreadable,
                 qint64 skipped);
    void thumbnail(int seriesIndex, const stllava::RgbImage& image);
    void finished();
    void failed(const QString& message);

private:
    void reap();

    std::vector<QThread*> m_threads;
    std::shared_ptr<std::atomic<bool>> m_cancel;  // the current scan's flag
    int m_generation = 0;
    bool m_running = false;
};

}  // namespace stllava::jobs
