// One training run of the studio as a child process, so a crash in training never takes the window
// down: `stllava train sft|dpo --config FILE --json` (the config written atomically into the output
// folder) or `stllava selftrain generate ... --json` (stage-2 generation). Its JSON lines arrive as
// typed TrainingEvents; every line, stdout and stderr, is kept in the log. Stop sends SIGINT (the
// trainer checkpoints and exits 4), pause / continue send SIGSTOP / SIGCONT. Exit codes map to the
// final state: 0 finished, 3 bad input, 4 cancelled, anything else (or a crash) failed, with the
// child's last stderr lines in the message.
#pragma once

#include "services/jobs/training_event.h"

#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace stllava::jobs {

struct TrainingRunSpec {
    enum class Kind { Sft, Dpo, Generate };
    Kind kind = Kind::Sft;
    QString name;            // shown in the run list
    QJsonObject config;      // Sft / Dpo: the training config (output_dir required)
    QStringList generateArgs;  // Generate: the options after `selftrain generate` (--json is added)
    QString outputDir;       // Generate: the job folder (for the run list and the messages)
};

class TrainingRunJob : public QObject {
    Q_OBJECT
public:
    enum class State { Ready, Running, Paused, Stopping, Finished, Cancelled, BadInput, Failed };
    Q_ENUM(State)

    explicit TrainingRunJob(QObject* parent = nullptr);
    ~TrainingRunJob() override;  // stops a running child (SIGINT, then SIGKILL after 30 s)

    // False (with failed()) when running already, the program is missing or the config cannot be
    // written. `program` defaults to the stllava beside the application.
    bool start(const TrainingRunSpec& spec, const QString& program = QString());
    void stop();
    void pause();
    void resume();

    State state() const { return m_state; }
    static QString stateName(State s);
    bool isActive() const { return m_state == State::Running || m_state == State::Paused || m_state == State::Stopping; }
    const TrainingRunSpec& spec() const { return m_spec; }
    QString outputDir() const;
    QString configPath() const { return m_configPath; }
    const QStringList& log() const { return m_log; }
    QString message() const { return m_message; }  // the last state's explanation
    const TrainingEvent& lastStep() const { return m_lastStep; }
    QString lastCheckpoint() const { return m_lastCheckpoint; }
    int exitCode() const { return m_exitCode; }

Q_SIGNALS:
    void stateChanged(stllava::jobs::TrainingRunJob::State state);
    void event(const stllava::jobs::TrainingEvent& event);  // every line, Text included
    void ended(stllava::jobs::TrainingRunJob::State state, const QString& message);

private:
    void readChannel(QProcess::ProcessChannel channel);
    void onFinished(int code, QProcess::ExitStatus status);
    void setState(State s);
    void signalChild(int sig);

    QProcess m_process;
    TrainingRunSpec m_spec;
    State m_state = State::Ready;
    QString m_configPath;
    QByteArray m_pendingOut, m_pendingErr;
    QStringList m_log;
    QStringList m_lastErr;  // the last stderr lines, for the failure message
    QString m_message;
    TrainingEvent m_lastStep;
    QString m_lastCheckpoint;
    int m_exitCode = -1;
};

// The checkpoint-<step> folders of a training output folder, oldest first.
QStringList trainingCheckpoints(const QString& outputDir);

}  // namespace stllava::jobs
