#!/usr/bin/env bash
# Makes sure a Docker engine answers, starting one when none does. Idempotent.
#  - DOCKER_HOST set, or the default socket answers /_ping: nothing to do.
#  - Otherwise installs Debian's docker.io when dockerd is missing (root + apt-get only, and says so),
#    starts dockerd in the background with its log in $JCOMPOSE_DOCKERD_LOG, and waits for the socket.
# It never stops or kills a daemon: one it did not start is none of its business, and one it started
# keeps running for the next command.
set -euo pipefail

socket=/var/run/docker.sock
log=${JCOMPOSE_DOCKERD_LOG:-/var/log/jcompose-dockerd.log}
wait_seconds=${JCOMPOSE_ENGINE_WAIT:-60}

say() { echo "jcompose setup: $*" >&2; }

ping_engine() {
  if [ -n "${DOCKER_HOST:-}" ]; then
    case "$DOCKER_HOST" in
      unix://*) curl -sf --max-time 2 --unix-socket "${DOCKER_HOST#unix://}" http://localhost/_ping >/dev/null ;;
      tcp://*)  curl -sf --max-time 2 "http://${DOCKER_HOST#tcp://}/_ping" >/dev/null ;;
      *) return 0 ;; # a transport curl cannot speak (ssh://, npipe): trust the user's setting
    esac
  else
    [ -S "$socket" ] && curl -sf --max-time 2 --unix-socket "$socket" http://localhost/_ping >/dev/null
  fi
}

if ping_engine; then exit 0; fi
if [ -n "${DOCKER_HOST:-}" ]; then
  say "DOCKER_HOST=$DOCKER_HOST does not answer; start that engine, or unset DOCKER_HOST to use a local one."
  exit 4
fi

if ! command -v dockerd >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    say "no Docker engine answers at $socket and dockerd is not installed."
    say "Install Docker (Debian: apt-get install docker.io) and start it, or set DOCKER_HOST."
    exit 4
  fi
  say "no Docker engine found: installing Debian's docker.io (apt-get)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq docker.io >/dev/null
fi

if [ "$(id -u)" != 0 ]; then
  say "no Docker engine answers at $socket, and starting dockerd needs root. Start it (sudo dockerd &) or set DOCKER_HOST."
  exit 4
fi

# The engine gives a network made without a subnet the next of its address pools in turn, reaching 192.168.0.0/16
# after some thirty networks (a test run makes more), where docker compose's e2e scenarios ask for that fixed subnet:
# their create then fails with "Pool overlaps". So a dockerd started here takes /24s from 10.222.0.0/16 instead
# (256 networks), unless daemon.json says otherwise (a flag and a daemon.json entry for the same setting would clash).
pools=(--default-address-pool base=10.222.0.0/16,size=24)
grep -qs default-address-pools /etc/docker/daemon.json && pools=()
say "starting dockerd in the background (log: $log)..."
mkdir -p "$(dirname "$log")"
# a session of its own: the engine outlives the shell, job or agent that started it (one whose process group is
# killed when it ends would take the engine, and every later command's stack, with it)
if command -v setsid >/dev/null 2>&1; then
  setsid nohup dockerd "${pools[@]}" >>"$log" 2>&1 </dev/null &
else
  nohup dockerd "${pools[@]}" >>"$log" 2>&1 </dev/null &
fi
for _ in $(seq 1 "$wait_seconds"); do
  if ping_engine; then say "engine is up."; exit 0; fi
  sleep 1
done
say "dockerd did not answer on $socket within ${wait_seconds}s. Last lines of $log:"
tail -n 20 "$log" >&2 || true
exit 4
