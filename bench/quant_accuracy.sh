#!/usr/bin/env bash
# The accuracy cost of `--quant int8` and `--quant q4` on the demo's three benchmarks (VQA-RAD, SLAKE,
# PathVQA shapes of the synthetic world): the same model answers each benchmark with float32 weights,
# int8 and q4 decoder linears (greedy, 32 new tokens, as the demo evaluates), LLaVA-Med's scoring of
# each run, and how many answers each quantised run shares word for word with the float32 run.
#
#   bench/quant_accuracy.sh [--demo DIR] [--stage stage1|stage2] [--build DIR] [--out DIR] [--scale small|default]
#
# --demo: a folder made by `stllava demo run` (made here at --scale, default small, when it holds no
# model of --stage yet). Writes OUT/quant-accuracy.json and OUT/quant-accuracy.md (the table
# bench/report.py puts into BENCHMARKS.md); the runs' predictions and reports stay under OUT.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$ROOT/build
DEMO=
OUT=$ROOT/build/bench-results
STAGE=stage1
SCALE=small
while [ $# -gt 0 ]; do
    case "$1" in
        --demo) DEMO=$2; shift 2 ;;
        --stage) STAGE=$2; shift 2 ;;
        --build) BUILD=$2; shift 2 ;;
        --out) OUT=$2; shift 2 ;;
        --scale) SCALE=$2; shift 2 ;;
        -h|--help) sed -n 2,12p "$0"; exit 0 ;;
        *) echo "quant_accuracy: unknown option $1" >&2; exit 2 ;;
    esac
done
case "$STAGE" in stage1|stage2) ;; *) echo "quant_accuracy: --stage is stage1 or stage2" >&2; exit 2 ;; esac
STLLAVA=$BUILD/bin/stllava
[ -x "$STLLAVA" ] || { echo "quant_accuracy: $STLLAVA is not built (ninja -C $BUILD stllava)" >&2; exit 2; }
[ -n "$DEMO" ] || DEMO=$OUT/quant-demo
MODEL=$DEMO/models/stllava-demo-$STAGE
mkdir -p "$OUT"
log() { echo "[quant_accuracy $(date +%H:%M:%S)] $*" >&2; }

if [ ! -f "$MODEL/config.json" ]; then
    log "no $STAGE model in $DEMO: stllava demo run --scale $SCALE (the whole pipeline; minutes)"
    "$STLLAVA" demo run --out "$DEMO" --scale "$SCALE" > "$OUT/quant-demo-run.log" 2>&1 ||
        { echo "quant_accuracy: stllava demo run failed; see $OUT/quant-demo-run.log" >&2; exit 1; }
fi
[ -f "$MODEL/config.json" ] || { echo "quant_accuracy: $MODEL has no config.json" >&2; exit 1; }

RUNS=$OUT/quant-runs
# name | benchmark file | image folder | --dataset (the demo's own three, core/demo/demo_run.cpp)
BENCHMARKS=(
    "vqa-rad|benchmarks/vqa-rad/VQA_RAD Dataset Public.json|benchmarks/vqa-rad/VQA_RAD Image Folder|vqa-rad"
    "slake|benchmarks/slake/test.json|benchmarks/slake/imgs|slake"
    "pathvqa|benchmarks/pathvqa/test.json|benchmarks/pathvqa/images|llava-med"
)
for quant in none int8 q4; do
    for entry in "${BENCHMARKS[@]}"; do
        IFS='|' read -r name data images format <<< "$entry"
        dir=$RUNS/$quant/$name
        mkdir -p "$dir"
        rm -f "$dir/predictions.jsonl"  # a fresh run each time (eval run would resume)
        log "$name, --quant $quant"
        start=$(date +%s.%N)
        "$STLLAVA" eval run --model "$MODEL" --benchmark "$DEMO/world/$data" --images "$DEMO/world/$images" \
            --dataset "$format" --max-new-tokens 32 --batch 8 --quant "$quant" \
            --out "$dir/predictions.jsonl" --report-dir "$dir/report" > "$dir/run.log" 2>&1 ||
            { echo "quant_accuracy: eval run failed ($name, $quant); see $dir/run.log" >&2; exit 1; }
        echo "$start $(date +%s.%N)" > "$dir/seconds"
    done
done

/usr/bin/env python3 - "$RUNS" "$OUT" "$MODEL" <<'PY'
import json, os, sys
runs, out, model = sys.argv[1:4]
names = ["vqa-rad", "slake", "pathvqa"]
quants = ["none", "int8", "q4"]

def load(quant, name):
    d = os.path.join(runs, quant, name)
    with open(os.path.join(d, "report", "report.json")) as f:
        rep = json.load(f)
    with open(os.path.join(d, "seconds")) as f:
        a, b = map(float, f.read().split())
    answers = {q["id"]: q["prediction"] for q in rep["questions"]}
    m = rep["metrics"]
    return {"open_recall": m["open_recall"]["value"], "closed_accuracy": m["closed_accuracy"]["value"],
            "n_open": rep["counts"]["open"], "n_closed": rep["counts"]["closed"],
            "seconds": round(b - a, 1), "answers": answers}

rows = {q: {n: load(q, n) for n in names} for q in quants}
result = {"model": model, "benchmarks": {}}
for n in names:
    base = rows["none"][n]
    result["benchmarks"][n] = {}
    for q in quants:
        r = rows[q][n]
        same = sum(1 for k, v in r["answers"].items() if base["answers"].get(k) == v)
        result["benchmarks"][n][q] = {
            "open_recall": r["open_recall"], "closed_accuracy": r["closed_accuracy"],
            "n_open": r["n_open"], "n_closed": r["n_closed"], "seconds": r["seconds"],
            "answers_equal_to_float32": same, "answers": len(r["answers"]),
        }
with open(os.path.join(out, "quant-accuracy.json"), "w") as f:
    json.dump(result, f, indent=1)

def fmt(v):
    return "—" if v is None else f"{v:.1f}"

lines = ["| benchmark | weights | open recall (%) | closed accuracy (%) | Δ open | Δ closed | answers equal to float32 | run (s) |",
         "|---|---|---:|---:|---:|---:|---:|---:|"]
for n in names:
    b = result["benchmarks"][n]
    for q in quants:
        r = b[q]
        d_open = "" if q == "none" or r["open_recall"] is None else f"{r['open_recall'] - b['none']['open_recall']:+.1f}"
        d_closed = "" if q == "none" or r["closed_accuracy"] is None else f"{r['closed_accuracy'] - b['none']['closed_accuracy']:+.1f}"
        label = {"none": "float32", "int8": "int8 (`--quant int8`)", "q4": "q4 (`--quant q4`)"}[q]
        lines.append(f"| {n} ({r['n_open']} open, {r['n_closed']} closed) | {label} | {fmt(r['open_recall'])} | "
                     f"{fmt(r['closed_accuracy'])} | {d_open} | {d_closed} | {r['answers_equal_to_float32']} of {r['answers']} | {r['seconds']} |")
with open(os.path.join(out, "quant-accuracy.md"), "w") as f:
    f.write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
