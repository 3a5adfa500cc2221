#!/usr/bin/env bash
# Edit -> verdict of two versions of the checker, side by side on this machine.
#
# Builds a solved workbook for each commit (every exercise is its reference) and
# alternates, N times: a one-line edit of the lesson's exercise, then
# `cargo run -q -p checker -- check <lesson>` in one workbook, then the same in the
# other, so that both see the same machine. Prints the medians.
#
# Usage: checker/scripts/compare-check.sh BEFORE [AFTER] [N] [LESSON]
#   BEFORE, AFTER: commits (AFTER defaults to HEAD); N: runs (9); LESSON: conv.
set -euo pipefail
before=${1:?usage: compare-check.sh BEFORE [AFTER] [N] [LESSON]}
after=${2:-HEAD}
runs=${3:-9}
lesson=${4:-conv}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# workbook NAME COMMIT: a solved workbook of COMMIT, its checker built and warm.
workbook() {
  local dir="$work/$1"
  mkdir "$dir"
  git -C "$root" archive "$2" | tar -x -C "$dir"
  cp "$dir"/solutions/src/*.rs "$dir/exercises/src/"
  (cd "$dir" && CARGO_TARGET_DIR="$dir/target" cargo build -q -p checker)
  (cd "$dir" && CARGO_TARGET_DIR="$dir/target" cargo run -q -p checker -- check "$lesson" >/dev/null 2>&1) || true
}

# seconds DIR: one edit, one check through cargo run; the wall time.
seconds() {
  local dir=$1 module start end
  module=$(grep -m1 '^module' "$dir"/lessons/*-"$lesson".toml | sed 's/.*"\(.*\)".*/\1/')
  echo "// edit $RANDOM" >>"$dir/exercises/src/$module.rs"
  start=$(date +%s.%N)
  (cd "$dir" && CARGO_TARGET_DIR="$dir/target" cargo run -q -p checker -- check "$lesson" >/dev/null 2>&1) || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR) printf "%.3f", a[int((NR+1)/2)]}'; }

workbook before "$before"
workbook after "$after"
b=()
a=()
for _ in $(seq "$runs"); do
  b+=("$(seconds "$work/before")")
  a+=("$(seconds "$work/after")")
done
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each, medians"
echo "check $lesson after an edit, cargo run: $(git -C "$root" rev-parse --short "$before") $(printf '%s\n' "${b[@]}" | median) s, $(git -C "$root" rev-parse --short "$after") $(printf '%s\n' "${a[@]}" | median) s"
