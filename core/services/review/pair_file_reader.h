// Reads the files `stllava selftrain pairs` writes into review pairs, detecting the layout per record:
//   pairs.stllava.json  (JSON array; chosen_conversations / reject_conversations)
//   pairs.trl.jsonl     (JSON lines; prompt / chosen / rejected / images)
//   pairs.review.jsonl  (JSON lines; the items for review, with both answers)
// each with the judge's evidence ("status", "reason", "judge_model", "chosen_answer", "seeds",
// "scores" with "order_12" / "order_21"; selftrain/pair_writers.h). Records from other sources
// without evidence are taken with the chosen answer as answer 1. A bad record is listed with its
// position and left out; a file that cannot be read or parsed at all throws std::runtime_error
// naming it.
#pragma once

#include "services/review/review_types.h"

#include <vector>

namespace stllava::review {

struct PairFileIssue {
    QString file;
    qint64 record = 0;  // 1-based line (JSON lines) or array position
    QString id;
    QString problem;
};

struct PairFileContents {
    std::vector<ReviewPair> pairs;
    std::vector<PairFileIssue> issues;
};

PairFileContents readPairFile(const QString& path);

// The pair files of a job folder in the order they are imported: pairs.stllava.json (else
// pairs.trl.jsonl), then pairs.review.jsonl; only those that exist. Empty when there are none.
QStringList jobPairFiles(const QString& jobFolder);

}  // namespace stllava::review
