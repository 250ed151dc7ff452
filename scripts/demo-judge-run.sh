#!/usr/bin/env bash
# A learned judge for the demo, judged through the real pipeline (docs/demo.md, "A learned judge"):
#   1. `stllava demo judge-data`: the oracle's verdicts on DEMO's stage-2 items as SFT data (both
#      answer orders, the judge client's exact request text), a held-out share of the images;
#   2. `stllava train sft`: the demo's stage-1 model fine-tuned on it -> DEMO/models/stllava-demo-judge;
#   3. `stllava serve` on that model (127.0.0.1, a bearer token from STLLAVA_SERVE_TOKEN, made up
#      when unset);
#   4. `stllava selftrain judge` + `selftrain pairs` on a fresh copy of the trained-on items and of
#      the held-out items;
#   5. the figures: parse rate, agreement of the two orders (position bias), ties, pairs, requests/s,
#      and how often the learned judge's verdict is the oracle's.
# Usage: scripts/demo-judge-run.sh DEMO_DIR [--steps N] [--holdout-share F] [--concurrency N] [--retrain]
# Environment: STLLAVA (the program; default build/bin/stllava next to this script's repository),
# STLLAVA_THREADS (torch threads for training and serving; default 1, faster on the demo's small
# matrices), STLLAVA_SERVE_TOKEN. Writes DEMO/judge/, DEMO/train/judge/, DEMO/models/stllava-demo-judge/.
set -euo pipefail

usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 1 ] || usage
DEMO=$(cd "$1" && pwd) || { echo "demo-judge-run: $1: no such folder" >&2; exit 3; }
shift
STEPS=() HOLDOUT=() CONCURRENCY=4 RETRAIN=0
while [ $# -gt 0 ]; do
  case "$1" in
    --steps) STEPS=(--steps "$2"); shift 2 ;;
    --holdout-share) HOLDOUT=(--holdout-share "$2"); shift 2 ;;
    --concurrency) CONCURRENCY=$2; shift 2 ;;
    --retrain) RETRAIN=1; shift ;;
    *) usage ;;
  esac
done
ROOT=$(cd "$(dirname "$0")/.." && pwd)
STLLAVA=${STLLAVA:-$ROOT/build/bin/stllava}
THREADS=${STLLAVA_THREADS:-1}
[ -x "$STLLAVA" ] || { echo "demo-judge-run: $STLLAVA: not an executable (set STLLAVA)" >&2; exit 3; }
command -v python3 > /dev/null || { echo "demo-judge-run: python3 is needed for the figures" >&2; exit 3; }
MODEL=$DEMO/models/stllava-demo-judge
JUDGE=$DEMO/judge
T0=$(date +%s)

echo "== 1. judge data" >&2
"$STLLAVA" demo judge-data --demo "$DEMO" "${STEPS[@]}" "${HOLDOUT[@]}"

echo "== 2. training (stllava train sft, $THREADS thread(s))" >&2
DATA_SHA=$(cat "$JUDGE/judge-sft.json" "$JUDGE/train-config.json" | sha256sum | cut -d' ' -f1)  # data and settings
if [ "$RETRAIN" = 1 ] || [ ! -f "$MODEL/model.safetensors" ] || [ "$(cat "$MODEL/judge-sft.sha256" 2> /dev/null)" != "$DATA_SHA" ]; then
  rm -rf "$DEMO/train/judge"  # the data was (re)written: no stale checkpoint is resumed
  T1=$(date +%s)
  "$STLLAVA" --threads "$THREADS" train sft --config "$JUDGE/train-config.json" | grep --line-buffered -E 'step|finished|checkpoint' | awk 'NR % 10 == 0 || /finished/ { print; fflush() }' >&2
  TRAIN_S=$(( $(date +%s) - T1 ))
  rm -rf "$MODEL.part" && cp -r "$DEMO/train/judge/model" "$MODEL.part" && echo "$DATA_SHA" > "$MODEL.part/judge-sft.sha256"
  rm -rf "$MODEL" && mv "$MODEL.part" "$MODEL"
  echo "trained in ${TRAIN_S} s -> $MODEL" >&2
else
  TRAIN_S=0
  echo "kept $MODEL (trained on this very data and config; --retrain to train again)" >&2
fi

echo "== 3. serve" >&2
export STLLAVA_SERVE_TOKEN=${STLLAVA_SERVE_TOKEN:-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')}
SERVE_LOG=$JUDGE/serve.log
"$STLLAVA" --threads "$THREADS" serve --model "$MODEL" --host 127.0.0.1 --port 0 --model-id stllava-demo-judge \
  --max-batch 8 2> "$SERVE_LOG" &
SERVE_PID=$!
trap 'kill "$SERVE_PID" 2> /dev/null || true; wait "$SERVE_PID" 2> /dev/null || true' EXIT
PORT=
for _ in $(seq 1 300); do
  PORT=$(sed -n 's#^serving .* on http://127\.0\.0\.1:\([0-9]*\) .*#\1#p' "$SERVE_LOG" | head -n 1)
  [ -n "$PORT" ] && break
  kill -0 "$SERVE_PID" 2> /dev/null || { cat "$SERVE_LOG" >&2; echo "demo-judge-run: serve ended" >&2; exit 1; }
  sleep 0.2
done
[ -n "$PORT" ] || { echo "demo-judge-run: serve did not start" >&2; exit 1; }
echo "serving $MODEL on 127.0.0.1:$PORT (bearer token required)" >&2

echo "== 4. judge" >&2
RUNS=()
for split in train heldout; do
  [ -d "$JUDGE/jobs/$split" ] || continue
  run=$JUDGE/runs/$split
  rm -rf "$run" && mkdir -p "$JUDGE/runs" && cp -r "$JUDGE/jobs/$split" "$run"
  STLLAVA_JUDGE_API_KEY=$STLLAVA_SERVE_TOKEN "$STLLAVA" selftrain judge --job "$run" \
    --base-url "http://127.0.0.1:$PORT/v1" --judge-model stllava-demo-judge --no-keychain \
    --concurrency "$CONCURRENCY" 2>&1 | tail -n 2 >&2 || echo "demo-judge-run: selftrain judge exited non-zero (failed requests are in $run/judgements.jsonl)" >&2
  "$STLLAVA" selftrain pairs --job "$run" > "$run/pairs.txt"
  RUNS+=("$split=$run")
done
kill "$SERVE_PID" && wait "$SERVE_PID" 2> /dev/null || true
trap - EXIT
tail -n 1 "$SERVE_LOG" >&2

echo "== 5. figures" >&2
python3 - "$DEMO" "$TRAIN_S" "$(( $(date +%s) - T0 ))" "${RUNS[@]}" << 'EOF'
import json, os, sys

demo, train_s, total_s, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
failed = 0

def read_jsonl(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]

def per_order(judgements):
    return {(j["item_id"], j["order"]): (j["first_score"], j["second_score"]) for j in judgements if j["status"] == "ok"}

def sign(scores):
    return (scores[0] > scores[1]) - (scores[0] < scores[1])

def verdicts(judgements):
    # Per item: the two orders' scores averaged per answer -> 1, 2 or 0 (tie); only items with both orders parsed.
    per = {}
    for j in judgements:
        if j["status"] == "ok":
            per.setdefault(j["item_id"], {})[j["order"]] = (j["first_score"], j["second_score"])
    out = {}
    for item, o in per.items():
        if "12" in o and "21" in o:
            a1 = (o["12"][0] + o["21"][1]) / 2
            a2 = (o["12"][1] + o["21"][0]) / 2
            out[item] = 0 if a1 == a2 else (1 if a1 > a2 else 2)
    return out

oracle_judgements = read_jsonl(os.path.join(demo, "selftrain", "judgements.jsonl"))
oracle, oracle_orders = verdicts(oracle_judgements), per_order(oracle_judgements)
print(f"learned judge {demo}/models/stllava-demo-judge: trained in {train_s} s; whole script {total_s} s")
for split_run in runs:
    split, run = split_run.split("=", 1)
    s = json.load(open(os.path.join(run, "judge_summary.json")))
    p = json.load(open(os.path.join(run, "pairs.report.json")))
    r, b = s["run"], s["order_bias"]
    learned_judgements = read_jsonl(os.path.join(run, "judgements.jsonl"))
    learned, learned_orders = verdicts(learned_judgements), per_order(learned_judgements)
    keys = [k for k in learned_orders if k in oracle_orders]
    same_order = sum(sign(learned_orders[k]) == sign(oracle_orders[k]) for k in keys)
    exact_order = sum(learned_orders[k] == oracle_orders[k] for k in keys)
    common = [i for i in learned if i in oracle]
    same = sum(learned[i] == oracle[i] for i in common)
    decisive = [i for i in common if oracle[i] != 0]
    same_decisive = sum(learned[i] == oracle[i] for i in decisive)
    n = r["judgements_written"]
    print(f"\n[{split}] {p['items']} items, {n} requests in {r['seconds']:.1f} s = {r['judgements_per_second']:.2f} requests/s")
    print(f"  parsed {r['ok']} of {n} ({100.0 * r['ok'] / max(n, 1):.1f} %), unparseable {r['unparseable']}, failed {r['failed']}")
    print(f"  both orders parsed: {b['items_with_both_orders']} items; orders agree {b['orders_agree']}, flip {b['order_flips']} "
          f"(flip rate {100.0 * b['order_flip_rate']:.1f} %); first-shown answer won {b['first_shown_won']} of "
          f"{b['decisive_judgements']} decisive judgements ({100.0 * b['first_shown_win_rate']:.1f} %)")
    reasons = p["reasons"]
    print(f"  pairs: {p['statuses'].get('auto_accepted', 0)} auto-accepted, {p['statuses'].get('needs_review', 0)} to review "
          f"({reasons.get('tie', 0)} ties, {reasons.get('order_flip', 0)} order flips), {p['statuses'].get('rejected', 0)} rejected")
    print(f"  verdict (both orders averaged) equal to the oracle's: {same} of {len(common)} items"
          f" ({100.0 * same / max(len(common), 1):.1f} %); on the {len(decisive)} items the oracle did not tie: {same_decisive}")
    print(f"  per judgement: the oracle's verdict in {same_order} of {len(keys)} ({100.0 * same_order / max(len(keys), 1):.1f} %),"
          f" its very scores in {exact_order}")
    print(f"  tokens: {r['prompt_tokens']} prompt + {r['completion_tokens']} completion")
    failed += r["failed"]
if failed:
    print(f"\n{failed} requests failed (see the runs' judgements.jsonl and DEMO/judge/serve.log)", file=sys.stderr)
    sys.exit(1)
EOF
