#include "services/jobs/training_run_list.h"

#include <QCoreApplication>

#include <algorithm>

namespace stllava::jobs {

QString trainingKindName(TrainingRunSpec::Kind kind) {
    switch (kind) {
    case TrainingRunSpec::Kind::Sft: return QCoreApplication::translate("TrainingRunList", "SFT");
    case TrainingRunSpec::Kind::Generate: return QCoreApplication::translate("TrainingRunList", "stage-2 generation");
    case TrainingRunSpec::Kind::Dpo: return QCoreApplication::translate("TrainingRunList", "DPO");
    }
    return {};
}

TrainingRunJob* TrainingRunList::add() {
    auto* job = new TrainingRunJob(this);
    beginInsertRows({}, int(m_runs.size()), int(m_runs.size()));
    m_runs.push_back(job);
    endInsertRows();
    connect(job, &TrainingRunJob::stateChanged, this, [this, job] { rowChanged(job); });
    connect(job, &TrainingRunJob::event, this, [this, job](const TrainingEvent& e) {
        if (e.kind == TrainingEvent::Kind::Step || e.kind == TrainingEvent::Kind::Generate) rowChanged(job);
    });
    return job;
}

TrainingRunJob* TrainingRunList::run(int row) const { return row >= 0 && row < m_runs.size() ? m_runs[row] : nullptr; }

int TrainingRunList::rowOf(const TrainingRunJob* job) const {
    const auto it = std::find(m_runs.begin(), m_runs.end(), job);
    return it == m_runs.end() ? -1 : int(it - m_runs.begin());
}

bool TrainingRunList::anyActive() const {
    return std::any_of(m_runs.begin(), m_runs.end(), [](const TrainingRunJob* j) { return j->isActive(); });
}

int TrainingRunList::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_runs.size()); }

QVariant TrainingRunList::data(const QModelIndex& index, int role) const {
    const TrainingRunJob* job = run(index.row());
    if (!job || index.column() != 0) return {};
    switch (role) {
    case Qt::DisplayRole: {
        QString text = tr("%1 · %2 · %3").arg(job->spec().name, trainingKindName(job->spec().kind),
                                              TrainingRunJob::stateName(job->state()));
        const TrainingEvent& last = job->lastStep();
        if (last.kind == TrainingEvent::Kind::Step)
            text += tr(" · step %1/%2").arg(last.step).arg(last.totalSteps);
        else if (last.kind == TrainingEvent::Kind::Generate)
            text += tr(" · %1/%2 images").arg(last.done).arg(last.total);
        return text;
    }
    case Qt::ToolTipRole: return job->message().isEmpty() ? job->outputDir() : job->message();
    case StateRole: return int(job->state());
    case OutputDirRole: return job->outputDir();
    case JobRole: return QVariant::fromValue(static_cast<QObject*>(const_cast<TrainingRunJob*>(job)));
    default: return {};
    }
}

void TrainingRunList::rowChanged(const TrainingRunJob* job) {
    const int row = rowOf(job);
    if (row >= 0) Q_EMIT dataChanged(index(row), index(row));
}

}  // namespace stllava::jobs
