#include "nn/threads.h"

#include <torch/torch.h>

#include <cstdlib>
#include <thread>

namespace stllava::nn {

int configureComputeThreads(int requested) {
    int n = requested;
    if (n <= 0) {
        if (const char* env = std::getenv("STLLAVA_THREADS"); env && *env) n = std::atoi(env);
    }
    if (n <= 0 && std::getenv("OMP_NUM_THREADS") == nullptr) n = static_cast<int>(std::thread::hardware_concurrency());
    if (n > 0) at::set_num_threads(n);
    return at::get_num_threads();
}

}  // namespace stllava::nn
