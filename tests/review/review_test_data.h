// Shared by the review suites: a judged self-training job folder whose pairs files are written by
// selftrain's own writers (the code behind `stllava selftrain pairs`), from the crafted items of
// fixtures/selftrain_data.h with min margin 1.5 and floor 4: a#q0 and j#q0 auto-accepted (the judge
// chose answer 1 and answer 2), b c d e f need review, h rejected (identical answers), g and i
// incomplete (in no file).
#pragma once

#include "fixtures/selftrain_data.h"
#include "selftrain/job_records.h"
#include "selftrain/pair_writers.h"
#include "selftrain/pairs.h"

#include <QDir>
#include <QString>

#include <filesystem>

namespace reviewtest {

namespace st = stllava::selftrain;

inline std::vector<st::PairDecision> craftedDecisions(const std::string& image = "img.png") {
    auto c = selftraintest::crafted();
    for (auto& it : c.items) it.image = image;
    return st::decidePairs(c.items, c.judgements, st::PairOptions{1.5, 4.0, false});
}

// Writes pairs.stllava.json, pairs.trl.jsonl and pairs.review.jsonl into `job`.
inline void writeJob(const QString& job, const std::string& image = "img.png") {
    QDir().mkpath(job);
    const auto d = craftedDecisions(image);
    const std::string dir = job.toStdString();
    st::writeStllavaPairs(dir + "/pairs.stllava.json", d);
    st::writeTrlPairs(dir + "/pairs.trl.jsonl", d);
    st::writeReviewList(dir + "/pairs.review.jsonl", d);
}

}  // namespace reviewtest
