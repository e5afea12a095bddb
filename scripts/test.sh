#!/usr/bin/env bash
# Runs every test of the project: unit and golden tests, the reference's conformance cases (../shared), and the
# engine tests against a real Docker engine. Sets up what they need first, idempotently: the engine
# (scripts/engine.sh), the local base image (scripts/base-images.sh), the local registry (scripts/registry.sh),
# docker-compose v1, the peer the interoperability test compares with, and tmux, the terminal the terminal test
# types into.
# Extra arguments go to Maven, e.g. ./scripts/test.sh -pl compose-spec
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

"$here/scripts/engine.sh"
"$here/scripts/base-images.sh"
# the registry push/pull and the swarm bed's tests use; without it they fail saying so, and the others still run
"$here/scripts/registry.sh" >/dev/null || true
if ! command -v docker-compose >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "jcompose setup: installing Debian's docker-compose (v1) for the interoperability test..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
  else
    echo "jcompose setup: docker-compose is not installed; the interoperability test will fail (Debian: apt-get install docker-compose)" >&2
  fi
fi

if ! command -v tmux >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "jcompose setup: installing tmux for the terminal test (a real pseudo-terminal)..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux >/dev/null
  else
    echo "jcompose setup: tmux is not installed; the terminal test will fail (Debian: apt-get install tmux)" >&2
  fi
fi

cd "$here"
exec mvn -B verify "$@"
