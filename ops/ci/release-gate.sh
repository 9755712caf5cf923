#!/usr/bin/env bash
# Release gate for prod (deploy-env.yml): refuses promotion when an environment's SLOs or the latest train-eval
# report say no. Two uses:
#   before approval, staging's last hour and the quality report:
#     ops/ci/release-gate.sh --prometheus URL --namespace sum-staging --report DIR [--max-error-ratio 0.01]
#                            [--max-p95 0.8] [--max-rouge-drop 0.02]
#   the prod canary, only its own pods over its observation window (no report):
#     ops/ci/release-gate.sh --prometheus URL --namespace sum-prod --pods 'sum-prod-canary-api-.*' --window 10m
#                            [--max-error-ratio 0.01] [--max-p95 0.8]
# Prometheus: the 5xx ratio and the worst p95 of the summarisation/research endpoints; for a namespace from the
# recording rules of ops/prometheus/rules over 1h, for --pods from the raw app metrics over --window.
# PROMETHEUS_TOKEN, when set, is sent as a bearer token. Report: DIR/summary.json written by `./precis train-eval`,
# with rougeL, previousReleaseRougeL, factualConsistency and factualConsistencyBaseline.
# Fails closed: an unreachable Prometheus, an empty answer (no series: no traffic, a wrong namespace or pod
# pattern, missing recording rules), NaN or +Inf, a missing report or a missing/non-numeric report field is a
# failure, never a 0.
set -euo pipefail

prometheus="" namespace="sum-staging" report="" pods="" window=10m max_error=0.01 max_p95=0.8 max_drop=0.02
endpoints='/api/v1/(summaries|research).*'
while [ $# -gt 0 ]; do
  case "$1" in
    --prometheus) prometheus="$2"; shift 2 ;;
    --namespace) namespace="$2"; shift 2 ;;
    --report) report="$2"; shift 2 ;;
    --pods) pods="$2"; shift 2 ;;
    --window) window="$2"; shift 2 ;;
    --max-error-ratio) max_error="$2"; shift 2 ;;
    --max-p95) max_p95="$2"; shift 2 ;;
    --max-rouge-drop) max_drop="$2"; shift 2 ;;
    *) echo "release-gate: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ -z "$prometheus" ] || { [ -z "$report" ] && [ -z "$pods" ]; }; then
  echo "release-gate: --prometheus and --report (or --pods) are required" >&2; exit 2
fi

failed=0
fail() { echo "release-gate: FAIL: $*" >&2; failed=1; }

# A finite number (what Prometheus and jq print), else nothing.
number() { printf '%s\n' "$1" | grep -Ex '[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?' || true; }

# Prints the value of the first series of an instant query; fails (with a message) when there is none.
query() {
  local body value
  if ! body=$(curl -fsS --max-time 30 --get "${prometheus%/}/api/v1/query" \
      ${PROMETHEUS_TOKEN:+-H "Authorization: Bearer $PROMETHEUS_TOKEN"} --data-urlencode "query=$1"); then
    echo "release-gate: FAIL: Prometheus query failed: $1" >&2; return 1
  fi
  if ! value=$(jq -er 'select(.status == "success") | .data.result[0].value[1] // empty' <<<"$body"); then
    echo "release-gate: FAIL: no data from Prometheus (empty result) for: $1" >&2; return 1
  fi
  if [ -z "$(number "$value")" ]; then
    echo "release-gate: FAIL: Prometheus returned $value (not a finite number) for: $1" >&2; return 1
  fi
  printf '%s\n' "$value"
}

# awk compares floats; prints 1 when $1 <= $2.
le() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 <= b + 0) ? 1 : 0 }'; }

if [ -n "$pods" ]; then
  scope="pods $pods in $namespace over $window"
  sel="application=\"precis\", namespace=\"$namespace\", pod=~\"$pods\""
  # No 5xx series yet is a 0 numerator; no requests at all stays empty (no data).
  error_query="(sum(rate(api_request_errors_total{$sel, status=~\"5..\"}[$window])) or 0 * sum(rate(api_requests_total{$sel}[$window]))) / sum(rate(api_requests_total{$sel}[$window]))"
  p95_query="max(histogram_quantile(0.95, sum by (endpoint, le) (rate(api_request_latency_seconds_bucket{$sel, endpoint=~\"$endpoints\"}[$window]))))"
else
  scope="$namespace over 1h"
  error_query="max_over_time(precis:api_error_ratio:rate1h{namespace=\"$namespace\"}[1h])"
  p95_query="max(max_over_time(precis:api_request_latency_seconds:p95_5m{namespace=\"$namespace\", endpoint=~\"$endpoints\"}[1h]))"
fi
if error_ratio=$(query "$error_query"); then
  echo "release-gate: $scope: 5xx ratio = $error_ratio (max $max_error)"
  [ "$(le "$error_ratio" "$max_error")" = 1 ] || fail "error rate $error_ratio above the SLO $max_error"
else
  failed=1
fi
if p95=$(query "$p95_query"); then
  echo "release-gate: $scope: worst p95 latency = ${p95}s (max ${max_p95}s)"
  [ "$(le "$p95" "$max_p95")" = 1 ] || fail "p95 latency ${p95}s above the SLO ${max_p95}s"
else
  failed=1
fi

summary="$report/summary.json"
# Prints a numeric field of the report; fails (with a message) when it is missing or not a number.
field() {
  local value
  if ! value=$(jq -er --arg k "$1" '.[$k] | numbers' "$summary" 2>/dev/null); then
    echo "release-gate: FAIL: $summary has no numeric field $1" >&2; return 1
  fi
  printf '%s\n' "$value"
}
if [ -z "$report" ]; then
  echo "release-gate: no --report: quality not checked (canary mode)"
elif [ ! -f "$summary" ]; then
  fail "no train-eval report at $summary"
else
  if rouge=$(field rougeL) && previous=$(field previousReleaseRougeL); then
    floor=$(awk -v p="$previous" -v d="$max_drop" 'BEGIN { printf "%.6f", p * (1 - d) }')
    echo "release-gate: ROUGE-L $rouge (previous release $previous, floor $floor)"
    [ "$(le "$floor" "$rouge")" = 1 ] || fail "ROUGE-L $rouge regressed more than $max_drop below $previous"
  else
    failed=1
  fi
  if factual=$(field factualConsistency) && baseline=$(field factualConsistencyBaseline); then
    echo "release-gate: factual consistency $factual (baseline $baseline)"
    [ "$(le "$baseline" "$factual")" = 1 ] || fail "factual consistency $factual below its baseline $baseline"
  else
    failed=1
  fi
fi

if [ "$failed" = 0 ]; then echo "release-gate: passed"; else echo "release-gate: refused" >&2; fi
exit "$failed"
