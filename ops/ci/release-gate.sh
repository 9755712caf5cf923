#!/usr/bin/env bash
# Release gate for prod (deploy-env.yml): refuses promotion when staging's SLOs or the latest train-eval report
# say no. Usage:
#   ops/ci/release-gate.sh --prometheus URL --namespace sum-staging --report DIR [--max-error-ratio 0.01]
#                          [--max-p95 0.8] [--max-rouge-drop 0.02]
# Prometheus: 5xx ratio over 1h and the worst p95 of the summarisation/research endpoints over 1h (recording rules
# from ops/prometheus/rules). Report: DIR/summary.json written by `./precis train-eval`, with rougeL,
# previousReleaseRougeL, factualConsistency and factualConsistencyBaseline.
set -euo pipefail

prometheus="" namespace="sum-staging" report="" max_error=0.01 max_p95=0.8 max_drop=0.02
endpoints='/api/v1/(summaries|research).*'
while [ $# -gt 0 ]; do
  case "$1" in
    --prometheus) prometheus="$2"; shift 2 ;;
    --namespace) namespace="$2"; shift 2 ;;
    --report) report="$2"; shift 2 ;;
    --max-error-ratio) max_error="$2"; shift 2 ;;
    --max-p95) max_p95="$2"; shift 2 ;;
    --max-rouge-drop) max_drop="$2"; shift 2 ;;
    *) echo "release-gate: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ -z "$prometheus" ] || [ -z "$report" ]; then
  echo "release-gate: --prometheus and --report are required" >&2; exit 2
fi

query() {
  curl -fsS --get "${prometheus%/}/api/v1/query" ${PROMETHEUS_TOKEN:+-H "Authorization: Bearer $PROMETHEUS_TOKEN"} \
    --data-urlencode "query=$1" | jq -r '.data.result[0].value[1] // "0"'
}

# awk compares floats; prints 1 when $1 <= $2.
le() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 <= b + 0) ? 1 : 0 }'; }

failed=0
error_ratio=$(query "max_over_time(precis:api_error_ratio:rate1h{namespace=\"$namespace\"}[1h])")
p95=$(query "max(max_over_time(precis:api_request_latency_seconds:p95_5m{namespace=\"$namespace\", endpoint=~\"$endpoints\"}[1h]))")
echo "release-gate: $namespace 5xx ratio (1h) = $error_ratio (max $max_error), p95 = ${p95}s (max ${max_p95}s)"
[ "$(le "$error_ratio" "$max_error")" = 1 ] || { echo "release-gate: error rate above the SLO" >&2; failed=1; }
[ "$(le "$p95" "$max_p95")" = 1 ] || { echo "release-gate: p95 latency above the SLO" >&2; failed=1; }

summary="$report/summary.json"
[ -f "$summary" ] || { echo "release-gate: no train-eval report at $summary" >&2; exit 1; }
rouge=$(jq -r '.rougeL' "$summary")
previous=$(jq -r '.previousReleaseRougeL' "$summary")
factual=$(jq -r '.factualConsistency' "$summary")
baseline=$(jq -r '.factualConsistencyBaseline' "$summary")
floor=$(awk -v p="$previous" -v d="$max_drop" 'BEGIN { printf "%.6f", p * (1 - d) }')
echo "release-gate: ROUGE-L $rouge (previous release $previous, floor $floor), factual consistency $factual (baseline $baseline)"
[ "$(le "$floor" "$rouge")" = 1 ] || { echo "release-gate: ROUGE-L regressed more than $max_drop" >&2; failed=1; }
[ "$(le "$baseline" "$factual")" = 1 ] || { echo "release-gate: factual consistency below its baseline" >&2; failed=1; }

if [ "$failed" = 0 ]; then echo "release-gate: passed"; fi
exit "$failed"
