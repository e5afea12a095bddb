#!/usr/bin/env bash
# Makes the local base images the samples and tests use; no registry is needed or reachable.
#  jcompose/busybox:latest  a rootfs holding Debian's static /bin/busybox and its applet links (docker import)
# Idempotent: an image that exists is left as it is (quick path), unless --force.
set -euo pipefail

say() { echo "jcompose setup: $*" >&2; }
force=${1:-}
docker_api() { curl -sf --unix-socket /var/run/docker.sock "http://localhost$1"; }
have_image() {
  if [ -n "${DOCKER_HOST:-}" ]; then docker image inspect "$1" >/dev/null 2>&1; else docker_api "/images/$1/json" >/dev/null; fi
}

busybox_tag=jcompose/busybox:latest
if [ "$force" != --force ] && have_image "$busybox_tag"; then exit 0; fi

if [ ! -x /bin/busybox ] || ! /bin/busybox --list-full >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's busybox-static for the base image..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq busybox-static >/dev/null
  else
    say "need a static /bin/busybox (Debian: busybox-static) to make $busybox_tag"; exit 1
  fi
fi
if ldd /bin/busybox >/dev/null 2>&1; then
  say "/bin/busybox is dynamically linked; install busybox-static"; exit 1
fi

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,etc,tmp,root,var/www,proc,sys,dev}
chmod 1777 "$root/tmp"
cp /bin/busybox "$root/bin/busybox"
for applet in $(/bin/busybox --list-full); do
  [ "$applet" = bin/busybox ] || ln -sf /bin/busybox "$root/$applet"
done
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' > "$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$root/etc/group"
say "making $busybox_tag from Debian's busybox-static..."
tar -C "$root" -c . | docker import \
  -c 'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin' \
  -c 'CMD ["sh"]' \
  -m "busybox-static from Debian, made by jcompose scripts/base-images.sh" \
  - "$busybox_tag" >/dev/null
say "made $busybox_tag"
