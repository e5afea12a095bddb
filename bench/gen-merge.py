#!/usr/bin/env python3
"""Writes K override files for a project of N services, each changing environment, labels, ports and command of
every service, like layered dev/ci/prod overrides. Usage: gen-merge.py N K OUTDIR (writes base.yaml, o1.yaml...)"""
import os
import sys

n, k, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
os.makedirs(out, exist_ok=True)
base = ["services:"]
for i in range(n):
    base += [f"  svc{i}:", "    image: jcompose/busybox:latest", "    environment: [A=1, B=2]",
             "    labels: {tier: base}", f"    ports: [\"{9000 + i}:80\"]", "    networks: [back]"]
base += ["networks:", "  back: {}", ""]
open(os.path.join(out, "base.yaml"), "w").write("\n".join(base))
for j in range(1, k + 1):
    o = ["services:"]
    for i in range(n):
        o += [f"  svc{i}:", "    environment:", f"      B: override{j}", f"      C{j}: added",
              "    labels:", f"      - layer={j}", f"    command: [\"sleep\", \"{j}\"]",
              f"    ports: [\"{9000 + i}:80\", \"{20000 + j * 1000 + i}:81\"]"]
    o += [""]
    open(os.path.join(out, f"o{j}.yaml"), "w").write("\n".join(o))
