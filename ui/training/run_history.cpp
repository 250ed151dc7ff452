#include "training/run_history.h"

#include "services/jobs/training_run_job.h"

namespace stllava::ui {

void RunHistory::watch(jobs::TrainingRunJob* job) {
    m_points.insert(job, {});
    connect(job, &jobs::TrainingRunJob::event, this, [this, job](const jobs::TrainingEvent& e) {
        if (e.kind != jobs::TrainingEvent::Kind::Step) return;
        m_points[job].append(StepPoint::from(e));
        Q_EMIT stepAdded(job);
    });
    connect(job, &QObject::destroyed, this, [this, job] { m_points.remove(job); });
}

const QVector<StepPoint>& RunHistory::points(const jobs::TrainingRunJob* job) const {
    static const QVector<StepPoint> kNone;
    const auto it = m_points.constFind(job);
    return it == m_points.constEnd() ? kNone : *it;
}

}  // namespace stllava::ui
