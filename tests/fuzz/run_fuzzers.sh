#!/bin/sh
# Builds the libFuzzer targets (clang, ASan + UBSan, a build folder of their own) and runs each for
# a given time, one after the other, at the lowest CPU priority; prints per target the executions,
# executions per second, corpus size and findings (crash-/leak-/timeout-/oom- files).
#
#   tests/fuzz/run_fuzzers.sh [-t SECONDS] [-b BUILD_DIR] [-n] [-p] [TARGET...]
#     -t  seconds per target (default 600)       -b  build folder (default <repo>/build-fuzz)
#     -n  do not build (run what is there)       TARGET  safetensors dicom benchmark dataset
#     -p  first replay every file of python3-pydicom's test folder through fuzz_dicom (ASan + UBSan,
#         30 s per file) and count loaded / refused / findings    judge_reply pair_import server_request (default all)
# The working corpus of each target grows in BUILD_DIR/fuzz-corpus/<target>, seeded from
# tests/fuzz/corpus/<target> (make_seeds.sh) and, for dicom, python3-pydicom's test files; findings
# land in BUILD_DIR/fuzz-findings/<target>/ and the log in BUILD_DIR/fuzz-logs/<target>.log.
# Exit status 1 when any target had a finding.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
seconds=600
build=$repo/build-fuzz
do_build=1
pydicom_replay=0
while getopts t:b:np opt; do
  case $opt in
    t) seconds=$OPTARG ;;
    b) build=$OPTARG ;;
    n) do_build=0 ;;
    p) pydicom_replay=1 ;;
    *) sed -n '5,10p' "$0" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
targets=${*:-safetensors dicom benchmark dataset judge_reply pair_import server_request}
pydicom_files=/usr/lib/python3/dist-packages/pydicom/data/test_files

if [ $do_build = 1 ]; then
  if [ ! -f "$build/build.ninja" ]; then
    CC=clang CXX=clang++ nice -n 19 cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DSTLLAVA_FUZZ=ON -DSTLLAVA_BUILD_BENCH=OFF >"$build.configure.log" 2>&1 ||
      { cat "$build.configure.log" >&2; exit 2; }
  fi
  exes=""
  for t in $targets; do exes="$exes fuzz_$t"; done
  # shellcheck disable=SC2086
  flock /tmp/build.lock nice -n 19 ninja -C "$build" -j2 $exes
fi

found=0
if [ $pydicom_replay = 1 ]; then
  [ -d "$pydicom_files" ] || { echo "python3-pydicom's test files are missing ($pydicom_files)" >&2; exit 2; }
  [ -x "$build/bin/fuzz_dicom" ] || { echo "fuzz_dicom not built" >&2; exit 2; }
  mkdir -p "$build/fuzz-logs"
  log=$build/fuzz-logs/pydicom-replay.log
  # Given as files (not a folder), libFuzzer runs each whole, once, and stops at a finding.
  # shellcheck disable=SC2046
  STLLAVA_FUZZ_VERBOSE=1 nice -n 19 "$build/bin/fuzz_dicom" -timeout=30 -rss_limit_mb=3072 \
    $(find "$pydicom_files" -type f | sort) >"$log" 2>&1 && rc=0 || rc=$?
  files=$(find "$pydicom_files" -type f | wc -l)
  # the first outcome line after each "Running: FILE" is that file's
  loaded=$(awk '/^Running: /{want=1} want && /^outcome: loaded/{n++; want=0} want && /^outcome: refused/{want=0} END{print n+0}' "$log")
  refused=$(awk '/^Running: /{want=1} want && /^outcome: refused/{n++; want=0} want && /^outcome: loaded/{want=0} END{print n+0}' "$log")
  executed=$(grep -c '^Executed ' "$log" || true)
  echo "pydicom test files under ASan + UBSan: $files files, $executed run, $loaded loaded and rendered," \
       "$refused refused with an error naming the file, exit status $rc (log: $log)"
  [ "$rc" = 0 ] && [ "$executed" = "$files" ] || found=1
fi
printf '%-15s %12s %8s %14s %9s\n' target executions exec/s corpus findings
for t in $targets; do
  exe=$build/bin/fuzz_$t
  [ -x "$exe" ] || { echo "$t: $exe not built" >&2; exit 2; }
  work=$build/fuzz-corpus/$t
  findings=$build/fuzz-findings/$t
  logs=$build/fuzz-logs
  mkdir -p "$work" "$findings" "$logs"
  seeds="$here/corpus/$t"
  max_len=16384
  if [ "$t" = dicom ]; then
    max_len=65536
    [ -d "$pydicom_files" ] && seeds="$seeds $pydicom_files"
  fi
  # -jobs=1 -workers=1: one fuzzing process in the background of libFuzzer's own, its output in
  # fuzz-0.log of the working folder; -timeout: one input over 10 s is a finding (a hang).
  # libFuzzer writes fuzz-0.log into the current folder: one folder per target, so that runs of
  # different targets never share (or delete) each other's log.
  run_dir=$build/fuzz-work/$t
  mkdir -p "$run_dir"
  rm -f "$run_dir/fuzz-0.log" "$logs/$t.log"  # a run that fails to start must not show the last run's figures
  touch "$run_dir/started"  # findings of this run are the files newer than this (older ones stay, uncounted)
  # shellcheck disable=SC2086
  (cd "$run_dir" && STLLAVA_FUZZ_TMP=${STLLAVA_FUZZ_TMP:-} nice -n 19 "$exe" "$work" $seeds \
      -max_total_time="$seconds" -jobs=1 -workers=1 -timeout=10 -rss_limit_mb=3072 -max_len=$max_len \
      -artifact_prefix="$findings/" -print_final_stats=1 -close_fd_mask=1 >/dev/null 2>&1) || true
  mv "$run_dir/fuzz-0.log" "$logs/$t.log" 2>/dev/null || true
  log=$logs/$t.log
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  corp=$(grep -o 'corp: [0-9]*/[0-9]*[a-zA-Z]*' "$log" | tail -1 | sed 's/corp: //')
  n=$(find "$findings" -type f -newer "$run_dir/started" \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  [ "$n" -gt 0 ] && found=1
  printf '%-15s %12s %8s %14s %9s\n' "$t" "${execs:-?}" "${rate:-?}" "${corp:-?}" "$n"
done
[ $found = 0 ]
