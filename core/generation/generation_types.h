// Types shared by the generation loop (core/generation/generate.h) and its callers: the per-token
// streaming/cancel callback and the result of one generated sequence.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace stllava {

// Called once per generated token of a row (row = index of the prompt in the batch). text_delta is
// the new printable text (valid UTF-8, possibly empty: text held back because it may be the start
// of a stop string or of a multi-byte character). The concatenation of a row's deltas is the row's
// final GenerationResult::text. Return false to cancel that row (the others go on; a cancel flag
// stops all rows).
using TokenCallback = std::function<bool(int row, std::int32_t token, std::string_view text_delta)>;

struct GenerationResult {
    enum class StopReason {
        Eos,         // the model emitted its end-of-sequence token (not part of tokens/text)
        StopString,  // a stop string appeared; text ends just before it
        MaxTokens,   // max_new_tokens reached
        Cancelled,   // the TokenCallback (or a cancel flag) asked to stop
    };
    std::vector<std::int32_t> tokens;  // generated tokens (no prompt)
    std::string text;                  // decoded text, stop string excluded
    StopReason stop_reason = StopReason::MaxTokens;
};

const char* stopReasonName(GenerationResult::StopReason reason);  // "eos", "stop_string", ...

}  // namespace stllava
