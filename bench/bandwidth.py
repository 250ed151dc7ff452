#!/usr/bin/python3
"""Memory bandwidth of this machine as a decoder sees it, for bench/run_all.sh's bandwidth bound:
the read rate of a large float32 gemv (y = W @ x, W bigger than every cache, the access pattern of
one decode step), of a plain sum on one and on the given threads (torch), of numpy sums on one
thread per core at once, and a large copy (read + write); best of several runs each. The bound uses
the fastest read ("read_bytes_per_s"): the best any code here managed, still a measurement, not the
memory's specification. Prints one JSON object with bytes/s.
  /usr/bin/python3 bench/bandwidth.py [--threads 2] [--mb 512] [--repeats 5]
"""
import argparse
import json
import threading
import time

import numpy as np

import torch


def best_time(fn, repeats):
    fn()  # warm-up: pages touched, kernels chosen
    best = 1e30
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--mb", type=int, default=512)
    ap.add_argument("--repeats", type=int, default=5)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    n = a.mb * 1024 * 1024 // 4
    cols = 4096
    W = torch.randn(n // cols, cols)
    x = torch.randn(cols)
    y = torch.empty(n // cols)
    t_gemv = best_time(lambda: torch.mv(W, x, out=y), a.repeats)
    src = W.view(-1)
    dst = torch.empty_like(src)
    t_copy = best_time(lambda: dst.copy_(src), a.repeats)
    bytes_w = W.numel() * 4
    t_sum = best_time(lambda: src.sum(), a.repeats)
    torch.set_num_threads(1)
    t_sum1 = best_time(lambda: src.sum(), a.repeats)
    torch.set_num_threads(a.threads)
    arr = src.numpy()
    parts = np.array_split(arr, a.threads)

    def numpy_sums():  # numpy's reductions release the GIL: one thread per part, at once
        ts = [threading.Thread(target=np.add.reduce, args=(p,)) for p in parts]
        for t in ts:
            t.start()
        for t in ts:
            t.join()

    t_np = best_time(numpy_sums, a.repeats)
    reads = {"gemv_bytes_per_s": bytes_w / t_gemv, "torch_sum_bytes_per_s": bytes_w / t_sum,
             "torch_sum_1_thread_bytes_per_s": bytes_w / t_sum1, "numpy_parallel_sum_bytes_per_s": bytes_w / t_np}
    best = max(reads, key=reads.get)
    print(json.dumps({"threads": torch.get_num_threads(), "matrix_bytes": bytes_w, **reads,
                      "read_bytes_per_s": reads[best], "read_test": best,
                      "copy_bytes_per_s": 2 * bytes_w / t_copy,  # read + write
                      "note": "gemv: W [%d, %d] float32 read once per y = W @ x; sums read the same bytes; copy: read + "
                              "write of the same bytes" % (W.shape[0], cols)}))


if __name__ == "__main__":
    main()
