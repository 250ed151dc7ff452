// Progress and cancellation for long work in core, as plain callbacks (no Qt): the UI wraps them
// in signals, the command line prints them. A callback returning false asks the work to stop.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace stllava {

struct Progress {
    std::int64_t done = 0;   // units finished
    std::int64_t total = 0;  // 0 when unknown
    std::string stage;       // short human label, e.g. "scanning", "decoding"
};

using ProgressFn = std::function<bool(const Progress&)>;

// Thrown by core work that stopped because its ProgressFn (or a cancel flag) asked it to.
struct Cancelled : std::exception {
    const char* what() const noexcept override { return "cancelled"; }
};

}  // namespace stllava
