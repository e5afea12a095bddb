#!/usr/bin/env bash
# Makes the prod sample's Redis password (prod/secrets/redis_password.txt), readable by its owner only.
# Idempotent: an existing password is kept, so the data it protects stays reachable.
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/secrets"
file="$dir/redis_password.txt"
mkdir -p "$dir"
if [ ! -s "$file" ]; then
  (umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$file")
  echo "made $file" >&2
fi
