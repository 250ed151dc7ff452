#include "services/jobs/job_tracker.h"

namespace stllava::jobs {

Q_LOGGING_CATEGORY(lcJobs, "stllava.jobs")

int JobTracker::begin(const QString& name) {
    const int id = m_next++;
    m_jobs[id] = name;
    qCDebug(lcJobs) << "job started:" << name;
    Q_EMIT changed(running());
    return id;
}

void JobTracker::end(int id) {
    if (m_jobs.erase(id) == 0) return;
    Q_EMIT changed(running());
}

QStringList JobTracker::running() const {
    QStringList names;
    for (const auto& [id, name] : m_jobs) names << name;
    return names;
}

}  // namespace stllava::jobs
