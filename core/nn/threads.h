// How many CPU threads libtorch's own kernels use. Debian's libtorch starts with one OpenMP thread
// on some machines even when more cores exist; programs call this once at start-up.
#pragma once

namespace stllava::nn {

// requested > 0: use that many; 0: $STLLAVA_THREADS, else $OMP_NUM_THREADS (left to OpenMP),
// else all hardware threads. Returns the count in effect.
int configureComputeThreads(int requested = 0);

}  // namespace stllava::nn
