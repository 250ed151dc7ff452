#include "training/dpo_loop.h"

#include "reports/reports_workspace.h"
#include "review/review_workspace.h"
#include "services/jobs/evaluation_run_job.h"
#include "training/evaluation_like.h"
#include "training/trained_model.h"
#include "training/training_form.h"
#include "training/training_workspace.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent>

#include <optional>

namespace stllava::ui {

namespace {

struct Planned {
    std::optional<jobs::EvaluationSpec> spec;
    QString error;
};

}  // namespace

DpoLoop::DpoLoop(ReviewWorkspace* review, TrainingWorkspace* training, std::function<ReportsWorkspace*()> reports,
                 QObject* parent)
    : QObject(parent), m_review(review), m_training(training), m_reports(std::move(reports)) {
    m_eval = new jobs::EvaluationRunJob(this);
    connect(m_review, &ReviewWorkspace::trainDpoRequested, this, [this] { start(); });
    connect(m_eval, &jobs::EvaluationRunJob::progress, this, [this](qint64 done, qint64 total) {
        Q_EMIT message(tr("Evaluating the new model: %1 of %2 questions").arg(done).arg(total));
    });
    connect(m_eval, &jobs::EvaluationRunJob::failed, this, [this](const QString& why) { fail(why); });
    connect(m_eval, &jobs::EvaluationRunJob::finished, this, [this](const QString& report) {
        m_stage = Stage::Idle;
        ReportsWorkspace* reports = m_reports ? m_reports() : nullptr;
        if (!reports) return fail(tr("The new report is %1 (no Reports workspace to open it in).").arg(QDir::toNativeSeparators(report)));
        reports->openBeside(m_previous, report);
        Q_EMIT message(tr("The new model's report %1 is open beside %2 in Reports.")
                           .arg(QDir::toNativeSeparators(report), QDir::toNativeSeparators(m_previous)));
        Q_EMIT reportOpened(m_previous, report);
    });
}

void DpoLoop::setDemo(const QString& root, const QString& job, const QStringList& reports) {
    m_demoRoot = root;
    if (!job.isEmpty()) m_job = job;
    m_demoReports = reports;
    if (!reports.isEmpty() && m_previous.isEmpty()) m_previous = reports.last();  // the demo's latest model
}

void DpoLoop::fail(const QString& why) {
    m_stage = Stage::Idle;
    Q_EMIT message(why);
    Q_EMIT failed(why);
}

bool DpoLoop::start() {
    if (m_stage != Stage::Idle) {
        Q_EMIT message(tr("The DPO loop is running already."));
        return false;
    }
    review::ReviewStore* store = m_review->store();
    if (!store) {
        fail(tr("Open a review store with decided pairs first."));
        return false;
    }
    const QString job = m_job.isEmpty() ? QFileInfo(store->path()).absolutePath() : m_job;
    m_folder = QDir(job).absoluteFilePath(QStringLiteral("studio-dpo/") +
                                          QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")));
    if (!QDir().mkpath(m_folder)) {
        fail(tr("%1: cannot create the folder").arg(QDir::toNativeSeparators(m_folder)));
        return false;
    }
    const QString pairs = QDir(m_folder).absoluteFilePath(QStringLiteral("approved.stllava.json"));
    int written = 0;
    try {
        written = store->exportApproved(pairs, review::PairFormat::Stllava).written;
    } catch (const std::exception& e) {
        fail(tr("Export failed: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    if (written == 0) {
        QDir(m_folder).removeRecursively();
        fail(tr("No approved pairs to train on yet: approve some pairs first."));
        return false;
    }
    TrainingForm* form = m_training->form();
    form->setKind(TrainingKind::Dpo);
    if (!m_demoRoot.isEmpty() && !form->useDemoPreset())
        Q_EMIT message(tr("The demo's DPO preset is not available (%1); the form's DPO settings are used.").arg(form->message()));
    form->setValue(QStringLiteral("data_path"), pairs);
    form->setValue(QStringLiteral("output_dir"), QDir(m_folder).absoluteFilePath(QStringLiteral("train")));
    form->setValue(QStringLiteral("name"), tr("DPO on %n approved pair(s)", nullptr, written));
    if (!m_program.isEmpty()) m_training->setProgram(m_program);
    jobs::TrainingRunJob* run = m_training->startFromForm();
    if (!run) {
        fail(tr("The DPO run did not start: %1").arg(form->validate()));
        return false;
    }
    m_run = run;
    m_stage = Stage::Training;
    connect(m_training, &TrainingWorkspace::runEnded, this,
            [this](jobs::TrainingRunJob* ended, jobs::TrainingRunJob::State state) {
                if (ended == m_run && m_stage == Stage::Training) onTrained(ended, state);
            });
    Q_EMIT message(tr("Training DPO on %n approved pair(s) from %1", nullptr, written).arg(QDir::toNativeSeparators(pairs)));
    Q_EMIT trainingStarted(run);
    if (!run->isActive()) onTrained(run, run->state());  // refused at once
    return true;
}

void DpoLoop::onTrained(jobs::TrainingRunJob* run, jobs::TrainingRunJob::State state) {
    disconnect(m_training, &TrainingWorkspace::runEnded, this, nullptr);
    if (state != jobs::TrainingRunJob::State::Finished) {
        fail(tr("The DPO run ended %1: %2").arg(jobs::TrainingRunJob::stateName(state), run->message()));
        return;
    }
    const TrainedModel trained = trainedModel(*run);
    if (!trained.isValid()) {
        fail(tr("%1: the DPO run wrote no model or adapter").arg(QDir::toNativeSeparators(run->outputDir())));
        return;
    }
    if (m_previous.isEmpty()) {
        m_stage = Stage::Idle;
        Q_EMIT message(tr("DPO finished; there is no earlier report to compare with (open the demo or a report)."));
        return;
    }
    m_stage = Stage::Evaluating;
    const QString previous = m_previous, out = QDir(m_folder).absoluteFilePath(QStringLiteral("eval"));
    auto* watcher = new QFutureWatcher<Planned>(this);
    connect(watcher, &QFutureWatcher<Planned>::finished, this, [this, watcher] {
        const Planned planned = watcher->result();
        watcher->deleteLater();
        if (!planned.spec) return fail(tr("Cannot evaluate like the previous report: %1").arg(planned.error));
        if (!m_eval->start(*planned.spec, m_program)) return;  // failed() said why
        Q_EMIT message(tr("Evaluating the new model on %1").arg(QDir::toNativeSeparators(planned.spec->benchmark)));
        Q_EMIT evaluationStarted();
    });
    watcher->setFuture(QtConcurrent::run([previous, trained, out] {
        Planned p;
        p.spec = evaluationLike(previous, trained.model, trained.adapter, out, &p.error);
        return p;
    }));
}

}  // namespace stllava::ui
