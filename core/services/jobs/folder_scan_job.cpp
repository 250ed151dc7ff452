#include "services/jobs/folder_scan_job.h"

#include "imaging/downscale.h"
#include "imaging/image_loader.h"
#include "services/jobs/job_tracker.h"

#include <QThread>

#include <chrono>
#include <functional>

namespace stllava::jobs {

FolderScanJob::FolderScanJob(QObject* parent) : QObject(parent) {}

FolderScanJob::~FolderScanJob() {
    cancel();
    for (QThread* t : m_threads) {
        t->wait();
        delete t;
    }
}

void FolderScanJob::cancel() {
    if (m_cancel) m_cancel->store(true);
    m_running = false;
}

void FolderScanJob::reap() {
    for (auto it = m_threads.begin(); it != m_threads.end();) {
        if ((*it)->isFinished()) {
            delete *it;
            it = m_threads.erase(it);
        } else {
            ++it;
        }
    }
}

void FolderScanJob::start(const QString& folder, int thumbnailSide) {
    cancel();
    reap();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const int generation = ++m_generation;
    m_running = true;
    auto stop = m_cancel;
    // Runs `fn` on the GUI thread unless a newer scan started meanwhile.
    const std::function<void(std::function<void()>)> post = [this, generation](std::function<void()> fn) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, fn] {
                if (generation == m_generation) fn();
            },
            Qt::QueuedConnection);
    };
    QThread* thread = QThread::create([this, folder, thumbnailSide, stop, post] {
        using clock = std::chrono::steady_clock;
        auto lastEmit = clock::now();
        ScanResult result;
        try {
            result = scanDicomFolder(folder.toStdString(), [&](const Progress& p) {
                if (clock::now() - lastEmit >= std::chrono::milliseconds(100)) {
                    lastEmit = clock::now();
                    const qint64 done = p.done;
                    post([this, done] { Q_EMIT progress(done); });
                }
                return !stop->load();
            });
        } catch (const Cancelled&) {
            return;
        } catch (const std::exception& e) {
            const QString message = QString::fromStdString(e.what());
            qCWarning(lcJobs) << "folder scan failed:" << message;
            post([this, message] {
                m_running = false;
                Q_EMIT failed(message);
            });
            return;
        }
        const auto series = result.series;
        const int unreadable = static_cast<int>(result.errors.size());
        const qint64 skipped = result.skipped;
        post([this, folder, series, unreadable, skipped] {
            Q_EMIT scanned(folder, series, unreadable, skipped);
        });
        for (std::size_t i = 0; i < series.size() && !stop->load(); ++i) {
            const auto& files = series[i].files;
            if (files.empty()) continue;
            try {
                const auto& mid = files[files.size() / 2];
                const ImageData data = loadImageData(mid.path);
                RgbImage thumb = downscale(renderDisplay(data), thumbnailSide);
                const int index = static_cast<int>(i);
                post([this, index, thumb] { Q_EMIT thumbnail(index, thumb); });
            } catch (const std::exception& e) {
                qCWarning(lcJobs) << "thumbnail failed:" << e.what();
            }
        }
        post([this] {
            m_running = false;
            Q_EMIT finished();
        });
    });
    thread->setObjectName(QStringLiteral("folder-scan"));
    m_threads.push_back(thread);
    thread->start();
}

}  // namespace stllava::jobs
