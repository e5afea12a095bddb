#!/usr/bin/env bash
# Makes the local base images the samples and tests use; no registry is needed or reachable.
#  jcompose/busybox:latest   a rootfs holding Debian's static /bin/busybox and its applet links (docker import)
#  jcompose/debian:bookworm  a Debian 12 rootfs made by mmdebstrap with a JRE 17, Redis, nginx and busybox
#                            (what the samples build FROM; about a minute the first time)
# Idempotent: an image that exists is left as it is (quick path), unless --force.
set -euo pipefail

say() { echo "jcompose setup: $*" >&2; }
force=${1:-}
docker_api() { curl -sf --unix-socket /var/run/docker.sock "http://localhost$1"; }
have_image() {
  if [ -n "${DOCKER_HOST:-}" ]; then docker image inspect "$1" >/dev/null 2>&1; else docker_api "/images/$1/json" >/dev/null; fi
}

busybox_tag=jcompose/busybox:latest
debian_tag=jcompose/debian:bookworm
debian_packages=openjdk-17-jre-headless,redis-server,nginx-light,busybox

need_root_apt() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then say "$1"; exit 1; fi
}

# apt-get install, refreshing the package lists first when they are too old to find the package
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "$@" >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq "$@" >/dev/null; }
}

make_debian() {
  if [ "$force" != --force ] && have_image "$debian_tag"; then return 0; fi
  if ! command -v mmdebstrap >/dev/null; then
    need_root_apt "need mmdebstrap (Debian: apt-get install mmdebstrap) to make $debian_tag"
    say "installing Debian's mmdebstrap for the base image..."
    apt_install mmdebstrap
  fi
  local out
  out=$(mktemp -d)
  say "making $debian_tag with mmdebstrap ($debian_packages; about a minute)..."
  # no man pages, docs or locales in the image; the JRE's post-install still wants the man1 folder to exist
  if ! mmdebstrap --variant=apt --include="$debian_packages" \
      --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
      --dpkgopt='path-exclude=/usr/share/locale/*' --setup-hook='mkdir -p "$1/usr/share/man/man1"' \
      bookworm "$out/rootfs.tar" >"$out/mmdebstrap.log" 2>&1; then
    tail -20 "$out/mmdebstrap.log" >&2
    say "mmdebstrap failed (log above)"; rm -rf "$out"; exit 1
  fi
  docker import \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'CMD ["bash"]' \
    -m "Debian bookworm with $debian_packages, made by jcompose scripts/base-images.sh" \
    "$out/rootfs.tar" "$debian_tag" >/dev/null
  rm -rf "$out"
  say "made $debian_tag"
}

make_busybox() {
  if [ "$force" != --force ] && have_image "$busybox_tag"; then return 0; fi

  if [ ! -x /bin/busybox ] || ! /bin/busybox --list-full >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "installing Debian's busybox-static for the base image..."
      apt_install busybox-static
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
}

make_busybox
make_debian
