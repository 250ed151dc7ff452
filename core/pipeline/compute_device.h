// What the machine can compute on, and the thread count of CPU work, for front ends that must not
// include torch (the desktop application's settings and status bar). Implemented on libtorch.
#pragma once

#include <string>
#include <vector>

namespace stllava::pipeline {

struct ComputeFacts {
    int cpu_threads = 1;               // threads CPU kernels use now
    int cpu_cores = 1;                 // hardware threads of this machine
    std::vector<std::string> devices;  // "cpu" first, then "cuda:0", "cuda:1", ... when CUDA works
};

ComputeFacts computeFacts();

// Threads of CPU kernels (intra-op) for the whole process; n < 1 means one per hardware thread.
void setComputeThreads(int n);

}  // namespace stllava::pipeline
