// The step curves of every training run of the session, kept on the GUI thread as the runs' step
// events arrive, so that selecting a run in the list shows its whole history at once.
#pragma once

#include "training/training_charts.h"

#include <QHash>
#include <QObject>
#include <QVector>

namespace stllava::jobs {
class TrainingRunJob;
}

namespace stllava::ui {

class RunHistory : public QObject {
    Q_OBJECT
public:
    explicit RunHistory(QObject* parent = nullptr) : QObject(parent) {}

    void watch(jobs::TrainingRunJob* job);  // from before its start
    const QVector<StepPoint>& points(const jobs::TrainingRunJob* job) const;

Q_SIGNALS:
    void stepAdded(const jobs::TrainingRunJob* job);

private:
    QHash<const jobs::TrainingRunJob*, QVector<StepPoint>> m_points;
};

}  // namespace stllava::ui
