#!/usr/bin/env bash
# Benchmark of image builds (issue 5) on the prod sample (samples/compose.yaml + compose.prod.yaml: the app's jar
# image and the nginx proxy, both FROM the local Debian image): jcompose and docker-compose v1 (Debian's 1.29.2),
# one after the other, on the same engine. Rows: a cold build (--no-cache), a rebuild with one file of the proxy's
# context changed (the app's build is all cache), and `up -d --build` after one more change (only the proxy is
# recreated). Each figure is the median of $RUNS runs (default 3), in ms. Needs the engine, the base images
# (scripts/engine.sh, scripts/base-images.sh), the sample jar (mvn package) and docker-compose.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=${RUNS:-3}
work=$(mktemp -d)
export JCOMPOSE_SETUP=0
command -v docker-compose >/dev/null || { echo "bench needs docker-compose (apt-get install docker-compose)" >&2; exit 1; }
"$here/jcompose" version >/dev/null
[ -f "$here/samples/app/target/sample-app.jar" ] || { echo "bench needs the sample jar: mvn package" >&2; exit 1; }

# a copy of the samples, so that the changes this makes never touch the repository
cp -r "$here/samples/." "$work/"
"$work/prod/make-secrets.sh" 2>/dev/null
sed -i '/^name:/d' "$work/compose.yaml" # v1 rejects the top-level name; -p names the project for both
conf="$work/prod/proxy/nginx.conf"
ms() { date +%s%N | cut -c1-13; }
median() { python3 -c "import sys,statistics; print(int(statistics.median(map(int, sys.argv[1:]))))" "$@"; }
jc() { "$here/jcompose" -p benchbuild -f "$work/compose.yaml" -f "$work/compose.prod.yaml" "$@"; }
v1() { docker-compose -p benchbuild -f "$work/compose.yaml" -f "$work/compose.prod.yaml" "$@"; }
cleanup() {
  jc down -v -t 1 --rmi local >/dev/null 2>&1 || true
  docker image prune -f --filter label=com.docker.compose.project=benchbuild >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# timed TOOL ARGS...: the command's wall time in ms
timed() {
  local tool=$1 start end; shift
  start=$(ms)
  "$tool" "$@" >"$work/out" 2>&1 || { cat "$work/out" >&2; exit 1; }
  end=$(ms)
  echo $((end - start))
}

printf '%-34s %10s %11s %7s\n' row jcompose compose-v1 ratio
for row in cold rebuild up-build; do
  declare -A t=()
  for tool in jc v1; do
    vals=()
    for _ in $(seq 1 "$runs"); do
      case $row in
        cold) vals+=("$(timed "$tool" build --no-cache)") ;;
        rebuild) echo "# change $RANDOM" >> "$conf"; vals+=("$(timed "$tool" build)") ;;
        up-build)
          "$tool" up -d >/dev/null 2>&1 # each tool from a stack it made itself
          echo "# change $RANDOM" >> "$conf"
          vals+=("$(timed "$tool" up -d --build)") ;;
      esac
    done
    t[$tool]=$(median "${vals[@]}")
  done
  label=$row
  case $row in
    cold) label="cold build (--no-cache), 2 images" ;;
    rebuild) label="rebuild, one proxy file changed" ;;
    up-build) label="up -d --build, one file changed" ;;
  esac
  printf '%-34s %10s %11s %7s\n' "$label" "${t[jc]}" "${t[v1]}" "$(python3 -c "print(f'{${t[jc]}/${t[v1]}:.2f}')")"
done
