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
# What stands between the two (measured by hand, see the report of issue 23): the
# student's harness runs ndarray's generic code (indexing, iterators, Zip) with
# ndarray's debug assertions, because the harness workspace builds ndarray once for
# every lesson with the dev profile's `debug-assertions`; they give the out-of-bounds
# messages (`index [3, 0] is out of bounds for array of shape [3, 4]`) that
# `report/panics.rs` explains to students of every lesson.
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
"$checker" check train >/dev/null 2>&1 || true

seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
median() { sort -n | awk '{a[NR]=$1} END {if (NR) printf "%.2f", a[int((NR+1)/2)]}'; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each, medians"
c=()
build=()
run=()
r=()
for i in $(seq "$runs"); do
  echo "// edit $i" >>exercises/src/train.rs
  start=$(date +%s.%N)
  CNNLINGS_TIMINGS=1 "$checker" check train 2>"$work/timings" >/dev/null || true
  end=$(date +%s.%N)
  c+=("$(echo "$end - $start" | bc)")
  build+=("$(sed -n 's/^timing cargo build: \(.*\) ms$/\1/p' "$work/timings")")
  run+=("$(sed -n 's/^timing student harness run: \(.*\) ms$/\1/p' "$work/timings")")
  r+=("$(seconds "$train" --check)")
done
mc=$(printf '%s\n' "${c[@]}" | median)
mr=$(printf '%s\n' "${r[@]}" | median)
echo "check train after an edit: $mc s (rebuild $(printf '%s\n' "${build[@]}" | median) ms, the student's harness run $(printf '%s\n' "${run[@]}" | median) ms)"
echo "train-digits --check, release: $mr s"
echo "ratio: $(echo "scale=2; $mc / $mr" | bc) (target: at most 2)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
