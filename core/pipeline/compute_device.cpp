#include "pipeline/compute_device.h"

#include <torch/torch.h>

#include <algorithm>
#include <thread>

namespace stllava::pipeline {

ComputeFacts computeFacts() {
    ComputeFacts f;
    f.cpu_threads = static_cast<int>(torch::get_num_threads());
    f.cpu_cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    f.devices.push_back("cpu");
    if (torch::cuda::is_available())
        for (std::size_t i = 0; i < torch::cuda::device_count(); ++i) f.devices.push_back("cuda:" + std::to_string(i));
    return f;
}

void setComputeThreads(int n) {
    if (n < 1) n = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(n);
}

}  // namespace stllava::pipeline
