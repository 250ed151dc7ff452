// Data parallel over torch.distributed (c10d): rendezvous through a c10d::TCPStore from the
// variables torchrun and Slurm set, a Gloo process group on CPU (NCCL when built against a CUDA
// libtorch with USE_C10D_NCCL), gradient all-reduce in flat buckets, parameter broadcast, barrier.
// The c10d headers stay inside distributed.cpp. Without STLLAVA_DISTRIBUTED (no Gloo headers at
// build time) only world size 1 works; asking for more is an error that says so.
#pragma once

#include <torch/torch.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace stllava::training {

struct DistEnv {
    int rank = 0;
    int world_size = 1;
    int local_rank = 0;
    std::string master_addr = "127.0.0.1";
    int master_port = 29500;
};

// RANK / WORLD_SIZE / LOCAL_RANK (torchrun), else SLURM_PROCID / SLURM_NTASKS / SLURM_LOCALID;
// MASTER_ADDR (default 127.0.0.1) and MASTER_PORT (default 29500). Without any of them: world 1.
// Throws std::runtime_error for malformed or inconsistent values (names the variable).
DistEnv distEnvFromEnvironment();

class ProcessGroup {
public:
    // Rendezvous (rank 0 hosts the TCPStore) and a Gloo group (NCCL for CUDA devices when built
    // with it). world_size 1 needs no network and returns a group whose collectives do nothing.
    static std::unique_ptr<ProcessGroup> create(const DistEnv& env, const torch::Device& device,
                                                std::chrono::seconds timeout = std::chrono::seconds(300));
    ~ProcessGroup();
    int rank() const { return env_.rank; }
    int worldSize() const { return env_.world_size; }
    bool isMain() const { return env_.rank == 0; }
    const char* backend() const;

    // Averages the tensors over ranks in buckets of about bucket_bytes (each bucket flattened into
    // one tensor, all-reduced with SUM, divided by the world size, copied back).
    void allReduceMean(const std::vector<torch::Tensor>& tensors, std::int64_t bucket_bytes = 25 << 20);
    // In-place SUM of one tensor.
    void allReduceSum(torch::Tensor& t);
    // Copies rank `root`'s values into every rank's tensors (same order and shapes everywhere).
    void broadcast(const std::vector<torch::Tensor>& tensors, int root = 0);
    void barrier();

private:
    struct Impl;
    explicit ProcessGroup(const DistEnv& env);
    DistEnv env_;
    std::unique_ptr<Impl> impl_;
};

}  // namespace stllava::training
