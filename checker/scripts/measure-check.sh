#!/usr/bin/env bash
# Measures what a student waits for, side by side with Rustlings in the same run.
#
# Copies the workbook to a temporary folder and solves every exercise with its
# reference, then measures (medians of N runs, warm):
#   - edit -> verdict: `cargo run -q -p checker -- check <lesson>` right after a
#     one-line edit of the exercise, for every lesson but `train` (or those given);
#   - the same through the checker's binary, without `cargo run`;
#   - what `cargo run` itself costs (`cargo run -q -p checker -- --help`);
#   - an unchanged re-check, `verify` of every lesson, and a check right after
#     `verify` (one cache must serve both);
#   - where the time of an edited `check conv` goes (CNNLINGS_TIMINGS=1);
#   - save -> verdict on screen in `watch` (measure-watch.py, in a pseudo-terminal);
#   - with RUSTLINGS=/path/to/rustlings (6.x): `rustlings run if1` after the same
#     kind of edit, interleaved with the checker's runs so both see the same machine.
#     Install it with `cargo install rustlings --version 6.5.0 --root DIR`.
#   - with FRESH=1: the first `next` on a fresh clone (dependencies downloaded): its
#     wall time, when its first lesson was on screen, and its CPU time (user + sys of
#     cargo, rustc and the checker), split into the checker's own build and the first
#     lesson's harness build, with the load beside it. FRESH=only measures this alone.
#
# Usage: RUSTLINGS=... checker/scripts/measure-check.sh [N] [lesson...]
set -euo pipefail
runs=${1:-9}
shift || true
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# fresh_next: the first `next` on a fresh clone of the repository's committed state.
fresh_next() {
  [ "${FRESH:-0}" = 0 ] && return
  echo
  local fresh="$work/fresh" start end shown
  git clone -q "$root" "$fresh"
  (cd "$fresh" && CARGO_TARGET_DIR="$fresh/target" cargo fetch -q)
  echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) before the first next"
  start=$(date +%s.%N)
  # Each line of the output with the time it came: the lesson's heading is when the
  # student can start reading; the end is when the verdict is there. GNU time writes
  # the CPU time of cargo and all it ran (the checker's build, then the checker, which
  # cargo runs in its place, with the harness build) to a file of its own.
  (cd "$fresh" && CNNLINGS_TIMINGS=1 CARGO_TARGET_DIR="$fresh/target" \
    /usr/bin/time -o "$work/fresh.cpu" -f '%U %S' \
    cargo run -q -p checker -- --lang en next 2>"$work/fresh.err") |
    while IFS= read -r line; do echo "$(date +%s.%N) $line"; done >"$work/fresh.log" || true
  end=$(date +%s.%N)
  shown=$(awk '/━━ Lesson 1\// {print $1; exit}' "$work/fresh.log")
  printf "first next on a fresh clone (crates downloaded): %.1f s (target: at most 25 s)\n" "$(echo "$end - $start" | bc)"
  if [ -n "$shown" ]; then
    printf "  of which the first lesson was on screen after %.1f s\n" "$(echo "$shown - $start" | bc)"
  fi
  # `cargo run` replaces itself with the checker (exec), which keeps the CPU time of
  # cargo's children: the checker's first timing line holds the checker's own build.
  local cpu built harness
  cpu=$(tail -1 "$work/fresh.cpu" | awk '{printf "%.1f", $1 + $2}')
  built=$(awk -F': ' '/^timing start and command line, children.s CPU/ {printf "%.1f", $2 / 1000}' "$work/fresh.err")
  harness=$(awk -F': ' '/^timing cargo build, children.s CPU/ {s += $2} END {printf "%.1f", s / 1000}' "$work/fresh.err")
  echo "  CPU: $cpu s in all; the checker's build $built s, the first lesson's harness build $harness s"
  echo "  (load $(cut -d' ' -f1-3 /proc/loadavg) after it)"
}

if [ "${FRESH:-0}" = only ]; then
  fresh_next
  exit 0
fi

wb="$work/workbook"
mkdir "$wb"
git -C "$root" archive HEAD | tar -x -C "$wb"
cp "$wb"/solutions/src/*.rs "$wb/exercises/src/"
git -C "$wb" init -q && git -C "$wb" add -A && git -C "$wb" -c user.name=m -c user.email=m@m commit -qm solved
# The workbook's own target folder, as a student's: `cargo run` builds the checker there once.
export CARGO_TARGET_DIR="$wb/target"
cd "$wb"
cargo build -q -p checker
# The binary `cargo run` runs: the same checker, the same harness builds.
checker="$CARGO_TARGET_DIR/debug/checker"

if [ "$#" -gt 0 ]; then
  lessons=("$@")
else
  mapfile -t lessons < <("$checker" list 2>/dev/null | awk 'NR > 1 && $NF ~ /^[0-9]+\/[0-9]+$/ {print $2}' | grep -E '^[a-z][a-z0-9_-]*$' | grep -vx train)
fi

# seconds CMD...: wall time of one run, output discarded.
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
# median: the median of the numbers on stdin, to two decimals.
median() { sort -n | awk '{a[NR]=$1} END {if (NR) printf "%.3f", a[int((NR+1)/2)]}'; }

rustlings_dir=""
if [ -n "${RUSTLINGS:-}" ]; then
  (cd "$work" && echo | "$RUSTLINGS" init >/dev/null 2>&1) || true
  rustlings_dir="$work/rustlings"
  if [ -d "$rustlings_dir" ]; then
    cp "$rustlings_dir/solutions/03_if/if1.rs" "$rustlings_dir/exercises/03_if/if1.rs"
    (cd "$rustlings_dir" && "$RUSTLINGS" run if1 >/dev/null 2>&1) || true
  else
    echo "rustlings init failed: measuring without Rustlings"
    rustlings_dir=""
  fi
fi
rustlings_run() { (cd "$rustlings_dir" && "$RUSTLINGS" run if1); }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each, medians"
echo
printf '%-10s %14s %14s %12s\n' lesson "cargo run" "binary" "Rustlings"
all_cargo=()
all_rustlings=()
for lesson in "${lessons[@]}"; do
  module=$(grep -m1 '^module' "lessons/"*"-$lesson.toml" | sed 's/.*"\(.*\)".*/\1/')
  file="exercises/src/$module.rs"
  "$checker" check "$lesson" >/dev/null 2>&1 || true
  c=(); b=(); r=()
  for i in $(seq "$runs"); do
    echo "// edit $i" >>"$file"
    c+=("$(seconds cargo run -q -p checker -- check "$lesson")")
    echo "// edit $i again" >>"$file"
    b+=("$(seconds "$checker" check "$lesson")")
    if [ -n "$rustlings_dir" ]; then
      echo "// edit $i" >>"$rustlings_dir/exercises/03_if/if1.rs"
      r+=("$(seconds rustlings_run)")
    fi
  done
  mc=$(printf '%s\n' "${c[@]}" | median)
  mb=$(printf '%s\n' "${b[@]}" | median)
  mr=$( [ -n "$rustlings_dir" ] && printf '%s\n' "${r[@]}" | median || echo "-")
  all_cargo+=("${c[@]}")
  [ -n "$rustlings_dir" ] && all_rustlings+=("${r[@]}")
  printf '%-10s %12s s %12s s %10s s\n' "$lesson" "$mc" "$mb" "$mr"
done
echo
mc=$(printf '%s\n' "${all_cargo[@]}" | median)
if [ -n "$rustlings_dir" ]; then
  mr=$(printf '%s\n' "${all_rustlings[@]}" | median)
  echo "edit -> verdict, all lessons: cargo run $mc s, Rustlings $mr s, ratio $(echo "scale=2; $mc / $mr" | bc) (target: at most 0.5)"
else
  echo "edit -> verdict, all lessons: cargo run $mc s (set RUSTLINGS to compare)"
fi

u=(); uc=()
for i in $(seq "$runs"); do
  u+=("$(seconds "$checker" check conv)")
  uc+=("$(seconds cargo run -q -p checker -- check conv)")
done
echo "unchanged re-check of conv: binary $(printf '%s\n' "${u[@]}" | median) s, cargo run $(printf '%s\n' "${uc[@]}" | median) s (target: at most 0.1 s)"
# What `cargo run` adds before the checker starts: cargo deciding that the checker is
# fresh (reading the workspace, its lock file and every dependency's fingerprint).
h=()
for i in $(seq "$runs"); do h+=("$(seconds cargo run -q -p checker -- --help)"); done
echo "cargo run of the checker doing nothing (--help): $(printf '%s\n' "${h[@]}" | median) s"

v=()
for i in $(seq 3); do v+=("$(seconds "$checker" verify)"); done
echo "verify of every lesson, warm: $(printf '%s\n' "${v[@]}" | median) s (target: at most 1 s)"
after=()
for i in $(seq "$runs"); do
  "$checker" verify >/dev/null 2>&1 || true
  echo "// after verify $i" >>exercises/src/conv.rs
  after+=("$(seconds "$checker" check conv)")
done
echo "first check of conv after verify and an edit: $(printf '%s\n' "${after[@]}" | median) s (binary; not slower than the edit -> verdict above)"

echo
echo "where an edited check conv goes (medians, ms):"
for i in $(seq "$runs"); do
  echo "// timing $i" >>exercises/src/conv.rs
  CNNLINGS_TIMINGS=1 "$checker" check conv 2>&1 >/dev/null | grep '^timing ' || true
done | sed 's/^timing //; s/ ms$//' | python3 -c '
import sys
phases = {}
for line in sys.stdin:
    name, _, ms = line.rpartition(": ")
    phases.setdefault(name, []).append(float(ms))
for name, values in phases.items():
    values.sort()
    print(f"  {name:<28} {values[(len(values) - 1) // 2]:8.1f}")
'

echo
# watch: conv back to its stub, so it is the current lesson and each save gets a report.
cp lessons/stubs/conv.rs exercises/src/conv.rs
"$checker" check conv >/dev/null 2>&1 || true
python3 "$root/checker/scripts/measure-watch.py" "$checker" "$wb" conv conv "$runs"

fresh_next
