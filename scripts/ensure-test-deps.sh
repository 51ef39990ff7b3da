#!/usr/bin/env bash
# Makes sure the machine can run the whole test suite: Debian's chromium for Playwright, a
# PostgreSQL server for the integration tests and Redis for the several-nodes tests. Idempotent;
# meant for fresh Debian machines and CI (runs as root, or through sudo when available).
#
# A script cannot export into its parent shell, so the PostgreSQL URL to test against is written
# to test-results/test-database-url and printed as TEST_DATABASE_URL=... on the last line.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
URL_FILE="test-results/test-database-url"
PG_HOST=127.0.0.1
PG_PORT=5432
# Role created when we have to set up a server ourselves (password auth over TCP).
PG_ROLE=rapporteur
PG_PASSWORD=rapporteur
export DEBIAN_FRONTEND=noninteractive

say() { printf '[ensure-test-deps] %s\n' "$*"; }
fail() { printf '[ensure-test-deps] ERROR: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly, or through sudo when that is possible without a prompt.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    fail "need root to run '$*' (not root, and no password-less sudo). Install it yourself, then re-run."
  fi
}

# Runs a command as the postgres system user (for peer authentication over the local socket).
as_postgres() {
  if [ "$(id -u)" -eq 0 ] && command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- "$@"
  elif [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n -u postgres "$@"
  else
    return 1
  fi
}

APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || fail "apt-get not found; install these yourself: $*"
  if [ "$APT_UPDATED" -eq 0 ]; then
    say "apt-get update"
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
  say "apt-get install $*"
  as_root apt-get install -y -qq --no-install-recommends "$@"
}

# ---------- chromium ----------

ensure_chromium() {
  local wanted="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ -x "$wanted" ]; then
    say "chromium: found $wanted"
  else
    say "chromium: $wanted is missing; installing Debian's chromium"
    apt_install chromium fonts-liberation
    [ -x "$wanted" ] || fail "chromium installed but $wanted does not exist; set CHROMIUM_PATH"
  fi
  # The Debian wrapper prints a harmless "[: unexpected operator"; keep only the version line.
  say "chromium: $("$wanted" --version 2>/dev/null | tail -n 1 || echo 'version unknown')"
  # The tests run in the headless shell (half the CPU of the full browser, e2e/support/chromium.ts).
  if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium-headless-shell ]; then
    say "chromium-headless-shell: missing; installing Debian's"
    apt_install chromium-headless-shell || say "chromium-headless-shell: not available; the tests use $wanted"
  fi
}

# ---------- poppler (pdftoppm renders an exported PDF's first page to PNG in the tests) ----------

ensure_pdftoppm() {
  if command -v pdftoppm >/dev/null 2>&1; then
    say "pdftoppm: found $(command -v pdftoppm)"
  else
    say "pdftoppm: missing; installing Debian's poppler-utils"
    apt_install poppler-utils
  fi
}

# ---------- PostgreSQL ----------

ensure_psql() {
  command -v psql >/dev/null 2>&1 && return 0
  say "postgresql: psql is missing; installing postgresql-client"
  apt_install postgresql-client
}

# Succeeds when URL accepts a connection and its role may create databases (the integration
# tests create one throwaway database per test file).
url_is_usable() {
  local url="$1" answer
  answer="$(PGCONNECT_TIMEOUT=5 psql "$url" -wXtAq -v ON_ERROR_STOP=1 \
    -c "select rolcreatedb or rolsuper from pg_roles where rolname = current_user" 2>/dev/null)" || return 1
  [ "$answer" = "t" ]
}

server_answers() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 3
  else
    (exec 3<>"/dev/tcp/$PG_HOST/$PG_PORT") 2>/dev/null
  fi
}

wait_for_server() {
  local i
  for i in $(seq 1 30); do
    server_answers && return 0
    sleep 1
  done
  return 1
}

# Base URL (without database) to the server at PG_HOST:PG_PORT with a role that may create
# databases; prints it, or fails.
find_role_url() {
  local user url
  for user in postgres root "$(id -un)"; do
    url="postgresql://$user@$PG_HOST:$PG_PORT"
    if url_is_usable "$url/postgres"; then
      say "postgresql: connected as '$user' (no password)" >&2
      echo "$url"
      return 0
    fi
  done
  url="postgresql://$PG_ROLE:$PG_PASSWORD@$PG_HOST:$PG_PORT"
  if url_is_usable "$url/postgres"; then
    say "postgresql: connected as '$PG_ROLE'" >&2
    echo "$url"
    return 0
  fi
  # Fresh Debian clusters trust only the postgres system user over the local socket: create a
  # role with a password for TCP connections.
  if id postgres >/dev/null 2>&1 && as_postgres psql -wXtAq -c "select 1" >/dev/null 2>&1; then
    say "postgresql: creating role '$PG_ROLE' (CREATEDB) through the local socket" >&2
    as_postgres psql -wXtAq -v ON_ERROR_STOP=1 -c \
      "do \$\$ begin if not exists (select from pg_roles where rolname = '$PG_ROLE') then create role $PG_ROLE login createdb password '$PG_PASSWORD'; else alter role $PG_ROLE login createdb password '$PG_PASSWORD'; end if; end \$\$;" >/dev/null
    if url_is_usable "$url/postgres"; then
      echo "$url"
      return 0
    fi
  fi
  return 1
}

# Creates database "test" if missing; prints the URL to it.
ensure_test_database() {
  local base="$1"
  if [ "$(psql "$base/postgres" -wXtAq -c "select 1 from pg_database where datname = 'test'")" != "1" ]; then
    say "postgresql: creating database 'test'" >&2
    psql "$base/postgres" -wXtAq -v ON_ERROR_STOP=1 -c "create database test" >/dev/null
  fi
  echo "$base/test"
}

start_local_cluster() {
  command -v pg_ctlcluster >/dev/null 2>&1 || return 1
  [ -d /etc/postgresql ] || return 1
  local version cluster
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  [ -n "$version" ] || return 1
  cluster="main"
  [ -d "/etc/postgresql/$version/main" ] || cluster="$(ls "/etc/postgresql/$version" | head -n 1)"
  [ -n "$cluster" ] || return 1
  say "postgresql: starting cluster $version/$cluster"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start || true
  wait_for_server
}

install_postgresql() {
  say "postgresql: no server found; installing Debian's postgresql"
  apt_install postgresql
  # In containers the package's own start usually does not happen (no init system).
  start_local_cluster || fail "postgresql installed but its cluster does not start"
}

ensure_postgres() {
  local base url
  if [ -n "${TEST_DATABASE_URL:-}" ]; then
    ensure_psql
    if url_is_usable "$TEST_DATABASE_URL"; then
      say "postgresql: using TEST_DATABASE_URL from the environment"
      write_url "$TEST_DATABASE_URL"
      return 0
    fi
    say "postgresql: TEST_DATABASE_URL is set but does not answer (or its role lacks CREATEDB); looking for another server"
  fi

  if server_answers; then
    say "postgresql: a server answers on $PG_HOST:$PG_PORT"
  elif start_local_cluster; then
    say "postgresql: cluster started"
  else
    install_postgresql
  fi
  ensure_psql
  base="$(find_role_url)" || fail "postgresql answers on $PG_HOST:$PG_PORT but no role could log in with CREATEDB; set TEST_DATABASE_URL=postgresql://user:password@host:port/db"
  url="$(ensure_test_database "$base")"
  write_url "$url"
}

write_url() {
  mkdir -p "$(dirname "$URL_FILE")"
  printf '%s\n' "$1" >"$URL_FILE"
  say "postgresql: wrote $URL_FILE"
  echo "TEST_DATABASE_URL=$1"
}

# ---------- Redis (the several-nodes tests: socket.io adapter, shared rate limits) ----------

REDIS_URL_FILE="test-results/test-redis-url"
REDIS_PORT="${TEST_REDIS_PORT:-6379}"

redis_answers() {
  local url="$1" host port reply
  host="$(printf '%s' "$url" | sed -E 's#^rediss?://([^@/]*@)?([^:/]+).*#\2#')"
  port="$(printf '%s' "$url" | sed -nE 's#^rediss?://([^@/]*@)?[^:/]+:([0-9]+).*#\2#p')"
  reply="$(timeout 3 bash -c "exec 3<>/dev/tcp/$host/${port:-6379}; printf 'PING\r\n' >&3; head -c 5 <&3" 2>/dev/null)" || return 1
  [ "$reply" = "+PONG" ]
}

ensure_redis() {
  local url="${TEST_REDIS_URL:-redis://127.0.0.1:$REDIS_PORT}" i
  if ! redis_answers "$url"; then
    [ -n "${TEST_REDIS_URL:-}" ] && fail "TEST_REDIS_URL=$TEST_REDIS_URL does not answer PING"
    command -v redis-server >/dev/null 2>&1 || { say "redis: no server found; installing Debian's redis-server"; apt_install redis-server; }
    say "redis: starting redis-server on 127.0.0.1:$REDIS_PORT"
    # In containers the package's own start usually does not happen (no init system).
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --save "" --appendonly no >/dev/null
    for i in $(seq 1 30); do redis_answers "$url" && break; sleep 0.2; done
    redis_answers "$url" || fail "redis-server started but 127.0.0.1:$REDIS_PORT does not answer PING"
  fi
  mkdir -p "$(dirname "$REDIS_URL_FILE")"
  printf '%s\n' "$url" >"$REDIS_URL_FILE"
  say "redis: $url answers; wrote $REDIS_URL_FILE"
}

ensure_chromium
ensure_pdftoppm
ensure_redis
ensure_postgres
