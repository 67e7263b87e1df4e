#!/usr/bin/env bash
# THE first command for a newcomer: installs what is missing, builds schemac, and runs it on the
# project's own schema (schema.dsl): check, fmt --check, an offline plan against the migrations already
# written (no database needed), the first migration as a pull-request comment, generate --check (the
# committed C++ headers in generated/ are current; the build regenerates them), and then a live round
# trip on a throwaway TimescaleDB with the Timescale license (scripts/db.sh): plan --db, apply the plan
# with psql, plan --db again (now empty), pull. Last, the example program (examples/ingest, over the generated
# code) on a scratch database of the TimescaleDB test server: it seeds exchanges and symbols, copies a burst of
# 100,000 book-ticker rows in and prints each symbol's latest bid and ask. Stops at the first failing step with
# its exit status.
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

# The command as run, a URL's password (user:password@, password=...) masked.
shown() { sed -E 's#(://[^:/@]*:)[^@]*@#\1***@#g; s#([Pp][Aa][Ss][Ss][Ww][Oo][Rr][Dd]=)[^ &]*#\1***#g' <<<"$*"; }

step() {
  local status=0
  printf '\n==> schemac %s\n' "$(shown "$*")" >&2
  "$schemac" "$@" || status=$?
  if ((status != 0)); then
    printf '\n' >&2
    log "FAILED: schemac $(shown "$*") exited with status $status"
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
started=$(mktemp)  # the servers this script started and stops again (scripts/db.sh ensure/release)
printf 'tsl\n' >"$started"
trap '"$db" release "$started"' EXIT
"$db" restart tsl
eval "$("$db" env tsl)"
# shellcheck disable=SC2153 # set by the eval above
url=$SCHEMAC_TEST_TSL_URL
up=$(mktemp)
step plan schema.dsl --db "$url" >"$up"
log "the plan against the empty database has $(grep -c '^-- ' "$up") comment lines; applying it with psql"
psql "$url" -X -q -v ON_ERROR_STOP=1 -f "$up" >/dev/null
rm -f -- "$up"
step plan schema.dsl --db "$url" --exit-code
step pull --db "$url"

# The example program. Not on the server above: PGlite cannot take COPY FROM STDIN, which copy_into is. The
# TimescaleDB test server (Apache edition, PostgreSQL 17) has no retention or compression policies, so it gets
# schema.dsl without them: canonical layout (fmt --check passed above), so those are whole lines and blocks.
"$db" ensure "$started" tsdb
[[ -n ${SCHEMAC_TEST_TSDB_URL:-} ]] || eval "$("$db" env tsdb)"  # a server of your own, else the test server
scratch=schemac_run_ingest
# shellcheck disable=SC2154 # set by the eval above
psql "$SCHEMAC_TEST_TSDB_URL" -X -q -v ON_ERROR_STOP=1 -c 'SET client_min_messages = warning' \
  -c "DROP DATABASE IF EXISTS $scratch WITH (FORCE)" -c "CREATE DATABASE $scratch"
url=$SCHEMAC_TEST_TSDB_URL
case $url in
postgres://* | postgresql://*) [[ $url == *\?* ]] && url+="&dbname=$scratch" || url+="?dbname=$scratch" ;;
*) url+=" dbname=$scratch" ;;
esac
# In a directory of its own: migrations/ records the Timescale-license edition, which plan --db would hold it to.
apache=$(mktemp -d)
awk '/^    retention / { next } /^    compression \{$/ { cut = 1; next } cut && /^    \}$/ { cut = 0; next } !cut' \
  schema.dsl >"$apache/schema.dsl"
step plan "$apache/schema.dsl" --db "$url" --dir "$apache/migrations" >"$apache/up.sql"
# TimescaleDB warns about varchar columns (its style advice): kept out of the way.
PGOPTIONS="-c client_min_messages=error" psql "$url" -X -q -v ON_ERROR_STOP=1 -f "$apache/up.sql" >/dev/null
rm -rf -- "$apache"
printf '\n==> %s/examples/ingest/ingest (the example program)\n' "$build_dir" >&2
"$SCHEMAC_REPO/$build_dir/examples/ingest/ingest" "$url" || die "the example program failed"
psql "$SCHEMAC_TEST_TSDB_URL" -X -q -c "DROP DATABASE $scratch WITH (FORCE)"
printf '\n'
log "all steps passed"
