#include "training/distributed.h"

#ifdef STLLAVA_DISTRIBUTED
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#ifdef USE_C10D_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif
#endif

#include "common/launch_env.h"

#include <stdexcept>

namespace stllava::training {

DistEnv distEnvFromEnvironment() {
    LaunchEnv l;
    try {
        l = launchEnvFromEnvironment();
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error(e.what());
    }
    DistEnv e;
    e.rank = l.rank;
    e.world_size = l.world_size;
    e.local_rank = l.local_rank;
    e.master_addr = l.master_addr;
    e.master_port = l.master_port;
    return e;
}

#ifdef STLLAVA_DISTRIBUTED
struct ProcessGroup::Impl {
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroup> pg;
    const char* backend = "gloo";
};
#else
struct ProcessGroup::Impl {
    const char* backend = "none";
};
#endif

ProcessGroup::ProcessGroup(const DistEnv& env) : env_(env), impl_(std::make_unique<Impl>()) {}
ProcessGroup::~ProcessGroup() = default;

const char* ProcessGroup::backend() const { return env_.world_size == 1 ? "single" : impl_->backend; }

std::unique_ptr<ProcessGroup> ProcessGroup::create(const DistEnv& env, const torch::Device& device,
                                                   std::chrono::seconds timeout) {
    std::unique_ptr<ProcessGroup> g(new ProcessGroup(env));
    if (env.world_size == 1) return g;
#ifdef STLLAVA_DISTRIBUTED
    try {
        c10d::TCPStoreOptions so;
        so.port = static_cast<std::uint16_t>(env.master_port);
        so.isServer = env.rank == 0;
        so.numWorkers = env.world_size;
        so.waitWorkers = true;
        so.timeout = std::chrono::duration_cast<std::chrono::milliseconds>(timeout);
        g->impl_->store = c10::make_intrusive<c10d::TCPStore>(env.master_addr, so);
#ifdef USE_C10D_NCCL
        if (device.is_cuda()) {
            auto opts = c10d::ProcessGroupNCCL::Options::create();
            g->impl_->pg = c10::make_intrusive<c10d::ProcessGroupNCCL>(g->impl_->store, env.rank, env.world_size, opts);
            g->impl_->backend = "nccl";
            return g;
        }
#endif
        if (device.is_cuda())
            throw std::runtime_error("this build has no NCCL; CUDA data parallel needs a libtorch built with it");
        auto opts = c10d::ProcessGroupGloo::Options::create();
        opts->timeout = std::chrono::duration_cast<std::chrono::milliseconds>(timeout);
        // GLOO_SOCKET_IFNAME names the interface (as in PyTorch); loopback for a local run; else
        // the address the host name resolves to.
        if (const char* ifname = std::getenv("GLOO_SOCKET_IFNAME"); ifname && *ifname)
            opts->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(ifname));
        else if (env.master_addr == "127.0.0.1" || env.master_addr == "localhost")
            opts->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1"));
        else
            opts->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
        g->impl_->pg = c10::make_intrusive<c10d::ProcessGroupGloo>(g->impl_->store, env.rank, env.world_size, opts);
        g->impl_->backend = "gloo";
    } catch (const c10::Error& e) {
        throw std::runtime_error("torch.distributed rendezvous at " + env.master_addr + ":" + std::to_string(env.master_port) +
                                 " (rank " + std::to_string(env.rank) + " of " + std::to_string(env.world_size) +
                                 ") failed: " + e.what_without_backtrace());
    }
    return g;
#else
    (void)device;
    (void)timeout;
    throw std::runtime_error("WORLD_SIZE=" + std::to_string(env.world_size) +
                             " but this build has no torch.distributed (rebuild with libgloo-dev installed)");
#endif
}

void ProcessGroup::allReduceMean(const std::vector<torch::Tensor>& tensors, std::int64_t bucket_bytes) {
    if (env_.world_size == 1) return;
#ifdef STLLAVA_DISTRIBUTED
    torch::NoGradGuard no_grad;
    std::size_t i = 0;
    while (i < tensors.size()) {
        // One bucket: consecutive tensors of one dtype up to bucket_bytes.
        std::vector<torch::Tensor> bucket{tensors[i]};
        std::int64_t bytes = tensors[i].numel() * static_cast<std::int64_t>(tensors[i].element_size());
        std::size_t j = i + 1;
        while (j < tensors.size() && tensors[j].scalar_type() == tensors[i].scalar_type() &&
               bytes + tensors[j].numel() * static_cast<std::int64_t>(tensors[j].element_size()) <= bucket_bytes) {
            bytes += tensors[j].numel() * static_cast<std::int64_t>(tensors[j].element_size());
            bucket.push_back(tensors[j++]);
        }
        std::vector<torch::Tensor> flat_parts;
        for (const auto& t : bucket) flat_parts.push_back(t.reshape({-1}));
        std::vector<at::Tensor> flat{torch::cat(flat_parts)};  // [sum numel]
        impl_->pg->allreduce(flat)->wait();
        flat[0].div_(env_.world_size);
        std::int64_t off = 0;
        for (auto& t : bucket) {
            t.copy_(flat[0].narrow(0, off, t.numel()).view(t.sizes()));
            off += t.numel();
        }
        i = j;
    }
#else
    (void)tensors;
    (void)bucket_bytes;
#endif
}

void ProcessGroup::allReduceSum(torch::Tensor& t) {
    if (env_.world_size == 1) return;
#ifdef STLLAVA_DISTRIBUTED
    std::vector<at::Tensor> v{t};
    impl_->pg->allreduce(v)->wait();
#endif
}

void ProcessGroup::broadcast(const std::vector<torch::Tensor>& tensors, int root) {
    if (env_.world_size == 1) return;
#ifdef STLLAVA_DISTRIBUTED
    torch::NoGradGuard no_grad;
    for (const auto& t : tensors) {
        std::vector<at::Tensor> v{t.is_contiguous() ? t : t.contiguous()};
        c10d::BroadcastOptions o;
        o.rootRank = root;
        impl_->pg->broadcast(v, o)->wait();
        if (!t.is_contiguous()) t.copy_(v[0]);
    }
#else
    (void)tensors;
    (void)root;
#endif
}

void ProcessGroup::barrier() {
    if (env_.world_size == 1) return;
#ifdef STLLAVA_DISTRIBUTED
    impl_->pg->barrier()->wait();
#endif
}

}  // namespace stllava::training
