// The Training workspace (Ctrl+3): the form of a run (stage 1, stage-2 generation or DPO; the
// paper's or the demo's preset; checked before start, Start disabled while a field is wrong), the
// list of this session's runs with their states, and the selected run's panel (live curves, figures,
// log, pause / continue, stop, resume from a checkpoint, open the result in Read). Every run is a
// `stllava train` / `stllava selftrain generate` child process (core/services/jobs/
// training_run_job.h), so a crash in training never takes the window down.
#pragma once

#include "services/jobs/training_run_job.h"

#include <QWidget>

class QListView;
class QPushButton;

namespace stllava::jobs {
class JobTracker;
class TrainingRunList;
}  // namespace stllava::jobs

namespace stllava::ui {

class RunHistory;
class RunPanel;
class TrainingForm;

class TrainingWorkspace : public QWidget {
    Q_OBJECT
public:
    explicit TrainingWorkspace(jobs::JobTracker* tracker = nullptr, QWidget* parent = nullptr);
    ~TrainingWorkspace() override;

    // A new run from the form (nullptr, with message(), when the form is not valid or it cannot start).
    jobs::TrainingRunJob* startFromForm();
    jobs::TrainingRunJob* startRun(const jobs::TrainingRunSpec& spec);
    // A new run with `run`'s settings continuing from `checkpoint` (config key resume_from).
    jobs::TrainingRunJob* resumeFrom(jobs::TrainingRunJob* run, const QString& checkpoint);
    void selectRun(jobs::TrainingRunJob* run);
    jobs::TrainingRunJob* selectedRun() const;
    // The demo folder (MainWindow::demoOpened): the form's demo preset comes from there.
    void setDemoRoot(const QString& root);
    // The program the runs start ("" = the stllava beside the application).
    void setProgram(const QString& program) { m_program = program; }

    TrainingForm* form() const { return m_form; }
    RunPanel* panel() const { return m_panel; }
    jobs::TrainingRunList* runs() const { return m_runs; }
    QListView* runView() const { return m_runView; }
    QPushButton* startButton() const { return m_start; }

Q_SIGNALS:
    // Open a trained model in Read: `model` with `adapter` ("" = the model is whole).
    void openInRead(const QString& model, const QString& adapter);
    void runEnded(stllava::jobs::TrainingRunJob* run, stllava::jobs::TrainingRunJob::State state);
    void message(const QString& text);

private:
    jobs::JobTracker* m_tracker;
    jobs::TrainingRunList* m_runs;
    RunHistory* m_history;
    TrainingForm* m_form;
    RunPanel* m_panel;
    QListView* m_runView;
    QPushButton* m_start;
    QString m_program;
};

}  // namespace stllava::ui
