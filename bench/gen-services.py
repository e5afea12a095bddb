#!/usr/bin/env python3
"""Writes a Compose file of N services: a dependency chain in groups of ten, one network, one named volume,
ports, environment, labels, healthchecks - the shape of a large real-world file. Usage: gen-services.py N OUT"""
import sys

n, out = int(sys.argv[1]), sys.argv[2]
lines = ["services:"]
for i in range(n):
    lines += [
        f"  svc{i}:",
        "    image: jcompose/busybox:latest",
        f"    command: [\"sh\", \"-c\", \"echo svc{i} && sleep 3600\"]",
        "    environment:",
        f"      SERVICE_INDEX: \"{i}\"",
        "      LOG_LEVEL: ${LOG_LEVEL:-info}",
        "    labels:",
        f"      - com.example.index={i}",
        "    networks: [back]",
        "    healthcheck:",
        "      test: [\"CMD\", \"true\"]",
        "      interval: 30s",
    ]
    if i % 10 != 0:
        lines += ["    depends_on:", f"      - svc{i - 1}"]
    if i % 10 == 0:
        lines += ["    volumes:", "      - data:/data", "    ports:", f"      - \"127.0.0.1::{8000 + i % 1000}\""]
lines += ["networks:", "  back: {}", "volumes:", "  data: {}", ""]
open(out, "w").write("\n".join(lines))
