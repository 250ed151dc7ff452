// The one-click loop of issue 13 (item 5): the curator's approved pairs -> a DPO run -> the new
// model's report beside the previous one. On "Train DPO on approved pairs" (Review) it exports the
// review store's approved pairs into a new folder of the job (<job>/studio-dpo/<date-time>/approved.
// stllava.json), fills the Training form's DPO kind from the demo's preset (or keeps the form's own
// DPO settings when there is no demo) with that file and an output folder beside it, and starts the
// run there, so the curator sees and can stop it. When the run finishes, `stllava eval run`
// evaluates the trained model on the previous report's benchmark with its settings (a child
// process), and the Reports workspace opens the new report beside the previous one.
#pragma once

#include "services/jobs/training_run_job.h"

#include <QObject>

#include <functional>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace stllava::jobs {
class EvaluationRunJob;
}

namespace stllava::ui {

class ReportsWorkspace;
class ReviewWorkspace;
class TrainingWorkspace;

class DpoLoop : public QObject {
    Q_OBJECT
public:
    enum class Stage { Idle, Training, Evaluating };

    // `reports` finds the Reports workspace when the report is ready (it may be made after the loop).
    DpoLoop(ReviewWorkspace* review, TrainingWorkspace* training, std::function<ReportsWorkspace*()> reports,
            QObject* parent = nullptr);

    // The demo (MainWindow::demoOpened): its root gives the DPO preset, its job folder the place of
    // the exports, its last report the comparison.
    void setDemo(const QString& root, const QString& job, const QStringList& reports);
    void setJobFolder(const QString& job) { m_job = job; }
    void setPreviousReport(const QString& report) { m_previous = report; }
    void setProgram(const QString& program) { m_program = program; }  // "" = the stllava beside the application

    bool start();  // false (with message()) when no store is open, nothing is approved or the form is wrong
    Stage stage() const { return m_stage; }
    QString folder() const { return m_folder; }  // this loop's folder in the job
    jobs::TrainingRunJob* run() const { return m_run; }
    jobs::EvaluationRunJob* evaluation() const { return m_eval; }

Q_SIGNALS:
    void trainingStarted(stllava::jobs::TrainingRunJob* run);
    void evaluationStarted();
    void reportOpened(const QString& previous, const QString& next);
    void failed(const QString& message);
    void message(const QString& text);

private:
    void onTrained(jobs::TrainingRunJob* run, jobs::TrainingRunJob::State state);
    void fail(const QString& why);

    ReviewWorkspace* m_review;
    TrainingWorkspace* m_training;
    std::function<ReportsWorkspace*()> m_reports;
    jobs::EvaluationRunJob* m_eval;
    QString m_demoRoot, m_job, m_previous, m_program, m_folder;
    QStringList m_demoReports;
    QPointer<jobs::TrainingRunJob> m_run;
    Stage m_stage = Stage::Idle;
};

}  // namespace stllava::ui
