// Opens a model folder (pipeline::LlavaSession::open) on a worker thread, with progress throttled to
// about ten updates a second and cancel. The loaded session is handed over on the GUI thread.
#pragma once

#include "pipeline/llava_session.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace stllava::jobs {

class ModelLoadJob : public QObject {
    Q_OBJECT
public:
    explicit ModelLoadJob(QObject* parent = nullptr);
    ~ModelLoadJob() override;  // cancels a running load and waits for its thread

    // False when a load is already running. `source` is validated on the worker thread.
    bool start(const pipeline::ModelSource& source);
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }

Q_SIGNALS:
    void progress(const QString& stage, qint64 done, qint64 total);
    void loaded(std::shared_ptr<stllava::pipeline::LlavaSession> session);
    void failed(const QString& message);  // names the folder or file and the problem

private:
    void finishThread();

    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;  // shared with the worker
};

}  // namespace stllava::jobs
