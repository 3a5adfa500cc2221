#!/usr/bin/env bash
# Measures `grade --class` on generated submissions of the real workbook, in the ratio
# 4 : 3 : 1.5 : 1.5 of these kinds, plus one empty folder:
#   solved   the reference modules;
#   half     the last lessons' modules still stubs (pool and cnn);
#   broken   conv does not compile (nor does any lesson that mounts it);
#   loop     max_pool2d never ends (so every lesson whose tests call it runs into its
#            time limit: pool's and cnn's 5 s, digits' 30 s, train's 120 s).
# Prints, per run, the wall time and the CPU time (the checker's, cargo's, rustc's and
# the harnesses': user + system of it and its children) per submission, with the load.
#
# Warm, as an instructor who proved the course (`dev check`) grades: the dependencies,
# the references and the known mistakes' outputs are built before the timed run, by an
# untimed run over one submission of each kind (a wrong pool for the loop); then the
# grade workspace and its builds are removed, so the timed run builds every submission
# as a class of its own would.
#
#   [BEFORE=<commit>] [BEFORE_CHECKER=<its built checker>] [KINDS=loop,half]
#   [SAME=1] [WARM=0] checker/scripts/measure-class.sh [COUNT]   (COUNT: default 100)
#
# BEFORE: the same class is also graded by the checker of that commit, in its own
#   workbook (lessons, references, runtime of that commit: a `git archive` kept in
#   /tmp/cnnlings-before-<commit> for the next run; remove it when done). Its checker is
#   built there unless BEFORE_CHECKER names one built from that commit. Turns go before,
#   after, so both see nearly the same machine; the gradebooks are compared.
# BEFORE_CHECKER alone: a checker built from other code of the same lessons (this
#   workbook's), graded in this workbook, before this one; the gradebooks are compared.
# KINDS: only these kinds (for a profile of one kind), in the same order of ids.
# SAME=1: every submission of a kind is the same bytes (the class of earlier rounds;
#   a checker that reuses another submission's build or run gains there). By default
#   each student's own files differ (a comment naming the student), as in a real class:
#   only the untouched stubs are the same for everyone.
# WARM=0: no warm-up (a run just before warmed the same workbooks).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
count=${1:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# kind_of I: the kind of the I-th submission (I from 1).
kind_of() {
  case $(($1 % 20)) in
    0 | 1 | 2 | 3 | 4 | 5) echo half ;;
    6 | 7 | 8) echo broken ;;
    9 | 10 | 11) echo loop ;;
    *) echo solved ;;
  esac
}

# make_submission DIR ID KIND: one student's `src/`, made from this workbook's files.
make_submission() {
  local src="$1/src" id=$2 kind=$3 f
  mkdir -p "$src"
  cp "$root"/solutions/src/*.rs "$src/"
  if [ -z "${SAME:-}" ]; then
    for f in "$src"/*.rs; do printf '// %s\n' "$id" >>"$f"; done
  fi
  case $kind in
    half) cp "$root/exercises/src/pool.rs" "$root/exercises/src/cnn.rs" "$src/" ;;
    broken) printf '\npub fn broken() -> f32 { "not a number" }\n' >>"$src/conv.rs" ;;
    loop)
      sed -i 's/^pub fn max_pool2d(\(.*\)) -> Array2<f32> {/pub fn max_pool2d(\1) -> Array2<f32> {\n    loop {}/' "$src/pool.rs"
      grep -q 'loop {}' "$src/pool.rs" || { echo "could not make pool loop" >&2; exit 1; } ;;
    wrong) # warm-up only: pool's answers wrong at once, so that the lessons a loop
      # fails are diagnosed (their known mistakes built and run) without its wait
      sed -i 's/^pub fn max_pool2d(\(.*\)) -> Array2<f32> {/pub fn max_pool2d(\1) -> Array2<f32> {\n    return Array2::zeros((1, 1));/' "$src/pool.rs" ;;
    solved) ;;
    *) echo "unknown kind $kind" >&2; exit 2 ;;
  esac
}

class="$work/class"
mkdir -p "$class"
made=0
for i in $(seq 1 "$count"); do
  kind=$(kind_of "$i")
  if [ -n "${KINDS:-}" ] && [[ ",$KINDS," != *",$kind,"* ]]; then continue; fi
  id=$(printf 's%03d' "$i")
  make_submission "$class/$id" "$id" "$kind"
  made=$((made + 1))
done
# One student who handed in nothing.
if [ -z "${KINDS:-}" ] || [[ ",$KINDS," == *",empty,"* ]]; then
  rm -rf "$class/s001"
  mkdir -p "$class/s001"
  [ -n "${KINDS:-}" ] && made=$((made + 1))
fi
[ "$made" -gt 0 ] || { echo "no submission of kinds $KINDS among $count" >&2; exit 2; }

# The warm-up class: one submission of each kind, ids of their own (a wrong pool in
# place of the loop: the same lessons fail and are diagnosed, without the wait).
warm="$work/warm"
for kind in solved half broken wrong; do
  make_submission "$warm/w-$kind" "w-$kind" "$kind"
done

# forget_grades ROOT: removes a workbook's grade workspace and the builds of its
# harnesses (dependencies, references and known mistakes stay built and cached).
forget_grades() {
  local target="$1/target/cnnlings"
  rm -rf "$target/grade"
  rm -rf "$target"/target/debug/grade-* "$target"/target/debug/deps/grade_* \
    "$target"/target/debug/.fingerprint/grade-* "$target"/target/cnnlings-stamps/grade-*
}

# grade_with NAME CHECKER ROOT: one timed `grade --class` run of the class.
grade_with() {
  local name=$1 bin=$2 at=$3
  forget_grades "$at"
  rm -rf "$work/grades"
  local load_before
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  (cd "$at" && /usr/bin/time -f '%e %U %S' -o "$work/time" \
    "$bin" grade --class "$class" --output "$work/grades" >/dev/null) || true
  cp "$work/grades/gradebook.csv" "$work/$name.csv"
  read -r wall user sys <"$work/time"
  awk -v n="$made" -v name="$name" -v w="$wall" -v u="$user" -v s="$sys" \
    -v lb="$load_before" -v la="$(cut -d' ' -f1-3 /proc/loadavg)" \
    'BEGIN { printf "%s: %d submissions in %.1f s wall, %.1f s CPU (%.1f user, %.1f system): %.2f s wall and %.2f s CPU per submission (load before %s, after %s)\n",
             name, n, w, u + s, u, s, w / n, (u + s) / n, lb, la }'
}

# warm_up CHECKER ROOT: builds what a timed run should find built.
warm_up() {
  [ "${WARM:-1}" != 0 ] || return 0
  (cd "$2" && "$1" grade --exercises solutions >/dev/null 2>&1 || true
   cd "$2" && "$1" grade --class "$warm" --output "$work/warm-grades" >/dev/null 2>&1 || true)
}

compare_gradebooks() {
  if cmp -s "$work/before.csv" "$work/after.csv"; then
    echo "the gradebooks are the same"
  else
    echo "the gradebooks differ (before <, after >):"
    diff "$work/before.csv" "$work/after.csv" || true
  fi
}

cd "$root"
cargo build --quiet -p checker
checker="$root/target/debug/checker"
echo "cores: $(nproc); $made submissions (${KINDS:-every kind}), $([ -n "${SAME:-}" ] && echo "the same bytes within a kind" || echo "each student's files their own")"

if [ -z "${BEFORE:-}" ] && [ -n "${BEFORE_CHECKER:-}" ]; then
  cp "$BEFORE_CHECKER" "$work/before-checker"
  warm_up "$work/before-checker" "$root"
  grade_with before "$work/before-checker" "$root"
  grade_with after "$checker" "$root"
  compare_gradebooks
elif [ -n "${BEFORE:-}" ]; then
  commit=$(git -C "$root" rev-parse --short "$BEFORE")
  before_root=/tmp/cnnlings-before-$commit
  if [ ! -d "$before_root/lessons" ]; then
    mkdir -p "$before_root"
    git -C "$root" archive "$commit" | tar -x -C "$before_root"
  fi
  if [ -n "${BEFORE_CHECKER:-}" ]; then
    mkdir -p "$before_root/target/debug"
    cp "$BEFORE_CHECKER" "$before_root/target/debug/checker"
  elif [ ! -x "$before_root/target/debug/checker" ]; then
    (cd "$before_root" && cargo build --quiet -p checker)
  fi
  echo "before: $commit, in $before_root"
  warm_up "$before_root/target/debug/checker" "$before_root"
  warm_up "$checker" "$root"
  grade_with before "$before_root/target/debug/checker" "$before_root"
  grade_with after "$checker" "$root"
  compare_gradebooks
else
  warm_up "$checker" "$root"
  grade_with class "$checker" "$root"
fi
echo "gradebook (first rows):"
head -n 8 "$work/grades/gradebook.csv"
