#!/usr/bin/env bash
# Measures what a student waits for: one check of an edited exercise.
#
# Copies the workbook to a temporary folder, solves every exercise with its
# reference, then times `checker check <lesson>` (default: conv):
#   - the first check, which compiles the dependencies of the harness;
#   - N checks, each right after an edit of the exercise (one cargo build each).
# Usage: checker/scripts/measure-check.sh [lesson] [N]
set -euo pipefail
lesson=${1:-conv}
runs=${2:-10}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --quiet --manifest-path "$root/Cargo.toml" -p checker
checker="$root/target/debug/checker"
cp -r "$root/lessons" "$root/exercises" "$root/solutions" "$root/Cargo.toml" "$root/Cargo.lock" "$work/"
cp "$work"/solutions/src/*.rs "$work/exercises/src/"
cd "$work"

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc; }

echo "first check (compiles the harness dependencies): $(seconds "$checker" check "$lesson") s"
echo "unchanged, second check:                         $(seconds "$checker" check "$lesson") s"
times=()
for i in $(seq "$runs"); do
  echo "// edit $i" >> "exercises/src/$lesson.rs"
  times+=("$(seconds "$checker" check "$lesson")")
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "after an edit, $runs checks: min $(echo "$sorted" | head -1) s, median $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") s, max $(echo "$sorted" | tail -1) s"
