#include "generation/generation_types.h"

namespace stllava {

const char* stopReasonName(GenerationResult::StopReason reason) {
    switch (reason) {
        case GenerationResult::StopReason::Eos:
            return "eos";
        case GenerationResult::StopReason::StopString:
            return "stop_string";
        case GenerationResult::StopReason::MaxTokens:
            return "max_tokens";
        case GenerationResult::StopReason::Cancelled:
            return "cancelled";
    }
    return "unknown";
}

}  // namespace stllava
