// One training run as it goes: its state and step, tokens (or images) per second, ETA and memory as
// labels, the live curves, the log of every line the child wrote, and the controls: pause /
// continue, stop, resume from a chosen checkpoint, open the finished result in Read. Updates are
// gathered and shown ten times a second (one append per curve, one log append), so a chatty run
// never stalls the window.
#pragma once

#include "services/jobs/training_run_job.h"
#include "training/training_charts.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace stllava::ui {

class RunHistory;

class RunPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunPanel(RunHistory* history, QWidget* parent = nullptr);

    void setRun(jobs::TrainingRunJob* job);  // nullptr: none
    jobs::TrainingRunJob* run() const { return m_job; }
    void flush();  // shows what arrived since the last update now

    TrainingCharts* charts() const { return m_charts; }
    QPlainTextEdit* logView() const { return m_log; }
    QLabel* stepLabel() const { return m_step; }
    QLabel* stateLabel() const { return m_state; }
    QLabel* speedLabel() const { return m_speed; }
    QLabel* etaLabel() const { return m_eta; }
    QLabel* memoryLabel() const { return m_memory; }
    QPushButton* pauseButton() const { return m_pause; }
    QPushButton* stopButton() const { return m_stop; }
    QPushButton* resumeButton() const { return m_resume; }
    QPushButton* openButton() const { return m_open; }
    QComboBox* checkpoints() const { return m_checkpoints; }

Q_SIGNALS:
    void resumeRequested(stllava::jobs::TrainingRunJob* job, const QString& checkpoint);
    void openRequested(stllava::jobs::TrainingRunJob* job);

private:
    void updateLabels();
    void updateControls();
    void refreshCheckpoints();

    RunHistory* m_history;
    QPointer<jobs::TrainingRunJob> m_job;
    QList<QMetaObject::Connection> m_connections;
    int m_shownPoints = 0;
    QStringList m_pendingLog;
    bool m_labelsDirty = false;
    QTimer* m_flush;
    QLabel* m_title;
    QLabel* m_state;
    QLabel* m_step;
    QLabel* m_speed;
    QLabel* m_eta;
    QLabel* m_memory;
    QPushButton* m_pause;
    QPushButton* m_stop;
    QComboBox* m_checkpoints;
    QPushButton* m_resume;
    QPushButton* m_open;
    TrainingCharts* m_charts;
    QPlainTextEdit* m_log;
};

// "1 h 02 min", "3 min 05 s", "42 s"; "" for a negative value (unknown).
QString durationText(double seconds);

}  // namespace stllava::ui
