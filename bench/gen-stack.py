#!/usr/bin/env python3
"""A stack of N services for bench/up.sh: a binary dependency tree, one network, one named volume, busybox
sleeping (with init, so stops are quick). svc1's environment reads ${CHANGE:-0}, for the "one service changed"
row. No top-level name:, so docker-compose v1 reads it too. Usage: gen-stack.py N OUT"""
import sys

n, out = int(sys.argv[1]), sys.argv[2]
lines = ["services:"]
for i in range(n):
    lines += [f"  svc{i}:", "    image: jcompose/busybox:latest", "    init: true",
              "    command: [\"sleep\", \"3600\"]", "    networks: [back]"]
    if i > 0:
        lines += ["    depends_on:", f"      - svc{(i - 1) // 2}"]
    if i == 0:
        lines += ["    volumes:", "      - data:/data"]
    if i == 1:
        lines += ["    environment:", "      CHANGE: ${CHANGE:-0}"]
lines += ["networks:", "  back: {}", "volumes:", "  data: {}", ""]
open(out, "w").write("\n".join(lines))
