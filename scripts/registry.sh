#!/usr/bin/env bash
# Makes sure a local image registry answers, starting one when none does. Idempotent. Prints its addresses, one
# a line: 127.0.0.1:5000 (the main engine's; the engine trusts plain HTTP on loopback without being told), then
# 10.231.0.1:5000 (the same registry as the swarm bed's nodes reach it; they are started with --insecure-registry).
#  - Installs Debian's docker-registry (distribution 2.8) when it is missing (root + apt-get only, and says so).
#  - Runs one registry process per address, both over one storage folder ($JCOMPOSE_REGISTRY_DIR, default
#    /var/lib/jcompose-registry: storage/, a config and a log per address), so an image pushed to one is there under
#    the other. No auth, deletes enabled; plain HTTP on addresses no other machine reaches.
#  - The second address lives on the swarm bed's hub: a network namespace jcb-hub with a bridge, and the host's end
#    jcb0 (10.231.0.1/24) of a veth into it; made here when missing and left in place (SwarmBed uses it as it finds it).
# It never stops a registry: one that answers is left alone, whoever started it.
set -euo pipefail

dir=${JCOMPOSE_REGISTRY_DIR:-/var/lib/jcompose-registry}
wait_seconds=${JCOMPOSE_REGISTRY_WAIT:-20}
loopback=127.0.0.1:5000
bed=10.231.0.1:5000

say() { echo "jcompose setup: $*" >&2; }

answers() { curl -sf --max-time 2 "http://$1/v2/" >/dev/null; }

if ! command -v docker-registry >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    say "docker-registry is not installed (Debian: apt-get install docker-registry); the registry tests will fail."
    exit 4
  fi
  say "installing Debian's docker-registry (apt-get)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq docker-registry >/dev/null 2>&1 || { apt-get update -qq >/dev/null; apt-get install -y -qq docker-registry >/dev/null; }
fi

# the bed's hub, for the second address (the same steps as SwarmBed's BedNetwork)
hub() {
  [ -e /run/netns/jcb-hub ] && [ -e /sys/class/net/jcb0 ] && return 0
  if [ "$(id -u)" != 0 ]; then say "the swarm bed's address 10.231.0.1 needs root (a network namespace); serving loopback only."; return 1; fi
  [ -e /run/netns/jcb-hub ] && ip netns del jcb-hub
  ip netns add jcb-hub
  ip -n jcb-hub link set lo up
  ip -n jcb-hub link add br0 type bridge
  ip -n jcb-hub link set br0 up
  ip link add jcb0 type veth peer name uplink netns jcb-hub
  ip -n jcb-hub link set uplink master br0 up
  ip addr add 10.231.0.1/24 dev jcb0
  ip link set jcb0 up
}

serve() { # ADDRESS
  local addr=$1 name=${1//[.:]/-}
  if answers "$addr"; then return 0; fi
  mkdir -p "$dir/storage"
  cat >"$dir/config-$name.yml" <<EOF
version: 0.1
log:
  level: warn
  fields:
    service: jcompose-registry
storage:
  filesystem:
    rootdirectory: $dir/storage
  delete:
    enabled: true
  cache:
    blobdescriptor: inmemory
http:
  addr: $addr
  # the same secret for both listeners: they share one storage
  secret: jcompose-local-registry
EOF
  # a session of its own, as scripts/engine.sh starts dockerd: it outlives the shell or job that started it
  setsid nohup docker-registry serve "$dir/config-$name.yml" >>"$dir/registry-$name.log" 2>&1 </dev/null &
  for _ in $(seq 1 $((wait_seconds * 10))); do
    if answers "$addr"; then say "registry is up on $addr (storage $dir/storage)."; return 0; fi
    sleep 0.1
  done
  say "the registry did not answer on $addr within ${wait_seconds}s. Last lines of $dir/registry-$name.log:"
  tail -n 10 "$dir/registry-$name.log" >&2 || true
  return 4
}

serve "$loopback" || exit 4
echo "$loopback"
if hub; then
  serve "$bed" || exit 4
  echo "$bed"
fi
