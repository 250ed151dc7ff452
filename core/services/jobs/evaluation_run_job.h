// One benchmark evaluation of the studio as a child process: `stllava eval run --model DIR
// [--adapter DIR] --benchmark FILE --images DIR --dataset FORMAT --out PRED.jsonl --report-dir DIR`,
// so a crash in generation never takes the window down. Its progress lines ("3/7 questions") arrive
// as progress(); every line is kept in the log. Stop sends SIGINT (the answers so far are kept and
// the same command resumes). finished(reportJson) once report.json is written; failed(message) with
// the child's last stderr lines otherwise.
#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace stllava::jobs {

struct EvaluationSpec {
    QString model;      // model folder
    QString adapter;    // LoRA adapter folder ("" = none)
    QString benchmark;  // benchmark file
    QString images;     // folder the benchmark's image paths are relative to
    QString dataset = QStringLiteral("auto");  // benchmark format
    QString outDir;     // predictions.jsonl and report/ go here
    int maxNewTokens = 0;  // 0 = the command's default
    int batch = 0;         // 0 = the command's default
};

class EvaluationRunJob : public QObject {
    Q_OBJECT
public:
    explicit EvaluationRunJob(QObject* parent = nullptr);
    ~EvaluationRunJob() override;  // stops a running child (SIGINT, then SIGKILL after 10 s)

    // False (with failed()) when running already, the program is missing or the folder cannot be
    // made. `program` defaults to the stllava beside the application.
    bool start(const EvaluationSpec& spec, const QString& program = QString());
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QString reportPath() const;  // <outDir>/report/report.json
    const QStringList& log() const { return m_log; }

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    void finished(const QString& reportJson);
    void failed(const QString& message);

private:
    void readChannel(QProcess::ProcessChannel channel);
    void onFinished(int code, QProcess::ExitStatus status);

    QProcess m_process;
    EvaluationSpec m_spec;
    QByteArray m_pendingOut, m_pendingErr;
    QStringList m_log, m_lastErr;
};

}  // namespace stllava::jobs
