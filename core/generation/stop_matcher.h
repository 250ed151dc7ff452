// Stop conditions over streamed text: stop strings (which may span several tokens) and the eos id.
// Text that could be the start of a stop string is held back until the next text resolves it;
// on a match the text before the stop string is released and the stream is over.
//   StopMatcher stop(params.stop_strings, params.stop_on_eos ? tok.eosId() : -1);
//   each token: auto step = stop.push(token, decoder.push(token)); emit step.text; if (step.stopped) ...
//   at max tokens: emit stop.finish(decoder.flush()).
#pragma once

#include "generation/generation_types.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stllava {

class StopMatcher {
public:
    struct Step {
        std::string text;  // text safe to emit now (valid UTF-8 when the input is)
        bool stopped = false;
        GenerationResult::StopReason reason = GenerationResult::StopReason::MaxTokens;  // when stopped
    };

    // eos_id < 0: no eos stop. Empty stop strings are ignored.
    explicit StopMatcher(std::vector<std::string> stop_strings, std::int32_t eos_id = -1);

    // One generated token and the text it added. The eos token stops the stream: the held text and
    // text_delta are released (a stop string completed by text_delta still counts as StopString).
    Step push(std::int32_t token, std::string_view text_delta);
    // Text only (no token). A stop string found anywhere in held + delta stops (earliest match).
    Step pushText(std::string_view text_delta);
    // End of generation: the held text plus `tail` (checked for stop strings too). After a stop it
    // returns no text and the reason of that stop.
    Step finish(std::string_view tail = {});

    bool stopped() const { return stopped_; }
    const std::string& held() const { return held_; }
    void reset();

private:
    std::vector<std::string> stops_;
    std::int32_t eos_id_;
    std::string held_;
    bool stopped_ = false;
    GenerationResult::StopReason reason_ = GenerationResult::StopReason::MaxTokens;
};

}  // namespace stllava
