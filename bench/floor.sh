#!/usr/bin/env bash
# What a cold `up` costs before its first change, and how much of it any JVM client of the engine pays (issue 4's
# "cold up within 10% of the engine's time"). Rows, each the mean of hyperfine runs, whole process:
#   - the JVM alone (java -version)
#   - the JVM, then GET /_ping and a container list over the JDK's own Unix-domain socket, no HTTP library (Floor raw)
#   - the same two calls through docker-java's zerodep transport, configured as jcompose configures it (Floor zerodep)
#   - jcompose version: the JVM and picocli's model of the root and one command
#   - jcompose up -d --dry-run on a 10-service stack that is down: everything a cold up does before its first change
# then three cold ups of that stack with JCOMPOSE_TIMING: the engine-call time, its tenth (the budget), and what
# jcompose spent around the engine calls. Every java row gets a class-data archive of its own, as the launcher does.
# Needs the engine (scripts/engine.sh), the base images (scripts/base-images.sh) and hyperfine. Usage: bench/floor.sh [runs]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=${1:-20}
work=$(mktemp -d)
export JCOMPOSE_SETUP=0
command -v hyperfine >/dev/null || { echo "bench needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
"$here/jcompose" version >/dev/null # builds the jar and its archives when needed
jar="$here/cli/target/jcompose.jar"
stack=(-p floor -f "$work/s10.yaml")
trap '"$here/jcompose" "${stack[@]}" down -v -t 1 >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

python3 "$here/bench/gen-stack.py" 10 "$work/s10.yaml"
# (javac warns about docker-java's annotations, whose classes are not on the class path: noise, shown only on failure)
javac -cp "$jar" -d "$work/classes" "$here/bench/floor/Floor.java" 2>"$work/javac.log" || { cat "$work/javac.log" >&2; exit 1; }
(cd "$work/classes" && jar cf "$work/floor.jar" .)
jvm=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData)
for mode in raw zerodep; do
  java -XX:ArchiveClassesAtExit="$work/$mode.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off "${jvm[@]}" -cp "$work/floor.jar:$jar" Floor "$mode"
done
"$here/jcompose" "${stack[@]}" up -d --dry-run >/dev/null 2>&1 # the engine archive, if this build has none yet

row() { # name, command
  hyperfine -N -w 3 -r "$runs" --export-json "$work/r.json" "$2" >/dev/null 2>&1
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(f\"{sys.argv[2]:<58} {r['mean']*1000:6.0f} ms  ± {r['stddev']*1000:3.0f}\")" "$work/r.json" "$1"
}
echo "before the first change, mean of $runs runs (wall, whole process):"
row "JVM alone (java -version)" "java -Xshare:auto ${jvm[*]} -version"
row "JVM + JDK unix socket: ping, list (no HTTP library)" "java -XX:SharedArchiveFile=$work/raw.jsa -Xlog:cds=off ${jvm[*]} -cp $work/floor.jar:$jar Floor raw"
row "JVM + docker-java zerodep transport: ping, list" "java -XX:SharedArchiveFile=$work/zerodep.jsa -Xlog:cds=off ${jvm[*]} -cp $work/floor.jar:$jar Floor zerodep"
row "jcompose version (JVM + picocli)" "$here/jcompose version"
row "jcompose up -d --dry-run, 10 services, stack down" "$here/jcompose ${stack[*]} up -d --dry-run"

echo "cold up -d of the same 10 services (stack taken down before each):"
for i in 1 2 3; do
  "$here/jcompose" "${stack[@]}" down -v -t 1 >/dev/null 2>&1
  start=$(date +%s%N)
  JCOMPOSE_TIMING=1 "$here/jcompose" "${stack[@]}" up -d >"$work/out" 2>&1
  end=$(date +%s%N)
  engine=$(grep -o 'engine calls [0-9]*' "$work/out" | awk '{print $3}')
  wall=$(( (end - start) / 1000000 ))
  echo "  wall $wall ms, engine calls $engine ms: around them $((wall - engine)) ms, budget (a tenth of the engine's) $((engine / 10)) ms"
done
