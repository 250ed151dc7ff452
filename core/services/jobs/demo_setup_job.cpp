#include "services/jobs/demo_setup_job.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <csignal>

namespace stllava::jobs {

QString stllavaExecutable() {
    const QString path = QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("stllava"));
    return QFileInfo(path).isExecutable() ? path : QString();
}

DemoSetupJob::DemoSetupJob(QObject* parent) : QObject(parent) {
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    connect(&m_process, &QProcess::readyRead, this, &DemoSetupJob::readLines);
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        readLines();
        if (status == QProcess::NormalExit && code == 0) {
            Q_EMIT finished(m_out);
        } else if (m_cancelling || (status == QProcess::NormalExit && code == 4)) {
            Q_EMIT cancelled(m_out);  // exit 4: interrupted, what is done is kept
        } else {
            Q_EMIT failed(status == QProcess::CrashExit
                              ? tr("stllava demo run crashed; its last lines:\n%1").arg(m_lastLines)
                              : tr("stllava demo run failed (exit %1):\n%2").arg(code).arg(m_lastLines));
        }
        m_cancelling = false;
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) Q_EMIT failed(tr("cannot start %1: %2").arg(m_process.program(), m_process.errorString()));
    });
}

DemoSetupJob::~DemoSetupJob() {
    if (isRunning()) {
        disconnect(&m_process, nullptr, this, nullptr);
        ::kill(static_cast<pid_t>(m_process.processId()), SIGINT);
        if (!m_process.waitForFinished(30000)) m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool DemoSetupJob::start(const QString& outDir, const QString& scale, const QString& program) {
    if (isRunning()) return false;
    if (program.isEmpty() || !QFileInfo(program).isExecutable()) {
        Q_EMIT failed(tr("the stllava program was not found beside %1").arg(QCoreApplication::applicationFilePath()));
        return false;
    }
    m_out = QDir(outDir).absolutePath();
    m_pending.clear();
    m_lastLines.clear();
    m_cancelling = false;
    m_process.start(program, {QStringLiteral("demo"), QStringLiteral("run"), QStringLiteral("--out"), m_out,
                              QStringLiteral("--scale"), scale});
    return true;
}

void DemoSetupJob::cancel() {
    if (!isRunning()) return;
    m_cancelling = true;
    ::kill(static_cast<pid_t>(m_process.processId()), SIGINT);  // the demo stops within a step
}

void DemoSetupJob::readLines() {
    m_pending += m_process.readAll();
    static const QRegularExpression phaseLine(QStringLiteral("\\[(\\d+)/(\\d+)\\]\\s+(\\S+)\\s*(.*)$"));
    for (;;) {
        const int nl = m_pending.indexOf('\n');
        if (nl < 0) break;
        QString line = QString::fromUtf8(m_pending.left(nl)).trimmed();
        m_pending.remove(0, nl + 1);
        line.remove(QRegularExpression(QStringLiteral("\\x1b\\[[0-9;]*[A-Za-z]")));
        if (line.isEmpty()) continue;
        QStringList last = m_lastLines.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        last << line;
        while (last.size() > 8) last.removeFirst();
        m_lastLines = last.join(QLatin1Char('\n'));
        const auto m = phaseLine.match(line);
        if (m.hasMatch()) Q_EMIT progress(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3), line);
    }
}

}  // namespace stllava::jobs
