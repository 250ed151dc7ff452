// One cancel token for all long work in core (generation, evaluation, training, stage 2): a flag
// the front end sets (Ctrl-C, a Stop button) and the work polls at its natural step (a decode
// step, a batch, a micro-step). Setting it is async-signal-safe (a lock-free atomic store).
#pragma once

#include <atomic>

namespace stllava {

class CancelToken {
public:
    void cancel() noexcept { flag_.store(true, std::memory_order_relaxed); }
    void reset() noexcept { flag_.store(false, std::memory_order_relaxed); }
    bool cancelled() const noexcept { return flag_.load(std::memory_order_relaxed); }
    // For lower layers that poll a plain flag (core/generation's GenerateOptions::cancel).
    const std::atomic<bool>* flag() const noexcept { return &flag_; }
    std::atomic<bool>* flag() noexcept { return &flag_; }

private:
    std::atomic<bool> flag_{false};
};

inline bool isCancelled(const CancelToken* token) noexcept {
    return token && token->cancelled();
}

}  // namespace stllava
