#!/usr/bin/env bash
# Measures `grade --class` on generated submissions of the real workbook: solved,
# half-solved (the last two lessons still stubs), not compiling (conv), and looping
# forever (pool, which cnn uses too), in the ratio 4:3:1.5:1.5, plus one empty folder.
# Prints the wall time per submission, warm (dependencies and the reference built),
# with the machine's cores and load.
#
# With BEFORE=/path/to/an/older/checker, the same class is graded by both, in turns
# (before, after, before, after), so that both see the same machine; the second turn
# of each is the figure (its grade workspace built as the first left it).
#
#   [BEFORE=...] checker/scripts/measure-class.sh [COUNT]     (default 100)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
count=${1:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
class="$work/class"
mkdir -p "$class"

for i in $(seq 1 "$count"); do
  id=$(printf 's%03d' "$i")
  src="$class/$id/src"
  mkdir -p "$src"
  cp "$root"/solutions/src/*.rs "$src/"
  case $((i % 20)) in
    0 | 1 | 2 | 3 | 4 | 5) # half-solved: pool and cnn are still the stubs
      cp "$root/exercises/src/pool.rs" "$root/exercises/src/cnn.rs" "$src/" ;;
    6 | 7 | 8) # conv does not compile (and cnn, which uses it, neither)
      printf '\npub fn broken() -> f32 { "not a number" }\n' >>"$src/conv.rs" ;;
    9 | 10 | 11) # pool never ends
      sed -i 's/^pub fn max_pool2d(\(.*\)) -> Array2<f32> {/pub fn max_pool2d(\1) -> Array2<f32> {\n    loop {}/' "$src/pool.rs"
      grep -q 'loop {}' "$src/pool.rs" || { echo "could not make pool loop" >&2; exit 1; } ;;
    *) ;; # solved
  esac
done
# One student who handed in nothing.
rm -rf "$class/s001/src"

cd "$root"
cargo build --quiet -p checker
checker="$root/target/debug/checker"
# Warm: the dependencies and the reference harnesses are built once before timing.
"$checker" grade --exercises solutions >/dev/null

# grade_with NAME CHECKER: one timed `grade --class` run.
grade_with() {
  local name=$1 bin=$2 start end
  echo "$name: load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  rm -rf "$work/grades"
  start=$(date +%s.%N)
  TIMEFORMAT="$name: cpu time of the class run: %U s user, %S s system"
  time "$bin" grade --class "$class" --output "$work/grades" >/dev/null
  end=$(date +%s.%N)
  echo "$name: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  awk -v s="$start" -v e="$end" -v n="$count" -v name="$name" \
    'BEGIN { printf "%s: %d submissions in %.1f s: %.2f s per submission\n", name, n, e - s, (e - s) / n }'
}

echo "cores: $(nproc)"
if [ -n "${BEFORE:-}" ]; then
  grade_with before "$BEFORE"
  grade_with after "$checker"
  cp "$work/grades/gradebook.csv" "$work/after.csv"
  grade_with before "$BEFORE"
  cmp -s "$work/grades/gradebook.csv" "$work/after.csv" || echo "the gradebooks differ!"
  grade_with after "$checker"
else
  grade_with class "$checker"
fi
echo "gradebook (first rows):"
head -n 8 "$work/grades/gradebook.csv"
