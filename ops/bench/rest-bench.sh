#!/usr/bin/env bash
# REST benchmark (./precis bench): starts the production jar on its own ports, measures start time and resident
# memory, then summarises a 1,029-word news article through POST /api/v1/summaries with wrk at 1 and 8 clients.
# Options (environment): BENCH_SECONDS (default 30), BENCH_WARMUP_SECONDS (default 15).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
source "$ROOT/ops/local/env.sh"

SECONDS_PER_RUN="${BENCH_SECONDS:-30}"
WARMUP="${BENCH_WARMUP_SECONDS:-15}"
PORT="${BENCH_PORT:-18080}"
MPORT="${BENCH_MANAGEMENT_PORT:-18081}"

precis_install_base
apt_install wrk curl procps
precis_db_start
precis_build_app
precis_export_db_env precis

PRECIS_BENCH_KEY="pk_bench_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export PRECIS_BENCH_KEY
export PRECIS_BENCH_BODY="$ROOT/ops/bench/summarise-1000w.json"
log_file="$PRECIS_STATE/bench-app.log"

started=$(date +%s%N)
SERVER_PORT=$PORT MANAGEMENT_PORT=$MPORT PRECIS_BOOTSTRAP_API_KEY=$PRECIS_BENCH_KEY \
  java ${PRECIS_JAVA_OPTS:-} -jar "$(precis_app_jar)" --spring.profiles.active=local >"$log_file" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null; do
  kill -0 $pid 2>/dev/null || { echo "the app did not start; see $log_file" >&2; exit 1; }
  sleep 0.1
done
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
echo "cpu: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "java: $(java -version 2>&1 | head -1)"
echo "start: ready after ${ready_ms} ms ($(grep -o 'Started PrecisApplication in [0-9.]* seconds' "$log_file" || true))"
echo "rss after start: $(( $(ps -o rss= -p $pid) / 1024 )) MiB"

curl -sf -o /dev/null -w "single request: HTTP %{http_code} in %{time_total} s\n" -H "Authorization: Bearer $PRECIS_BENCH_KEY" \
  -H 'Content-Type: application/json' --data-binary @"$PRECIS_BENCH_BODY" "http://127.0.0.1:$PORT/api/v1/summaries"

wrk -t2 -c8 --timeout 30s -d"${WARMUP}s" -s ops/bench/summarise.lua "http://127.0.0.1:$PORT/api/v1/summaries" >/dev/null
echo "1 client, ${SECONDS_PER_RUN} s:  $(wrk -t1 -c1 --timeout 30s -d"${SECONDS_PER_RUN}s" -s ops/bench/summarise.lua "http://127.0.0.1:$PORT/api/v1/summaries" | tail -1)"
echo "8 clients, ${SECONDS_PER_RUN} s: $(wrk -t2 -c8 --timeout 30s -d"${SECONDS_PER_RUN}s" -s ops/bench/summarise.lua "http://127.0.0.1:$PORT/api/v1/summaries" | tail -1)"
echo "rss after load: $(( $(ps -o rss= -p $pid) / 1024 )) MiB"
