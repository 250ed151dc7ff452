// Where this process stands in a multi-process launch, from the variables torchrun (RANK,
// WORLD_SIZE, LOCAL_RANK, MASTER_ADDR, MASTER_PORT) or Slurm (SLURM_PROCID, SLURM_NTASKS,
// SLURM_LOCALID) set; torchrun's win when both are there. Without any: one process (rank 0 of 1).
// One reader for training (torch.distributed), evaluation shards and stage-2 shards.
#pragma once

#include <string>

namespace stllava {

struct LaunchEnv {
    int rank = 0;
    int world_size = 1;
    int local_rank = 0;
    std::string master_addr = "127.0.0.1";
    int master_port = 29500;
};

// Throws std::invalid_argument naming the variable for malformed or inconsistent values.
LaunchEnv launchEnvFromEnvironment();

}  // namespace stllava
