#!/usr/bin/python3
"""Memory bandwidth of this machine as a decoder sees it, for bench/run_all.sh's bandwidth bound:
a large float32 gemv (y = W @ x, W bigger than every cache, the access pattern of one decode step)
and a large copy (read + write), best of several runs, with the given threads. Prints one JSON
object with bytes/s.
  /usr/bin/python3 bench/bandwidth.py [--threads 2] [--mb 512] [--repeats 5]
"""
import argparse
import json
import time

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
    print(json.dumps({"threads": torch.get_num_threads(), "matrix_bytes": bytes_w,
                      "gemv_bytes_per_s": bytes_w / t_gemv,
                      "copy_bytes_per_s": 2 * bytes_w / t_copy,  # read + write
                      "note": "gemv: W [%d, %d] float32 read once per y = W @ x; copy: read + write of the same bytes"
                              % (W.shape[0], cols)}))


if __name__ == "__main__":
    main()
