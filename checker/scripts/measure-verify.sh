#!/usr/bin/env bash
# `verify` when the student's conv2d is broken, side by side for several checkers.
#
# Solves every exercise of a copy of the workbook with its reference, then breaks
# `conv2d` in three ways and times `verify` with each checker given, one after the
# other on the same machine, each right after a warm `verify` of the solved workbook:
#   - loops: conv2d is `loop {}` (each lesson that runs it waits out its limit);
#   - wrong: conv2d adds 0.5 to every cell (every lesson built on conv fails);
#   - no compile: a type error in conv.rs.
# Prints each time and each checker's line for `train`, with the cores and the load.
#
# Usage: [WORKBOOK=DIR] checker/scripts/measure-verify.sh [CHECKER...]
#   WORKBOOK: a solved workbook to use (and leave solved) instead of a fresh copy.
#   CHECKER: checker binaries to compare (default: this tree's target/debug/checker,
#   built first), e.g. one built before a change and one after.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
if [ "$#" -eq 0 ]; then
  (cd "$root" && cargo build -q -p checker)
  set -- "$root/target/debug/checker"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wb=${WORKBOOK:-"$work/workbook"}
if [ -z "${WORKBOOK:-}" ]; then
  mkdir "$wb"
  git -C "$root" archive HEAD | tar -x -C "$wb"
  cp "$wb"/solutions/src/*.rs "$wb/exercises/src/"
fi
cd "$wb"
solved=$(cat exercises/src/conv.rs)
trap 'printf "%s\n" "$solved" >"$wb/exercises/src/conv.rs"; rm -rf "$work"' EXIT

break_conv() {
  printf '%s\n' "$solved" >exercises/src/conv.rs
  case $1 in
    loops | wrong)
      # The student's conv2d renamed, and a conv2d of the contract's signature around it.
      sed -i 's/^pub fn conv2d(/pub fn conv2d_solved(/' exercises/src/conv.rs
      body=$([ "$1" = loops ] && echo 'loop {}' || echo 'conv2d_solved(image, kernel).mapv(|x| x + 0.5)')
      printf '\npub fn conv2d(image: &Array2<f32>, kernel: &Array2<f32>) -> Array2<f32> {\n    %s\n}\n' "$body" >>exercises/src/conv.rs ;;
    no-compile) printf '\npub fn broken() -> f32 { "not a number" }\n' >>exercises/src/conv.rs ;;
  esac
  cmp -s exercises/src/conv.rs <(printf '%s\n' "$solved") && { echo "could not break conv ($1)" >&2; exit 1; }
  return 0
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for how in loops wrong no-compile; do
  for checker in "$@"; do
    # Each checker from the same path (cargo rebuilds every harness when the path of
    # its rustc wrapper, the checker, changes), and warm on the solved workbook first:
    # checkers built from other folders write harnesses that mount another runtime.
    cp "$checker" "$work/checker"
    printf '%s\n' "$solved" >exercises/src/conv.rs
    "$work/checker" verify >/dev/null 2>&1 || true
    break_conv "$how"
    start=$(date +%s.%N)
    "$work/checker" --lang en verify >"$work/out" 2>&1 || true
    end=$(date +%s.%N)
    printf 'conv %-10s %-50s %6.1f s   %s\n' "$how:" "$checker" "$(echo "$end - $start" | bc)" \
      "$(grep -m1 ' train ' "$work/out" | sed 's/^✗ train *//')"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
