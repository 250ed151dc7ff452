#include "services/jobs/model_load_job.h"

#include "services/jobs/job_tracker.h"

#include <QThread>

#include <chrono>

namespace stllava::jobs {

ModelLoadJob::ModelLoadJob(QObject* parent) : QObject(parent) {}

ModelLoadJob::~ModelLoadJob() {
    cancel();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void ModelLoadJob::cancel() {
    if (m_cancel) m_cancel->store(true);
}

void ModelLoadJob::finishThread() {
    if (!m_thread) return;
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_cancel.reset();
}

bool ModelLoadJob::start(const pipeline::ModelSource& source) {
    if (m_thread) return false;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto cancelFlag = m_cancel;
    m_thread = QThread::create([this, source, cancelFlag] {
        using clock = std::chrono::steady_clock;
        auto lastEmit = clock::now() - std::chrono::seconds(1);
        std::string lastStage;
        auto onProgress = [&](const Progress& p) {
            const auto now = clock::now();
            if (p.stage != lastStage || now - lastEmit >= std::chrono::milliseconds(100)) {
                lastStage = p.stage;
                lastEmit = now;
                const QString stage = QString::fromStdString(p.stage);
                const qint64 done = p.done, total = p.total;
                QMetaObject::invokeMethod(
                    this, [this, stage, done, total] { Q_EMIT progress(stage, done, total); },
                    Qt::QueuedConnection);
            }
            return !cancelFlag->load();
        };
        try {
            pipeline::validate(source);
            auto session = pipeline::LlavaSession::open(source, onProgress);
            QMetaObject::invokeMethod(
                this,
                [this, session] {
                    finishThread();
                    Q_EMIT loaded(session);
                },
                Qt::QueuedConnection);
        } catch (const std::exception& e) {
            const QString message =
                cancelFlag->load()
                    ? tr("Loading %1 was cancelled.").arg(QString::fromStdString(source.model_dir))
                    : QString::fromStdString(e.what());
            qCWarning(lcJobs) << "model load failed:" << message;
            QMetaObject::invokeMethod(
                this,
                [this, message] {
                    finishThread();
                    Q_EMIT failed(message);
                },
                Qt::QueuedConnection);
        }
    });
    m_thread->setObjectName(QStringLiteral("model-load"));
    m_thread->start();
    return true;
}

}  // namespace stllava::jobs
