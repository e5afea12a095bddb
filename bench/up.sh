#!/usr/bin/env bash
# Benchmark of up/down (issue 4): jcompose and docker-compose v1 (Debian's 1.29.2) on the same engine, one after
# the other, on generated stacks of 10 and 50 services (bench/gen-stack.py). Rows: cold up -d, up -d with
# nothing changed, up -d with one service changed, down. Each figure is the median of $RUNS runs (default 3).
# jcompose also reports the wall time of its engine calls alone (JCOMPOSE_TIMING): the "engine" column, against
# which cold up is judged (target: within 10%). Needs the engine and base image: scripts/engine.sh and
# scripts/base-images.sh, and docker-compose.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=${RUNS:-3}
work=$(mktemp -d)
export JCOMPOSE_SETUP=0
command -v docker-compose >/dev/null || { echo "bench needs docker-compose (apt-get install docker-compose)" >&2; exit 1; }
"$here/jcompose" version >/dev/null

ms() { date +%s%N | cut -c1-13; }
median() { python3 -c "import sys,statistics; print(int(statistics.median(map(int, sys.argv[1:]))))" "$@"; }
cleanup() {
  for n in 10 50; do
    for p in "bench${n}j" "bench${n}v"; do "$here/jcompose" -p "$p" -f "$work/s$n.yaml" down -v -t 1 >/dev/null 2>&1 || true; done
  done
  rm -rf "$work"
}
trap cleanup EXIT

# Each tool gets a project of its own (benchNj, benchNv) and the other's is taken down before it is measured: on
# one shared project each tool would recreate all the other's containers (their config hashes differ), churn that
# is no row of the table and that makes Engine 20.10 lose count of a network's endpoints (moby#42119).
project() { if [ "$1" = jcompose ]; then echo "bench${2}j"; else echo "bench${2}v"; fi; }
up_with() { # TOOL N: the stack up, by that tool, in the state the file describes (CHANGE=0)
  if [ "$1" = jcompose ]; then CHANGE=0 "$here/jcompose" -p "$(project "$1" "$2")" -f "$work/s$2.yaml" up -d >/dev/null 2>&1
  else CHANGE=0 docker-compose -p "$(project "$1" "$2")" -f "$work/s$2.yaml" up -d >/dev/null 2>&1; fi || true
}
down_all() { # TOOL N: that tool's stack, gone (a network the engine lost count of stays, and is used again by the next up)
  "$here/jcompose" -p "$(project "$1" "$2")" -f "$work/s$2.yaml" down -v -t 1 >"$work/down.out" 2>&1 \
    || { echo "bench: down of $(project "$1" "$2") failed (figures go on): $(tail -1 "$work/down.out")" >&2; }
}

# run TOOL N PHASE: prints the milliseconds the phase took (for jcompose also the engine-call time, after a space)
run() {
  local tool=$1 n=$2 phase=$3 file="$work/s$n.yaml" project change=0 start end engine=""
  project=$(project "$tool" "$n")
  [ "$phase" = change ] && change=$RANDOM
  local cmd
  if [ "$tool" = jcompose ]; then cmd=("$here/jcompose" -p "$project" -f "$file"); else cmd=(docker-compose -p "$project" -f "$file"); fi
  start=$(ms)
  local rc=0
  if [ "$phase" = down ]; then
    CHANGE=$change JCOMPOSE_TIMING=1 "${cmd[@]}" down -t 1 >"$work/out" 2>&1 || rc=$?
  else
    CHANGE=$change JCOMPOSE_TIMING=1 "${cmd[@]}" up -d >"$work/out" 2>&1 || rc=$?
  fi
  end=$(ms)
  if [ "$rc" != 0 ]; then # a failed run measures nothing: say so rather than print a figure
    echo "bench: $tool $phase on $n services exited $rc:" >&2
    tail -5 "$work/out" >&2
    echo "FAILED"
    return
  fi
  [ "$tool" = jcompose ] && engine=$(grep -o 'engine calls [0-9]*' "$work/out" | awk '{s+=$3} END {print s+0}')
  echo "$((end - start)) $engine"
}

printf '%-9s %-14s %10s %12s %10s %9s\n' stack row jcompose "(engine)" compose-v1 ratio
for n in ${SIZES:-10 50}; do
  python3 "$here/bench/gen-stack.py" "$n" "$work/s$n.yaml"
  for phase in cold noop change down; do
    declare -A t=() e=()
    for tool in jcompose docker-compose; do
      vals=() evals=()
      other=docker-compose; [ "$tool" = docker-compose ] && other=jcompose
      down_all "$other" "$n"
      for _ in $(seq 1 "$runs"); do
        # each phase starts from the state it measures: nothing for cold, a running stack for the others
        if [ "$phase" = cold ]; then down_all "$tool" "$n"; else up_with "$tool" "$n"; fi
        read -r v ev < <(run "$tool" "$n" "$phase")
        [ "$v" = FAILED ] && exit 1
        vals+=("$v"); [ -n "${ev:-}" ] && evals+=("$ev")
      done
      t[$tool]=$(median "${vals[@]}")
      [ ${#evals[@]} -gt 0 ] && e[$tool]=$(median "${evals[@]}")
    done
    ratio=$(python3 -c "print(f'{${t[docker-compose]}/max(1,${t[jcompose]}):.1f}x')")
    printf '%-9s %-14s %8s ms %9s ms %7s ms %9s\n' "$n svc" "$phase" "${t[jcompose]}" "${e[jcompose]:--}" "${t[docker-compose]}" "$ratio"
  done
done
echo "ratio = docker-compose v1 time / jcompose time (above 1: jcompose is faster)"
