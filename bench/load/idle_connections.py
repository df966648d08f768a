#!/usr/bin/env python3
"""Holds COUNT idle connections to HOST:PORT for SECONDS: each sends the start of a
request and then nothing, as a slow or idle client would (bench/load.sh)."""
import socket
import sys
import time

host, port, count, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
sockets = []
for _ in range(count):
    s = socket.create_connection((host, port))
    s.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n")
    sockets.append(s)
print(f"# {len(sockets)} idle connections open", file=sys.stderr)
time.sleep(seconds)
for s in sockets:
    s.close()
