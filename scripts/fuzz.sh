#!/usr/bin/env bash
# Fuzzes the Rust core with cargo-fuzz (libFuzzer): scripts/fuzz.sh [seconds-per-target] [target...]
#
#   seconds-per-target  wall-clock limit per target (default 60)
#   target...           any of: figures check score tables (default: all four, one after another)
#
# Environment:
#   FUZZ_RUNS=N         also stop a target after N executions in all (e.g. 10000000 for the 10^7 acceptance
#                       bar; split evenly between the FUZZ_JOBS processes)
#   FUZZ_MAX_LEN=N      input size limit for check/score/tables (default 65536, so the 49 KB seed text fits
#                       whole; 1024 runs several times faster); figures always uses 256
#   FUZZ_SANITIZER=...  address (default) or none; the core is #![forbid(unsafe_code)], so `none` loses
#                       little and runs faster
#   FUZZ_JOBS=N         run N fuzzing processes per target (default 1; the machine has 2 cores)
#
# Idempotent: installs cargo-fuzz only when missing, (re)seeds fuzz/corpus/<target>/ from tests/fixtures/
# (corpus entries found earlier are kept), and prints each target's execution count and speed from
# libFuzzer's final stats. Only a stable toolchain is needed: RUSTC_BOOTSTRAP=1 lets it take the -Z
# flags cargo-fuzz passes. Crash inputs land in fuzz/artifacts/<target>/; the script exits 1 if any
# target failed. Replay saved inputs with `cargo test --test fuzz_regressions`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export RUSTC_BOOTSTRAP=1

SECONDS_PER_TARGET="${1:-60}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(figures check score tables)
SANITIZER="${FUZZ_SANITIZER:-address}"
JOBS="${FUZZ_JOBS:-1}"

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

# ---- seed corpora (copies; fuzz/corpus/ is git-ignored) ----
seed() {
  local dir="fuzz/corpus/$1"
  mkdir -p "$dir"
  shift
  local f
  for f in "$@"; do
    [ -f "$f" ] && cp -f "$f" "$dir/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
  done
}
SPLIT="fuzz/target/seed-split"
rm -rf "$SPLIT"
mkdir -p "$SPLIT/narrative" "$SPLIT/cells"
# narrative snippets, one file each; table cells (figures target), one file each, at most 256 bytes
node -e '
const fs = require("fs"), path = require("path");
const [out, cases, ...tables] = process.argv.slice(1);
JSON.parse(fs.readFileSync(cases, "utf8")).forEach((c, i) =>
  fs.writeFileSync(path.join(out, "narrative", `case-${String(i).padStart(2, "0")}.txt`), c.text));
const cells = new Set();
for (const t of tables)
  for (const cell of fs.readFileSync(t, "utf8").split(/[\t\r\n]+/))
    if (/[0-9０-９]/.test(cell) && Buffer.byteLength(cell) <= 256) cells.add(cell.trim());
[...cells].slice(0, 400).forEach((c, i) => fs.writeFileSync(path.join(out, "cells", `cell-${i}.txt`), c));
' "$SPLIT" tests/fixtures/narrative/cases.json tests/fixtures/seed/tables/*.tsv tests/fixtures/tables/*

TEXTS=(tests/fixtures/seed/seed.txt tests/fixtures/seed/tables/*.tsv tests/fixtures/tables/* "$SPLIT"/narrative/*)
seed figures "$SPLIT"/cells/* tests/fixtures/fuzz/figures/*
seed check "${TEXTS[@]}" tests/fixtures/fuzz/check/*
seed score "${TEXTS[@]}" tests/fixtures/fuzz/score/*
seed tables "${TEXTS[@]}" tests/fixtures/fuzz/tables/*

max_len() {
  case "$1" in
    figures) echo 256 ;;
    *) echo "${FUZZ_MAX_LEN:-65536}" ;; # the 49 KB seed text fits whole
  esac
}

# ---- build once, then run each target in turn ----
cargo fuzz build -s "$SANITIZER" -a
mkdir -p fuzz/target/logs
declare -A EXECS SPEED STATUS TIME
failed=0
for t in "${TARGETS[@]}"; do
  log="fuzz/target/logs/$t.log"
  args=(-max_len="$(max_len "$t")" -max_total_time="$SECONDS_PER_TARGET" -print_final_stats=1
        -dict=fuzz/juesuan.dict -timeout=10 -rss_limit_mb=4096)
  [ -z "${FUZZ_RUNS:-}" ] || args+=(-runs="$(((FUZZ_RUNS + JOBS - 1) / JOBS))")
  if [ "$JOBS" -gt 1 ]; then args+=(-jobs="$JOBS" -workers="$JOBS"); fi
  echo "==== fuzz $t (${SECONDS_PER_TARGET}s${FUZZ_RUNS:+, at most $FUZZ_RUNS runs}, sanitizer $SANITIZER) ===="
  start=$(date +%s)
  if cargo fuzz run -s "$SANITIZER" -a "$t" -- "${args[@]}" >"$log" 2>&1; then
    STATUS[$t]=ok
  else
    STATUS[$t]="FAILED (see $log and fuzz/artifacts/$t/)"
    failed=1
    grep -E "panicked at|ERROR: libFuzzer|SUMMARY" "$log" | head -5 || true
  fi
  TIME[$t]=$(($(date +%s) - start))
  # with -jobs the stats are in fuzz-N.log, one per worker; sum the executions
  logs=("$log")
  if [ "$JOBS" -gt 1 ]; then logs=(fuzz-*.log); fi
  EXECS[$t]=$(cat "${logs[@]}" | awk '/stat::number_of_executed_units/ {s += $2} END {print s + 0}')
  SPEED[$t]=$(cat "${logs[@]}" | awk '/stat::average_exec_per_sec/ {s += $2} END {print s + 0}')
  if [ "$JOBS" -gt 1 ]; then
    for f in fuzz-*.log; do mv -f "$f" "fuzz/target/logs/$t-$f"; done
  fi
done

echo
printf '%-8s %14s %10s %7s  %s\n' target executions exec/s seconds status
for t in "${TARGETS[@]}"; do
  printf '%-8s %14s %10s %7s  %s\n' "$t" "${EXECS[$t]}" "${SPEED[$t]}" "${TIME[$t]}" "${STATUS[$t]}"
done
exit "$failed"
