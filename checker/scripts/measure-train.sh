#!/usr/bin/env bash
# `check train` after an edit against the reference's own training built in release
# (`train-digits --check`), side by side: the same 10 epochs on the same digits.
#
# Copies the workbook, solves every exercise with its reference, builds the checker,
# the train harnesses and train-digits (release) once, then alternates N times: a
# one-line edit of exercises/src/train.rs and `check train` (with CNNLINGS_TIMINGS, so
# the rebuild and the run of the student's harness are told apart), then
# `train-digits --check`. Prints the medians, their ratio, and the load.
#
# Also the first `check digits` (the course's first optimised lesson) and then the first
# `check train` of a workbook whose debug lessons are built: the optimised lessons'
# harnesses, the optimised profile's dependencies, their outputs and the checker's notes
# of them are removed, and each check builds its lesson's harnesses (the first also the
# dependencies) and runs the reference's training and the student's.
#
# Each figure is given as wall time and as CPU time (user + system of the children, from
# CNNLINGS_TIMINGS and `time`): with eight helpers building on 2 cores (load 10 to 35),
# the wall time of a run varied 2 to 3 times for the same CPU time.
#
# Where the time went (issue 23, measured with this script's solved workbook, CPU time of
# the student's harness run; train-digits --check: 3.9-4.1 s of CPU in every row):
#   the harness as it was (ndarray opt-level 3 with the dev profile's checks):  10.0 s
#   + the lesson's harness packages without debug-assertions, overflow-checks: 10.4 s
#   + the harness packages with codegen-units = 1, incremental = false:        11.1 s
#     (and each rebuild after an edit 5.1 s of CPU instead of 0.2)
#   ndarray alone without debug-assertions:                                     4.5 s
#   ... and the harness packages with incremental = false:                      4.7 s
#     (rebuild 7.0 s of CPU)
#   ... and the harness packages with codegen-units = 1, incremental = false:   4.1 s
#     (rebuild 4.9 s of CPU)
#   every package release-like (no checks, codegen-units = 1, no incremental):  3.7 s
# So the whole gap was ndarray's debug assertions (its generic code is monomorphised in
# the harness, but `debug_assert!` and `cfg(debug_assertions)` are decided when ndarray
# itself is compiled, for every lesson at once). They give the out-of-bounds messages
# (`index [3, 0] is out of bounds for array of shape [3, 4]`) that `panics.rs` explains;
# without them ndarray 0.17 says only `ndarray: index out of bounds`, from its own file
# (the runtime's backtrace still finds the student's line in the first panics of a run).
#
# Now (`harness/codegen.rs`, OPTIMISED_PROFILE): the optimised lessons build in a cargo
# profile of their own, `optimised` (dev's, opt-level 3, incremental, the harness's own
# checks and line tables kept), whose dependencies are built without debug assertions
# and overflow checks, a second time, once per workbook. Measured with this script,
# checkers before and after (CHECKER=), one after the other at 16:00-16:30 UTC on 6 Dec
# 2026, the machine shared with five other helpers (load given):
#                                        before                 after
#   check train after an edit, CPU of    9.44 s against 3.94    4.08 s against 3.94
#   the student's harness run against    for train-digits:      for train-digits:
#   train-digits --check's:              2.39                   1.03
#   wall, the same:                      28.2 s against 13.0:   45.2 s against 37.1:
#                                        2.17 (load 15-17)      1.21 (load 17-23)
#   first check digits, cargo build CPU: 9.1 s (wall 44 s,      23.3 s (wall 284 s,
#                                        load 16)               load 27-30)
#   first check train, cargo build CPU:  16.6 s (wall 141 s,    15.0 s (wall 174 s,
#     (the trainings: CPU of the runs)   load 15-16; 9.5 s)     load 23-27; 3.9 s)
# So the second build of the dependencies costs ~14 s of CPU once, at the first optimised
# lesson (23.3 - 9.1 for the first check digits), and repays itself in the first
# training: every check of train after an edit then spends ~5.4 s of CPU less.
# (On a quiet machine, 15:05 UTC, before: 9.97 s against 3.96, ratio 2.51; first check
# train 19.0 s.)
#
# Usage: [WORKBOOK=DIR] checker/scripts/measure-train.sh [N]     (N: 3 by default)
#   WORKBOOK: a solved workbook to use instead of a fresh copy (its train.rs is edited);
#   CHECKER: a checker binary to use instead of building one there.
set -euo pipefail
runs=${1:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wb=${WORKBOOK:-"$work/workbook"}
if [ -z "${WORKBOOK:-}" ]; then
  mkdir "$wb"
  git -C "$root" archive HEAD | tar -x -C "$wb"
  cp "$wb"/solutions/src/*.rs "$wb/exercises/src/"
fi
export CARGO_TARGET_DIR="$wb/target"
cd "$wb"
if [ -z "${CHECKER:-}" ]; then
  cargo build -q -p checker
fi
checker=${CHECKER:-"$CARGO_TARGET_DIR/debug/checker"}
cargo build -q --release -p solutions --example train-digits
train="$CARGO_TARGET_DIR/release/examples/train-digits"
# A workbook whose lessons are built: a debug lesson's and train's harnesses.
"$checker" check conv >/dev/null 2>&1 || true
"$checker" check train >/dev/null 2>&1 || true

cpu() { sed -n "s/^timing $1, children's CPU: \(.*\) ms$/\1/p" "$2" | awk '{s+=$1} END {printf "%.0f", s}'; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR) printf "%.2f", a[int((NR+1)/2)]}'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# The first `check digits` (the first optimised lesson of the course) and then the first
# `check train`: their harnesses built again, with the optimised profile's dependencies
# (`optimised/`; a checker from before it built them into `debug/`), and both trainings
# run.
t="$CARGO_TARGET_DIR/cnnlings/target"
forget() {
  for dir in debug optimised; do
    rm -rf "$t/$dir/$1"-* "$t/$dir/deps/$1"_* "$t/$dir/incremental/$1"_* "$t/$dir/.fingerprint/$1"-*
  done
  rm -rf "$t/cnnlings-outputs/$1"-* "$t/cnnlings-stamps/$1"-* \
    "$CARGO_TARGET_DIR/cnnlings/harness/.rustc-calls/$1"_*
}
forget digits
forget train
rm -rf "$t/optimised"
first() {
  echo "first check $1, load before: $(load)"
  start=$(date +%s.%N)
  CNNLINGS_TIMINGS=1 "$checker" check "$1" 2>"$work/timings" >/dev/null || true
  end=$(date +%s.%N)
  echo "first check $1: $(echo "$end - $start" | bc) s (cargo build $(sed -n 's/^timing cargo build: \(.*\) ms$/\1/p' "$work/timings") ms," \
    "$(cpu 'cargo build' "$work/timings") ms of CPU; the two runs $(cpu 'student harness run' "$work/timings") ms of CPU)"
  echo "load after: $(load)"
}
first digits
first train

echo "machine: $(nproc) cores, load $(load); $runs runs each, medians"
c=()
build=()
run=()
run_cpu=()
r=()
r_cpu=()
for i in $(seq "$runs"); do
  echo "// edit $i" >>exercises/src/train.rs
  start=$(date +%s.%N)
  CNNLINGS_TIMINGS=1 "$checker" check train 2>"$work/timings" >/dev/null || true
  end=$(date +%s.%N)
  c+=("$(echo "$end - $start" | bc)")
  build+=("$(sed -n 's/^timing cargo build: \(.*\) ms$/\1/p' "$work/timings")")
  run+=("$(sed -n 's/^timing student harness run: \(.*\) ms$/\1/p' "$work/timings")")
  run_cpu+=("$(cpu 'student harness run' "$work/timings")")
  start=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$work/time" "$train" --check >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  r+=("$(echo "$end - $start" | bc)")
  r_cpu+=("$(awk '{printf "%.0f", ($1 + $2) * 1000}' "$work/time")")
done
mc=$(printf '%s\n' "${c[@]}" | median)
mr=$(printf '%s\n' "${r[@]}" | median)
mrc=$(printf '%s\n' "${run_cpu[@]}" | median)
mtc=$(printf '%s\n' "${r_cpu[@]}" | median)
echo "check train after an edit: $mc s (rebuild $(printf '%s\n' "${build[@]}" | median) ms, the student's harness run $(printf '%s\n' "${run[@]}" | median) ms, $mrc ms of CPU)"
echo "train-digits --check, release: $mr s ($mtc ms of CPU)"
echo "ratio: $(echo "scale=2; $mc / $mr" | bc) (target: at most 2); of CPU, the harness run against train-digits: $(echo "scale=2; $mrc / $mtc" | bc)"
echo "load after: $(load)"
