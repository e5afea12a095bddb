#!/usr/bin/env bash
# Peak memory of jcompose under load (issue 15), as the peak resident set size of its process (GNU time's %M, the
# kernel's VmHWM of the JVM the launcher execs):
#   - `logs -f` of a container that writes LOG_MB (default 1024) MB of numbered lines while it is followed; the lines
#     printed are counted and checked: none lost, none duplicated, none out of order. Target: under 128 MB.
#   - `up -d` of SERVICES (default 200) services from nothing (bench/gen-stack.py's stack). Target: under 256 MB.
#   - `version`, for scale: what the JVM and the CLI take before any work.
# Prints one line per row (peak RSS, wall time, and for logs the line count). Speed and memory are checked here, by
# a benchmark, never by timed unit tests. Needs the engine and base image (scripts/engine.sh, scripts/base-images.sh)
# and GNU time (/usr/bin/time). Usage: bench/memory.sh   (LOG_MB=64 SERVICES=20 for a quick run)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log_mb=${LOG_MB:-1024}
services=${SERVICES:-200}
work=$(mktemp -d)
export JCOMPOSE_SETUP=0
[ -x /usr/bin/time ] || { echo "bench needs GNU time (apt-get install time)" >&2; exit 1; }
"$here/jcompose" version >/dev/null # builds the jar and its archives when needed
logs_project="benchmem-logs-$$"
up_project="benchmem-up-$$"
cleanup() {
  "$here/jcompose" -p "$logs_project" -f "$work/logs.yaml" down -v -t 1 >/dev/null 2>&1 || true
  "$here/jcompose" -p "$up_project" -f "$work/stack.yaml" down -v -t 1 >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# peak RSS in MB and wall time in s of one jcompose command: "<MB> <s>"; its stdout goes to $work/out
measure() {
  /usr/bin/time -f '%M %e' -o "$work/time" "$here/jcompose" "$@" >"$work/out" 2>"$work/err" \
    || { echo "bench: jcompose $* failed:" >&2; tail -5 "$work/err" >&2; exit 1; }
  awk '{printf "%.0f %s\n", $1 / 1024, $2}' "$work/time"
}

read -r mb s < <(measure version)
printf '%-44s %6s MB peak RSS  %7s s\n' "version" "$mb" "$s"

# 100-byte lines (a 10-digit number, a space, 88 x's, the newline)
lines=$(( log_mb * 1024 * 1024 / 100 ))
cat >"$work/logs.yaml" <<EOF
services:
  chatty:
    image: jcompose/busybox:latest
    command: ["awk", "BEGIN { pad = sprintf(\"%88s\", \"\"); gsub(/ /, \"x\", pad); for (i = 1; i <= $lines; i++) printf \"%010d %s\\\\n\", i, pad }"]
EOF
"$here/jcompose" -p "$logs_project" -f "$work/logs.yaml" up -d >/dev/null 2>&1
read -r mb s < <(measure -p "$logs_project" -f "$work/logs.yaml" logs -f --no-log-prefix)
read -r count wrong < <(awk '{ n = $1 + 0; if (n != NR) bad++ } END { print NR, bad + 0 }' "$work/out")
status="lines $count of $lines, $wrong out of place"
[ "$count" = "$lines" ] && [ "$wrong" = 0 ] || status="$status: LOST OR MISPLACED LINES"
printf '%-44s %6s MB peak RSS  %7s s  %s\n' "logs -f, $log_mb MB written while followed" "$mb" "$s" "$status"

python3 "$here/bench/gen-stack.py" "$services" "$work/stack.yaml"
read -r mb s < <(measure -p "$up_project" -f "$work/stack.yaml" up -d)
printf '%-44s %6s MB peak RSS  %7s s\n' "up -d, $services services from nothing" "$mb" "$s"
echo "targets (issue 15): logs -f under 128 MB, up -d of 200 services under 256 MB"
