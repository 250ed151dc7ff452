#!/usr/bin/env bash
# The sanitizer suite: builds the core and its tests with AddressSanitizer + UndefinedBehaviorSanitizer
# (clang from Debian, -fsanitize=address,undefined -fno-sanitize-recover=undefined
# -fno-omit-frame-pointer: CMake option STLLAVA_SANITIZE) in a build folder of its own, runs the tests
# through ctest and fails on any sanitizer report, in a test or in any process a test starts.
#
#   scripts/sanitize.sh [-a] [-R REGEX] [-j JOBS] [-b BUILD_DIR] [-f SECONDS]
#     (default)  the torch-free core suites plus the tokenizer and safetensors suites (the list
#                `core_suites` below: what CI runs)
#     -a         every target and every test of the project (the whole build instrumented)
#     -R REGEX   only the suites whose name matches (passed to ctest; with the default list, only
#                the matching suites are built)
#     -j JOBS    build and ctest parallelism (default 2)
#     -b DIR     build folder (default <repo>/build-asan, with -f <repo>/build-asan-fuzz)
#     -f SECONDS also a fuzz pass: the folder is configured as the fuzz build (STLLAVA_FUZZ: the same
#                sanitizers plus libFuzzer's coverage hooks, which the tests run with unharmed), so
#                one build gives both the suites and tests/fuzz's targets; after the suites,
#                tests/fuzz/run_fuzzers.sh runs each target for SECONDS, two targets at a time
#                (exit 1 on a finding;
#                0: build the targets, run none)
#
# Reports: ASan, LSan and UBSan write each report to BUILD_DIR/sanitizer-reports/<tool>.<pid>
# (log_path), so a report from a child process whose exit status a test does not look at still
# fails the run; the script prints every report at the end. Suppressions, for proven third-party
# reports only, each with the reason: scripts/sanitizer-suppressions/.
#
# The tokenizer under ASan: sentencepiece must stay isolated from libtorch's protobuf (see
# core/tokenizer/CMakeLists.txt): the bridge library is opened with RTLD_DEEPBIND, which ASan's
# dlopen interceptor refuses (it aborts the process). In the sanitizer build,
# core/tokenizer/tokenizer.cpp opens the bridge with libc's own dlopen (looked up in libc.so.6), so
# the isolation is the same as in the release build and test_tokenizer still proves tokenizer and
# libtorch working in one process, under ASan. The bridge itself is instrumented; what is not
# checked are the calls that the deep-bound bridge and sentencepiece make straight into libc
# (malloc/free, memcpy, ...), i.e. the inside of Debian's uninstrumented sentencepiece.
# One consequence was measured: deep binding splits sentencepiece's own allocations between
# libstdc++'s operator new and ASan's operator delete (libsentencepiece's absl flag registration,
# run when the bridge loads, frees with ASan's delete a block libstdc++'s new took from malloc), an
# "alloc-dealloc-mismatch" of the isolation, not of any code. The suites that load the bridge
# (`tokenizer_suites`) therefore run in a second ctest pass with alloc_dealloc_mismatch=0, every
# other check on; all other suites keep that check too. With -a, the core list (less the
# tokenizer's) runs first with every check; the rest of the project, where nearly every suite
# loads the bridge, runs in the second pass.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Torch-free core parts and their suites (imaging, DICOM, metrics, evaluation readers and reports,
# prompt, synthetic world, selftrain parsers, review store, judge client) plus the tokenizer beside
# libtorch and the safetensors reader. The server protocol (its library links the whole pipeline)
# is covered by the fuzz pass's server_request target, which compiles the protocol on its own.
core_suites=(
  test_tokenizer test_prompt test_safetensors
  test_metrics test_metrics_golden test_eval_readers test_report
  test_windowing test_imaging_raster test_imaging_codecs
  test_dicom_loader test_dicom_errors test_dicom_deid test_dicom_pydicom test_structured_report
  test_synthetic_images test_oracle test_synthetic_world test_oracle_judge_job
  test_selftrain_scores test_selftrain_records test_selftrain_pairs
  test_review_store test_judge_client test_moved_path
)
# The suites that load the tokenizer bridge (see above).
tokenizer_suites=(test_tokenizer test_prompt)
fuzz_targets=(safetensors dicom benchmark dataset judge_reply pair_import server_request)

all=0
regex=""
jobs=2
build=""
fuzz_seconds=""
while getopts aR:j:b:f: opt; do
  case $opt in
    a) all=1 ;;
    R) regex=$OPTARG ;;
    j) jobs=$OPTARG ;;
    b) build=$OPTARG ;;
    f) fuzz_seconds=$OPTARG ;;
    *) sed -n '7,20p' "$0" >&2; exit 2 ;;
  esac
done
if [ -n "$fuzz_seconds" ]; then
  build=${build:-$here/build-asan-fuzz}
  mode=(-DSTLLAVA_FUZZ=ON -DSTLLAVA_SANITIZE=OFF)
else
  build=${build:-$here/build-asan}
  mode=(-DSTLLAVA_FUZZ=OFF -DSTLLAVA_SANITIZE=ON)
fi
mkdir -p "$build"
build=$(cd "$build" && pwd)  # absolute: run_fuzzers.sh runs each target from a folder of its own
command -v clang++ >/dev/null || { echo "sanitize: clang++ is missing (scripts/setup.sh installs it)" >&2; exit 2; }

export CCACHE_BASEDIR="$here"
export CCACHE_SLOPPINESS="pch_defines,time_macros,include_file_mtime,include_file_ctime"
start=$(date +%s)
# With -a the benchmarks too: two suites drive them (the serve load test, the bench runner).
bench=OFF
[ $all = 1 ] && bench=ON
CC=clang CXX=clang++ cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DSTLLAVA_BUILD_BENCH=$bench "${mode[@]}" >"$build/sanitize-configure.log" 2>&1 ||
  { cat "$build/sanitize-configure.log" >&2; exit 2; }

targets=()
tests_regex=$regex
if [ $all = 0 ]; then
  for t in "${core_suites[@]}"; do
    if [ -z "$regex" ] || [[ $t =~ $regex ]]; then targets+=("$t"); fi
  done
  ((${#targets[@]})) || { echo "sanitize: no suite of the core list matches '$regex'" >&2; exit 2; }
  tests_regex="^($(IFS='|'; echo "${targets[*]}"))\$"  # no fuzz_ names yet
fi
if [ -n "$fuzz_seconds" ]; then
  for t in "${fuzz_targets[@]}"; do targets+=("fuzz_$t"); done
fi
lock=()
# Builds queue on a lock shared by every build of the machine (STLLAVA_BUILD_LOCK, empty: none).
lock_file=${STLLAVA_BUILD_LOCK-/tmp/build.lock}
[ -n "$lock_file" ] && command -v flock >/dev/null && lock=(flock "$lock_file")
# With -a, no target list: ninja builds everything.
"${lock[@]}" ninja -C "$build" -j "$jobs" "${targets[@]}"
built=$(date +%s)
echo "sanitize: built in $((built - start)) s ($build)"

reports=$build/sanitizer-reports
rm -rf "$reports"
mkdir -p "$reports"
supp=$here/scripts/sanitizer-suppressions
export ASAN_OPTIONS="log_path=$reports/asan:detect_leaks=1:check_initialization_order=1:strict_init_order=1:halt_on_error=1:allocator_may_return_null=1:suppressions=$supp/asan.supp"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="log_path=$reports/ubsan:print_stacktrace=1:halt_on_error=1:suppressions=$supp/ubsan.supp"

# Two passes: every selected suite but the tokenizer's, then the tokenizer's with the one option
# the deep-bound bridge needs (see above). ctest -R picks the selection, -E leaves suites out.
# With -a nearly every torch-based suite loads the bridge (each trains or loads a tokenizer), so
# the first pass is the core list (every check on, as in CI) and the second everything else.
alternation() { local IFS='|'; echo "^($*)\$"; }
tok_selected=()
for t in "${tokenizer_suites[@]}"; do
  if [ -z "$regex" ] || [[ $t =~ $regex ]]; then tok_selected+=("$t"); fi
done
if [ $all = 1 ]; then
  strict=()
  for t in "${core_suites[@]}"; do
    [[ " ${tokenizer_suites[*]} " == *" $t "* ]] && continue
    if [ -z "$regex" ] || [[ $t =~ $regex ]]; then strict+=("$t"); fi
  done
fi
log=$build/ctest-output.log
: >"$log"
rc=0
run_ctest() {
  set +e
  (cd "$build" && ctest --output-on-failure --timeout 900 -j "$jobs" "$@" 2>&1) | tee -a "$log"
  local r=${PIPESTATUS[0]}
  set -e
  [ "$r" -eq 0 ] || rc=1
}
if [ $all = 1 ]; then
  ((${#strict[@]})) && run_ctest -R "$(alternation "${strict[@]}")"
  ASAN_OPTIONS="$ASAN_OPTIONS:alloc_dealloc_mismatch=0" \
    run_ctest ${tests_regex:+-R "$tests_regex"} ${strict[@]:+-E "$(alternation "${strict[@]}")"}
else
  run_ctest ${tests_regex:+-R "$tests_regex"} -E "$(alternation "${tokenizer_suites[@]}")"
  if ((${#tok_selected[@]})); then
    ASAN_OPTIONS="$ASAN_OPTIONS:alloc_dealloc_mismatch=0" run_ctest -R "$(alternation "${tok_selected[@]}")"
  fi
fi
tested=$(date +%s)
echo "sanitize: tests ran in $((tested - built)) s"
skipped=$(grep -c -E -- '\(Skipped\)$' "$log" || true)
if [ "$skipped" -gt 0 ]; then
  echo "sanitize: FAILED: $skipped suite(s) skipped" >&2
  [ "$rc" -ne 0 ] || rc=1
fi

if [ -n "$fuzz_seconds" ] && [ "$fuzz_seconds" != 0 ]; then
  # Two run_fuzzers.sh at once on disjoint halves of the targets (each target has its own folders):
  # on 2 cores every target gets its SECONDS in half the wall time.
  half=$(((${#fuzz_targets[@]} + 1) / 2))
  "$here/tests/fuzz/run_fuzzers.sh" -n -b "$build" -t "$fuzz_seconds" "${fuzz_targets[@]:0:$half}" \
    >"$build/fuzz-pass-1.txt" 2>&1 &
  first=$!
  "$here/tests/fuzz/run_fuzzers.sh" -n -b "$build" -t "$fuzz_seconds" "${fuzz_targets[@]:$half}" \
    >"$build/fuzz-pass-2.txt" 2>&1 && r2=0 || r2=$?
  wait "$first" && r1=0 || r1=$?
  cat "$build/fuzz-pass-1.txt"
  grep -v '^target ' "$build/fuzz-pass-2.txt" || true
  [ "$r1" = 0 ] && [ "$r2" = 0 ] || { rc=1; echo "sanitize: the fuzz pass had findings: $build/fuzz-findings" >&2; }
  echo "sanitize: fuzz pass ran in $(($(date +%s) - tested)) s"
fi

# Every report file is a finding (the fuzz pass writes its own into BUILD_DIR/fuzz-findings).
found=$(find "$reports" -type f | sort)
if [ -n "$found" ]; then
  n=$(echo "$found" | wc -l)
  for f in $found; do echo "==== $f"; cat "$f"; done
  echo "sanitize: FAILED: $n sanitizer report(s) in $reports" >&2
  rc=1
fi
echo "sanitize: $( [ "$rc" = 0 ] && echo passed || echo FAILED ) in $(($(date +%s) - start)) s"
exit "$rc"
