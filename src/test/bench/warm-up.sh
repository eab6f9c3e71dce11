#!/usr/bin/env bash
# Benchmark: how a fresh local cloud's data plane warms up under load. Deploys one chapter (default 2-meshify) into a
# fresh `localcloud`, then runs ROUNDS back-to-back rounds of SECONDS each at concurrency 8 (keep-alive GET /color on
# FrontEndpoint) and prints, per round, requests/s and the local cloud's CPU time per request (utime + stime of the
# whole process from /proc, JIT and GC threads included).
# Usage (project root, after `mvn -q -B -o -DskipTests package`): src/test/bench/warm-up.sh [jar] [chapter] [rounds] [seconds]
# Needs python3 and /usr/bin/aws (CLI v2). Loopback only; stops the local cloud it started.
set -euo pipefail
chapter=${2:-2-meshify}
rounds=${3:-7}
seconds=${4:-6}
stack=warmup
source "$(dirname "$0")/localcloud-lib.sh"
deploy "$chapter"
endpoint=$(aws cloudformation describe-stacks --stack-name "$stack" \
  --query "Stacks[0].Outputs[?OutputKey=='FrontEndpoint'].OutputValue")
sleep 3
for round in $(seq "$rounds"); do
  python3 - "$endpoint" "$seconds" "$pid" "$round" <<'PY'
import sys, time, http.client, threading, urllib.parse, os
url, seconds, pid, round_ = urllib.parse.urlparse(sys.argv[1] + "/color"), float(sys.argv[2]), sys.argv[3], sys.argv[4]
def cpu_seconds():
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
done = [0]
lock = threading.Lock()
stop = time.perf_counter() + seconds
def worker():
    conn, n = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=10), 0
    while time.perf_counter() < stop:
        conn.request("GET", url.path)
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"status {response.status}")
        n += 1
    with lock:
        done[0] += n
cpu0, t0 = cpu_seconds(), time.perf_counter()
threads = [threading.Thread(target=worker) for _ in range(8)]
[t.start() for t in threads]
[t.join() for t in threads]
elapsed, cpu = time.perf_counter() - t0, cpu_seconds() - cpu0
print(f"round {round_}: {done[0] / elapsed:.0f} req/s, {1000 * cpu / max(1, done[0]):.2f} ms CPU per request")
PY
done
