#!/usr/bin/env bash
# THE test command: installs what is missing, builds, starts the test databases, runs every test
# registered in CTest (unit, golden, live, script checks), stops the databases, and exits with
# CTest's status.
#
#   scripts/test.sh                 build in build/ (warnings are errors) and run everything
#   scripts/test.sh --sanitize      the same with AddressSanitizer + UBSan, in build-asan/
#   scripts/test.sh [...] -- ARGS   pass ARGS to ctest (e.g. -- -R live: to run only live tests)
#
# Run it as root (or with sudo): it may install Debian packages and it runs TimescaleDB in a chroot.
#
# Your own servers instead of the throwaway ones: set any of
#   SCHEMAC_TEST_PG_URL    PostgreSQL 15+
#   SCHEMAC_TEST_TSDB_URL  TimescaleDB, Apache or Timescale license (e.g. in a container)
#   SCHEMAC_TEST_TSL_URL   TimescaleDB with the Timescale license
# to a libpq URL of a role that may CREATE DATABASE; that server is then not started.
# Servers already running from `scripts/db.sh start` are used and left running.
# SCHEMAC_SKIP_LIVE=1 skips the live tests whose server has no URL (instead of failing them).
# SCHEMAC_BUILD_DIR overrides the build directory; SCHEMAC_CTEST_JOBS runs ctest in parallel;
# SCHEMAC_TEST_TIMEOUT limits each test (seconds, default 300).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

total_start=$(now)
build_dir=${SCHEMAC_BUILD_DIR:-build}
cmake_options=()
ctest_args=()
while (($#)); do
  case $1 in
  --sanitize)
    build_dir=${SCHEMAC_BUILD_DIR:-build-asan}
    # GCC 12 reports false "maybe-uninitialized" warnings in <regex>/<functional> under the sanitizers.
    cmake_options+=(-DSCHEMAC_SANITIZE=ON -DCMAKE_CXX_FLAGS=-Wno-error=maybe-uninitialized)
    ;;
  --)
    shift
    ctest_args+=("$@")
    break
    ;;
  -h | --help)
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
    exit 0
    ;;
  *) die "unknown option '$1' (see $0 --help)" ;;
  esac
  shift
done

"$SCHEMAC_REPO/scripts/deps.sh"
build_schemac "$build_dir" "${cmake_options[@]}"

# Servers the user did not provide are started here and stopped on any exit.
declare -A env_of=([pg15]=SCHEMAC_TEST_PG_URL [tsdb]=SCHEMAC_TEST_TSDB_URL [tsl]=SCHEMAC_TEST_TSL_URL)
to_start=()
for server in pg15 tsdb tsl; do
  var=${env_of[$server]}
  if [[ -n ${!var:-} ]]; then
    log "$server: using the server in \$$var"
  elif [[ ${SCHEMAC_SKIP_LIVE:-} == 1 ]]; then
    log "$server: not started (SCHEMAC_SKIP_LIVE=1): its live tests are skipped"
  elif "$SCHEMAC_REPO/scripts/db.sh" env "$server" >/dev/null 2>&1; then
    # Started by hand (scripts/db.sh start): used, and left running.
    log "$server: using the server already running (scripts/db.sh stop $server stops it)"
    eval "$("$SCHEMAC_REPO/scripts/db.sh" env "$server")"
    export "${var?}"
  else
    to_start+=("$server")
  fi
done

# shellcheck disable=SC2317 # invoked by the EXIT trap
stop_servers() {
  local status=$?
  if ((${#to_start[@]})); then
    "$SCHEMAC_REPO/scripts/db.sh" stop "${to_start[@]}" || log "warning: stopping the test servers failed"
  fi
  exit "$status"
}
if ((${#to_start[@]})); then
  trap stop_servers EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  db_start=$(now)
  "$SCHEMAC_REPO/scripts/db.sh" start "${to_start[@]}"
  log "test servers ready in $(elapsed "$db_start")"
  eval "$("$SCHEMAC_REPO/scripts/db.sh" env "${to_start[@]}")"
  export SCHEMAC_TEST_PG_URL SCHEMAC_TEST_TSDB_URL SCHEMAC_TEST_TSL_URL
fi

ctest_status=0
ctest --test-dir "$SCHEMAC_REPO/$build_dir" --output-on-failure --timeout "${SCHEMAC_TEST_TIMEOUT:-300}" \
  -j "${SCHEMAC_CTEST_JOBS:-1}" "${ctest_args[@]}" || ctest_status=$?
log "finished in $(elapsed "$total_start") with status $ctest_status"
exit "$ctest_status"
