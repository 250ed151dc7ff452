// The studio's training runs as a list model (GUI thread only): one row per TrainingRunJob, newest
// last, showing its name, kind, state and last step; rows change when a run's state or step does.
// The list owns the runs it creates.
#pragma once

#include "services/jobs/training_run_job.h"

#include <QAbstractListModel>
#include <QVector>

namespace stllava::jobs {

class TrainingRunList : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { StateRole = Qt::UserRole + 1, OutputDirRole, JobRole };

    explicit TrainingRunList(QObject* parent = nullptr) : QAbstractListModel(parent) {}

    // A new run (not started yet) appended as the last row.
    TrainingRunJob* add();
    TrainingRunJob* run(int row) const;
    int rowOf(const TrainingRunJob* job) const;
    bool anyActive() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    void rowChanged(const TrainingRunJob* job);

    QVector<TrainingRunJob*> m_runs;  // owned (children of this model)
};

// "SFT", "stage-2 generation", "DPO".
QString trainingKindName(TrainingRunSpec::Kind kind);

}  // namespace stllava::jobs
