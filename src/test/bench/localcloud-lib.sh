# Sourced by the local cloud benchmarks: starts `localcloud` from the jar in $1 (default target/tutorial.jar)
# on a free loopback port with a throw-away state directory, stops it and removes the directory on exit, and
# defines aws (CLI v2 against it) and deploy CHAPTER_STACK (into the stack named $stack, which the caller sets).
# JVM options for the local cloud go in LOCALCLOUD_JVM_OPTS (unset: none, as `java -jar ... localcloud` by hand).
jar=${1:-target/tutorial.jar}
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-west-2 AWS_PAGER=""
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
state=$(mktemp -d)
XDG_STATE_HOME=$state java ${LOCALCLOUD_JVM_OPTS:-} -jar "$jar" localcloud --port "$port" >"$state/localcloud.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$state"' EXIT
until curl -s -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.1; done
aws() { /usr/bin/aws --endpoint-url "http://127.0.0.1:$port" --output text "$@"; }
deploy() { aws cloudformation deploy --stack-name "$stack" --template-file "stacks/$1.yaml" --capabilities CAPABILITY_IAM \
  --parameter-overrides FrontAppImage=front:latest ColorAppImage=color:latest >/dev/null; }
