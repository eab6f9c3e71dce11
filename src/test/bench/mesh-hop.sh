#!/usr/bin/env bash
# Benchmark (issue 18): on ONE local cloud, in one run, the cost of our data plane's hops.
#   ch1      chapter 1 FrontEndpoint/color: client -> ALB -> front -> color (DNS)
#   ch2      chapter 2 FrontEndpoint/color: client -> ALB -> front proxy -> front -> front proxy -> color proxy -> color
#   direct   chapter 1, GET / straight to one color task's port (no proxy)
#   1 hop    chapter 2, GET / to the same task address: the color proxy's ingress, then the color app
# At concurrency 1 (p50/p90/p99 over 1500 sequential keep-alive calls after 300 warm-up calls) and 8 (requests/s
# over 6 s). Then chapter 3 is deployed and the local cloud's threads and RSS are read from /proc, and again 10 s later.
# Usage (project root, after `mvn -q -B -o -DskipTests package`): src/test/bench/mesh-hop.sh [jar]
# JVM options for the local cloud go in LOCALCLOUD_JVM_OPTS (unset: none, as `java -jar ... localcloud` by hand);
# the tutorial's background local cloud runs with app.LocalCloudJvm's options, e.g.
#   LOCALCLOUD_JVM_OPTS="-XX:+UseSerialGC -Xmx128m ..." src/test/bench/mesh-hop.sh
# Needs python3 and /usr/bin/aws (CLI v2). Loopback only; stops the local cloud it started.
set -euo pipefail
stack=hop
source "$(dirname "$0")/localcloud-lib.sh"
endpoint() { aws cloudformation describe-stacks --stack-name hop --query "Stacks[0].Outputs[?OutputKey=='FrontEndpoint'].OutputValue"; }
color_task() { # address of one running color task
  local svc task
  svc=$(aws ecs list-services --cluster howto-ecs-basics --query 'serviceArns' | tr '\t' '\n' | grep -i color | head -1)
  task=$(aws ecs list-tasks --cluster howto-ecs-basics --service-name "$svc" --query 'taskArns[0]')
  aws ecs describe-tasks --cluster howto-ecs-basics --tasks "$task" \
    --query "tasks[0].attachments[0].details[?name=='privateIPv4Address'].value"
}
measure() { # label url
  python3 - "$1" "$2" <<'PY'
import sys, time, http.client, threading, urllib.parse
label, url = sys.argv[1], urllib.parse.urlparse(sys.argv[2])
path = url.path or "/"
def one(conn):
    t = time.perf_counter(); conn.request("GET", path); r = conn.getresponse(); r.read()
    if r.status != 200: raise SystemExit(f"{label}: status {r.status}")
    return (time.perf_counter() - t) * 1000
c = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=10)
for _ in range(300): one(c)
lat = sorted(one(c) for _ in range(1500))
p = lambda q: lat[int(q * (len(lat) - 1))]
done = [0]; stop = time.perf_counter() + 6; lock = threading.Lock()
def worker():
    cc = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=10); n = 0
    while time.perf_counter() < stop: one(cc); n += 1
    with lock: done[0] += n
ts = [threading.Thread(target=worker) for _ in range(8)]
[t.start() for t in ts]; [t.join() for t in ts]
print(f"| {label} | {p(0.5):.2f} | {p(0.9):.2f} | {p(0.99):.2f} | {done[0]/6:.0f} |")
PY
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| path | p50 ms (c=1) | p90 ms | p99 ms | req/s (c=8) |"
echo "|---|---|---|---|---|"
deploy 1-servicediscovery; sleep 2
ip=$(color_task)
measure "direct to a color task" "http://$ip:8080/"
measure "chapter 1 (ALB, front, color)" "$(endpoint)/color"
deploy 2-meshify; sleep 4
ip=$(color_task)
measure "one proxy hop (color proxy ingress)" "http://$ip:8080/"
measure "chapter 2 (+ mesh pair)" "$(endpoint)/color"
deploy 3-routing; sleep 4
for _ in 1 2 3; do curl -s -o /dev/null "$(endpoint)/color"; done
echo "chapter 3 deployed: threads $(awk '/^Threads/{print $2}' /proc/$pid/status), RSS $(awk '/^VmRSS/{printf "%d MB", $2/1024}' /proc/$pid/status)"
sleep 10
echo "10 s later: threads $(awk '/^Threads/{print $2}' /proc/$pid/status), RSS $(awk '/^VmRSS/{printf "%d MB", $2/1024}' /proc/$pid/status)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
