#!/usr/bin/env bash
# Ingest and point-query benchmark (issue 11): schemac's generated copy_into, insert_many and a declared point
# query (book_ticker_snapshots.latest_for_symbol of schema.dsl) against their references, measured in the same
# run on the same rows and tables, printed as one table with each ratio and whether its target is met.
#
#   bench/ingest_bench.sh [--db URL] [--rows N] [--insert-rows N] [--runs N] [--queries N] [--symbols N]
#
# URL is a PostgreSQL 15 server where the role may CREATE DATABASE (default: $SCHEMAC_TEST_PG_URL, as set by
# `eval "$(scripts/db.sh env)"`); a scratch database schemac_bench_<pid> is created and dropped again. The script
# first builds bench/ in build-bench/ (-DSCHEMAC_BENCH=ON, RelWithDebInfo, ccache), then runs under
# flock /tmp/schemac-live.lock so that no live test shares the server meanwhile.
#
#   copy_into    vs hand-written libpq binary COPY (1 MiB buffers) and libpqxx stream_to, --rows rows (default
#                1,000,000) into the un-indexed table. Targets: >= 0.95x and >= 2x.
#   insert_many  vs one prepared INSERT per round trip, --insert-rows rows (default 50,000). Target: >= 10x.
#   latest_for_symbol vs a hand-written libpq prepared binary query, --queries calls each (default 100,000)
#                on the loaded table with its (symbol_id, timestamp desc) index. Target: p50 and p99 within 5%.
# Throughputs are the median of --runs runs (default 5), the contenders interleaved, the table truncated and
# checkpointed before each run. Shown without a target: insert_many against the same one-row INSERTs in one
# transaction and against a hand-written libpq pipeline, and each contender's client CPU time. Results and how to
# read them: bench/RESULTS.md.
set -euo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
url=${SCHEMAC_TEST_PG_URL:-}
args=()
while (($#)); do
  case $1 in
  --db) url=$2; shift 2 ;;
  --rows | --insert-rows | --runs | --queries | --symbols) args+=("$1" "$2"); shift 2 ;;
  *) sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
[[ -n $url ]] || { echo "ingest_bench: no server: pass --db URL or set SCHEMAC_TEST_PG_URL" >&2; exit 2; }

build=$here/build-bench
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSCHEMAC_WERROR=ON -DSCHEMAC_BENCH=ON \
  -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
ninja -C "$build" -j2 schemac_ingest_bench >/dev/null

db=schemac_bench_$$
admin() { psql "$url" -X -q -v ON_ERROR_STOP=1 -c "$1" >/dev/null; }
db_url() {  # the server URL with another database, as a conninfo string (the URL may be a URI or key=value)
  printf '%s dbname=%s' "$(psql "$url" -X -A -t -c "select format('host=%s port=%s user=%s', coalesce(host(inet_server_addr()), 'localhost'), current_setting('port'), current_user)")" "$1"
}
cleanup() { admin "drop database if exists $db with (force)" 2>/dev/null || true; }
trap cleanup EXIT

admin "create database $db"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), load average $(cut -d' ' -f1-3 /proc/loadavg)"
flock /tmp/schemac-live.lock "$build/bench/schemac_ingest_bench" --db "$(db_url "$db")" "${args[@]}"
