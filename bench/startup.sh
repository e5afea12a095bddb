#!/usr/bin/env bash
# Start-up benchmark (issue 13): the commands a person types most, timed end to end as a shell runs them, beside
# `docker ps` (one list call by a native client: the floor of any engine command) and docker-compose v1 (Debian's
# 1.29.2). Rows: `version`; `config` of the dev sample; `ps` of the dev sample (not running: one list call); `ps` of
# a 50-service stack that is up. Each figure is the median of $RUNS runs (default 7) after one unmeasured run (which
# makes the class-data archives), in milliseconds; the ratios are jcompose's time over docker ps's and over v1's.
# JCOMPOSE=path/to/launcher times another build (e.g. an older commit's, for a before/after). Needs the engine and
# base images (scripts/engine.sh, scripts/base-images.sh) and docker-compose.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jc="${JCOMPOSE:-$here/jcompose}"
runs=${RUNS:-7}
work=$(mktemp -d)
export JCOMPOSE_SETUP=0
command -v docker-compose >/dev/null || { echo "bench needs docker-compose (apt-get install docker-compose)" >&2; exit 1; }
"$jc" version >/dev/null
python3 "$here/bench/gen-stack.py" 50 "$work/s50.yaml"
dev=(-f "$here/samples/compose.yaml" -f "$here/samples/compose.dev.yaml")
cleanup() { "$jc" -p benchstart50 -f "$work/s50.yaml" down -v -t 0 >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
"$jc" -p benchstart50 -f "$work/s50.yaml" up -d >/dev/null 2>&1

ms() { date +%s%N | cut -c1-13; }
# time CMD...: the median wall time of the command, in ms (its output dropped); "n/a" when it fails (v1 cannot read
# every file v2 reads: the dev sample's top-level name, for one)
time_of() {
  "$@" >/dev/null 2>&1 || { echo n/a; return; }
  local t=() s
  for _ in $(seq "$runs"); do s=$(ms); "$@" >/dev/null 2>&1; t+=($(( $(ms) - s ))); done
  python3 -c "import sys,statistics; print(int(statistics.median(map(int, sys.argv[1:]))))" "${t[@]}"
}
docker_ps=$(time_of docker ps -a --filter label=com.docker.compose.project=benchstart50)
printf '%-28s %10s %10s %10s %12s %10s\n' row jcompose "docker ps" "v1" "jc/docker" "jc/v1"
row() { # NAME JCOMPOSE-ARGS -- V1-ARGS
  local name=$1; shift
  local jargs=() v1args=()
  while [ "$1" != -- ]; do jargs+=("$1"); shift; done; shift
  v1args=("$@")
  local j v
  j=$(time_of "$jc" "${jargs[@]}")
  [ "$j" = n/a ] && { echo "bench: jcompose ${jargs[*]} failed" >&2; exit 1; }
  v=$(time_of docker-compose "${v1args[@]}")
  python3 -c "
import sys
n, j, d, v = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
ratio = 'n/a' if v == 'n/a' else f'{j / int(v):.2f}'
print(f'{n:<28} {j:>10} {d:>10} {v:>10} {j / d:>12.2f} {ratio:>10}')" "$name" "$j" "$docker_ps" "$v"
}
row "version" version --short -- version --short
row "config (dev sample)" "${dev[@]}" config -- "${dev[@]}" config
row "ps (dev sample, not up)" -p benchstartdev "${dev[@]}" ps -- -p benchstartdev "${dev[@]}" ps
row "ps (50 services, up)" -p benchstart50 -f "$work/s50.yaml" ps -- -p benchstart50 -f "$work/s50.yaml" ps
