#!/usr/bin/env bash
# Benchmark of jcompose as a library (issue 12): in one JVM (api/src/test/java/dev/jcompose/api/InProcessBench.java)
# against the CLI doing the same, on the same engine, one after the other. Rows:
#   - no-op up of a 50-service stack (bench/gen-stack.py): ComposeStack.up() on a stack that is up, median of $RUNS (100)
#     after as many warm-up calls; the CLI's `up -d --wait` on its own copy of the stack, median of $CLI_RUNS;
#   - up of the dev sample (samples/compose.yaml + compose.dev.yaml) from nothing (images built, Redis healthy, app
#     healthy), median of $COLD_RUNS, each followed by a down.
# Target (issue 12): in-process no-op up of 50 services under 30 ms median. Needs the engine and the base images
# (scripts/engine.sh, scripts/base-images.sh) and the built project (mvn -q package -DskipTests).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=${RUNS:-100}; cli_runs=${CLI_RUNS:-5}; cold_runs=${COLD_RUNS:-3}
work=$(mktemp -d)
export JCOMPOSE_SETUP=0
cd "$here"
# one Maven call: the reactor's own jars resolve only within the build that packages them
mvn -B -q -o -DskipTests package dependency:build-classpath -pl api -am -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp" >/dev/null
cp="$here/api/target/classes:$here/api/target/test-classes:$(cat "$work/cp")"
"$here/jcompose" version >/dev/null
python3 "$here/bench/gen-stack.py" 50 "$work/s50.yaml"
ms() { date +%s%N | cut -c1-13; }
median() { python3 -c "import sys,statistics; print(int(statistics.median(map(int, sys.argv[1:]))))" "$@"; }
cleanup() {
  "$here/jcompose" -p benchip50 -f "$work/s50.yaml" down -v -t 0 >/dev/null 2>&1 || true
  "$here/jcompose" -p benchcli50 -f "$work/s50.yaml" down -v -t 0 >/dev/null 2>&1 || true
  "$here/jcompose" -p benchipdev -f samples/compose.yaml -f samples/compose.dev.yaml down -v -t 0 >/dev/null 2>&1 || true
  "$here/jcompose" -p benchclidev -f samples/compose.yaml -f samples/compose.dev.yaml down -v -t 0 >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== no-op up, 50 services"
java -cp "$cp" dev.jcompose.api.InProcessBench noop "$runs" benchip50 "$work/s50.yaml"
"$here/jcompose" -p benchip50 -f "$work/s50.yaml" down -v -t 0 >/dev/null 2>&1
"$here/jcompose" -p benchcli50 -f "$work/s50.yaml" up -d --wait >/dev/null 2>&1
t=(); for _ in $(seq "$cli_runs"); do s=$(ms); "$here/jcompose" -p benchcli50 -f "$work/s50.yaml" up -d --wait >/dev/null 2>&1; t+=($(( $(ms) - s ))); done
echo "cli: no-op up -d --wait median $(median "${t[@]}") ms of $cli_runs (${t[*]})"
"$here/jcompose" -p benchcli50 -f "$work/s50.yaml" down -v -t 0 >/dev/null 2>&1

echo "== up of the dev sample from nothing"
java -cp "$cp" dev.jcompose.api.InProcessBench cold "$cold_runs" benchipdev samples/compose.yaml samples/compose.dev.yaml
t=(); for _ in $(seq "$cold_runs"); do
  s=$(ms); "$here/jcompose" -p benchclidev -f samples/compose.yaml -f samples/compose.dev.yaml up -d --wait >/dev/null 2>&1; t+=($(( $(ms) - s )))
  "$here/jcompose" -p benchclidev -f samples/compose.yaml -f samples/compose.dev.yaml down -v -t 1 >/dev/null 2>&1
done
echo "cli: up -d --wait from nothing median $(median "${t[@]}") ms of $cold_runs (${t[*]})"
