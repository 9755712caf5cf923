#!/usr/bin/env bash
# ./precis smoke --url URL --api-key KEY: checks a running Precis end to end, as a client would.
#   health (/readyz), summarise a short text, read it back, post feedback, add a small document to the Library and
#   find it with search, a small research job on that document (provider "library": no web search needed) until done.
# Prints one PASS or FAIL line per check (SKIPPED for research with --skip-research) and exits 1 when any check fails,
# 2 on bad usage. Every check must pass: a 404 from search or research is a failure, not a skip. Needs bash and curl
# only (no jq). Used by deploy-env.yml, preview.yml and the runbooks.
# Options (or environment): --url (PRECIS_SMOKE_URL), --api-key (PRECIS_SMOKE_API_KEY, an ANALYST key or above),
# --research-timeout SECONDS (PRECIS_SMOKE_RESEARCH_TIMEOUT, default 300), --timeout SECONDS per request (default 60),
# --skip-research (PRECIS_SMOKE_SKIP_RESEARCH=1): leave out the research job, for a deployment known to run without it.
# The smoke document is deleted at the end; the summary, its feedback and the research job stay in the deployment
# (the feedback's comment says "precis smoke check"; the job's question starts with "Smoke check").
set -uo pipefail

usage() {
  cat <<USAGE
Usage: ./precis smoke --url URL --api-key KEY [--research-timeout SECONDS] [--timeout SECONDS] [--skip-research]
  URL: the deployment's public base URL, e.g. https://api-staging.example.com or http://localhost:8080
USAGE
}

URL="${PRECIS_SMOKE_URL:-}"
KEY="${PRECIS_SMOKE_API_KEY:-}"
RESEARCH_TIMEOUT="${PRECIS_SMOKE_RESEARCH_TIMEOUT:-300}"
REQUEST_TIMEOUT=60
SKIP_RESEARCH="${PRECIS_SMOKE_SKIP_RESEARCH:-0}"

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
    --skip-research) SKIP_RESEARCH=1; shift ;;
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
DOC_ID=""

tmp=$(mktemp -d)
cleanup() {
  if [ -n "$DOC_ID" ]; then
    request DELETE "/api/v1/documents/$DOC_ID"
    [ "$STATUS" = 204 ] || echo "smoke: could not delete the smoke document $DOC_ID: $(answer)" >&2
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
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
  elif [ "$STATUS" = 401 ]; then
    printf 'HTTP 401: the API key was refused (wrong, revoked or expired?)'
  elif [ "$STATUS" = 403 ]; then
    printf 'HTTP 403: the API key may not do this (it needs the ANALYST role or above)'
  else
    printf 'HTTP %s %s' "$STATUS" "$(printf '%s' "$BODY" | tr -d '\r\n' | cut -c1-300)"
  fi
}

pass() { printf 'PASS  %s\n' "$1"; PASSED=$((PASSED + 1)); }
fail() { printf 'FAIL  %s: %s\n' "$1" "$2"; FAILED=$((FAILED + 1)); }
skipped() { printf 'SKIPPED  %s: %s\n' "$1" "$2"; SKIPPED=$((SKIPPED + 1)); }

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

# 3. Add a small document to a collection of its own, wait until it is indexed, and find it with search.
COLLECTION="$RUN_ID"
DOC_TEXT="The harbour authority of the smoke town manages the port waters and licenses the pilots. It dredges the navigation channel every spring. Check $RUN_ID."
request POST /api/v1/documents "{\"title\":\"Smoke check harbour\",\"text\":\"$DOC_TEXT\",\"collection\":\"$COLLECTION\"}"
if { [ "$STATUS" = 202 ] || [ "$STATUS" = 200 ]; } && is_json; then
  DOC_ID=$(json_string id)
fi
doc_state=""
if [ -n "$DOC_ID" ]; then
  deadline=$(( $(date +%s) + RESEARCH_TIMEOUT ))
  while :; do
    request GET "/api/v1/documents/$DOC_ID"
    doc_state=$([ "$STATUS" = 200 ] && json_string status)
    case "$doc_state" in ready|failed) break ;; esac
    if [ "$STATUS" != 200 ] || [ "$(date +%s)" -ge "$deadline" ]; then break; fi
    sleep 1
  done
fi
if [ "$doc_state" = ready ]; then
  pass "add a document (POST /api/v1/documents)"
else
  fail "add a document (POST /api/v1/documents)" "${doc_state:+document $doc_state: }$(answer)"
fi

request GET "/api/v1/search?q=harbour%20pilots&k=3&collection=$COLLECTION"
if [ "$STATUS" = 200 ] && is_json && [ -n "$DOC_ID" ] && [ "$(json_string documentId)" = "$DOC_ID" ]; then
  pass "search (GET /api/v1/search)"
elif [ "$STATUS" = 200 ]; then
  fail "search (GET /api/v1/search)" "the smoke document is not the first hit: $(answer)"
else
  fail "search (GET /api/v1/search)" "$(answer)"
fi

# 4. A small research job on that collection (provider "library", depth 1, breadth 1), polled until it is done.
if [ "$SKIP_RESEARCH" = 1 ]; then
  skipped "research (POST /api/v1/research)" "--skip-research given"
else
  request POST /api/v1/research "{\"question\":\"Smoke check: what does the harbour authority do?\",\"depth\":1,\"breadth\":1,\"collection\":\"$COLLECTION\",\"provider\":\"library\"}"
  if { [ "$STATUS" = 202 ] || [ "$STATUS" = 201 ]; } && [ -n "$(json_string id)" ]; then
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
      sleep 2
    done
    if [ "$state" = "done" ]; then
      pass "research (POST /api/v1/research, job $JOB_ID done)"
    elif [ "$STATUS" != 200 ]; then
      fail "research (GET /api/v1/research/{id})" "$(answer)"
    elif [ -n "$state" ] && [ "$state" != failed ] && [ "$state" != cancelled ]; then
      fail "research (job $JOB_ID)" "still '$state' after ${RESEARCH_TIMEOUT}s"
    else
      fail "research (job $JOB_ID)" "ended '${state:-unknown}': $(json_string reason)"
    fi
  else
    fail "research (POST /api/v1/research)" "$(answer)"
  fi
fi

echo "smoke: $PASSED passed, $FAILED failed, $SKIPPED skipped"
if [ "$FAILED" -gt 0 ]; then
  echo "RESULT: FAIL"
  exit 1
fi
echo "RESULT: PASS"
