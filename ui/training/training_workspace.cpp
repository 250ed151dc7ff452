#include "training/training_workspace.h"

#include "services/jobs/job_tracker.h"
#include "services/jobs/training_run_list.h"
#include "training/run_history.h"
#include "training/run_panel.h"
#include "training/trained_model.h"
#include "training/training_form.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

namespace stllava::ui {

using jobs::TrainingRunJob;

TrainingWorkspace::TrainingWorkspace(jobs::JobTracker* tracker, QWidget* parent)
    : QWidget(parent), m_tracker(tracker) {
    m_runs = new jobs::TrainingRunList(this);
    m_history = new RunHistory(this);
    m_form = new TrainingForm(this);
    m_form->setObjectName(QStringLiteral("training-form"));
    m_start = new QPushButton(tr("&Start"), this);
    m_start->setObjectName(QStringLiteral("start"));
    m_start->setToolTip(tr("Start a run with these settings (a `stllava` child process)"));
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(380);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(scroll, 1);
    leftLayout->addWidget(m_start);

    m_runView = new QListView(this);
    m_runView->setObjectName(QStringLiteral("runs"));
    m_runView->setModel(m_runs);
    m_runView->setMinimumWidth(160);
    m_runView->setWordWrap(true);
    auto* middle = new QWidget(this);
    auto* middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->addWidget(new QLabel(tr("Runs of this session:"), middle));
    middleLayout->addWidget(m_runView, 1);

    m_panel = new RunPanel(m_history, this);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(middle);
    split->addWidget(m_panel);
    split->setStretchFactor(2, 1);
    split->setSizes({420, 240, 800});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    auto validity = [this](bool valid, const QString& problem) {
        m_start->setEnabled(valid);
        m_start->setToolTip(valid ? tr("Start a run with these settings (a `stllava` child process)") : problem);
    };
    connect(m_form, &TrainingForm::validityChanged, this, validity);
    validity(m_form->isValid(), m_form->validate());
    connect(m_start, &QPushButton::clicked, this, [this] { startFromForm(); });
    connect(m_runView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& index) { m_panel->setRun(m_runs->run(index.row())); });
    connect(m_panel, &RunPanel::resumeRequested, this,
            [this](TrainingRunJob* run, const QString& checkpoint) { resumeFrom(run, checkpoint); });
    connect(m_panel, &RunPanel::openRequested, this, [this](TrainingRunJob* run) {
        const TrainedModel m = trainedModel(*run);
        if (m.isValid()) Q_EMIT openInRead(m.model, m.adapter);
    });
}

TrainingWorkspace::~TrainingWorkspace() {
    m_panel->setRun(nullptr);
}

void TrainingWorkspace::setDemoRoot(const QString& root) { m_form->setDemoRoot(root); }

TrainingRunJob* TrainingWorkspace::startFromForm() {
    const QString problem = m_form->validate();
    if (!problem.isEmpty()) {
        Q_EMIT message(tr("Not started: %1").arg(problem));
        return nullptr;
    }
    return startRun(m_form->spec());
}

TrainingRunJob* TrainingWorkspace::startRun(const jobs::TrainingRunSpec& spec) {
    TrainingRunJob* job = m_runs->add();
    m_history->watch(job);
    const int trackerId = m_tracker ? m_tracker->begin(tr("training %1").arg(spec.name)) : 0;
    connect(job, &TrainingRunJob::ended, this, [this, job, trackerId](TrainingRunJob::State state, const QString& why) {
        if (m_tracker) m_tracker->end(trackerId);
        m_form->recheck();
        Q_EMIT message(tr("Run %1: %2").arg(job->spec().name, why.section(QLatin1Char('\n'), 0, 0)));
        Q_EMIT runEnded(job, state);
    });
    job->start(spec, m_program);  // a refusal ends the run at once (state failed, its message says why)
    selectRun(job);
    return job;
}

TrainingRunJob* TrainingWorkspace::resumeFrom(TrainingRunJob* run, const QString& checkpoint) {
    if (!run || run->isActive() || run->spec().kind == jobs::TrainingRunSpec::Kind::Generate) return nullptr;
    if (!QFileInfo(checkpoint).isDir()) {
        Q_EMIT message(tr("%1: no such checkpoint folder").arg(QDir::toNativeSeparators(checkpoint)));
        return nullptr;
    }
    jobs::TrainingRunSpec spec = run->spec();
    spec.config.insert(QStringLiteral("resume_from"), QFileInfo(checkpoint).absoluteFilePath());
    spec.name = tr("%1 from %2").arg(run->spec().name, QFileInfo(checkpoint).fileName());
    return startRun(spec);
}

void TrainingWorkspace::selectRun(TrainingRunJob* run) {
    const int row = m_runs->rowOf(run);
    if (row >= 0) m_runView->setCurrentIndex(m_runs->index(row));
}

TrainingRunJob* TrainingWorkspace::selectedRun() const { return m_runs->run(m_runView->currentIndex().row()); }

}  // namespace stllava::ui
