// StopMatcher: earliest stop-string match over held + new text; the longest tail that is a proper
// prefix of some stop string stays held. Any stop string that completes later starts inside the
// held tail, so matching only held + new text finds every occurrence.
#include "generation/stop_matcher.h"

#include <algorithm>
#include <stdexcept>

namespace stllava {

StopMatcher::StopMatcher(std::vector<std::string> stop_strings, std::int32_t eos_id) : eos_id_(eos_id) {
    for (auto& s : stop_strings)
        if (!s.empty()) stops_.push_back(std::move(s));
}

void StopMatcher::reset() {
    held_.clear();
    stopped_ = false;
    reason_ = GenerationResult::StopReason::MaxTokens;
}

StopMatcher::Step StopMatcher::push(std::int32_t token, std::string_view text_delta) {
    if (stopped_) throw std::logic_error("StopMatcher: push after the stream stopped");
    if (eos_id_ >= 0 && token == eos_id_) {
        // Text that comes with the eos token (normally none; a decoder's flushed bytes) still counts,
        // and may itself complete a stop string.
        Step step = pushText(text_delta);
        if (step.stopped) return step;
        step.text.append(held_);
        held_.clear();
        step.stopped = true;
        step.reason = GenerationResult::StopReason::Eos;
        stopped_ = true;
        reason_ = step.reason;
        return step;
    }
    return pushText(text_delta);
}

StopMatcher::Step StopMatcher::pushText(std::string_view text_delta) {
    if (stopped_) throw std::logic_error("StopMatcher: push after the stream stopped");
    Step step;
    if (stops_.empty()) {
        step.text.assign(text_delta);
        return step;
    }
    held_.append(text_delta);

    // Earliest complete stop string.
    std::size_t first = std::string::npos;
    for (const auto& s : stops_) first = std::min(first, held_.find(s));
    if (first != std::string::npos) {
        step.text.assign(held_, 0, first);
        step.stopped = true;
        step.reason = GenerationResult::StopReason::StopString;
        stopped_ = true;
        reason_ = step.reason;
        held_.clear();
        return step;
    }

    // Longest tail of held_ that is a proper prefix of a stop string stays held.
    std::size_t keep = 0;
    for (const auto& s : stops_) {
        const std::size_t max_len = std::min(s.size() - 1, held_.size());
        for (std::size_t len = max_len; len > keep; --len)
            if (held_.compare(held_.size() - len, len, s, 0, len) == 0) {
                keep = len;
                break;
            }
    }
    step.text.assign(held_, 0, held_.size() - keep);
    held_.erase(0, held_.size() - keep);
    return step;
}

StopMatcher::Step StopMatcher::finish(std::string_view tail) {
    if (stopped_) return Step{{}, true, reason_};
    Step step = pushText(tail);
    if (!step.stopped) {
        step.text.append(held_);
        held_.clear();
    }
    return step;
}

}  // namespace stllava
