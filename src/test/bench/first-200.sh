#!/usr/bin/env bash
# Benchmark: time from ExecuteChangeSet of chapter 0 on an empty local cloud to the first 200 on /color.
# Usage (from the project root, after `mvn -q -B -DskipTests package`): src/test/bench/first-200.sh [runs]
# Needs python3 and an AWS CLI (`aws`, v1 or v2). Loopback only.
set -euo pipefail
runs=${1:-5}
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
state=$(mktemp -d); trap 'rm -rf "$state"' EXIT
for run in $(seq 1 "$runs"); do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  XDG_STATE_HOME=$state java -jar target/tutorial.jar localcloud --port "$port" >/dev/null 2>&1 &
  pid=$!
  until curl -s -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.1; done
  aws() { command aws --endpoint-url "http://127.0.0.1:$port" "$@"; }
  cs=$(aws cloudformation create-change-set --stack-name bench --change-set-name c1 --change-set-type CREATE \
        --template-body file://stacks/0-prelude.yaml --capabilities CAPABILITY_IAM \
        --parameters ParameterKey=FrontAppImage,ParameterValue=front:latest ParameterKey=ColorAppImage,ParameterValue=color:latest \
        --query Id --output text)
  start=$(date +%s.%N)
  aws cloudformation execute-change-set --change-set-name "$cs" --stack-name bench
  ep=$(aws cloudformation describe-stacks --stack-name bench --query "Stacks[0].Outputs[?OutputKey=='FrontEndpoint'].OutputValue" --output text)
  until [[ $(curl -s -o /dev/null -w '%{http_code}' -m 2 "$ep/color") == 200 ]]; do sleep 0.05; done
  end=$(date +%s.%N)
  printf 'run %d: %.2f s from ExecuteChangeSet to the first 200 on %s/color\n' "$run" "$(echo "$end - $start" | bc)" "$ep"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
