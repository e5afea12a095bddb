#!/usr/bin/env bash
# Benchmark of `jcompose config` (issue 3): whole-command wall time, JVM start included, with hyperfine.
#   - generated files of 100, 1000 and 10000 services (growth should be linear: the 10000/1000 ratio near 10)
#   - a 5-file merge (base + 4 overrides) of 200 services
#   - docker-compose v1 (Debian's 1.29.2) on the 1000-service file, for comparison, when it is installed
# Target: 1000 services under 0.5 s. Usage: bench/config.sh [runs]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=${1:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v hyperfine >/dev/null || { echo "bench needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }

export JCOMPOSE_SETUP=0
"$here/jcompose" version >/dev/null   # builds the jar and its class-data archive when needed
for n in 100 1000 10000; do python3 "$here/bench/gen-services.py" "$n" "$work/s$n.yaml"; done
python3 "$here/bench/gen-merge.py" 200 4 "$work/merge"

mean() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['mean'])" "$1"; }
last=0
row() { # name, runs, command; prints the row and leaves the mean in $last
  hyperfine -N -w 1 -r "$2" --export-json "$work/r.json" "$3" >/dev/null 2>&1
  last=$(mean "$work/r.json")
  printf '%-40s %8.3f s\n' "$1" "$last"
}
m=$work/merge
echo "jcompose config, mean of $runs runs (wall, whole command):"
row "2 services (the hello sample)" "$runs" "$here/jcompose -f $here/samples/hello/compose.yaml config -o /dev/null"; t2=$last
row "100 services" "$runs" "$here/jcompose -p b -f $work/s100.yaml config -o /dev/null"; t100=$last
row "1000 services" "$runs" "$here/jcompose -p b -f $work/s1000.yaml config -o /dev/null"; t1000=$last
row "10000 services" "$runs" "$here/jcompose -p b -f $work/s10000.yaml config -o /dev/null"; t10000=$last
row "5-file merge, 200 services" "$runs" "$here/jcompose -p b -f $m/base.yaml -f $m/o1.yaml -f $m/o2.yaml -f $m/o3.yaml -f $m/o4.yaml config -o /dev/null"
python3 - "$t2" "$t100" "$t1000" "$t10000" <<'PY'
import sys
t2, t100, t1000, t10000 = map(float, sys.argv[1:])
# the JVM's fixed start-up (the 2-service row) is in every row; growth is judged on what the services add
print(f"per service, above the fixed start-up: 100: {(t100 - t2) / 100 * 1000:.2f} ms, 1000: {(t1000 - t2) / 1000 * 1000:.2f} ms, "
      f"10000: {(t10000 - t2) / 10000 * 1000:.2f} ms (flat or falling = linear)")
print(f"target: 1000 services under 0.5 s -> {'met' if t1000 < 0.5 else 'NOT met'} ({t1000:.3f} s)")
PY
if command -v docker-compose >/dev/null; then
  row "docker-compose v1: 1000 services" 3 "docker-compose -p b -f $work/s1000.yaml config"
  python3 -c "import sys; print(f'jcompose is x{float(sys.argv[1]) / float(sys.argv[2]):.1f} faster on 1000 services')" "$last" "$t1000"
fi
