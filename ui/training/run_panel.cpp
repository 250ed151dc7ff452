#include "training/run_panel.h"

#include "services/jobs/training_run_list.h"
#include "training/run_history.h"
#include "training/trained_model.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace stllava::ui {

using jobs::TrainingEvent;
using jobs::TrainingRunJob;

QString durationText(double seconds) {
    if (seconds < 0 || !std::isfinite(seconds)) return {};
    const qint64 s = qint64(std::llround(seconds));
    if (s >= 3600) return QCoreApplication::translate("RunPanel", "%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    if (s >= 60) return QCoreApplication::translate("RunPanel", "%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("RunPanel", "%1 s").arg(s);
}

RunPanel::RunPanel(RunHistory* history, QWidget* parent) : QWidget(parent), m_history(history) {
    m_title = new QLabel(tr("No run selected"), this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("run-state"));
    m_step = new QLabel(this);
    m_step->setObjectName(QStringLiteral("step"));
    m_speed = new QLabel(this);
    m_speed->setObjectName(QStringLiteral("speed"));
    m_eta = new QLabel(this);
    m_eta->setObjectName(QStringLiteral("eta"));
    m_memory = new QLabel(this);
    m_memory->setObjectName(QStringLiteral("memory"));
    m_pause = new QPushButton(tr("&Pause"), this);
    m_pause->setObjectName(QStringLiteral("pause"));
    m_pause->setToolTip(tr("Pause the run (the process is suspended; Continue goes on where it was)"));
    m_stop = new QPushButton(tr("S&top"), this);
    m_stop->setObjectName(QStringLiteral("stop"));
    m_stop->setToolTip(tr("Stop the run: it writes a checkpoint at the next step and ends"));
    m_checkpoints = new QComboBox(this);
    m_checkpoints->setObjectName(QStringLiteral("checkpoints"));
    m_checkpoints->setToolTip(tr("The run's checkpoints, newest first"));
    m_checkpoints->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_resume = new QPushButton(tr("&Resume from checkpoint"), this);
    m_resume->setObjectName(QStringLiteral("resume"));
    m_resume->setToolTip(tr("A new run with the same settings, continuing from the chosen checkpoint"));
    m_open = new QPushButton(tr("Open in &Read"), this);
    m_open->setObjectName(QStringLiteral("open-in-read"));
    m_open->setToolTip(tr("Load the trained model (or the base model with the trained adapter) in the Read workspace"));

    auto* figures = new QGridLayout;
    figures->addWidget(m_state, 0, 0);
    figures->addWidget(m_step, 0, 1);
    figures->addWidget(m_speed, 1, 0);
    figures->addWidget(m_eta, 1, 1);
    figures->addWidget(m_memory, 1, 2);
    auto* controls = new QHBoxLayout;
    controls->addWidget(m_pause);
    controls->addWidget(m_stop);
    controls->addSpacing(12);
    controls->addWidget(m_checkpoints);
    controls->addWidget(m_resume);
    controls->addStretch(1);
    controls->addWidget(m_open);

    m_charts = new TrainingCharts(this);
    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("log"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(20000);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_charts);
    split->addWidget(m_log);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(figures);
    layout->addLayout(controls);
    layout->addWidget(split, 1);

    m_flush = new QTimer(this);
    m_flush->setInterval(100);
    connect(m_flush, &QTimer::timeout, this, &RunPanel::flush);
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (!m_job) return;
        if (m_job->state() == TrainingRunJob::State::Paused)
            m_job->resume();
        else
            m_job->pause();
    });
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (m_job) m_job->stop();
    });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (m_job && m_checkpoints->currentIndex() >= 0)
            Q_EMIT resumeRequested(m_job, m_checkpoints->currentData().toString());
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (m_job) Q_EMIT openRequested(m_job);
    });
    setRun(nullptr);
}

void RunPanel::setRun(TrainingRunJob* job) {
    for (const auto& c : m_connections) disconnect(c);
    m_connections.clear();
    m_job = job;
    m_pendingLog.clear();
    m_shownPoints = 0;
    m_labelsDirty = false;
    m_log->clear();
    m_charts->clear();
    if (!job) {
        m_flush->stop();
        m_title->setText(tr("No run selected"));
        updateLabels();
        updateControls();
        return;
    }
    m_title->setText(tr("%1 (%2) · %3").arg(job->spec().name, jobs::trainingKindName(job->spec().kind),
                                          QDir::toNativeSeparators(job->outputDir())));
    m_log->setPlainText(job->log().join(QLatin1Char('\n')));
    const QVector<StepPoint>& points = m_history->points(job);
    m_charts->show(points);
    m_shownPoints = int(points.size());
    m_connections << connect(job, &TrainingRunJob::event, this, [this](const TrainingEvent& e) {
        if (!m_job->log().isEmpty()) m_pendingLog << m_job->log().constLast();
        m_labelsDirty = true;
        if (e.kind == TrainingEvent::Kind::Checkpoint) refreshCheckpoints();
    });
    m_connections << connect(job, &TrainingRunJob::stateChanged, this, [this] {
        flush();
        updateControls();
    });
    m_connections << connect(job, &TrainingRunJob::ended, this, [this] {
        // Lines written after the last event (the command's remainder) are in the log only.
        m_log->setPlainText(m_job->log().join(QLatin1Char('\n')));
        m_pendingLog.clear();
        refreshCheckpoints();
        updateLabels();
        updateControls();
    });
    m_flush->start();
    refreshCheckpoints();
    updateLabels();
    updateControls();
}

void RunPanel::flush() {
    if (!m_job) return;
    if (!m_pendingLog.isEmpty()) {
        m_log->appendPlainText(m_pendingLog.join(QLatin1Char('\n')));
        m_pendingLog.clear();
    }
    const QVector<StepPoint>& points = m_history->points(m_job);
    if (points.size() > m_shownPoints) {
        m_charts->append(points.mid(m_shownPoints));
        m_shownPoints = int(points.size());
    }
    if (m_labelsDirty) updateLabels();
    m_labelsDirty = false;
}

void RunPanel::updateLabels() {
    if (!m_job) {
        for (QLabel* l : {m_state, m_step, m_speed, m_eta, m_memory}) l->clear();
        return;
    }
    m_state->setText(tr("State: %1").arg(TrainingRunJob::stateName(m_job->state())));
    m_state->setToolTip(m_job->message());
    const TrainingEvent& e = m_job->lastStep();
    if (e.kind == TrainingEvent::Kind::Generate) {
        m_step->setText(tr("Images %1 / %2").arg(e.done).arg(e.total));
        m_speed->setText(tr("%1 images/s").arg(e.imagesPerSecond, 0, 'f', 2));
        m_memory->clear();
    } else if (e.kind == TrainingEvent::Kind::Step) {
        m_step->setText(tr("Step %1 / %2 · epoch %3").arg(e.step).arg(e.totalSteps).arg(e.epoch + 1));
        m_speed->setText(tr("%1 tokens/s").arg(QLocale().toString(e.tokensPerSecond, 'f', 0)));
        m_memory->setText(e.memoryBytes > 0 ? tr("Memory: %1").arg(QLocale().formattedDataSize(e.memoryBytes))
                                            : tr("Memory: n/a"));
    } else {
        m_step->setText(tr("Step: none yet"));
        m_speed->clear();
        m_memory->clear();
    }
    const QString eta = m_job->isActive() ? durationText(e.etaSeconds) : QString();
    m_eta->setText(eta.isEmpty() ? QString() : tr("ETA %1").arg(eta));
}

void RunPanel::updateControls() {
    const bool active = m_job && m_job->isActive();
    const bool paused = m_job && m_job->state() == TrainingRunJob::State::Paused;
    m_pause->setText(paused ? tr("&Continue") : tr("&Pause"));
    m_pause->setEnabled(m_job && (m_job->state() == TrainingRunJob::State::Running || paused));
    m_stop->setEnabled(active && m_job->state() != TrainingRunJob::State::Stopping);
    const bool trains = m_job && m_job->spec().kind != jobs::TrainingRunSpec::Kind::Generate;
    m_resume->setEnabled(trains && !active && m_checkpoints->count() > 0);
    m_checkpoints->setEnabled(trains && m_checkpoints->count() > 0);
    m_open->setEnabled(m_job && trainedModel(*m_job).isValid());
    updateLabels();
}

void RunPanel::refreshCheckpoints() {
    const QString chosen = m_checkpoints->currentData().toString();
    m_checkpoints->clear();
    if (m_job && m_job->spec().kind != jobs::TrainingRunSpec::Kind::Generate) {
        const QStringList found = jobs::trainingCheckpoints(m_job->outputDir());
        for (auto it = found.crbegin(); it != found.crend(); ++it) m_checkpoints->addItem(QFileInfo(*it).fileName(), *it);
        const int keep = m_checkpoints->findData(chosen);
        if (keep >= 0) m_checkpoints->setCurrentIndex(keep);
    }
    const bool active = m_job && m_job->isActive();
    m_resume->setEnabled(m_job && !active && m_checkpoints->count() > 0 &&
                         m_job->spec().kind != jobs::TrainingRunSpec::Kind::Generate);
    m_checkpoints->setEnabled(m_checkpoints->count() > 0);
}

}  // namespace stllava::ui
