#include "nn/activation_checkpoint.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Context.h>
#include <ATen/autocast_mode.h>
#include <torch/cuda.h>
#include <torch/version.h>

#include <atomic>
#include <mutex>
#include <optional>

namespace stllava::nn {
namespace {

std::atomic<std::int64_t> g_recomputes{0};

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// The autocast settings of this thread (CPU and CUDA), to run the recompute as the forward ran:
// backward runs outside the caller's autocast region (and, on CUDA, on autograd's own thread).
struct AutocastState {
    bool cuda = false, cpu = false;
    at::ScalarType cuda_dtype = at::kHalf, cpu_dtype = at::kBFloat16;

    static AutocastState current() {
        AutocastState s;
#if TORCH_VERSION_MAJOR >= 2
        s.cuda = at::autocast::is_autocast_enabled(at::kCUDA);
        s.cpu = at::autocast::is_autocast_enabled(at::kCPU);
        s.cuda_dtype = at::autocast::get_autocast_dtype(at::kCUDA);
        s.cpu_dtype = at::autocast::get_autocast_dtype(at::kCPU);
#else
        s.cuda = at::autocast::is_enabled();
        s.cpu = at::autocast::is_cpu_enabled();
        s.cuda_dtype = at::autocast::get_autocast_gpu_dtype();
        s.cpu_dtype = at::autocast::get_autocast_cpu_dtype();
#endif
        return s;
    }
    void apply() const {
#if TORCH_VERSION_MAJOR >= 2
        at::autocast::set_autocast_enabled(at::kCUDA, cuda);
        at::autocast::set_autocast_enabled(at::kCPU, cpu);
        at::autocast::set_autocast_dtype(at::kCUDA, cuda_dtype);
        at::autocast::set_autocast_dtype(at::kCPU, cpu_dtype);
#else
        at::autocast::set_enabled(cuda);
        at::autocast::set_cpu_enabled(cpu);
        at::autocast::set_autocast_gpu_dtype(cuda_dtype);
        at::autocast::set_autocast_cpu_dtype(cpu_dtype);
#endif
    }
};

// Sets a generator's state under its mutex.
void setGeneratorState(at::Generator& generator, const torch::Tensor& state) {
    std::lock_guard<std::mutex> lock(generator.mutex());
    generator.set_state(state);
}

// Keeps the block, the generator states and the autocast settings alive from forward to backward
// (saved_data holds IValues).
struct BlockHolder : torch::CustomClassHolder {
    CheckpointBlock block;
    torch::Tensor rng_state;
    // The CUDA generator of the input's device, when it is a CUDA tensor (dropout on the GPU).
    std::optional<at::Generator> cuda_generator;
    torch::Tensor cuda_rng_state;
    AutocastState autocast;
};

struct CheckpointFunction : torch::autograd::Function<CheckpointFunction> {
    // `anchor` is an empty tensor that requires grad: it makes the output require grad, so backward
    // runs even when x does not (e.g. embeddings of a frozen table feeding LoRA layers).
    static torch::Tensor forward(AutogradContext* ctx, torch::Tensor x, torch::Tensor anchor,
                                 c10::intrusive_ptr<BlockHolder> holder) {
        holder->rng_state = at::detail::getDefaultCPUGenerator().get_state();
        if (x.is_cuda() && torch::cuda::is_available()) {
            holder->cuda_generator = at::globalContext().defaultGenerator(x.device());
            holder->cuda_rng_state = holder->cuda_generator->get_state();
        }
        holder->autocast = AutocastState::current();
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
        torch::Tensor current_cuda_state;
        if (holder->cuda_generator) current_cuda_state = holder->cuda_generator->get_state();
        const AutocastState current_autocast = AutocastState::current();
        torch::Tensor output;
        setGeneratorState(generator, holder->rng_state);
        if (holder->cuda_generator) setGeneratorState(*holder->cuda_generator, holder->cuda_rng_state);
        holder->autocast.apply();
        try {
            torch::AutoGradMode enable(true);
            output = holder->block(input);
        } catch (...) {
            current_autocast.apply();
            setGeneratorState(generator, current_state);
            if (holder->cuda_generator) setGeneratorState(*holder->cuda_generator, current_cuda_state);
            throw;
        }
        current_autocast.apply();
        at::autocast::clear_cache();  // casts made for the recompute are not reused outside it
        setGeneratorState(generator, current_state);
        if (holder->cuda_generator) setGeneratorState(*holder->cuda_generator, current_cuda_state);
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
