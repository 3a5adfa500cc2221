#!/usr/bin/env bash
# What `cargo run` costs before the checker starts, and how much of that is the number
# of the checker's packages (each one's fingerprint is checked on every run), side by
# side in one copy of the workbook (medians of N runs, warm, interleaved):
#   - `cargo run -q -p checker -- --help`: cargo's freshness check, then the checker;
#   - the checker's binary with `--help` alone;
#   - `cargo run -q -p floor`: a package with no dependency, added to the same
#     workspace: what cargo costs whatever the checker depends on (reading the
#     workspace and the lock file, one fingerprint, starting a process);
#   - with RUSTLINGS=/path/to/rustlings (6.x): `rustlings run if1` after an edit, the
#     comparison of issue 23, and `cargo run -q -p checker -- check unit` after an edit.
# Then: the packages cargo checks for the checker, and what each costs.
#
# Usage: [RUSTLINGS=...] checker/scripts/measure-cargo-run.sh [N]
set -euo pipefail
runs=${1:-15}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

wb="$work/workbook"
mkdir "$wb"
git -C "$root" archive HEAD | tar -x -C "$wb"
cp "$wb"/solutions/src/*.rs "$wb/exercises/src/"
mkdir -p "$wb/floor/src"
printf '[package]\nname = "floor"\nversion = "0.1.0"\nedition = "2024"\npublish = false\n' >"$wb/floor/Cargo.toml"
echo 'fn main() {}' >"$wb/floor/src/main.rs"
sed -i 's|^members = \[|members = ["floor", |' "$wb/Cargo.toml"
# A target folder of your own (CARGO_TARGET_DIR) saves building the dependencies again.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$wb/target}"
cd "$wb"
cargo build -q -p checker -p floor
checker="$CARGO_TARGET_DIR/debug/checker"
"$checker" check unit >/dev/null 2>&1 || true

seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
median() { sort -n | awk '{a[NR]=$1} END {if (NR) printf "%.3f", a[int((NR+1)/2)]}'; }

rustlings_dir=""
if [ -n "${RUSTLINGS:-}" ]; then
  (cd "$work" && echo | "$RUSTLINGS" init >/dev/null 2>&1) || true
  if [ -d "$work/rustlings" ]; then
    rustlings_dir="$work/rustlings"
    cp "$rustlings_dir/solutions/03_if/if1.rs" "$rustlings_dir/exercises/03_if/if1.rs"
    (cd "$rustlings_dir" && "$RUSTLINGS" run if1 >/dev/null 2>&1) || true
  fi
fi
rustlings_run() { (cd "$rustlings_dir" && "$RUSTLINGS" run if1); }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each, medians"
c=(); b=(); f=(); r=(); e=()
for i in $(seq "$runs"); do
  c+=("$(seconds cargo run -q -p checker -- --help)")
  b+=("$(seconds "$checker" --help)")
  f+=("$(seconds cargo run -q -p floor)")
  if [ -n "$rustlings_dir" ]; then
    echo "// edit $i" >>exercises/src/unit.rs
    e+=("$(seconds cargo run -q -p checker -- check unit)")
    echo "// edit $i" >>"$rustlings_dir/exercises/03_if/if1.rs"
    r+=("$(seconds rustlings_run)")
  fi
done
mc=$(printf '%s\n' "${c[@]}" | median)
mb=$(printf '%s\n' "${b[@]}" | median)
mf=$(printf '%s\n' "${f[@]}" | median)
packages=$(cargo tree -q -p checker -e normal,build --prefix none | sort -u | wc -l)
echo "cargo run -p checker -- --help:  $mc s"
echo "checker --help (the binary):     $mb s"
echo "cargo run -p floor (no deps):    $mf s"
echo "packages cargo checks for the checker: $packages"
echo "$mc $mb $mf $packages" | awk '{
  per = ($1 - $2 - $3) / ($4 - 1)
  printf "the checker'"'"'s packages cost %.3f s on each cargo run: %.2f ms a package\n", $1 - $2 - $3, per * 1000
}'
if [ -n "$rustlings_dir" ]; then
  me=$(printf '%s\n' "${e[@]}" | median)
  mr=$(printf '%s\n' "${r[@]}" | median)
  echo "edit -> verdict: cargo run check unit $me s, rustlings run if1 $mr s, ratio $(echo "scale=2; $me / $mr" | bc)"
  echo "floor of a cargo run against Rustlings: $(echo "scale=2; $mf / $mr" | bc) (cargo run of a package with no dependency, doing nothing)"
fi
