#include "services/jobs/training_run_job.h"

#include "services/jobs/output_lines.h"

#include "services/jobs/demo_setup_job.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <csignal>

namespace stllava::jobs {

namespace {
constexpr int kLogLimit = 20000;  // lines kept
constexpr int kErrLines = 12;
}  // namespace

TrainingRunJob::TrainingRunJob(QObject* parent) : QObject(parent) {
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    connect(&m_process, &QProcess::readyReadStandardOutput, this,
            [this] { readChannel(QProcess::StandardOutput); });
    connect(&m_process, &QProcess::readyReadStandardError, this,
            [this] { readChannel(QProcess::StandardError); });
    connect(&m_process, &QProcess::finished, this, &TrainingRunJob::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart) return;
        m_message = tr("cannot start %1: %2").arg(m_process.program(), m_process.errorString());
        setState(State::Failed);
        Q_EMIT ended(m_state, m_message);
    });
}

TrainingRunJob::~TrainingRunJob() {
    if (m_process.state() == QProcess::NotRunning) return;
    disconnect(&m_process, nullptr, this, nullptr);
    signalChild(SIGCONT);
    signalChild(SIGINT);
    if (!m_process.waitForFinished(30000)) m_process.kill();
    m_process.waitForFinished(5000);
}

QString TrainingRunJob::stateName(State s) {
    switch (s) {
    case State::Ready: return tr("ready");
    case State::Running: return tr("running");
    case State::Paused: return tr("paused");
    case State::Stopping: return tr("stopping");
    case State::Finished: return tr("finished");
    case State::Cancelled: return tr("cancelled");
    case State::BadInput: return tr("bad input");
    case State::Failed: return tr("failed");
    }
    return {};
}

QString TrainingRunJob::outputDir() const {
    return m_spec.kind == TrainingRunSpec::Kind::Generate ? m_spec.outputDir
                                                          : m_spec.config.value(QStringLiteral("output_dir")).toString();
}

bool TrainingRunJob::start(const TrainingRunSpec& spec, const QString& program) {
    if (isActive()) return false;
    const QString exe = program.isEmpty() ? stllavaExecutable() : program;
    m_spec = spec;
    m_log.clear();
    m_lastErr.clear();
    m_pendingOut.clear();
    m_pendingErr.clear();
    m_lastStep = TrainingEvent{};
    m_lastCheckpoint.clear();
    m_exitCode = -1;
    auto refuse = [this](const QString& why) {
        m_message = why;
        setState(State::Failed);
        Q_EMIT ended(m_state, m_message);
        return false;
    };
    if (exe.isEmpty() || !QFileInfo(exe).isExecutable())
        return refuse(tr("the stllava program was not found beside %1").arg(QCoreApplication::applicationFilePath()));
    QStringList args;
    if (spec.kind == TrainingRunSpec::Kind::Generate) {
        args << QStringLiteral("selftrain") << QStringLiteral("generate") << spec.generateArgs << QStringLiteral("--json");
    } else {
        const QString out = outputDir();
        if (out.isEmpty()) return refuse(tr("the training config has no output folder"));
        if (!QDir().mkpath(out)) return refuse(tr("%1: cannot create the output folder").arg(out));
        const QString stage = spec.kind == TrainingRunSpec::Kind::Sft ? QStringLiteral("sft") : QStringLiteral("dpo");
        m_configPath = QDir(out).absoluteFilePath(QStringLiteral("studio-%1-config.json").arg(stage));
        QJsonObject config = spec.config;
        config.insert(QStringLiteral("stage"), stage);
        QSaveFile file(m_configPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(config).toJson()) < 0 || !file.commit())
            return refuse(tr("%1: cannot write the training config: %2").arg(m_configPath, file.errorString()));
        args << QStringLiteral("train") << stage << QStringLiteral("--config") << m_configPath << QStringLiteral("--json");
    }
    m_message.clear();
    m_log << QStringLiteral("$ %1 %2").arg(exe, args.join(QLatin1Char(' ')));
    setState(State::Running);
    m_process.start(exe, args);
    return true;
}

void TrainingRunJob::signalChild(int sig) {
    const qint64 pid = m_process.processId();
    if (pid > 0) ::kill(static_cast<pid_t>(pid), sig);
}

void TrainingRunJob::stop() {
    if (!isActive() || m_state == State::Stopping) return;
    signalChild(SIGINT);   // the trainer checkpoints at the next micro-step and exits 4
    signalChild(SIGCONT);  // a paused child has to run to see it
    setState(State::Stopping);
}

void TrainingRunJob::pause() {
    if (m_state != State::Running) return;
    signalChild(SIGSTOP);
    setState(State::Paused);
}

void TrainingRunJob::resume() {
    if (m_state != State::Paused) return;
    signalChild(SIGCONT);
    setState(State::Running);
}

void TrainingRunJob::setState(State s) {
    if (m_state == s) return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

void TrainingRunJob::readChannel(QProcess::ProcessChannel channel) {
    const bool err = channel == QProcess::StandardError;
    QByteArray& pending = err ? m_pendingErr : m_pendingOut;
    pending += err ? m_process.readAllStandardError() : m_process.readAllStandardOutput();
    for (const QByteArray& line : takeCompleteLines(pending)) {
        if (line.trimmed().isEmpty()) continue;
        const TrainingEvent e = parseTrainingEvent(line);
        m_log << (err ? QStringLiteral("[stderr] ") + e.text : e.text);
        if (m_log.size() > kLogLimit) m_log.removeFirst();
        if (err) {
            m_lastErr << e.text;
            if (m_lastErr.size() > kErrLines) m_lastErr.removeFirst();
        }
        if (e.kind == TrainingEvent::Kind::Step || e.kind == TrainingEvent::Kind::Generate) m_lastStep = e;
        if (!e.checkpoint.isEmpty()) m_lastCheckpoint = e.checkpoint;
        Q_EMIT event(e);
    }
}

void TrainingRunJob::onFinished(int code, QProcess::ExitStatus status) {
    readChannel(QProcess::StandardOutput);
    readChannel(QProcess::StandardError);
    for (QByteArray* rest : {&m_pendingOut, &m_pendingErr})
        if (!rest->trimmed().isEmpty()) {
            m_log << QString::fromUtf8(rest->trimmed());
            rest->clear();
        }
    m_exitCode = status == QProcess::NormalExit ? code : -1;
    const QString err = m_lastErr.join(QLatin1Char('\n'));
    if (status == QProcess::CrashExit) {
        m_message = tr("the training process crashed; its last lines:\n%1").arg(err);
        setState(State::Failed);
    } else if (code == 0) {
        m_message = tr("finished");
        setState(State::Finished);
    } else if (code == 4) {
        m_message = m_lastCheckpoint.isEmpty() ? tr("cancelled") : tr("cancelled; checkpoint %1").arg(m_lastCheckpoint);
        setState(State::Cancelled);
    } else if (code == 3) {
        m_message = tr("bad input:\n%1").arg(err);
        setState(State::BadInput);
    } else {
        m_message = tr("failed (exit %1):\n%2").arg(code).arg(err);
        setState(State::Failed);
    }
    Q_EMIT ended(m_state, m_message);
}

QStringList trainingCheckpoints(const QString& outputDir) {
    QDir dir(outputDir);
    QList<QPair<qint64, QString>> found;
    for (const QString& name : dir.entryList({QStringLiteral("checkpoint-*")}, QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const qint64 step = name.mid(11).toLongLong(&ok);
        if (ok) found.append({step, dir.absoluteFilePath(name)});
    }
    std::sort(found.begin(), found.end());
    QStringList out;
    for (const auto& f : found) out << f.second;
    return out;
}

}  // namespace stllava::jobs
