#include "nn/activation_checkpoint.h"

#include <ATen/CPUGeneratorImpl.h>

#include <atomic>

namespace stllava::nn {
namespace {

std::atomic<std::int64_t> g_recomputes{0};

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// Keeps the block and the generator state alive from forward to backward (saved_data holds IValues).
struct BlockHolder : torch::CustomClassHolder {
    CheckpointBlock block;
    torch::Tensor rng_state;
};

struct CheckpointFunction : torch::autograd::Function<CheckpointFunction> {
    // `anchor` is an empty tensor that requires grad: it makes the output require grad, so backward
    // runs even when x does not (e.g. embeddings of a frozen table feeding LoRA layers).
    static torch::Tensor forward(AutogradContext* ctx, torch::Tensor x, torch::Tensor anchor,
                                 c10::intrusive_ptr<BlockHolder> holder) {
        holder->rng_state = at::detail::getDefaultCPUGenerator().get_state();
        ctx->save_for_backward({x});
        ctx->saved_data["holder"] = c10::IValue::make_capsule(holder);
        torch::NoGradGuard no_grad;
        return holder->block(x);
    }

    static variable_list backward(AutogradContext* ctx, variable_list grad_outputs) {
        auto holder = c10::static_intrusive_pointer_cast<BlockHolder>(ctx->saved_data["holder"].toCapsule());
        const auto x = ctx->get_saved_variables()[0];
        auto input = x.detach().requires_grad_(x.requires_grad());
        auto generator = at::detail::getDefaultCPUGenerator();
        const auto current_state = generator.get_state();
        torch::Tensor output;
        {
            std::lock_guard<std::mutex> lock(generator.mutex());
            generator.set_state(holder->rng_state);
        }
        {
            torch::AutoGradMode enable(true);
            output = holder->block(input);
        }
        {
            std::lock_guard<std::mutex> lock(generator.mutex());
            generator.set_state(current_state);
        }
        if (output.requires_grad()) torch::autograd::backward({output}, {grad_outputs[0]});
        g_recomputes.fetch_add(1, std::memory_order_relaxed);
        return {input.requires_grad() ? input.grad() : torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

}  // namespace

std::int64_t checkpointRecomputeCount() { return g_recomputes.load(std::memory_order_relaxed); }

torch::Tensor checkpointed(CheckpointBlock block, const torch::Tensor& x) {
    if (!torch::GradMode::is_enabled()) return block(x);
    auto holder = c10::make_intrusive<BlockHolder>();
    holder->block = std::move(block);
    const auto anchor = torch::empty({0}, x.options().dtype(torch::kFloat32)).requires_grad_(true);
    return CheckpointFunction::apply(x, anchor, holder);
}

}  // namespace stllava::nn
