#include "fingerprint.hpp"

namespace schemac::test {

namespace {

// The user's namespaces: not the system's, TimescaleDB's, an extension's or schemac's history.
const char* kUserNs = R"(
  n.nspname !~ '^pg_' and n.nspname !~ '^_timescaledb' and n.nspname not in
    ('information_schema', 'schemac', 'timescaledb_information', 'timescaledb_experimental')
  and not exists (select from pg_depend e where e.classid = 'pg_namespace'::regclass and e.objid = n.oid
                  and e.deptype = 'e'))";

std::string catalog_lines() {
  const std::string ns = kUserNs;
  const std::string not_ext = R"(not exists (select from pg_depend e where e.objid = x.oid and e.deptype = 'e'))";
  return R"(
with x as (select c.* from pg_class c join pg_namespace n on n.oid = c.relnamespace where )" + ns + R"(),
lines(line) as (
  select 'schema ' || quote_ident(n.nspname) || coalesce(' -- ' || obj_description(n.oid, 'pg_namespace'), '')
  from pg_namespace n where )" + ns + R"(
  union all
  select 'extension ' || extname from pg_extension where extname <> 'plpgsql'
  union all
  select 'type ' || format_type(t.oid, null) || ' ' || t.typtype::text || ' ' ||
         coalesce((select string_agg(quote_literal(enumlabel), ', ' order by enumsortorder)
                   from pg_enum where enumtypid = t.oid), '') ||
         coalesce(' -- ' || obj_description(t.oid, 'pg_type'), '')
  from pg_type t join pg_namespace n on n.oid = t.typnamespace
  where )" + ns + R"( and t.typtype in ('e', 'd', 'r', 'c') and (t.typrelid = 0 or
        (select relkind from pg_class where oid = t.typrelid) = 'c')
    and not exists (select from pg_depend e where e.objid = t.oid and e.deptype = 'e')
  union all
  select 'relation ' || x.oid::regclass::text || ' kind ' || x.relkind::text || ' persistence ' || x.relpersistence::text ||
         coalesce(' options ' || array_to_string(x.reloptions, ','), '') ||
         coalesce(' -- ' || obj_description(x.oid, 'pg_class'), '')
  from x where x.relkind in ('r', 'p', 'v', 'm', 'f', 'S') and )" + not_ext + R"(
  union all
  select 'column ' || x.oid::regclass::text || '.' || quote_ident(a.attname) || ' ' ||
         format_type(a.atttypid, a.atttypmod) || case when a.attnotnull then ' not null' else '' end ||
         case a.attidentity when 'a' then ' identity always' when 'd' then ' identity by default' else '' end ||
         case a.attgenerated when 's' then ' generated' else '' end ||
         coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') ||
         case when a.attcollation <> t.typcollation then ' collate ' || co.collname else '' end ||
         coalesce(' -- ' || col_description(x.oid, a.attnum), '')
  from x join pg_attribute a on a.attrelid = x.oid and a.attnum > 0 and not a.attisdropped
  join pg_type t on t.oid = a.atttypid
  left join pg_collation co on co.oid = a.attcollation
  left join pg_attrdef d on d.adrelid = x.oid and d.adnum = a.attnum
  where x.relkind in ('r', 'p', 'v', 'm', 'f') and )" + not_ext + R"(
  union all
  select 'constraint ' || x.oid::regclass::text || ' ' || quote_ident(k.conname) || ' ' ||
         pg_get_constraintdef(k.oid) || case when not k.convalidated then ' (not validated)' else '' end ||
         coalesce(' -- ' || obj_description(k.oid, 'pg_constraint'), '')
  from x join pg_constraint k on k.conrelid = x.oid where )" + not_ext + R"(
  union all
  select 'index ' || pg_get_indexdef(i.indexrelid) || case when not i.indisvalid then ' (invalid)' else '' end ||
         coalesce(' -- ' || obj_description(i.indexrelid, 'pg_class'), '')
  from x join pg_index i on i.indrelid = x.oid where )" + not_ext + R"(
  union all
  select 'sequence ' || s.seqrelid::regclass::text || ' ' || format_type(s.seqtypid, null) || ' start ' ||
         s.seqstart || ' increment ' || s.seqincrement || ' min ' || s.seqmin || ' max ' || s.seqmax ||
         ' cache ' || s.seqcache || case when s.seqcycle then ' cycle' else '' end
  from x join pg_sequence s on s.seqrelid = x.oid
  union all
  select 'view ' || x.oid::regclass::text || ' ' || pg_get_viewdef(x.oid)
  from x where x.relkind in ('v', 'm') and )" + not_ext + R"(
  union all
  select 'trigger ' || pg_get_triggerdef(g.oid) from x join pg_trigger g on g.tgrelid = x.oid
  where not g.tgisinternal and g.tgname <> 'ts_insert_blocker'
  union all
  select 'function ' || p.oid::regprocedure::text || ' ' || md5(p.prosrc)
  from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where )" + ns + R"( and not exists (select from pg_depend e where e.objid = p.oid and e.deptype = 'e'))";
}

// The function a dimension names (schema and name columns of TimescaleDB's catalog), or "-".
std::string function_text(const std::string& schema, const std::string& name) {
  return "coalesce(quote_ident(" + schema + ") || '.' || quote_ident(" + name + "), '-')";
}

// TimescaleDB's settings of each hypertable: dimensions (kind, interval or partitions, the integer_now and
// partitioning functions with their schemas, which the information view leaves out), policies and compression.
const std::string kTimescaleLines = R"(
  union all
  select 'dimension ' || format('%I.%I', v.hypertable_schema, v.hypertable_name) || ' ' || v.dimension_number || ' ' ||
         v.column_name || ' ' || v.dimension_type || ' ' ||
         coalesce(v.time_interval::text, v.integer_interval::text, '') || ' ' || coalesce(v.num_partitions::text, '') ||
         ' now ' || )" + function_text("c.integer_now_func_schema", "c.integer_now_func") + R"( ||
         ' partitioning ' || )" + function_text("c.partitioning_func_schema", "c.partitioning_func") + R"( ||
         ' compress_interval ' || coalesce(c.compress_interval_length::text, '-')
  from timescaledb_information.dimensions v
  join _timescaledb_catalog.hypertable ht on ht.schema_name = v.hypertable_schema
                                         and ht.table_name = v.hypertable_name
  join _timescaledb_catalog.dimension c on c.hypertable_id = ht.id and c.column_name = v.column_name
  union all
  select 'job ' || format('%I.%I', hypertable_schema, hypertable_name) || ' ' || proc_name || ' ' ||
         (config - 'hypertable_id')::text || ' ' || schedule_interval::text
  from timescaledb_information.jobs where hypertable_name is not null
  union all
  select 'compression ' || format('%I.%I', hypertable_schema, hypertable_name) || ' ' || attname || ' ' ||
         coalesce(segmentby_column_index::text, '-') || ' ' || coalesce(orderby_column_index::text, '-') || ' ' ||
         coalesce(orderby_asc::text, '-') || ' ' || coalesce(orderby_nullsfirst::text, '-')
  from timescaledb_information.compression_settings)";

}  // namespace

std::string catalog_fingerprint(TestDb& db) {
  const bool timescale = db.query_value("select count(*) from pg_extension where extname = 'timescaledb'") != "0";
  return db.query_value(catalog_lines() + (timescale ? kTimescaleLines : "") +
                        R"()
select coalesce(string_agg(line, E'\n' order by line collate "C"), '') from lines)");
}

}  // namespace schemac::test
