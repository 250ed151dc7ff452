// One line of `stllava train sft|dpo --json` or `stllava selftrain generate --json`, typed: the
// step's loss, learning rate, grad norm, DPO reward accuracy and margin, throughput, ETA, memory,
// checkpoints written and the final "done" line. A line that is not such JSON is kept as text
// (kind Text), so a log shows everything the child wrote and nothing crashes on garbage.
#pragma once

#include <QByteArray>
#include <QString>

namespace stllava::jobs {

struct TrainingEvent {
    enum class Kind {
        Text,        // not a JSON event line (kept in the log as it was)
        Data,        // the data report: items usable of total
        Step,        // one optimiser step
        Checkpoint,  // a checkpoint folder written
        Reference,   // DPO reference log-probs computed or read from the cache
        Skipped,     // items left out of the data
        Generate,    // stage-2 generation progress: images done of total
        Done,        // the run's last line
        Other,       // a JSON event of a name this version does not know
    };
    Kind kind = Kind::Text;
    QString name;   // the "event" field ("" for Text)
    QString stage;  // "sft", "dpo", "generate"
    QString text;   // the line itself (UTF-8, trailing whitespace removed)
    qint64 epoch = 0, step = 0, totalSteps = 0;
    double loss = 0, lr = 0, gradNorm = 0, tokensPerSecond = 0, etaSeconds = -1;
    qint64 memoryBytes = 0;
    bool hasDpo = false;  // the DPO figures below are present
    double rewardAccuracy = 0, margin = 0, chosenReward = 0, rejectedReward = 0;
    QString checkpoint, detail;
    qint64 usable = 0, total = 0;              // Data: items; Generate: images done / total
    qint64 done = 0;                           // Generate: images done
    double imagesPerSecond = 0;                // Generate
    bool cancelled = false;                    // Done
    qint64 resumedFrom = 0;                    // Done (train)
};

// Parses one line (without its newline). Never throws.
TrainingEvent parseTrainingEvent(const QByteArray& line);

}  // namespace stllava::jobs
