// One training run of the studio, launched one of three ways (TrainingRunSpec::Launch):
//   - ChildProcess (the default): `stllava train sft|dpo --config FILE --json` (the config written
//     atomically into the output folder) or `stllava selftrain generate ... --json` (stage-2
//     generation), so a crash in training never takes the window down. Stop sends SIGINT (the
//     trainer checkpoints and exits 4), pause / continue send SIGSTOP / SIGCONT. Exit codes map to
//     the final state: 0 finished, 3 bad input, 4 cancelled, anything else (or a crash) failed,
//     with the child's last stderr lines in the message.
//   - InProcess: SFT / DPO on a worker thread of this process (pipeline/training_run.h, the same
//     engine as `stllava train`): no start-up cost and no second copy of the program, but a crash
//     in training ends the window too. Stop and pause set the trainer's flags (checked before every
//     micro-step). One in-process run at a time.
//   - Torchrun: `torchrun --standalone --nproc_per_node=N ... stllava train ...`: data parallel on
//     N processes of this machine (one per GPU, or Gloo on CPU); rank 0's lines are followed. The
//     launcher and its workers get a process group of their own: pause / continue stop and continue
//     the whole group, stop sends SIGINT to torchrun, which hands it to every rank (all agree,
//     checkpoint and exit). Each rank's output is also kept under OUTPUT/torchrun-logs.
// All three report the same JSON lines as typed TrainingEvents; every line, stdout and stderr, is
// kept in the log. The job lives on the thread that created it (the GUI thread in the studio) and
// never blocks it while a run goes.
#pragma once

#include "services/jobs/training_event.h"

#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

class QThread;

namespace stllava::training {
struct TrainControl;
}

namespace stllava::jobs {

struct TrainingRunSpec {
    enum class Kind { Sft, Dpo, Generate };
    Kind kind = Kind::Sft;
    QString name;            // shown in the run list
    QJsonObject config;      // Sft / Dpo: the training config (output_dir required)
    QStringList generateArgs;  // Generate: the options after `selftrain generate` (--json is added)
    QString outputDir;       // Generate: the job folder (for the run list and the messages)
    enum class Launch { ChildProcess, InProcess, Torchrun };
    Launch launch = Launch::ChildProcess;  // Generate runs as a child process only
    int processes = 2;                     // Torchrun: processes on this machine (--nproc_per_node)
};

class TrainingRunJob : public QObject {
    Q_OBJECT
public:
    enum class State { Ready, Running, Paused, Stopping, Finished, Cancelled, BadInput, Failed };
    Q_ENUM(State)

    explicit TrainingRunJob(QObject* parent = nullptr);
    // Stops a running run: a child or torchrun gets SIGINT, then SIGKILL after 30 s; an in-process
    // run is cancelled and waited for (it checkpoints first).
    ~TrainingRunJob() override;

    // False (state failed, message() says why) when running already, the program (or torchrun) is
    // missing or the config cannot be written. `program` defaults to the stllava beside the
    // application; torchrun is found on PATH (or STLLAVA_TORCHRUN).
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
    // The torchrun launcher to use ("" when there is none): STLLAVA_TORCHRUN, else torchrun on PATH.
    static QString torchrunExecutable();
    // 0 finished, 3 bad input, 4 cancelled, else failed; -1 for a crash. Torchrun: rank 0's code
    // as the launcher reports it (torchrun itself exits 1 for any failure).
    int exitCode() const { return m_exitCode; }

Q_SIGNALS:
    void stateChanged(stllava::jobs::TrainingRunJob::State state);
    void event(const stllava::jobs::TrainingEvent& event);  // every line, Text included
    void ended(stllava::jobs::TrainingRunJob::State state, const QString& message);

private:
    bool startInProcess(const QString& stage);
    void readChannel(QProcess::ProcessChannel channel);
    void handleLine(const QByteArray& line, bool err);
    void onFinished(int code, QProcess::ExitStatus status);
    void finish(State state, const QString& message);
    void setState(State s);
    void signalChild(int sig);   // the child (torchrun: the launcher only)
    void signalGroup(int sig);   // torchrun: the launcher and its workers; otherwise the child

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
    bool m_sawDone = false, m_doneCancelled = false;
    bool m_launcherFailing = false;  // torchrun began its own failure report (kept in the log only)
    // InProcess: the worker thread and the trainer's flags it shares with it.
    QThread* m_thread = nullptr;
    std::shared_ptr<training::TrainControl> m_control;
};

// The checkpoint-<step> folders of a training output folder, oldest first.
QStringList trainingCheckpoints(const QString& outputDir);

}  // namespace stllava::jobs
