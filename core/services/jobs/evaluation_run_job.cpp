#include "services/jobs/evaluation_run_job.h"

#include "services/jobs/output_lines.h"

#include "services/jobs/demo_setup_job.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <csignal>

namespace stllava::jobs {

namespace {
constexpr int kLogLimit = 5000;
constexpr int kErrLines = 12;
}  // namespace

EvaluationRunJob::EvaluationRunJob(QObject* parent) : QObject(parent) {
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    connect(&m_process, &QProcess::readyReadStandardOutput, this,
            [this] { readChannel(QProcess::StandardOutput); });
    connect(&m_process, &QProcess::readyReadStandardError, this,
            [this] { readChannel(QProcess::StandardError); });
    connect(&m_process, &QProcess::finished, this, &EvaluationRunJob::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            Q_EMIT failed(tr("cannot start %1: %2").arg(m_process.program(), m_process.errorString()));
    });
}

EvaluationRunJob::~EvaluationRunJob() {
    if (m_process.state() == QProcess::NotRunning) return;
    disconnect(&m_process, nullptr, this, nullptr);
    stop();
    if (!m_process.waitForFinished(10000)) m_process.kill();
    m_process.waitForFinished(5000);
}

QString EvaluationRunJob::reportPath() const {
    return QDir(m_spec.outDir).absoluteFilePath(QStringLiteral("report/report.json"));
}

bool EvaluationRunJob::start(const EvaluationSpec& spec, const QString& program) {
    if (isRunning()) return false;
    const QString exe = program.isEmpty() ? stllavaExecutable() : program;
    m_spec = spec;
    m_log.clear();
    m_lastErr.clear();
    m_pendingOut.clear();
    m_pendingErr.clear();
    if (exe.isEmpty() || !QFileInfo(exe).isExecutable()) {
        Q_EMIT failed(tr("the stllava program was not found beside %1").arg(QCoreApplication::applicationFilePath()));
        return false;
    }
    if (spec.outDir.isEmpty() || !QDir().mkpath(spec.outDir)) {
        Q_EMIT failed(tr("%1: cannot create the evaluation folder").arg(spec.outDir));
        return false;
    }
    const QDir out(spec.outDir);
    QStringList args{QStringLiteral("eval"), QStringLiteral("run"), QStringLiteral("--model"), spec.model};
    if (!spec.adapter.isEmpty()) args << QStringLiteral("--adapter") << spec.adapter;
    args << QStringLiteral("--benchmark") << spec.benchmark << QStringLiteral("--images") << spec.images
         << QStringLiteral("--dataset") << spec.dataset << QStringLiteral("--out")
         << out.absoluteFilePath(QStringLiteral("predictions.jsonl")) << QStringLiteral("--report-dir")
         << out.absoluteFilePath(QStringLiteral("report"));
    if (spec.maxNewTokens > 0) args << QStringLiteral("--max-new-tokens") << QString::number(spec.maxNewTokens);
    if (spec.batch > 0) args << QStringLiteral("--batch") << QString::number(spec.batch);
    m_log << QStringLiteral("$ %1 %2").arg(exe, args.join(QLatin1Char(' ')));
    m_process.start(exe, args);
    return true;
}

void EvaluationRunJob::stop() {
    const qint64 pid = m_process.processId();
    if (pid > 0) ::kill(static_cast<pid_t>(pid), SIGINT);
}

void EvaluationRunJob::readChannel(QProcess::ProcessChannel channel) {
    static const QRegularExpression kProgress(QStringLiteral("(\\d+)/(\\d+) questions"));
    const bool err = channel == QProcess::StandardError;
    QByteArray& pending = err ? m_pendingErr : m_pendingOut;
    pending += err ? m_process.readAllStandardError() : m_process.readAllStandardOutput();
    for (const QByteArray& raw : takeCompleteLines(pending)) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty()) continue;
        m_log << (err ? QStringLiteral("[stderr] ") + line : line);
        if (m_log.size() > kLogLimit) m_log.removeFirst();
        if (!err) continue;
        const QRegularExpressionMatch m = kProgress.match(line);
        if (m.hasMatch()) {
            Q_EMIT progress(m.captured(1).toLongLong(), m.captured(2).toLongLong());
        } else {
            m_lastErr << line;
            if (m_lastErr.size() > kErrLines) m_lastErr.removeFirst();
        }
    }
}

void EvaluationRunJob::onFinished(int code, QProcess::ExitStatus status) {
    readChannel(QProcess::StandardOutput);
    readChannel(QProcess::StandardError);
    const QString err = m_lastErr.join(QLatin1Char('\n'));
    if (status == QProcess::CrashExit)
        Q_EMIT failed(tr("the evaluation process crashed; its last lines:\n%1").arg(err));
    else if (code == 4)
        Q_EMIT failed(tr("the evaluation was stopped; the answers so far are kept in %1").arg(m_spec.outDir));
    else if (code != 0)
        Q_EMIT failed(tr("the evaluation failed (exit %1):\n%2").arg(code).arg(err));
    else if (!QFileInfo(reportPath()).isFile())
        Q_EMIT failed(tr("the evaluation ended without a report (%1):\n%2").arg(reportPath(), err));
    else
        Q_EMIT finished(reportPath());
}

}  // namespace stllava::jobs
