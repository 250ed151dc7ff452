// Puts a module tree in eval mode for a scope and restores its previous mode when the scope ends,
// exception or not, so that an error inside generation or a reference pass never leaves a model
// that was training stuck in eval mode (dropout off), or the other way round.
#pragma once

#include <torch/nn/module.h>

namespace stllava::nn {

class EvalModeGuard {
public:
    explicit EvalModeGuard(torch::nn::Module& module) : module_(module), was_training_(module.is_training()) {
        if (was_training_) module_.eval();
    }
    ~EvalModeGuard() {
        if (was_training_) module_.train();
    }
    EvalModeGuard(const EvalModeGuard&) = delete;
    EvalModeGuard& operator=(const EvalModeGuard&) = delete;

private:
    torch::nn::Module& module_;
    bool was_training_;
};

}  // namespace stllava::nn
