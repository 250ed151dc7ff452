// How long libtorch's OpenMP threads spin before they sleep. On a CPU where libtorch's OpenMP pool
// and OpenBLAS's own threads share the cores, OpenMP threads that spin (libgomp's default, about
// 300,000 turns after each parallel region) take the cores OpenBLAS's matrix products need, and
// OpenBLAS's yielding threads take them back: on 2 cores that was 60% of an SFT step's time in
// spinning and sched_yield (perf). GOMP_SPINCOUNT=2000 measured (100M model, 2 threads): SFT 106 ->
// 201 tokens/s, DPO 0.58 -> 0.94 pairs/s, prefill 480 -> 750 tokens/s, first token with an image
// 0.95 -> 0.26 s, decode at batch 1 level (58.8 / 59.0 tokens/s); OMP_WAIT_POLICY=passive lost 7%
// of decode. libgomp reads the setting once, as it loads, so a program sets GOMP_SPINCOUNT and
// executes itself again first thing. A user's own OMP_WAIT_POLICY or GOMP_SPINCOUNT is kept, and
// STLLAVA_KEEP_OMP_SPIN=1 keeps libgomp's default.
#pragma once

namespace stllava {

inline constexpr const char* kOpenMpSpinCount = "2000";

// Call first in main(). Returns only when nothing is to change or the new image could not be
// started (then the process goes on with libgomp's default; the reason is on stderr).
void restartWithShortOpenMpSpin(char** argv);

}  // namespace stllava
