#!/usr/bin/env bash
# Catalog benchmark: `schemac pull` and `schemac plan --db` on a 1,000-table schema (10,000 columns, 2,000
# indexes, 1,000 foreign keys) against the floor, plus offline `check` / `plan` and peak memory.
#
#   bench/catalog_bench.sh [--db URL] [--tables N] [--runs N]
#
# URL is a PostgreSQL 15 server where the role may CREATE DATABASE (default: $SCHEMAC_TEST_PG_URL, as set by
# `eval "$(scripts/db.sh env)"`). Two scratch databases are created and dropped again. The schemac binary is
# $SCHEMAC_BIN (default: build/compiler/schemac, else build-rt/compiler/schemac).
#
# The floor (performance.md): one `psql` run of a single query reading the same catalog facts (columns with
# types and defaults, constraints via pg_get_constraintdef, indexes via pg_get_indexdef), measured in the same
# run. Each time is the best of --runs runs (default 5). Targets: pull and plan --db within 1.5x of the floor;
# offline check < 50 ms, offline plan < 200 ms; peak RSS of plan < 100 MB.
set -euo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
url=${SCHEMAC_TEST_PG_URL:-}
tables=1000
runs=5
while (($#)); do
  case $1 in
  --db) url=$2; shift 2 ;;
  --tables) tables=$2; shift 2 ;;
  --runs) runs=$2; shift 2 ;;
  *) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
[[ -n $url ]] || { echo "catalog_bench: no server: pass --db URL or set SCHEMAC_TEST_PG_URL" >&2; exit 2; }
bin=${SCHEMAC_BIN:-}
if [[ -z $bin ]]; then
  for b in "$here/build/compiler/schemac" "$here/build-rt/compiler/schemac"; do
    [[ -x $b ]] && { bin=$b; break; }
  done
fi
[[ -x ${bin:-} ]] || { echo "catalog_bench: no schemac binary (build it, or set SCHEMAC_BIN)" >&2; exit 2; }
bin=$(realpath -- "$bin")
[[ -x /usr/bin/time ]] || { echo "catalog_bench: /usr/bin/time is missing: apt-get install time" >&2; exit 2; }

work=$(mktemp -d /tmp/schemac-bench.XXXXXX)
full_db=schemac_bench_full_$$
empty_db=schemac_bench_empty_$$
admin() { psql "$url" -X -q -v ON_ERROR_STOP=1 -c "$1" >/dev/null; }
db_url() {  # the server URL with another database, as a conninfo string (the URL may be a URI or key=value)
  printf '%s dbname=%s' "$(psql "$url" -X -A -t -c "select format('host=%s port=%s user=%s', coalesce(host(inet_server_addr()), 'localhost'), current_setting('port'), current_user)")" "$1"
}
cleanup() {
  admin "drop database if exists $full_db with (force)" 2>/dev/null || true
  admin "drop database if exists $empty_db with (force)" 2>/dev/null || true
  rm -rf -- "$work"
}
trap cleanup EXIT

# ---- the schema: N tables of 10 columns, 2 indexes, 1 foreign key each (a ring) ----
{
  for ((i = 0; i < tables; i++)); do
    ref=$(((i + tables - 1) % tables))
    printf 'table t%04d {\n' "$i"
    printf '  id         bigint        identity primary key\n'
    printf '  ref_id     bigint?       references t%04d(id)\n' "$ref"
    printf '  name       text\n'
    printf '  price      numeric(20,8) default 0\n'
    printf '  qty        int           default 0 check (qty >= 0)\n'
    printf '  created_at timestamptz   default now()\n'
    printf '  note       varchar(100)?\n'
    printf '  flag       bool          default false\n'
    printf '  tags       text[]?\n'
    printf '  meta       jsonb?\n\n'
    printf '  index (name)\n'
    printf '  index (ref_id, created_at desc)\n'
    printf '}\n\n'
  done
} | sed '$d' >"$work/schema.dsl"
"$bin" fmt "$work/schema.dsl"

admin "create database $full_db"
admin "create database $empty_db"
full=$(db_url "$full_db")
empty=$(db_url "$empty_db")
(cd "$work" && "$bin" plan schema.dsl >up.sql)
psql "$full" -X -q -v ON_ERROR_STOP=1 -f "$work/up.sql" >/dev/null
"$bin" pull --db "$full" >"$work/pulled.dsl"

# ---- the floor: one psql run, one query ----
cat >"$work/floor.sql" <<'SQL'
select c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
       pg_get_expr(d.adbin, d.adrelid), null::text
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema')
union all
select c.relname, k.conname, k.contype::text, null, pg_get_constraintdef(k.oid), null
from pg_constraint k
join pg_class c on c.oid = k.conrelid
join pg_namespace n on n.oid = c.relnamespace
where n.nspname not in ('pg_catalog', 'information_schema')
union all
select c.relname, ic.relname, null, null, null, pg_get_indexdef(i.indexrelid)
from pg_index i
join pg_class c on c.oid = i.indrelid
join pg_class ic on ic.oid = i.indexrelid
join pg_namespace n on n.oid = c.relnamespace
where n.nspname not in ('pg_catalog', 'information_schema');
SQL

# Best wall time of $runs runs, in milliseconds, of a command (output discarded).
best_ms() {
  local best='' t0 t1 ms
  for ((r = 0; r < runs; r++)); do
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || { echo "catalog_bench: failed: $*" >&2; "$@" >/dev/null; exit 1; }
    t1=$(date +%s%N)
    ms=$(((t1 - t0) / 1000))
    if [[ -z $best ]] || ((ms < best)); then best=$ms; fi
  done
  awk -v us="$best" 'BEGIN { printf "%.1f", us / 1000 }'
}
# Peak RSS in MB of one run.
rss_mb() {
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }'
}
plan_exit_ok() { "$@" || [[ $? == 2 ]]; }  # --exit-code: 2 = changes pending, which is expected here

cd "$work"
floor=$(best_ms psql "$full" -X -q -A -t -o /dev/null -f floor.sql)
pull=$(best_ms "$bin" pull --db "$full")
plan_same=$(best_ms "$bin" plan pulled.dsl --db "$full" --exit-code)
plan_new=$(best_ms plan_exit_ok "$bin" plan pulled.dsl --db "$empty" --exit-code)
check=$(best_ms "$bin" check schema.dsl)
plan_off=$(best_ms "$bin" plan schema.dsl)
rss_off=$(rss_mb "$bin" plan schema.dsl)
rss_db=$(rss_mb "$bin" plan pulled.dsl --db "$full")
rss_pull=$(rss_mb "$bin" pull --db "$full")
same=$("$bin" plan pulled.dsl --db "$full" | head -n 1)

ratio() { awk -v a="$1" -v b="$floor" 'BEGIN { printf "%.2fx", a / b }'; }
verdict() { awk -v a="$1" -v t="$2" 'BEGIN { print (a <= t) ? "ok" : "MISSED" }'; }
n_cols=$((tables * 10))
echo
echo "schemac catalog benchmark: $tables tables, $n_cols columns, $((tables * 2)) indexes, $tables foreign keys (best of $runs)"
echo "no-change plan says: $same"
printf '%-44s %10s %8s %12s %7s\n' "what" "time (ms)" "ratio" "target" "result"
printf '%-44s %10s %8s %12s %7s\n' "floor: psql, one catalog query" "$floor" "1.00x" "" ""
printf '%-44s %10s %8s %12s %7s\n' "schemac pull" "$pull" "$(ratio "$pull")" "<= 1.5x" \
  "$(verdict "$(ratio "$pull" | tr -d x)" 1.5)"
printf '%-44s %10s %8s %12s %7s\n' "schemac plan --db (no change)" "$plan_same" "$(ratio "$plan_same")" "<= 1.5x" \
  "$(verdict "$(ratio "$plan_same" | tr -d x)" 1.5)"
printf '%-44s %10s %8s %12s %7s\n' "schemac plan --db (empty -> $tables tables)" "$plan_new" "$(ratio "$plan_new")" \
  "<= 1.5x" "$(verdict "$(ratio "$plan_new" | tr -d x)" 1.5)"
printf '%-44s %10s %8s %12s %7s\n' "schemac check (offline)" "$check" "" "< 50 ms" "$(verdict "$check" 50)"
printf '%-44s %10s %8s %12s %7s\n' "schemac plan (offline, empty -> $tables)" "$plan_off" "" "< 200 ms" \
  "$(verdict "$plan_off" 200)"
printf '%-44s %10s %8s %12s %7s\n' "peak RSS (MB): plan offline" "$rss_off" "" "< 100 MB" "$(verdict "$rss_off" 100)"
printf '%-44s %10s %8s %12s %7s\n' "peak RSS (MB): plan --db (no change)" "$rss_db" "" "< 100 MB" "$(verdict "$rss_db" 100)"
printf '%-44s %10s %8s %12s %7s\n' "peak RSS (MB): pull" "$rss_pull" "" "< 100 MB" "$(verdict "$rss_pull" 100)"
