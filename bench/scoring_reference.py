#!/usr/bin/python3
"""Python anchor for bench_scoring: LLaVA-Med's scoring functions (tests/golden/llava_med_score.py,
re-created from llava/eval/eval_metrics/utils.py and run_eval.py) over the pairs bench_scoring
--pairs-out wrote, timed without the JSON load, then the same summary (open recall, closed
accuracy). Prints one JSON object.
  /usr/bin/python3 bench/scoring_reference.py PAIRS.json
"""
import json
import os
import resource
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "golden"))
import llava_med_score  # noqa: E402


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: scoring_reference.py PAIRS.json")
    try:
        with open(sys.argv[1], encoding="utf-8") as f:
            pairs = json.load(f)
    except (OSError, ValueError) as e:
        raise SystemExit(f"{sys.argv[1]}: {e}")
    t0 = time.perf_counter()
    scores = [llava_med_score.score_pair(p) for p in pairs]
    open_recall = [s["recall"] for p, s in zip(pairs, scores) if p["answer_type"] == "OPEN"]
    closed = [s["closed_hit"] for p, s in zip(pairs, scores) if p["answer_type"] == "CLOSED"]
    seconds = time.perf_counter() - t0
    print(json.dumps({"impl": "python3 LLaVA-Med scoring functions", "predictions": len(pairs), "threads": 1,
                      "seconds": seconds, "predictions_per_s": len(pairs) / seconds if seconds > 0 else 0,
                      "open_recall": sum(open_recall) / max(len(open_recall), 1),
                      "closed_accuracy": sum(closed) / max(len(closed), 1),
                      "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))


if __name__ == "__main__":
    main()
