// Builds the embedded demo for the desktop application: runs `stllava demo run --out DIR` as a child
// process (a crash there never takes the window down), reports its phases and progress lines, and
// stops it with Ctrl-C's signal on cancel (the demo keeps what is done and resumes on the next run).
#pragma once

#include <QObject>
#include <QProcess>
#include <QString>

namespace stllava::jobs {

// The `stllava` command-line program beside the running executable (both are installed into one
// bin/ folder and built into one output folder); "" when it is not there.
QString stllavaExecutable();

class DemoSetupJob : public QObject {
    Q_OBJECT
public:
    explicit DemoSetupJob(QObject* parent = nullptr);
    ~DemoSetupJob() override;  // stops a running demo and waits for it

    // False when a run is going on or `program` does not exist. `scale`: "default", "small".
    bool start(const QString& outDir, const QString& scale = QStringLiteral("default"),
               const QString& program = stllavaExecutable());
    void cancel();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

Q_SIGNALS:
    // Phase `index` of `phases` (1-based) and the demo's own line about it.
    void progress(int index, int phases, const QString& phase, const QString& line);
    void finished(const QString& outDir);
    void cancelled(const QString& outDir);
    void failed(const QString& message);

private:
    void readLines();

    QProcess m_process;
    QString m_out;
    QByteArray m_pending;
    QString m_lastLines;  // the last few lines, for the failure message
    bool m_cancelling = false;
};

}  // namespace stllava::jobs
