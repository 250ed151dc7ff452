// Fuzz target: what a judge sends back, through core/selftrain: the chat.completions response body
// (parseJudgeResponse) and the two scores in its reply text (parseScores, 1-10 and 0-100 ranges).
// The input is used both as a whole response body and as the reply text itself.
// Allowed outcome: parseJudgeResponse throws std::runtime_error for a body that is not a
// chat.completions response; parseScores never throws, and the scores it accepts lie in the range.
#include "fuzz_support.h"

#include "selftrain/judge_protocol.h"
#include "selftrain/score_parser.h"

namespace st = stllava::selftrain;

namespace {

void checkScores(const std::string& reply) {
    for (const st::ScoreRange range : {st::ScoreRange{}, st::ScoreRange{0.0, 100.0}}) {
        const st::ParsedScores s = st::parseScores(reply, range);
        if (s.ok) {
            if (!(s.first >= range.min && s.first <= range.max && s.second >= range.min && s.second <= range.max))
                stllava::fuzz::finding("accepted scores outside the range");
            if (!s.problem.empty()) stllava::fuzz::finding("accepted scores with a problem");
        } else if (s.problem.empty()) {
            stllava::fuzz::finding("refused scores without saying why");
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    checkScores(text);
    try {
        const st::JudgeReply reply = st::parseJudgeResponse(text);
        checkScores(reply.content);
    } catch (const std::runtime_error& e) {
        if (std::string(e.what()).empty()) stllava::fuzz::finding("parseJudgeResponse error without a message");
    }
    return 0;
}
