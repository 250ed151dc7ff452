#!/bin/bash
# One command for every benchmark and its anchors, measured in the same run, then BENCHMARKS.md and
# bench-results.json (bench/report.py). Workloads: prefill, decode at batch 1 and 16, time to first
# token with an image, the stage-2 workload, SFT tokens/s, DPO pairs/s (cached reference), the DICOM
# path, scoring 1M predictions. Anchors: eager PyTorch (bench/eager_llava.py, reference_training.py),
# llama.cpp through npm's node-llama-cpp (bench/gguf_writer.py + llama_cpp_anchor.mjs), pydicom +
# numpy + PIL (imaging_reference.py), LLaVA-Med's Python scoring (scoring_reference.py) and the
# memory-bandwidth bound (bandwidth.py). An anchor that cannot run is reported "not measured: why".
#
#   bench/run_all.sh [--configs demo,100M] [--with-1B] [--quick] [--threads 2] [--build DIR]
#                    [--out DIR] [--report-dir DIR] [--no-install] [--strict] [--demo DIR]
#   --configs     model configurations, comma-separated, of demo, 100M, 1B (default demo,100M)
#   --with-1B     add the ~1.1B configuration (needs ~10 GB of memory and ~10 more minutes here)
#   --quick       short prompts, few tokens, few images and steps: checks the runner works, the
#                 figures are not measurements
#   --build DIR   the build folder holding bin/bench_* (default: <repo>/build)
#   --out DIR     raw outputs of every step (default: <repo>/build/bench-run)
#   --report-dir  where BENCHMARKS.md and bench-results.json go (default: the repository root)
#   --no-install  do not npm-install node-llama-cpp when it is missing (llama.cpp: not measured)
#   --strict      exit 1 when one of our rows is not measured or the eager anchor's logits differ
#   --demo DIR    a `stllava demo run` folder for the accuracy cost of --quant (bench/quant_accuracy.sh;
#                 full runs only); without it a small demo is made under --out (about 4 minutes)
# Environment: STLLAVA_BENCH_NODE_DIR (default ~/.cache/stllava-bench/node) holds node-llama-cpp;
# STLLAVA_BENCH_STEP_TIMEOUT (default 1800 s) limits each step.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$ROOT/build
OUT=
REPORT_DIR=$ROOT
CONFIGS=demo,100M
QUICK=0
THREADS=2
INSTALL=1
STRICT=
DEMO=
COMMAND="bench/run_all.sh $*"
while [ $# -gt 0 ]; do
    case "$1" in
        --configs) CONFIGS=$2; shift 2 ;;
        --with-1B) CONFIGS="$CONFIGS,1B"; shift ;;
        --quick) QUICK=1; shift ;;
        --threads) THREADS=$2; shift 2 ;;
        --build) BUILD=$(cd "$2" && pwd); shift 2 ;;
        --out) OUT=$2; shift 2 ;;
        --report-dir) REPORT_DIR=$2; shift 2 ;;
        --no-install) INSTALL=0; shift ;;
        --strict) STRICT=--strict; shift ;;
        --demo) DEMO=$(cd "$2" && pwd); shift 2 ;;
        -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
        *) echo "run_all.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
[ -n "$OUT" ] || OUT=$BUILD/bench-run
BIN=$BUILD/bin
PY=/usr/bin/python3
NODE_DIR=${STLLAVA_BENCH_NODE_DIR:-$HOME/.cache/stllava-bench/node}
STEP_TIMEOUT=${STLLAVA_BENCH_STEP_TIMEOUT:-1800}
for c in ${CONFIGS//,/ }; do
    case "$c" in demo|100M|1B) ;; *) echo "run_all.sh: unknown configuration '$c' (demo, 100M, 1B)" >&2; exit 2 ;; esac
done
for b in bench_model bench_training bench_imaging bench_stage2 bench_scoring; do
    [ -x "$BIN/$b" ] || echo "run_all.sh: $BIN/$b is missing (build it: ninja -C $BUILD $b); its rows will say so" >&2
done
mkdir -p "$OUT" "$REPORT_DIR" || exit 1
RAW=$(cd "$OUT" && pwd)
rm -f "$RAW"/*.out "$RAW"/*.log "$RAW"/*.rc "$RAW"/*.time "$RAW"/*.skip
export STLLAVA_THREADS=$THREADS OMP_NUM_THREADS=$THREADS MKL_NUM_THREADS=$THREADS

# Sizes: full run / quick run.
if [ "$QUICK" = 1 ]; then
    PROMPT=64; NEW=8; NEW16=4; IMAGES=10; SCORE_N=20000; SCORE_PY=20000; TRAIN_STEPS=1; TRAIN_SEQ=32
    STAGE2="--images 1 --describe-tokens 8 --question-tokens 4 --answer-tokens 8"; BW_MB=128
else
    PROMPT=512; NEW=32; NEW16=16; IMAGES=100; SCORE_N=1000000; SCORE_PY=200000; TRAIN_STEPS=3; TRAIN_SEQ=128
    STAGE2="--images 2"; BW_MB=512
fi

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
# run_step NAME CMD...: stdout -> NAME.out, stderr -> NAME.log, exit status -> NAME.rc, peak RSS and
# times -> NAME.time (/usr/bin/time -v).
run_step() {
    local name=$1
    shift
    log "$name: $*"
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -v -o "$RAW/$name.time" timeout "$STEP_TIMEOUT" "$@" > "$RAW/$name.out" 2> "$RAW/$name.log"
    else
        timeout "$STEP_TIMEOUT" "$@" > "$RAW/$name.out" 2> "$RAW/$name.log"
    fi
    local rc=$?
    echo $rc > "$RAW/$name.rc"
    [ $rc = 0 ] || log "$name: exit status $rc (see $RAW/$name.log)"
    return $rc
}
# skip_step NAME REASON: the row says "not measured: REASON".
skip_step() { log "$1: not measured: $2"; echo "$2" > "$RAW/$1.skip"; }

# node-llama-cpp (llama.cpp's prebuilt CPU binaries), installed outside the repository on first use.
LLAMA_REASON=
ensure_node_llama_cpp() {
    if [ -f "$NODE_DIR/node_modules/node-llama-cpp/dist/index.js" ]; then return 0; fi
    if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
        LLAMA_REASON="node/npm not installed"; return 1
    fi
    if [ "$INSTALL" = 0 ]; then LLAMA_REASON="node-llama-cpp not installed in $NODE_DIR (--no-install)"; return 1; fi
    mkdir -p "$NODE_DIR"
    log "installing node-llama-cpp into $NODE_DIR"
    if ! (cd "$NODE_DIR" && timeout 900 npm install --no-audit --no-fund node-llama-cpp@3 > "$RAW/npm_install.log" 2>&1); then
        LLAMA_REASON="npm install node-llama-cpp failed: $(tail -n 3 "$RAW/npm_install.log" | tr '\n' ' ' | cut -c1-300)"
        return 1
    fi
    [ -f "$NODE_DIR/node_modules/node-llama-cpp/dist/index.js" ] || { LLAMA_REASON="npm install left no node-llama-cpp"; return 1; }
}

cat /proc/loadavg > "$RAW/load_start.txt"
pgrep -c -f 'cc1plus' > "$RAW/compilers_start.txt" 2>/dev/null || echo 0 > "$RAW/compilers_start.txt"
START=$(date -u +%Y-%m-%dT%H:%M:%SZ)

run_step bandwidth $PY "$ROOT/bench/bandwidth.py" --threads "$THREADS" --mb "$BW_MB"
ensure_node_llama_cpp || log "llama.cpp: not measured: $LLAMA_REASON"

for C in ${CONFIGS//,/ }; do
    M=$RAW/model_$C
    rm -rf "$M"
    if [ "$C" = 1B ]; then
        # ours and each anchor hold the 4.4 GB of float32 weights (loading: about twice that)
        AVAIL_GB=$(awk '/MemAvailable/ {print int($2 / 1048576)}' /proc/meminfo)
        if [ "${AVAIL_GB:-0}" -lt 12 ]; then
            for s in save ours_model eager llamacpp_1B_f32 llamacpp_1B_q8_0 llamacpp_1B_q4_0 stage2 train_ours train_py; do
                case "$s" in llamacpp_*) n=$s ;; *) n=${s}_1B ;; esac
                skip_step "$n" "only ${AVAIL_GB} GB of memory available, the 1B configuration needs 12 GB"
            done
            continue
        fi
    fi
    P=$PROMPT
    [ "$C" = demo ] && [ "$QUICK" = 0 ] && P=256  # the demo model's sequences are short
    if run_step "save_$C" "$BIN/bench_model" --only "$C" --save "$M"; then
        run_step "ours_model_$C" "$BIN/bench_model" --only "$C" --model "$M" --prompt-tokens "$P" --new-tokens "$NEW"
        # Our weight-only quantised decoder linears, beside llama.cpp's Q8_0 / Q4_0 below.
        for Q in int8 q4; do
            run_step "ours_model_${C}_$Q" "$BIN/bench_model" --only "$C" --model "$M" --prompt-tokens "$P" --new-tokens "$NEW" --quant "$Q"
        done
        # bench_model halves the batch-16 tokens for 100M/1B; the anchors get the same count
        N16=$NEW16
        [ "$C" = demo ] && N16=$NEW
        run_step "eager_$C" $PY "$ROOT/bench/eager_llava.py" "$M" --threads "$THREADS" --prompt-tokens "$P" \
            --new-tokens "$NEW" --new-tokens-16 "$N16"
        for T in f32 q8_0 q4_0; do
            if [ -n "$LLAMA_REASON" ]; then skip_step "llamacpp_${C}_$T" "$LLAMA_REASON"; continue; fi
            if run_step "gguf_${C}_$T" $PY "$ROOT/bench/gguf_writer.py" "$M" "$M/model-$T.gguf" --type "$T"; then
                run_step "llamacpp_${C}_$T" node "$ROOT/bench/llama_cpp_anchor.mjs" "$NODE_DIR" "$M/model-$T.gguf" "$M" \
                    --threads "$THREADS" --prompt-tokens "$P" --new-tokens "$NEW" --new-tokens-16 "$N16"
                # ggml's threads spin at their barriers: with every core shared (other builds on this
                # machine) one thread can beat two, so llama.cpp is also measured on one.
                [ "$THREADS" = 1 ] || run_step "llamacpp1_${C}_$T" node "$ROOT/bench/llama_cpp_anchor.mjs" "$NODE_DIR" \
                    "$M/model-$T.gguf" "$M" --threads 1 --prompt-tokens "$P" --new-tokens "$NEW" --new-tokens-16 "$N16"
            else
                skip_step "llamacpp_${C}_$T" "the GGUF writer failed: $(tail -n 1 "$RAW/gguf_${C}_$T.log")"
            fi
            rm -f "$M/model-$T.gguf"
        done
    else
        for s in "ours_model_$C" "eager_$C" "llamacpp_${C}_f32" "llamacpp_${C}_q8_0" "llamacpp_${C}_q4_0"; do
            skip_step "$s" "bench_model --save failed: $(tail -n 1 "$RAW/save_$C.log")"
        done
    fi
    rm -f "$M/model.safetensors"  # the anchors are done with it (1B: 5 GB)

    if [ "$C" = 1B ]; then
        skip_step "stage2_$C" "bench_stage2 has no 1B configuration (16 requests per image at ~2 tokens/s: ~15 min per image)"
        skip_step "train_ours_$C" "full fine-tuning of 1.1B in float32 needs ~18 GB per process (weights, gradients, AdamW moments), two processes do not fit 23 GB"
        skip_step "train_py_$C" "as for ours: ~18 GB per process"
        continue
    fi
    run_step "stage2_$C" "$BIN/bench_stage2" --only "$C" $STAGE2
    STEPS=$TRAIN_STEPS
    if [ "$C" = demo ]; then
        SHAPE="--vocab 1000 --hidden 128 --layers 2 --heads 4 --inter 344"
        # a demo step takes ~20 ms: three of them measured start-up noise (3 steps against 20 here:
        # ours 8,020 against 13,994 tokens/s, eager 5,942 against 9,816), so ten times as many
        STEPS=$((TRAIN_STEPS * 10))
    else
        SHAPE="--vocab 32000 --hidden 768 --layers 8 --heads 12 --inter 2048"
    fi
    run_step "train_ours_$C" "$BIN/bench_training" $SHAPE --seq "$TRAIN_SEQ" --batch 2 --steps "$STEPS" \
        --threads "$THREADS" --no-python
    run_step "train_py_$C" $PY "$ROOT/bench/reference_training.py" $SHAPE --seq "$TRAIN_SEQ" --batch 2 \
        --steps "$STEPS" --threads "$THREADS"
done

# The DICOM path: one thread each (pydicom + numpy + PIL runs on one), the same files.
rm -rf "$RAW/dicom"
mkdir -p "$RAW/dicom"
if run_step imaging_ours "$BIN/bench_imaging" "$IMAGES" --threads 1 --dir "$RAW/dicom" --no-python; then
    run_step imaging_py $PY "$ROOT/bench/imaging_reference.py" "$RAW/dicom"
else
    skip_step imaging_py "bench_imaging did not write the DICOM files"
fi
rm -rf "$RAW/dicom"

# Scoring: ours on SCORE_N predictions, LLaVA-Med's Python functions on the first SCORE_PY of them.
if run_step scoring_ours "$BIN/bench_scoring" "$SCORE_N" --pairs-out "$RAW/pairs.json" --pairs "$SCORE_PY"; then
    run_step scoring_py $PY "$ROOT/bench/scoring_reference.py" "$RAW/pairs.json"
else
    skip_step scoring_py "bench_scoring did not write the pairs"
fi
rm -f "$RAW/pairs.json"

# The accuracy cost of --quant int8 / q4 on the demo's three benchmarks (not in quick runs).
if [ "$QUICK" = 0 ]; then
    run_step quant_accuracy "$ROOT/bench/quant_accuracy.sh" --build "$BUILD" --out "$RAW" ${DEMO:+--demo "$DEMO"}
fi

run_step bandwidth_end $PY "$ROOT/bench/bandwidth.py" --threads "$THREADS" --mb "$BW_MB"
cat /proc/loadavg > "$RAW/load_end.txt"
pgrep -c -f 'cc1plus' > "$RAW/compilers_end.txt" 2>/dev/null || echo 0 > "$RAW/compilers_end.txt"
$PY "$ROOT/bench/report.py" "$RAW" --configs "$CONFIGS" --quick "$QUICK" --threads "$THREADS" --start "$START" \
    --command "$COMMAND" --md "$REPORT_DIR/BENCHMARKS.md" --json "$REPORT_DIR/bench-results.json" --repo "$ROOT" $STRICT
