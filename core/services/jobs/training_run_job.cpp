#include "services/jobs/training_run_job.h"

#include "services/jobs/output_lines.h"

#include "common/input_error.h"
#include "pipeline/training_run.h"
#include "services/jobs/demo_setup_job.h"
#include "training/progress_json.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <sstream>

namespace stllava::jobs {

namespace {
constexpr int kLogLimit = 20000;  // lines kept
constexpr int kErrLines = 12;
std::atomic<int> g_inProcessRuns{0};  // one in-process run at a time (the trainer's threads are global)

// torchrun tees each rank's stdout with a "[default0]:" prefix (the role and the local rank).
QByteArray withoutRankPrefix(const QByteArray& line) {
    static const QRegularExpression prefix(QStringLiteral("^\\[[A-Za-z_]*\\d+\\]:"));
    const QRegularExpressionMatch m = prefix.match(QString::fromUtf8(line.left(64)));
    return m.hasMatch() ? line.mid(m.capturedLength()) : line;
}
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
    if (m_thread) {
        m_control->pause = false;
        m_control->cancel = true;
        m_thread->wait();  // the trainer stops at its next micro-step and checkpoints
        delete m_thread;
        g_inProcessRuns--;
    }
    if (m_process.state() == QProcess::NotRunning) return;
    disconnect(&m_process, nullptr, this, nullptr);
    signalGroup(SIGCONT);
    signalChild(SIGINT);
    if (!m_process.waitForFinished(30000)) {
        signalGroup(SIGKILL);
        m_process.kill();
    }
    m_process.waitForFinished(5000);
}

QString TrainingRunJob::torchrunExecutable() {
    const QString given = qEnvironmentVariable("STLLAVA_TORCHRUN");
    if (!given.isEmpty()) return QFileInfo(given).isExecutable() ? given : QString();
    return QStandardPaths::findExecutable(QStringLiteral("torchrun"));
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
    m_sawDone = m_doneCancelled = m_launcherFailing = false;
    auto refuse = [this](const QString& why) {
        m_message = why;
        setState(State::Failed);
        Q_EMIT ended(m_state, m_message);
        return false;
    };
    using Launch = TrainingRunSpec::Launch;
    const bool inProcess = spec.launch == Launch::InProcess;
    const bool generate = spec.kind == TrainingRunSpec::Kind::Generate;
    if (generate && spec.launch != Launch::ChildProcess)
        return refuse(tr("stage-2 generation runs as a separate process only"));
    if (!inProcess && (exe.isEmpty() || !QFileInfo(exe).isExecutable()))
        return refuse(tr("the stllava program was not found beside %1").arg(QCoreApplication::applicationFilePath()));
    QString launcher = exe;
    QStringList args;
    if (spec.launch == Launch::Torchrun) {
        launcher = torchrunExecutable();
        if (launcher.isEmpty())
            return refuse(tr("torchrun was not found on PATH (it comes with PyTorch; on Debian: python3-torch)"));
        if (spec.processes < 1 || spec.processes > 1024)
            return refuse(tr("%1 processes: give 1 to 1024").arg(spec.processes));
    }
    if (generate) {
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
        if (inProcess) return startInProcess(stage);
        args << QStringLiteral("train") << stage << QStringLiteral("--config") << m_configPath << QStringLiteral("--json");
        if (spec.launch == Launch::Torchrun) {
            // -r/-t given as "stdout of every rank to a log file, teed": Debian's torchrun (1.13
            // on Python 3.11) fails on its default "0"; rank 0's teed lines carry a prefix we strip.
            args.prepend(exe);
            args = QStringList{QStringLiteral("--standalone"), QStringLiteral("--nproc_per_node=%1").arg(spec.processes),
                               QStringLiteral("-r"), QStringLiteral("1"), QStringLiteral("-t"), QStringLiteral("1"),
                               QStringLiteral("--log_dir"), QDir(out).absoluteFilePath(QStringLiteral("torchrun-logs")),
                               QStringLiteral("--no_python")} + args;
        }
    }
    m_message.clear();
    m_log << QStringLiteral("$ %1 %2").arg(launcher, args.join(QLatin1Char(' ')));
    if (spec.launch == Launch::Torchrun)
        m_process.setChildProcessModifier([] { ::setpgid(0, 0); });  // a group of its own: pause reaches every rank
    else
        m_process.setChildProcessModifier({});
    setState(State::Running);
    m_process.start(launcher, args);
    return true;
}

bool TrainingRunJob::startInProcess(const QString& stage) {
    if (g_inProcessRuns.fetch_add(1) > 0) {
        g_inProcessRuns--;
        m_message = tr("another run is training inside this window; start this one as a separate process");
        setState(State::Failed);
        Q_EMIT ended(m_state, m_message);
        return false;
    }
    m_control = std::make_shared<training::TrainControl>();
    m_message.clear();
    m_log << tr("in this window: train %1 --config %2").arg(stage, m_configPath);
    const std::string stageName = stage.toStdString();
    const std::string config = QFile::encodeName(m_configPath).toStdString();
    auto control = m_control;
    // Lines and the end go back to this object's thread as queued calls (dropped if it is gone).
    m_thread = QThread::create([this, control, stageName, config] {
        auto post = [this](const std::string& line, bool err) {
            const QByteArray bytes = QByteArray::fromStdString(line);
            QMetaObject::invokeMethod(this, [this, bytes, err] { handleLine(bytes, err); }, Qt::QueuedConnection);
        };
        pipeline::TrainingRunHooks hooks;
        hooks.progress = [&](const training::TrainProgress& p) {
            if (p.event != "micro") post(training::progressJson(p).dump(), false);
        };
        hooks.data = [&](const training::DataReport& r) {
            post(training::dataReportJson(r).dump(), false);
            if (r.issues.empty()) return;
            std::istringstream lines(r.summary());
            for (std::string line; std::getline(lines, line);) post(line, true);
        };
        hooks.note = [&](const std::string& line) { post(line, true); };
        State end = State::Failed;
        QString message;
        try {
            const pipeline::TrainingRunOutcome out = pipeline::runTrainingStage(stageName, config, *control, hooks);
            post(training::doneJson(out.result).dump(), false);
            end = out.result.cancelled ? State::Cancelled : State::Finished;
        } catch (const InputError& e) {
            end = State::BadInput;
            message = QString::fromStdString(e.what());
        } catch (const std::exception& e) {
            message = QString::fromStdString(e.what());
        } catch (...) {
            message = QStringLiteral("unknown error");
        }
        if (!message.isEmpty()) post(message.toStdString(), true);
        QMetaObject::invokeMethod(this, [this, end] {
            m_thread->wait();
            delete m_thread;
            m_thread = nullptr;
            g_inProcessRuns--;
            m_exitCode = end == State::Finished ? 0 : end == State::Cancelled ? 4 : end == State::BadInput ? 3 : 1;
            const QString err = m_lastErr.join(QLatin1Char('\n'));
            if (end == State::Finished)
                finish(end, tr("finished"));
            else if (end == State::Cancelled)
                finish(end, m_lastCheckpoint.isEmpty() ? tr("cancelled") : tr("cancelled; checkpoint %1").arg(m_lastCheckpoint));
            else if (end == State::BadInput)
                finish(end, tr("bad input:\n%1").arg(err));
            else
                finish(end, tr("failed:\n%1").arg(err));
        }, Qt::QueuedConnection);
    });
    setState(State::Running);
    m_thread->start();
    return true;
}

void TrainingRunJob::signalChild(int sig) {
    const qint64 pid = m_process.processId();
    if (pid > 0) ::kill(static_cast<pid_t>(pid), sig);
}

void TrainingRunJob::signalGroup(int sig) {
    const qint64 pid = m_process.processId();
    if (pid <= 0) return;
    if (m_spec.launch == TrainingRunSpec::Launch::Torchrun)
        ::kill(-static_cast<pid_t>(pid), sig);
    else
        ::kill(static_cast<pid_t>(pid), sig);
}

void TrainingRunJob::stop() {
    if (!isActive() || m_state == State::Stopping) return;
    if (m_thread) {
        m_control->cancel = true;  // the trainer checkpoints at the next micro-step
        m_control->pause = false;
    } else {
        signalChild(SIGINT);   // the trainer (torchrun: every rank) checkpoints at the next micro-step and exits
        signalGroup(SIGCONT);  // a paused run has to run to see it
    }
    setState(State::Stopping);
}

void TrainingRunJob::pause() {
    if (m_state != State::Running) return;
    if (m_thread)
        m_control->pause = true;
    else
        signalGroup(SIGSTOP);
    setState(State::Paused);
}

void TrainingRunJob::resume() {
    if (m_state != State::Paused) return;
    if (m_thread)
        m_control->pause = false;
    else
        signalGroup(SIGCONT);
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
    for (const QByteArray& line : takeCompleteLines(pending)) handleLine(line, err);
}

void TrainingRunJob::handleLine(const QByteArray& raw, bool err) {
    if (raw.trimmed().isEmpty()) return;
    const QByteArray line = m_spec.launch == TrainingRunSpec::Launch::Torchrun && !err ? withoutRankPrefix(raw) : raw;
    const TrainingEvent e = parseTrainingEvent(line);
    m_log << (err ? QStringLiteral("[stderr] ") + e.text : e.text);
    if (m_log.size() > kLogLimit) m_log.removeFirst();
    if (err && m_spec.launch == TrainingRunSpec::Launch::Torchrun &&
        (line.startsWith("ERROR:torch.distributed") || line.startsWith("Traceback")))
        m_launcherFailing = true;  // torchrun's own report follows: the ranks' lines say what went wrong
    if (err && !m_launcherFailing && (m_lastErr.isEmpty() || m_lastErr.last() != e.text)) {
        m_lastErr << e.text;  // (every rank prints the same error: once is enough)
        if (m_lastErr.size() > kErrLines) m_lastErr.removeFirst();
    }
    if (e.kind == TrainingEvent::Kind::Step || e.kind == TrainingEvent::Kind::Generate) m_lastStep = e;
    if (e.kind == TrainingEvent::Kind::Done) {
        m_sawDone = true;
        m_doneCancelled = e.cancelled;
    }
    if (!e.checkpoint.isEmpty()) m_lastCheckpoint = e.checkpoint;
    Q_EMIT event(e);
}

void TrainingRunJob::finish(State state, const QString& message) {
    m_message = message;
    setState(state);
    Q_EMIT ended(m_state, m_message);
}

void TrainingRunJob::onFinished(int code, QProcess::ExitStatus status) {
    readChannel(QProcess::StandardOutput);
    readChannel(QProcess::StandardError);
    for (QByteArray* rest : {&m_pendingOut, &m_pendingErr})
        if (!rest->trimmed().isEmpty()) {
            handleLine(rest->trimmed(), rest == &m_pendingErr);
            rest->clear();
        }
    const QString err = m_lastErr.join(QLatin1Char('\n'));
    if (m_spec.launch == TrainingRunSpec::Launch::Torchrun && status == QProcess::NormalExit && code != 0) {
        // torchrun exits 1 whatever its ranks did: rank 0's last line and the ranks' exit codes tell.
        static const QRegularExpression badInput(QStringLiteral("exitcode\\s*:\\s*3\\b"));
        if (m_sawDone && m_doneCancelled)
            code = 4;
        else if (m_log.join(QLatin1Char('\n')).contains(badInput))
            code = 3;
    }
    m_exitCode = status == QProcess::NormalExit ? code : -1;
    if (status == QProcess::CrashExit)
        finish(State::Failed, tr("the training process crashed; its last lines:\n%1").arg(err));
    else if (code == 0)
        finish(State::Finished, tr("finished"));
    else if (code == 4)
        finish(State::Cancelled, m_lastCheckpoint.isEmpty() ? tr("cancelled") : tr("cancelled; checkpoint %1").arg(m_lastCheckpoint));
    else if (code == 3)
        finish(State::BadInput, tr("bad input:\n%1").arg(err));
    else
        finish(State::Failed, tr("failed (exit %1):\n%2").arg(code).arg(err));
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
