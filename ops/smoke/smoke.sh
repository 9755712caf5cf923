#!/usr/bin/env bash
# ./precis smoke --url URL --api-key KEY: checks a running Precis end to end, as a client would.
#   health (/readyz), summarise a short text, read it back, post feedback, search the Library, a small research job.
# Prints one PASS, FAIL or SKIP line per check and exits 1 when any check fails (2 on bad usage). Search and research
# answer 404 on versions that do not have them yet (issues 4 and 5): those checks print "skipped: not deployed in this
# version" and do not fail. Needs bash and curl only (no jq). Used by deploy-env.yml, preview.yml and the runbooks.
# Options (or environment): --url (PRECIS_SMOKE_URL), --api-key (PRECIS_SMOKE_API_KEY, an ANALYST key or above),
# --research-timeout SECONDS (PRECIS_SMOKE_RESEARCH_TIMEOUT, default 300), --timeout SECONDS per request (default 60).
# The summary and its feedback stay in the deployment; the feedback's comment says "precis smoke check".
set -uo pipefail

usage() {
  cat <<USAGE
Usage: ./precis smoke --url URL --api-key KEY [--research-timeout SECONDS] [--timeout SECONDS]
  URL: the deployment's public base URL, e.g. https://api-staging.example.com or http://localhost:8080
USAGE
}

URL="${PRECIS_SMOKE_URL:-}"
KEY="${PRECIS_SMOKE_API_KEY:-}"
RESEARCH_TIMEOUT="${PRECIS_SMOKE_RESEARCH_TIMEOUT:-300}"
REQUEST_TIMEOUT=60

need_value() {
  if [ "$2" -lt 2 ]; then
    echo "smoke: $1 needs a value" >&2
    usage >&2
    exit 2
  fi
}

while [ $# -gt 0 ]; do
  case "$1" in
    --url) need_value "$1" $#; URL="$2"; shift 2 ;;
    --url=*) URL="${1#*=}"; shift ;;
    --api-key) need_value "$1" $#; KEY="$2"; shift 2 ;;
    --api-key=*) KEY="${1#*=}"; shift ;;
    --research-timeout) need_value "$1" $#; RESEARCH_TIMEOUT="$2"; shift 2 ;;
    --timeout) need_value "$1" $#; REQUEST_TIMEOUT="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "smoke: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
if [ -z "$URL" ] || [ -z "$KEY" ]; then
  echo "smoke: --url and --api-key are required" >&2
  usage >&2
  exit 2
fi
command -v curl >/dev/null 2>&1 || { echo "smoke: curl is required" >&2; exit 2; }

BASE="${URL%/}"
RUN_ID="smoke-$(date +%s)-$$"
SEQ=0
PASSED=0
FAILED=0
SKIPPED=0
STATUS=000
BODY=""

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The key goes to curl in a header file, never on its command line (where ps would show it).
(umask 077 && printf 'Authorization: Bearer %s\n' "$KEY" > "$tmp/auth")

# request METHOD PATH [JSON]: sets STATUS (000 when nothing answered) and BODY.
request() {
  local method=$1 path=$2 data=${3:-}
  SEQ=$((SEQ + 1))
  local args=(-sS -o "$tmp/body" -w '%{http_code}' -X "$method" --max-time "$REQUEST_TIMEOUT"
    -H "@$tmp/auth" -H 'Accept: application/json' -H "X-Request-Id: $RUN_ID-$SEQ")
  if [ -n "$data" ]; then
    args+=(-H 'Content-Type: application/json' --data-binary "$data")
  fi
  : > "$tmp/body"
  STATUS=$(curl "${args[@]}" "$BASE$path" 2>"$tmp/err") || true
  case "$STATUS" in ""|000) STATUS=000 ;; esac
  BODY=$(cat "$tmp/body")
}

# json_string NAME: the first "NAME":"value" of BODY (enough for ids and statuses; no jq needed).
json_string() {
  printf '%s' "$BODY" | tr -d '\r\n' | grep -o "\"$1\"[[:space:]]*:[[:space:]]*\"[^\"]*\"" | head -n 1 \
    | sed 's/^.*:[[:space:]]*"\(.*\)"$/\1/'
}

is_json() {
  case "$(printf '%s' "$BODY" | tr -d '[:space:]' | cut -c1)" in "{"|"[") return 0 ;; *) return 1 ;; esac
}

answer() {
  if [ "$STATUS" = 000 ]; then
    printf 'no answer (%s)' "$(tr -d '\r\n' < "$tmp/err" | cut -c1-200)"
  else
    printf 'HTTP %s %s' "$STATUS" "$(printf '%s' "$BODY" | tr -d '\r\n' | cut -c1-300)"
  fi
}

pass() { printf 'PASS  %s\n' "$1"; PASSED=$((PASSED + 1)); }
fail() { printf 'FAIL  %s: %s\n' "$1" "$2"; FAILED=$((FAILED + 1)); }
skip() { printf 'SKIP  %s: skipped: not deployed in this version\n' "$1"; SKIPPED=$((SKIPPED + 1)); }

echo "precis smoke check of $BASE (request ids $RUN_ID-N)"

# 1. Health: the public readiness probe.
request GET /readyz
if [ "$STATUS" = 200 ] && printf '%s' "$BODY" | grep -q '"UP"'; then
  pass "health (/readyz)"
else
  fail "health (/readyz)" "$(answer)"
fi

# 2. Summarise a short text, read it back, give feedback.
TEXT='The city council approved the new harbour plan on Tuesday after a long debate. Construction of the park starts next spring and is expected to take two years. The park replaces the old container yard and adds a public beach. Local shops expect more visitors in summer.'
request POST /api/v1/summaries "{\"documents\":[{\"title\":\"Smoke check\",\"text\":\"$TEXT\"}],\"length\":\"short\"}"
SUMMARY_ID=""
if [ "$STATUS" = 200 ] && is_json; then
  SUMMARY_ID=$(json_string id)
fi
if [ -n "$SUMMARY_ID" ] && [ -n "$(json_string summary)" ]; then
  pass "summarise (POST /api/v1/summaries)"
else
  fail "summarise (POST /api/v1/summaries)" "$(answer)"
fi

if [ -z "$SUMMARY_ID" ]; then
  fail "read back (GET /api/v1/summaries/{id})" "no summary to read"
  fail "feedback (POST /api/v1/feedback)" "no summary to rate"
else
  request GET "/api/v1/summaries/$SUMMARY_ID"
  if [ "$STATUS" = 200 ] && [ "$(json_string id)" = "$SUMMARY_ID" ]; then
    pass "read back (GET /api/v1/summaries/{id})"
  else
    fail "read back (GET /api/v1/summaries/{id})" "$(answer)"
  fi
  request POST /api/v1/feedback "{\"summaryId\":\"$SUMMARY_ID\",\"thumb\":\"up\",\"comment\":\"precis smoke check\"}"
  if [ "$STATUS" = 201 ] && is_json; then
    pass "feedback (POST /api/v1/feedback)"
  else
    fail "feedback (POST /api/v1/feedback)" "$(answer)"
  fi
fi

# 3. Search the Library (issue 4).
request GET "/api/v1/search?q=harbour%20plan&k=3"
if [ "$STATUS" = 404 ]; then
  skip "search (GET /api/v1/search)"
elif [ "$STATUS" = 200 ] && is_json; then
  pass "search (GET /api/v1/search)"
else
  fail "search (GET /api/v1/search)" "$(answer)"
fi

# 4. A small research job (issue 5): depth 1, breadth 1, polled until it is done.
request POST /api/v1/research '{"question":"What does a harbour authority do?","depth":1,"breadth":1}'
if [ "$STATUS" = 404 ]; then
  skip "research (POST /api/v1/research)"
elif { [ "$STATUS" = 202 ] || [ "$STATUS" = 201 ]; } && [ -n "$(json_string id)" ]; then
  JOB_ID=$(json_string id)
  deadline=$(( $(date +%s) + RESEARCH_TIMEOUT ))
  state=""
  while :; do
    request GET "/api/v1/research/$JOB_ID"
    state=$([ "$STATUS" = 200 ] && json_string status)
    case "$state" in
      done|failed|cancelled) break ;;
    esac
    if [ "$STATUS" != 200 ] || [ "$(date +%s)" -ge "$deadline" ]; then
      break
    fi
    sleep 3
  done
  if [ "$state" = "done" ]; then
    pass "research (POST /api/v1/research, job $JOB_ID done)"
  elif [ "$STATUS" != 200 ]; then
    fail "research (GET /api/v1/research/{id})" "$(answer)"
  elif [ -n "$state" ] && [ "$state" != failed ] && [ "$state" != cancelled ]; then
    fail "research (job $JOB_ID)" "still '$state' after ${RESEARCH_TIMEOUT}s"
  else
    fail "research (job $JOB_ID)" "ended '${state:-unknown}': $(answer)"
  fi
else
  fail "research (POST /api/v1/research)" "$(answer)"
fi

echo "smoke: $PASSED passed, $FAILED failed, $SKIPPED skipped"
if [ "$FAILED" -gt 0 ]; then
  echo "RESULT: FAIL"
  exit 1
fi
echo "RESULT: PASS"
