#!/usr/bin/env bash
# THE first command for a newcomer: installs what is missing, builds schemac, and runs it on the
# project's own schema (schema.dsl): check, fmt --check, an offline plan against the migrations already
# written (no database needed), the first migration as a pull-request comment, generate --check (the
# committed C++ headers in generated/ are current), and then a live round
# trip on a throwaway TimescaleDB with the Timescale license (scripts/db.sh): plan --db, apply the plan
# with psql, plan --db again (now empty), pull. Stops at the first failing step with its exit status.
#
#   scripts/run.sh            (as root or with sudo on a fresh machine: it may install packages)
#
# SCHEMAC_BUILD_DIR overrides the build directory (default build/, shared with scripts/test.sh).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

build_dir=${SCHEMAC_BUILD_DIR:-build}
"$SCHEMAC_REPO/scripts/deps.sh"
build_schemac "$build_dir"

schemac="$SCHEMAC_REPO/$build_dir/compiler/schemac"
[[ -x $schemac ]] || die "the build did not produce $schemac"
cd -- "$SCHEMAC_REPO"

step() {
  local status=0
  printf '\n==> schemac %s\n' "$*" >&2
  "$schemac" "$@" || status=$?
  if ((status != 0)); then
    printf '\n' >&2
    log "FAILED: schemac $* exited with status $status"
    case $1 in
    fmt) log "schema.dsl is not in canonical form; '$build_dir/compiler/schemac fmt schema.dsl' formats it" ;;
    esac
    exit "$status"
  fi
}

step check schema.dsl
step fmt --check schema.dsl
step plan schema.dsl
step plan schema.dsl --from /dev/null --format markdown
step generate schema.dsl --out generated --check   # the committed C++ headers are current

# The live part: a fresh in-memory TimescaleDB (Timescale license, so retention and compression work).
db="$SCHEMAC_REPO/scripts/db.sh"
"$db" restart tsl
trap '"$db" stop tsl' EXIT
eval "$("$db" env tsl)"
url=$SCHEMAC_TEST_TSL_URL
up=$(mktemp)
step plan schema.dsl --db "$url" >"$up"
log "the plan against the empty database has $(grep -c '^-- ' "$up") comment lines; applying it with psql"
psql "$url" -X -q -v ON_ERROR_STOP=1 -f "$up" >/dev/null
rm -f -- "$up"
step plan schema.dsl --db "$url" --exit-code
step pull --db "$url"
printf '\n'
log "all steps passed"
