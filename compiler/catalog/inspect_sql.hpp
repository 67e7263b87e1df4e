#pragma once
// The catalog queries inspect runs: one per kind of object, each set-based over the whole database (never one
// per table). $1 is the schema filter as text[] (NULL = every user schema). All expression text comes from
// pg_get_expr(..., true) / pg_get_indexdef(..., true), the pretty forms, which print fewer parentheses and so
// match hand-written declarations more often.

#include <string>

namespace schemac::inspect_sql {

// Namespaces schemac may report (alias n): not system, not TimescaleDB's, not owned by an extension, not the
// migration history of `schemac migrate` (schema schemac, runtime/src/migrations.cpp).
inline const std::string kNamespaceOk = R"(
  n.nspname !~ '^pg_' and n.nspname not in ('information_schema', 'schemac')
  and n.nspname not in ('_timescaledb_catalog', '_timescaledb_functions', '_timescaledb_internal',
                        '_timescaledb_cache', '_timescaledb_config', '_timescaledb_debug',
                        'timescaledb_experimental', 'timescaledb_information')
  and not exists (select 1 from pg_depend e
                  where e.classid = 'pg_namespace'::regclass and e.objid = n.oid and e.deptype = 'e')
  and ($1::text[] is null or n.nspname = any ($1::text[])))";

// Tables schemac may report (alias c, in namespace n): ordinary and partitioned tables, not partitions,
// not owned by an extension.
inline const std::string kTableOk = kNamespaceOk + R"(
  and c.relkind in ('r', 'p') and not c.relispartition
  and not exists (select 1 from pg_depend e
                  where e.classid = 'pg_class'::regclass and e.objid = c.oid and e.deptype = 'e'))";

// One snapshot for every query; expressions printed as with search_path = public (so public's names are
// bare); sorts of a 1,000-table catalog kept in memory.
inline const std::string kBegin = R"(
begin isolation level repeatable read read only;
set local search_path = public;
set local work_mem = '64MB')";

// The license, the installed TimescaleDB version, whether TimescaleDB could be created here (not installed but
// available: the license is then learnt by a rolled-back probe, see kEditionProbe), and whether pg_cron's job
// table is readable here with its `database` column (1.4+); this database and the one pg_cron runs its jobs
// from (cron.database_name, set only where pg_cron is loaded; superuser-only, so read through pg_settings,
// which leaves it out for other roles instead of raising "permission denied").
inline const std::string kFacts = R"(
select coalesce(current_setting('timescaledb.license', true), ''),
       coalesce((select extversion from pg_extension where extname = 'timescaledb'), ''),
       case when not exists (select from pg_extension where extname = 'timescaledb')
            then exists (select from pg_available_extensions where name = 'timescaledb') else false end,
       case when to_regclass('cron.job') is not null
            then has_table_privilege('cron.job', 'select')
                 and exists (select from pg_attribute
                             where attrelid = to_regclass('cron.job') and attname = 'database' and attnum > 0)
            else false end,
       current_database(),
       coalesce((select setting from pg_settings where name = 'cron.database_name'), ''))";

// Before CREATE EXTENSION timescaledb the license setting does not exist yet: create the extension in a
// transaction (or savepoint) that is always rolled back, and read it. One statement; the caller rolls back.
inline const std::string kEditionProbe = R"(
create extension timescaledb;
select coalesce(current_setting('timescaledb.license', true), ''))";


inline const std::string kNamespaces = R"(
select n.nspname, coalesce(d.description, '')
from pg_namespace n
left join pg_description d
  on d.objoid = n.oid and d.classoid = 'pg_namespace'::regclass and d.objsubid = 0
where n.nspname <> 'public' and )" + kNamespaceOk + R"(
order by n.oid)";

// The schema an extension lands in without a SCHEMA clause is its control file's, or public: reported as
// empty, like an extension declared without one.
inline const std::string kExtensions = R"(
select e.extname,
       case when n.nspname = coalesce(v.schema::text, 'public') then '' else n.nspname end
from pg_extension e
join pg_namespace n on n.oid = e.extnamespace
left join pg_available_extension_versions v on v.name = e.extname and v.version = e.extversion
where e.extname <> 'plpgsql'
order by e.oid)";

inline const std::string kEnums = R"(
select n.nspname, t.typname, e.enumlabel, coalesce(d.description, '')
from pg_type t
join pg_namespace n on n.oid = t.typnamespace
join pg_enum e on e.enumtypid = t.oid
left join pg_description d on d.objoid = t.oid and d.classoid = 'pg_type'::regclass and d.objsubid = 0
where t.typtype = 'e' and )" + kNamespaceOk + R"(
  and not exists (select 1 from pg_depend x
                  where x.classid = 'pg_type'::regclass and x.objid = t.oid and x.deptype = 'e')
order by t.oid, e.enumsortorder)";

// Sequences of their own: those no serial or identity column owns (theirs belong to the column).
inline const std::string kSequences = R"(
select n.nspname, c.relname, format_type(q.seqtypid, null), q.seqstart, q.seqincrement, q.seqmin, q.seqmax,
       q.seqcycle, q.seqcache, coalesce(d.description, '')
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
join pg_sequence q on q.seqrelid = c.oid
left join pg_description d on d.objoid = c.oid and d.classoid = 'pg_class'::regclass and d.objsubid = 0
where c.relkind = 'S' and )" + kNamespaceOk + R"(
  and not exists (select 1 from pg_depend o
                  where o.classid = 'pg_class'::regclass and o.objid = c.oid and o.deptype in ('a', 'i', 'e'))
order by c.oid)";

// One row per column (a table without columns gives one row with a null column name). `serial_seq` is the
// sequence a serial column's default draws from, when that sequence is OWNED BY the column.
inline const std::string kColumns = R"(
select n.nspname, c.relname, coalesce(td.description, ''),
       a.attname, format_type(a.atttypid, a.atttypmod), bn.nspname, bt.typtype,
       exists (select 1 from pg_depend x
               where x.classid = 'pg_type'::regclass and x.objid = bt.oid and x.deptype = 'e'),
       a.attnotnull, a.attidentity, a.attgenerated,
       pg_get_expr(ad.adbin, ad.adrelid, true),
       seq.relname,
       coalesce(cd.description, ''),
       c.relpersistence, c.reloptions,
       case when a.attcollation <> 0 and a.attcollation <> t.typcollation
            then (select co.collname from pg_collation co where co.oid = a.attcollation) end,
       idseq.seqstart, idseq.seqincrement, idseq.seqmin, idseq.seqmax, idseq.seqcycle, idseq.seqcache,
       seq.seqstart, seq.seqincrement, seq.seqmin, seq.seqmax, seq.seqcycle, seq.seqcache
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
left join pg_description td on td.objoid = c.oid and td.classoid = 'pg_class'::regclass and td.objsubid = 0
left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
left join pg_type t on t.oid = a.atttypid
left join pg_type bt
  on bt.oid = case when t.typcategory = 'A' and t.typelem <> 0 then t.typelem else t.oid end
left join pg_namespace bn on bn.oid = bt.typnamespace
left join pg_attrdef ad on ad.adrelid = c.oid and ad.adnum = a.attnum
left join lateral (
  select s.relname, q.seqstart, q.seqincrement, q.seqmin, q.seqmax, q.seqcycle, q.seqcache
  from pg_depend o
  join pg_class s on s.oid = o.objid and s.relkind = 'S'
  join pg_sequence q on q.seqrelid = s.oid
  where o.classid = 'pg_class'::regclass and o.refclassid = 'pg_class'::regclass
    and o.refobjid = c.oid and o.refobjsubid = a.attnum and o.deptype = 'a'
    and pg_get_expr(ad.adbin, ad.adrelid) = format('nextval(%L::regclass)', s.oid::regclass::text)
  limit 1) seq on true
left join lateral (  -- an identity's sequence options (normalize_identity drops the defaults)
  select q.seqstart, q.seqincrement, q.seqmin, q.seqmax, q.seqcycle, q.seqcache
  from pg_depend o
  join pg_sequence q on q.seqrelid = o.objid
  where a.attidentity <> '' and o.classid = 'pg_class'::regclass and o.refclassid = 'pg_class'::regclass
    and o.refobjid = c.oid and o.refobjsubid = a.attnum and o.deptype = 'i'
  limit 1) idseq on true
left join pg_description cd on cd.objoid = c.oid and cd.classoid = 'pg_class'::regclass and cd.objsubid = a.attnum
where )" + kTableOk + R"(
order by c.oid, a.attnum)";

inline const std::string kConstraints = R"(
select n.nspname, c.relname, k.conname, k.contype,
       array(select a.attname from unnest(k.conkey) with ordinality u(num, ord)
             join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.num order by u.ord),
       rn.nspname, rc.relname,
       array(select a.attname from unnest(k.confkey) with ordinality u(num, ord)
             join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.num order by u.ord),
       k.confupdtype, k.confdeltype, k.convalidated,
       case when k.contype = 'c' then pg_get_expr(k.conbin, k.conrelid, true) end,
       coalesce(d.description, ''),
       k.condeferrable, k.condeferred, k.confmatchtype, k.connoinherit, pg_get_constraintdef(k.oid, true)
from pg_constraint k
join pg_class c on c.oid = k.conrelid
join pg_namespace n on n.oid = c.relnamespace
left join pg_class rc on rc.oid = k.confrelid
left join pg_namespace rn on rn.oid = rc.relnamespace
left join pg_description d on d.objoid = k.oid and d.classoid = 'pg_constraint'::regclass and d.objsubid = 0
where k.contype in ('p', 'u', 'f', 'c', 'x') and )" + kTableOk + R"(
order by c.oid, array_position(array['p', 'u', 'f', 'c', 'x'], k.contype::text), k.conname)";

// One row per index column (key columns first, then INCLUDE columns). Indexes behind primary key and unique
// constraints are left out: they are reported as those constraints. The index of an exclusion constraint comes
// with the constraint's name and each key's operator (schema-qualified outside pg_catalog): its keys are the
// constraint's.
inline const std::string kIndexes = R"(
select n.nspname, c.relname, ic.relname, i.indisunique, i.indisvalid, am.amname, i.indnkeyatts, s.k,
       a.attname,
       case when i.indkey[s.k - 1] = 0 then pg_get_indexdef(i.indexrelid, s.k, true) end,
       coalesce(i.indoption[s.k - 1], 0),
       case when s.k <= i.indnkeyatts and not opc.opcdefault then opc.opcname end,
       case when s.k = 1 then pg_get_expr(i.indpred, i.indrelid, true) end,
       coalesce(d.description, ''),
       case when s.k = 1 then ic.reloptions end,
       case when s.k = 1 then pg_get_indexdef(i.indexrelid, 0, true) end,
       -- A key's collation when it is not its column's (an expression key: any; inspect keeps it only when the
       -- index definition prints it).
       case when s.k <= i.indnkeyatts and i.indcollation[s.k - 1] <> 0
                 and (i.indkey[s.k - 1] = 0 or i.indcollation[s.k - 1] <> a.attcollation)
            then (select co.collname from pg_collation co where co.oid = i.indcollation[s.k - 1]) end,
       xk.conname,
       (select case when o.oprnamespace = 'pg_catalog'::regnamespace then o.oprname::text
                    else quote_ident(on_.nspname) || '.' || o.oprname end
        from pg_operator o join pg_namespace on_ on on_.oid = o.oprnamespace where o.oid = xk.conexclop[s.k])
from pg_index i
join pg_class ic on ic.oid = i.indexrelid
join pg_class c on c.oid = i.indrelid
join pg_namespace n on n.oid = c.relnamespace
join pg_am am on am.oid = ic.relam
cross join lateral generate_series(1, i.indnatts::int) s(k)
left join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[s.k - 1] and i.indkey[s.k - 1] <> 0
left join pg_opclass opc on s.k <= i.indnkeyatts and opc.oid = i.indclass[s.k - 1]
left join pg_description d on s.k = 1 and d.objoid = ic.oid and d.classoid = 'pg_class'::regclass
                           and d.objsubid = 0
left join pg_constraint xk on xk.conindid = i.indexrelid and xk.contype = 'x'
where )" + kTableOk + R"(
  and not exists (select 1 from pg_constraint k
                  where k.conindid = i.indexrelid and k.contype in ('p', 'u'))
order by c.oid, ic.oid, s.k)";

// An interval as the three fields PostgreSQL keeps: months, days, microseconds.
inline std::string span_fields(const std::string& x) {
  return "(extract(year from " + x + ") * 12 + extract(month from " + x + "))::bigint, extract(day from " + x +
         ")::bigint, ((extract(hour from " + x + ") * 3600 + extract(minute from " + x +
         ") * 60) * 1000000 + extract(microseconds from " + x + "))::bigint";
}

// One row per dimension of each hypertable, in TimescaleDB's order (the time column's first). The view does not
// say in which schema the integer_now and partitioning functions are, nor the compress_chunk_time_interval: those
// come from TimescaleDB's own catalog. Each view is read once (materialized): joined directly, the planner loops
// over the dimensions view's window function once per hypertable.
inline const std::string kHypertables = R"(
with h as materialized (
  select hypertable_schema, hypertable_name, compression_enabled from timescaledb_information.hypertables),
d as materialized (
  select v.hypertable_schema, v.hypertable_name, v.column_name, v.time_interval, v.integer_interval,
         v.dimension_number, v.dimension_type, v.num_partitions, c.integer_now_func_schema, c.integer_now_func,
         c.partitioning_func_schema, c.partitioning_func, c.compress_interval_length
  from timescaledb_information.dimensions v
  join _timescaledb_catalog.hypertable ht on ht.schema_name = v.hypertable_schema
                                         and ht.table_name = v.hypertable_name
  join _timescaledb_catalog.dimension c on c.hypertable_id = ht.id and c.column_name = v.column_name)
select h.hypertable_schema, h.hypertable_name, h.compression_enabled, d.column_name,
       d.time_interval is not null, )" + span_fields("d.time_interval") + R"(, d.integer_interval,
       coalesce(d.dimension_number, 1), d.dimension_type = 'Space', d.num_partitions,
       d.integer_now_func_schema, d.integer_now_func, d.partitioning_func_schema, d.partitioning_func,
       d.compress_interval_length
from h
left join d on d.hypertable_schema = h.hypertable_schema and d.hypertable_name = h.hypertable_name
order by h.hypertable_schema, h.hypertable_name, d.dimension_number)";

// Retention (drop_after) and compression (compress_after) policies; each is an interval string or an integer.
inline const std::string kJobs = R"(
select j.hypertable_schema, j.hypertable_name, j.proc_name, jsonb_typeof(v.value),
       case when jsonb_typeof(v.value) = 'number' then (v.value #>> '{}')::bigint end,
       )" + span_fields("iv.span") + R"(
from timescaledb_information.jobs j
cross join lateral (select j.config -> (case j.proc_name when 'policy_retention' then 'drop_after'
                                                         else 'compress_after' end) as value) v
cross join lateral (select case when jsonb_typeof(v.value) = 'string'
                                then (v.value #>> '{}')::interval end as span) iv
where j.proc_name in ('policy_retention', 'policy_compression') and j.hypertable_name is not null
order by j.job_id)";

inline const std::string kCompressionSettings = R"(
select hypertable_schema, hypertable_name, attname, segmentby_column_index, orderby_column_index,
       orderby_asc, orderby_nullsfirst
from timescaledb_information.compression_settings
order by hypertable_schema, hypertable_name, segmentby_column_index, orderby_column_index)";

// Retention scheduled with pg_cron on the Apache edition (diff's --retention-via-cron): active jobs of this
// database named schemac_retention_*, with the drop_chunks interval (or integer) of their command.
inline const std::string kCronRetention = R"(
select j.jobname, j.command, x.n, )" + span_fields("x.span") + R"(
from cron.job j
cross join lateral (
  select (regexp_match(j.command, 'older_than => INTERVAL ''([^'']*)''\)$'))[1]::interval as span,
         (regexp_match(j.command, 'older_than => (-?[0-9]+)\)$'))[1]::bigint as n) x
where j.jobname like 'schemac\_retention\_%' and j.database = current_database() and j.active
order by j.jobid)";

// What schemac leaves alone, listed once so a user sees it: views, materialized views (continuous aggregates
// among them), foreign tables, partitions, functions and procedures, triggers (not
// TimescaleDB's own), row-level security policies, domains, composite and range types. One row each: kind, then
// the object as schema-qualified text.
inline const std::string kNotManaged = R"(
select kind, what from (
  select case c.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'f' then 'foreign table'
                        else 'partition' end as kind,
         format('%I.%I', n.nspname, c.relname) as what
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where )" + kNamespaceOk + R"(
    and (c.relkind in ('v', 'm', 'f') or (c.relkind in ('r', 'p') and c.relispartition))
    and not exists (select 1 from pg_depend e
                    where e.classid = 'pg_class'::regclass and e.objid = c.oid and e.deptype = 'e')
  union all
  select case p.prokind when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end,
         format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))
  from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where )" + kNamespaceOk + R"(
    and not exists (select 1 from pg_depend e
                    where e.classid = 'pg_proc'::regclass and e.objid = p.oid and e.deptype = 'e')
  union all
  select 'trigger', format('%I on %I.%I', g.tgname, n.nspname, c.relname)
  from pg_trigger g join pg_class c on c.oid = g.tgrelid join pg_namespace n on n.oid = c.relnamespace
  where not g.tgisinternal and g.tgname not in ('ts_insert_blocker', 'ts_cagg_invalidation_trigger')
    and )" + kNamespaceOk + R"(
  union all
  select 'policy', format('%I on %I.%I', y.polname, n.nspname, c.relname)
  from pg_policy y join pg_class c on c.oid = y.polrelid join pg_namespace n on n.oid = c.relnamespace
  where )" + kNamespaceOk + R"(
  union all
  select case t.typtype when 'd' then 'domain' when 'r' then 'range type' else 'composite type' end,
         format('%I.%I', n.nspname, t.typname)
  from pg_type t join pg_namespace n on n.oid = t.typnamespace
  where (t.typtype in ('d', 'r') or (t.typtype = 'c' and exists (select 1 from pg_class r
                                                                 where r.oid = t.typrelid and r.relkind = 'c')))
    and )" + kNamespaceOk + R"(
    and not exists (select 1 from pg_depend e
                    where e.classid = 'pg_type'::regclass and e.objid = t.oid and e.deptype = 'e')) x
order by kind, what)";

}  // namespace schemac::inspect_sql
