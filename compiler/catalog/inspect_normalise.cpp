// normalise_expressions(): declared SQL expressions in the form the server prints them (see inspect.hpp).
//
// Why the server and not our own rewriting: what PostgreSQL prints depends on operator resolution, implicit
// casts (`price > 0` on numeric becomes `price > 0::numeric`), IN lists (`= ANY (ARRAY[...])`), keyword case
// and parenthesisation, and changes between versions. Only the server reproduces that for every version, so
// we let it: each table becomes a temporary table with the declared column types, defaults, generated
// columns, checks and expression/partial indexes, and pg_get_expr() reads them back with the same settings
// inspect uses. The live connection is used (its enums and extension types exist there) instead of a scratch
// database, because the temporary tables are ON COMMIT DROP in implicit transactions: nothing persists and
// nothing of the user's is locked.

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "catalog/connect.hpp"
#include "catalog/inspect.hpp"
#include "model/quote.hpp"
#include "model/types.hpp"
#include "sql/parser.hpp"
#include "sql/render.hpp"

namespace schemac {

namespace {

// One round trip carries whole tables up to about this many bytes of statements. It keeps both sides' socket
// buffers far from full in pipeline mode, and each batch within one libpq send (libpq flushes its buffer at
// 8 KiB): the PGlite socket server (the Timescale-license test server) loses messages split across two
// TCP reads. A table bigger than this goes alone.
constexpr size_t kBytesPerRoundTrip = 6000;

// How a read-back expression is tidied, matching what inspect does with the same field.
enum class Shape { as_is, strip_parens };

struct Target {
  std::string* text;  // the declared field to overwrite
  Shape shape;
};

// One table's statements and where each read-back row goes, by tag.
struct Job {
  std::string label;  // schema.table, for messages
  std::vector<std::string> statements;
  std::map<std::string, Target> targets;
  std::string error;
  size_t bytes = 0;  // what its statements take on the wire, about
  // Runs in an explicit transaction that is always rolled back (stand-in enums were created, see
  // enum_stand_ins): a second sync follows with a ROLLBACK that also ends a transaction an error aborted.
  bool explicit_transaction = false;
  bool first_sync_seen = false;
};

bool has_expressions(const std::vector<IndexKey>& keys, const std::string& where) {
  return !where.empty() || std::any_of(keys.begin(), keys.end(), [](const IndexKey& k) { return !k.expr.empty(); });
}

bool has_expressions(const Table& t) {
  for (const Column& c : t.columns)
    if (c.default_expr || c.generated_expr) return true;
  for (const Constraint& k : t.constraints)
    if (k.kind == Constraint::Kind::check || (k.kind == Constraint::Kind::exclusion && has_expressions(k.elements, k.where)))
      return true;
  for (const Index& ix : t.indexes)
    if (has_expressions(ix.keys, ix.where)) return true;
  return false;
}

// The index behind an exclusion constraint, which the server prints the constraint's expressions from.
Index exclusion_index(const Constraint& k) {
  Index ix;
  ix.name = k.name;
  ix.method = k.method;
  ix.keys = k.elements;
  for (IndexKey& key : ix.keys) key.op.clear();
  ix.where = k.where;
  return ix;
}

// A table's indexes, and the exclusion constraints' as indexes: where expressions are normalised.
std::vector<Index> expression_indexes(const Table& t) {
  std::vector<Index> out = t.indexes;
  for (const Constraint& k : t.constraints)
    if (k.kind == Constraint::Kind::exclusion) out.push_back(exclusion_index(k));
  return out;
}

// Every expression text of the live table, by kind, to see whether a declared one already matches.
// Every expression text of a table, keyed by the object it belongs to, to see whether a declared one already
// matches the live one of the same object.
std::set<std::string> live_texts(const Table& t) {
  std::set<std::string> out;
  auto key = [](char kind, const std::string& object, const std::string& text) {
    return std::string(1, kind) + object + '\0' + text;
  };
  for (const Column& c : t.columns) {
    if (c.default_expr) out.insert(key('d', c.name, *c.default_expr));
    if (c.generated_expr) out.insert(key('g', c.name, *c.generated_expr));
  }
  for (const Constraint& k : t.constraints)
    if (k.kind == Constraint::Kind::check) out.insert(key('c', k.name, k.check_expr));
  for (const Index& ix : expression_indexes(t)) {
    if (!ix.where.empty()) out.insert(key('w', ix.name, ix.where));
    for (size_t i = 0; i < ix.keys.size(); ++i)
      if (!ix.keys[i].expr.empty()) out.insert(key('x', ix.name + '\0' + std::to_string(i), ix.keys[i].expr));
  }
  return out;
}

// True when some declared expression of `t` differs from the live one of the same object.
bool differs_from_live(const Table& t, const Table& live) {
  Table copy = t;
  copy.constraints.erase(std::remove_if(copy.constraints.begin(), copy.constraints.end(),
                                        [](auto& k) {
                                          return k.kind != Constraint::Kind::check && k.kind != Constraint::Kind::exclusion;
                                        }),
                         copy.constraints.end());
  auto mine = live_texts(copy), theirs = live_texts(live);
  return std::any_of(mine.begin(), mine.end(), [&](auto& e) { return !theirs.count(e); });
}

// The declared table as the temporary table, written by render (the SQL a migration would run): a copy that
// keeps only what the server normalises (column types, defaults, generated columns, checks, expression and
// partial indexes) under tags that say where each read-back text goes. ON COMMIT DROP: every job ends its
// implicit transaction, so the next one finds the name free.
void add_table_statements(Table& t, Job& job) {
  Table temp;
  temp.schema = "pg_temp";
  temp.name = "schemac_normalise";
  for (Column& c : t.columns) {
    Column& copy = temp.columns.emplace_back(c);
    copy.type = storage_type(c.type);
    copy.nullable = true;
    copy.identity = Identity::none;
    if (c.generated_expr) job.targets["d" + c.name] = {&*c.generated_expr, Shape::as_is};
    else if (c.default_expr) job.targets["d" + c.name] = {&*c.default_expr, Shape::as_is};
  }
  for (Constraint& k : t.constraints) {
    if (k.kind != Constraint::Kind::check) continue;
    Constraint& copy = temp.constraints.emplace_back(k);
    copy.name = fmt::format("c{}", temp.constraints.size() - 1);
    job.targets[copy.name] = {&k.check_expr, Shape::strip_parens};
  }
  std::string create = create_table_sql(temp, {});
  job.statements.push_back(create.substr(0, create.size() - 1) + " ON COMMIT DROP");
  // An exclusion constraint's keys and predicate are read back from a plain index made like its own.
  auto add_index = [&](Index copy, std::vector<IndexKey>& keys, std::string& where) {
    if (!has_expressions(keys, where)) return;
    copy.name = fmt::format("i{}", temp.indexes.size());
    copy.unique = false;
    copy.nulls_not_distinct = false;  // a unique index's alone
    for (size_t i = 0; i < keys.size(); ++i)
      if (!keys[i].expr.empty()) job.targets[fmt::format("{}:{}", copy.name, i + 1)] = {&keys[i].expr, Shape::strip_parens};
    if (!where.empty()) job.targets[copy.name + ":w"] = {&where, Shape::strip_parens};
    std::string sql = create_index_sql(temp, copy, IndexMode::plain);
    job.statements.push_back(sql.substr(0, sql.size() - 1));
    temp.indexes.push_back(std::move(copy));
  };
  for (Index& ix : t.indexes) add_index(ix, ix.keys, ix.where);
  for (Constraint& k : t.constraints)
    if (k.kind == Constraint::Kind::exclusion) add_index(exclusion_index(k), k.elements, k.where);
}

// Reads every normalised expression of the temporary table back as (tag, text) rows.
const std::string kReadBack = R"(
select 'd' || a.attname, pg_get_expr(ad.adbin, ad.adrelid, true)
from pg_attrdef ad join pg_attribute a on a.attrelid = ad.adrelid and a.attnum = ad.adnum
where ad.adrelid = 'pg_temp.schemac_normalise'::regclass
union all
select conname, pg_get_expr(conbin, conrelid, true)
from pg_constraint where conrelid = 'pg_temp.schemac_normalise'::regclass and contype = 'c'
union all
select ic.relname || ':' || s.k, pg_get_indexdef(i.indexrelid, s.k, true)
from pg_index i join pg_class ic on ic.oid = i.indexrelid
cross join lateral generate_series(1, i.indnkeyatts::int) s(k)
where i.indrelid = 'pg_temp.schemac_normalise'::regclass and i.indkey[s.k - 1] = 0
union all
select ic.relname || ':w', pg_get_expr(i.indpred, i.indrelid, true)
from pg_index i join pg_class ic on ic.oid = i.indexrelid
where i.indrelid = 'pg_temp.schemac_normalise'::regclass and i.indpred is not null)";

// Enum types the table's columns use that the live catalog lacks under that name or has with other values
// (a new enum, a renamed one, values added): they are made inside the job's transaction, which is rolled back,
// so that defaults and checks read back with the declared type's name, as they will be once the plan ran.
std::vector<std::string> enum_stand_ins(const Table& t, const Schema& declared, const Schema* live) {
  std::vector<std::string> out;
  if (!live) return out;
  std::set<std::pair<std::string, std::string>> done;
  std::set<std::string> schemas;
  for (const Column& c : t.columns) {
    if (c.type.schema.empty() || !done.insert({c.type.schema, c.type.name}).second) continue;
    const Enum* de = declared.find_enum(c.type.schema, c.type.name);
    if (!de) continue;
    const Enum* le = live->find_enum(de->schema, de->name);
    if (le && le->values == de->values) continue;
    if (de->schema != "public" && !live->find_namespace(de->schema) && schemas.insert(de->schema).second)
      out.push_back("create schema " + quote_ident(de->schema));
    std::string qualified = quote_ident(de->schema) + "." + quote_ident(de->name);
    if (le) out.push_back(fmt::format("alter type {} rename to {}", qualified,
                                      quote_ident(fmt::format("schemac_normalise_{}", out.size()))));
    std::vector<std::string> values;
    for (auto& v : de->values) values.push_back(quote_literal(v));
    out.push_back(fmt::format("create type {} as enum ({})", qualified, fmt::join(values, ", ")));
  }
  return out;
}

// Declared sequences the table's defaults draw from that the live catalog lacks (new, or renamed by the plan):
// made in the rolled-back transaction too, since nextval('s') looks its sequence up when the default is read.
std::vector<std::string> sequence_stand_ins(const Table& t, const Schema& declared, const Schema* live) {
  std::vector<std::string> out;
  if (!live) return out;
  std::set<std::pair<std::string, std::string>> done;
  for (const Column& c : t.columns) {
    if (!c.default_expr) continue;
    auto drawn = nextval_sequence(*c.default_expr);
    if (!drawn || !declared.find_sequence(drawn->schema, drawn->name) ||
        live->find_sequence(drawn->schema, drawn->name) || !done.insert({drawn->schema, drawn->name}).second)
      continue;
    if (drawn->schema != "public" && !live->find_namespace(drawn->schema))
      out.push_back("create schema if not exists " + quote_ident(drawn->schema));
    out.push_back("create sequence " + quote_qualified(drawn->schema, drawn->name));
  }
  return out;
}

Job make_job(Table& t, const Schema& declared, const Schema* live) {
  Job job;
  job.label = quote_qualified(t.schema, t.name);
  std::vector<std::string> stand_ins = enum_stand_ins(t, declared, live);
  for (std::string& st : sequence_stand_ins(t, declared, live)) stand_ins.push_back(std::move(st));
  if (!stand_ins.empty()) {
    job.explicit_transaction = true;
    job.statements.push_back("begin");
    for (auto& st : stand_ins) job.statements.push_back(std::move(st));
  }
  // Unqualified names in a table's SQL mean its own schema first (as in the DSL); read back as inspect reads.
  std::string path = quote_ident(t.schema) + ", public";
  job.statements.push_back(fmt::format("select set_config('search_path', {}, true)", quote_literal(path)));
  add_table_statements(t, job);
  job.statements.push_back("select set_config('search_path', 'public', true)");
  job.statements.push_back(kReadBack);
  for (const std::string& st : job.statements) job.bytes += st.size() + 64;  // Parse/Bind/Execute framing
  return job;
}

void send_jobs(PGconn* conn, std::vector<Job>& jobs, size_t begin, size_t end) {
  for (size_t j = begin; j < end; ++j) {
    for (const std::string& s : jobs[j].statements)
      if (!PQsendQueryParams(conn, s.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0))
        throw query_error(nullptr, conn, "normalising declared expressions");
    // A sync ends the implicit transaction: the temporary table is dropped, and a failure stays in this table.
    if (!PQpipelineSync(conn)) throw query_error(nullptr, conn, "normalising declared expressions");
    if (jobs[j].explicit_transaction &&
        (!PQsendQueryParams(conn, "rollback", 0, nullptr, nullptr, nullptr, nullptr, 0) || !PQpipelineSync(conn)))
      throw query_error(nullptr, conn, "normalising declared expressions");
  }
}

void apply_rows(PGresult* res, Job& job) {
  for (int i = 0, n = PQntuples(res); i < n; ++i) {
    auto it = job.targets.find(PQgetvalue(res, i, 0));
    if (it == job.targets.end() || PQgetisnull(res, i, 1)) continue;
    std::string text = PQgetvalue(res, i, 1);
    *it->second.text = it->second.shape == Shape::strip_parens ? strip_outer_parens(text) : text;
  }
}

// Results arrive in order: each statement's result then a null, and one PIPELINE_SYNC per table.
void receive_jobs(PGconn* conn, std::vector<Job>& jobs, size_t begin, size_t end) {
  size_t current = begin;
  int nulls_in_a_row = 0;
  while (current < end) {
    PGresult* res = PQgetResult(conn);
    if (!res) {
      if (++nulls_in_a_row > 2 && PQstatus(conn) != CONNECTION_OK)
        throw query_error(nullptr, conn, "normalising declared expressions");
      continue;
    }
    nulls_in_a_row = 0;
    switch (PQresultStatus(res)) {
      case PGRES_PIPELINE_SYNC:
        if (jobs[current].explicit_transaction && !jobs[current].first_sync_seen)
          jobs[current].first_sync_seen = true;
        else
          ++current;
        break;
      case PGRES_FATAL_ERROR:
        if (jobs[current].error.empty() && !jobs[current].first_sync_seen) {
          const char* msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
          jobs[current].error = msg ? msg : "failed";
        }
        break;
      case PGRES_TUPLES_OK:
        if (PQnfields(res) == 2) apply_rows(res, jobs[current]);
        break;
      default: break;
    }
    PQclear(res);
  }
}

// Jobs hold pointers into `declared`; they are applied before anything else touches it.
std::vector<Job> make_jobs(Schema& declared, const Schema* live) {
  std::vector<Job> jobs;
  for (Table& t : declared.tables) {
    if (!has_expressions(t)) continue;
    if (live) {
      const Table* lt = live->table(t.schema, t.name);
      for (size_t i = 0; !lt && i < t.renamed_from.size(); ++i) lt = live->table(t.schema, t.renamed_from[i]);
      if (!lt || !differs_from_live(t, *lt)) continue;
    }
    jobs.push_back(make_job(t, declared, live));
  }
  return jobs;
}

}  // namespace

namespace {

// Sends the jobs in round trips of about kBytesPerRoundTrip; adds each failed table to `failed` once.
void run_jobs(PGconn* conn, std::vector<Job>& jobs, std::vector<std::string>& failed) {
  if (jobs.empty()) return;
  if (PQtransactionStatus(conn) != PQTRANS_IDLE)
    throw DbError(DbError::Kind::other, "normalising declared expressions needs a connection outside a transaction");
  if (!PQenterPipelineMode(conn)) throw query_error(nullptr, conn, "normalising declared expressions");
  try {
    for (size_t b = 0, e = 0; b < jobs.size(); b = e) {
      size_t bytes = 0;
      for (e = b; e < jobs.size() && (e == b || bytes + jobs[e].bytes <= kBytesPerRoundTrip); ++e)
        bytes += jobs[e].bytes;
      send_jobs(conn, jobs, b, e);
      receive_jobs(conn, jobs, b, e);
    }
  } catch (...) {
    PQexitPipelineMode(conn);
    throw;
  }
  PQexitPipelineMode(conn);
  for (const Job& j : jobs) {
    std::string f = j.label + ": " + j.error;
    if (!j.error.empty() && std::find(failed.begin(), failed.end(), f) == failed.end()) failed.push_back(f);
  }
}

const Table* live_table(const Schema& live, const Table& t) {
  const Table* lt = live.table(t.schema, t.name);
  for (size_t i = 0; !lt && i < t.renamed_from.size(); ++i) lt = live.table(t.schema, t.renamed_from[i]);
  return lt;
}

template <class T>
const T* by_name(const std::vector<T>& v, const std::string& name) {
  for (auto& x : v)
    if (x.name == name) return &x;
  return nullptr;
}

// `declared` takes the live text wherever the live text means the same once the server has read it again.
void adopt(std::string& declared, const std::string& live_raw, const std::string& live_normalised) {
  if (declared != live_raw && declared == live_normalised) declared = live_raw;
}

// The server's text is not always a fixed point: a check written `v in ('a', 'b')` on a varchar column reads
// back as `v::text = ANY (ARRAY['a'::character varying, ...]::text[])`, and that text, read again, prints as
// `... ARRAY['a'::character varying::text, ...]`. So a catalog made from either form must compare equal to the
// declaration: the live texts that still differ are normalised too, and where they then agree with the
// declared text (normalised twice), the declaration takes the live text.
void adopt_live_forms(PGconn* conn, Schema& declared, const Schema& live, std::vector<std::string>& failed) {
  Schema copy;
  std::vector<std::pair<Table*, const Table*>> pairs;  // declared, live
  for (Table& t : declared.tables) {
    const Table* lt = live_table(live, t);
    if (!lt || !has_expressions(t) || !differs_from_live(t, *lt)) continue;
    pairs.push_back({&t, lt});
    copy.tables.push_back(*lt);
  }
  if (pairs.empty()) return;
  std::vector<Job> jobs = make_jobs(copy, nullptr);
  run_jobs(conn, jobs, failed);
  for (size_t i = 0; i < pairs.size(); ++i) {
    Table& d = *pairs[i].first;
    const Table& raw = *pairs[i].second;
    const Table& norm = copy.tables[i];
    for (Column& c : d.columns) {
      const Column* rc = by_name(raw.columns, c.name);
      for (size_t r = 0; !rc && r < c.renamed_from.size(); ++r) rc = by_name(raw.columns, c.renamed_from[r]);
      if (!rc) continue;
      const Column* nc = by_name(norm.columns, rc->name);
      if (c.default_expr && rc->default_expr && nc->default_expr) adopt(*c.default_expr, *rc->default_expr, *nc->default_expr);
      if (c.generated_expr && rc->generated_expr && nc->generated_expr)
        adopt(*c.generated_expr, *rc->generated_expr, *nc->generated_expr);
    }
    for (Constraint& k : d.constraints) {
      const Constraint* rk = by_name(raw.constraints, k.name);
      if (!rk || rk->kind != k.kind) continue;
      const Constraint* nk = by_name(norm.constraints, k.name);
      if (k.kind == Constraint::Kind::check) adopt(k.check_expr, rk->check_expr, nk->check_expr);
      if (k.kind != Constraint::Kind::exclusion || rk->elements.size() != k.elements.size()) continue;
      adopt(k.where, rk->where, nk->where);
      for (size_t e = 0; e < k.elements.size(); ++e) adopt(k.elements[e].expr, rk->elements[e].expr, nk->elements[e].expr);
    }
    for (Index& ix : d.indexes) {
      const Index* ri = by_name(raw.indexes, ix.name);
      if (!ri || ri->keys.size() != ix.keys.size()) continue;
      const Index* ni = by_name(norm.indexes, ix.name);
      adopt(ix.where, ri->where, ni->where);
      for (size_t k = 0; k < ix.keys.size(); ++k) adopt(ix.keys[k].expr, ri->keys[k].expr, ni->keys[k].expr);
    }
  }
}

}  // namespace

NormaliseResult normalise_expressions(PGconn* conn, Schema& declared, const Schema* live) {
  NormaliseResult result;
  std::vector<Job> jobs = make_jobs(declared, live);
  result.tables_sent = static_cast<int>(jobs.size());
  run_jobs(conn, jobs, result.failed);
  if (!live || jobs.empty()) return result;
  // Once more for the tables that still differ (see adopt_live_forms), then the live side.
  jobs = make_jobs(declared, live);
  result.tables_sent += static_cast<int>(jobs.size());
  run_jobs(conn, jobs, result.failed);
  if (!jobs.empty()) adopt_live_forms(conn, declared, *live, result.failed);
  return result;
}

}  // namespace schemac
