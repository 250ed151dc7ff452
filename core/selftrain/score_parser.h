// Reading the two scores out of a judge's reply. The rule asks for both scores on the first line;
// judges also write "8/10 and 6/10", "Scores: 8 and 6" or "Answer 1: 8 ... Answer 2: 6". Anything
// else (one number, three numbers, words, scores out of range) is unparseable: the caller keeps the
// reply and counts it, it is never dropped silently and never guessed.
#pragma once

#include <optional>
#include <string>

namespace stllava::selftrain {

struct ScoreRange {
    double min = 1.0;
    double max = 10.0;
};

struct ParsedScores {
    bool ok = false;
    double first = 0.0, second = 0.0;  // in the order the answers were shown
    std::string rationale;             // the reply without its score line
    std::string problem;               // when !ok: why, e.g. "3 numbers on the first line"
};

ParsedScores parseScores(const std::string& reply, const ScoreRange& range = {});

}  // namespace stllava::selftrain
