#!/usr/bin/env python3
"""Writes a synthetic but realistic compose file with N services (default 1000) to stdout.

Each service has an image with a tag, ports, environment with interpolation, a healthcheck,
depends_on with a condition, a named volume and resources, so every loader stage and every
mapper has work to do. Deterministic: same N, same bytes.
usage: gen-compose.py [N]
"""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
out = ["name: bench", "x-common: &common", "  restart: unless-stopped", "  labels:", "    tier: bench", "services:"]
for i in range(n):
    s = f"svc{i:04d}"
    out += [
        f"  {s}:",
        "    <<: *common",
        f"    image: registry.example.com/team/app{i % 17}:1.{i % 9}.{i % 5}",
        "    ports:",
        f"      - \"{10000 + i}:8080\"",
        "    environment:",
        f"      SERVICE_NAME: {s}",
        "      LOG_LEVEL: ${LOG_LEVEL:-info}",
        f"      UPSTREAM: http://svc{(i + 1) % n:04d}:8080",
        "    healthcheck:",
        "      test: [\"CMD\", \"wget\", \"-qO-\", \"http://localhost:8080/health\"]",
        "      interval: 10s",
        "      timeout: 3s",
        "      retries: 3",
        "    deploy:",
        "      resources:",
        "        limits: {cpus: \"0.25\", memory: 128M}",
        "    volumes:",
        f"      - data{i % 50}:/var/lib/app",
    ]
    if i > 0:
        out += ["    depends_on:", f"      svc{i - 1:04d}:", "        condition: service_healthy"]
out.append("volumes:")
for v in range(min(n, 50)):
    out.append(f"  data{v}: {{}}")
print("\n".join(out))
