#!/usr/bin/env bash
# THE test command: installs what is missing, starts the test databases once, then runs the whole suite in
# three parts, and stops the databases:
#   1. the plain build (build/, warnings are errors) and every test registered in CTest (unit, golden, live,
#      script checks);
#   2. the same build and tests with AddressSanitizer + UBSan (build-asan/);
#   3. a bounded run of the libFuzzer targets (scripts/fuzz.sh: clang, build-fuzz/, 2,000 inputs a target
#      from a fixed seed, so the same build fuzzes the same inputs).
# It exits non-zero when any part fails (after running the others).
#
#   scripts/test.sh                 all three parts (what CI runs)
#   scripts/test.sh --plain         part 1 only: the quick loop while working
#   scripts/test.sh --sanitize      part 2 only
#   scripts/test.sh --fuzz          part 3 only (needs no server)
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
# SCHEMAC_BUILD_DIR overrides the plain build directory; SCHEMAC_CTEST_JOBS runs ctest in parallel;
# SCHEMAC_TEST_TIMEOUT limits each test (seconds, default 300; the sanitized part allows three times that);
# SCHEMAC_FUZZ_RUNS sets the inputs per fuzz target (default 2000).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

total_start=$(now)
parts=()
ctest_args=()
while (($#)); do
  case $1 in
  --plain) parts+=(plain) ;;
  --sanitize) parts+=(sanitize) ;;
  --fuzz) parts+=(fuzz) ;;
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
((${#parts[@]})) || parts=(plain sanitize fuzz)
needs_servers() { [[ " ${parts[*]} " == *" plain "* || " ${parts[*]} " == *" sanitize "* ]]; }

"$SCHEMAC_REPO/scripts/deps.sh"

# Servers the user did not provide and that are not running yet are started here and stopped on any exit
# (scripts/db.sh ensure/release: the same rule as the CTest fixture, which then finds them running). CTest gives
# the live tests the running servers' URLs (scripts/db.sh exec).
started=$(mktemp "${TMPDIR:-/tmp}/schemac-test-servers.XXXXXX")
# shellcheck disable=SC2317 # invoked by the EXIT trap
stop_servers() {
  local status=$?
  "$SCHEMAC_REPO/scripts/db.sh" release "$started" || log "warning: stopping the test servers failed"
  exit "$status"
}
trap stop_servers EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
if needs_servers; then
  db_start=$(now)
  "$SCHEMAC_REPO/scripts/db.sh" ensure "$started" pg15 tsdb tsl
  log "test servers ready in $(elapsed "$db_start")"
fi

# One part: build in $1 with the cmake options after it, then ctest there.
suite() {
  local dir=$1 timeout=${SCHEMAC_TEST_TIMEOUT:-300}
  shift
  [[ $dir == build-asan ]] && timeout=$((timeout * 3))
  build_schemac "$dir" "$@" || return 1
  ctest --test-dir "$SCHEMAC_REPO/$dir" --output-on-failure --timeout "$timeout" -j "${SCHEMAC_CTEST_JOBS:-1}" \
    "${ctest_args[@]}"
}

failed=()
for part in "${parts[@]}"; do
  part_start=$(now)
  log "part: $part"
  case $part in
  plain) suite "${SCHEMAC_BUILD_DIR:-build}" || failed+=("$part") ;;
  # GCC 12 reports false "maybe-uninitialized" warnings in <regex>/<functional> under the sanitizers.
  sanitize) suite build-asan -DSCHEMAC_SANITIZE=ON -DCMAKE_CXX_FLAGS=-Wno-error=maybe-uninitialized ||
    failed+=("$part") ;;
  fuzz) "$SCHEMAC_REPO/scripts/fuzz.sh" --runs "${SCHEMAC_FUZZ_RUNS:-2000}" || failed+=("$part") ;;
  esac
  log "part $part finished in $(elapsed "$part_start")"
done
if ((${#failed[@]})); then
  log "finished in $(elapsed "$total_start"): FAILED: ${failed[*]}"
  exit 1
fi
log "finished in $(elapsed "$total_start"): every part passed (${parts[*]})"
