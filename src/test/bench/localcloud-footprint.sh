#!/usr/bin/env bash
# Benchmark (issue 18): threads and RSS of one fresh local cloud with chapter 3 deployed the way a learner gets
# there (chapters 1, 2, 3 as stack `fp`) and light traffic (100 GET /color), without mesh-hop.sh's load, whose
# ~60k requests fill the X-Ray trace store. Read from /proc right after, and 10 s later; then the threads by name.
# Usage (project root, after `mvn -q -B -o -DskipTests package`): src/test/bench/localcloud-footprint.sh [jar]
# JVM options in LOCALCLOUD_JVM_OPTS (unset: none, as `java -jar ... localcloud` by hand; the tutorial's background
# local cloud uses app.LocalCloudJvm's). Needs /usr/bin/aws (CLI v2) and jcmd. Loopback only; stops what it started.
set -euo pipefail
stack=fp
source "$(dirname "$0")/localcloud-lib.sh"
reading() { echo "threads $(awk '/^Threads/{print $2}' /proc/$pid/status), RSS $(awk '/^VmRSS/{printf "%d MB", $2/1024}' /proc/$pid/status)"; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
deploy 1-servicediscovery
deploy 2-meshify
deploy 3-routing
url="$(aws cloudformation describe-stacks --stack-name fp --query "Stacks[0].Outputs[?OutputKey=='FrontEndpoint'].OutputValue")/color"
for _ in $(seq 100); do curl -s -o /dev/null "$url"; done
echo "chapter 3 deployed, 100 requests: $(reading)"
sleep 10
echo "10 s later: $(reading)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
jcmd $pid Thread.print 2>/dev/null | grep '^"' | sed -E 's/^"([^"]*)".*/\1/; s/[0-9]+/N/g' | sort | uniq -c | sort -rn
