#include "catalog/inspect.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include "catalog/connect.hpp"
#include "catalog/inspect_sql.hpp"
#include "sql/names.hpp"
#include "sql/parser.hpp"
#include "sql/render.hpp"
#include "model/quote.hpp"
#include "model/types.hpp"

namespace schemac {

namespace {

namespace sql = inspect_sql;

struct PgResultFree {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, PgResultFree>;

// Runs catalog statements and counts them, so tests can hold the number constant.
struct Runner {
  PGconn* conn;
  std::optional<std::string> schema_filter;  // $1 as a text[] literal
  int count = 0;

  Result run(const std::string& text, std::string_view what, bool with_filter = false) {
    ++count;
    const char* param = schema_filter ? schema_filter->c_str() : nullptr;
    Result r(with_filter ? PQexecParams(conn, text.c_str(), 1, nullptr, &param, nullptr, nullptr, 0)
                         : PQexec(conn, text.c_str()));
    auto status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) throw query_error(r.get(), conn, what);
    return r;
  }
};

// Field accessors for text-format results.
struct Row {
  const PGresult* r;
  int row;
  bool null(int col) const { return PQgetisnull(r, row, col); }
  std::string str(int col) const { return std::string(PQgetvalue(r, row, col), PQgetlength(r, row, col)); }
  bool flag(int col) const { return !null(col) && PQgetvalue(r, row, col)[0] == 't'; }
  char ch(int col) const { return null(col) ? '\0' : PQgetvalue(r, row, col)[0]; }
  int64_t num(int col) const { return null(col) ? 0 : std::stoll(PQgetvalue(r, row, col)); }
  std::optional<std::string> opt(int col) const {
    return null(col) ? std::nullopt : std::optional<std::string>(str(col));
  }
};

template <class F>
void each_row(const Result& res, F&& f) {
  for (int i = 0, n = PQntuples(res.get()); i < n; ++i) f(Row{res.get(), i});
}

std::string array_literal(const std::vector<std::string>& items) {
  std::string out = "{";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (char c : items[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

// Messages naming an object of a table (Catalog::unmodelled): "table public.t: <what>".
using Notes = std::vector<std::string>;

void note(Notes& notes, const Table& t, const std::string& what) {
  notes.push_back(fmt::format("table {}: {}", quote_qualified(t.schema, t.name), what));
}

void unmodelled(Notes& notes, const Table& t, const std::string& what) {
  note(notes, t, what + ", which schemac does not model yet");
}

// Where each table is, by (schema, name), so rows of later queries find their table quickly.
using TableIndex = std::map<std::pair<std::string, std::string>, size_t>;

Table* find_table(Schema& s, const TableIndex& idx, const std::string& schema, const std::string& name) {
  auto it = idx.find({schema, name});
  return it == idx.end() ? nullptr : &s.tables[it->second];
}

void read_namespaces(Runner& db, Schema& s) {
  each_row(db.run(sql::kNamespaces, "reading schemas", true), [&](Row r) {
    Namespace ns;
    ns.name = r.str(0);
    ns.comment = r.str(1);
    s.namespaces.push_back(std::move(ns));
  });
}

void read_extensions(Runner& db, Schema& s) {
  each_row(db.run(sql::kExtensions, "reading extensions"), [&](Row r) {
    Extension e;
    e.name = r.str(0);
    e.schema = r.str(1);
    s.extensions.push_back(std::move(e));
  });
}

void read_enums(Runner& db, Schema& s) {
  each_row(db.run(sql::kEnums, "reading enum types", true), [&](Row r) {
    if (s.enums.empty() || s.enums.back().schema != r.str(0) || s.enums.back().name != r.str(1)) {
      Enum e;
      e.schema = r.str(0);
      e.name = r.str(1);
      e.comment = r.str(3);
      s.enums.push_back(std::move(e));
    }
    s.enums.back().values.push_back(r.str(2));
  });
}

void read_sequences(Runner& db, Schema& s) {
  each_row(db.run(sql::kSequences, "reading sequences", true), [&](Row r) {
    Sequence q;
    q.schema = r.str(0);
    q.name = r.str(1);
    q.type = type_from_pg(r.str(2));
    IdentityOptions& o = q.options;
    o.start = r.num(3), o.increment = r.num(4), o.minvalue = r.num(5), o.maxvalue = r.num(6);
    o.cycle = r.flag(7);
    o.cache = r.num(8);
    normalize_identity(q.type, o);
    q.comment = r.str(9);
    s.sequences.push_back(std::move(q));
  });
}

// format_type() text plus where the (element) type lives -> the model's Type.
Type column_type(const std::string& formatted, const std::string& type_schema, char typtype, bool ext_owned) {
  Type t = type_from_pg(formatted);
  if (type_schema == "pg_catalog") return t;
  // Enums and domains always carry their schema; an extension's type in public is written bare (vector).
  bool bare = ext_owned && typtype != 'e' && type_schema == "public";
  t.schema = bare ? "" : type_schema;
  return t;
}

// serial: an integer column whose default draws from a sequence OWNED BY it. Its name is table_col_seq when
// it was made, but renaming the table or the column does not rename the sequence: any name will do.
void apply_serial(const Table&, Column& c, const std::optional<std::string>& serial_seq) {
  if (!serial_seq) return;
  std::optional<std::string> serial = serial_for(c.type);
  if (!serial) return;
  c.type.name = *serial;
  c.default_expr.reset();
}

// pg_class.reloptions ({fillfactor=70,...}) as name/value pairs, in the catalog's order (the order written).
std::vector<std::pair<std::string, std::string>> storage_options(const std::string& reloptions) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& item : parse_pg_array(reloptions)) {
    size_t eq = item.find('=');
    if (eq != std::string::npos) out.emplace_back(item.substr(0, eq), item.substr(eq + 1));
  }
  return out;
}

// The column's properties the model has no place for.
void note_column(Row r, const Schema& s, const Table& t, const Column& c, Notes& notes) {
  const std::string col = "column " + quote_ident(c.name);
  if (r.ch(6) == 'd') unmodelled(notes, t, col + " has the domain type " + sql_type(c.type, false));
  else if (c.type.schema.empty() && !is_builtin_type(c.type.name) && !r.flag(7) && r.str(5) == "pg_catalog")
    unmodelled(notes, t, col + " has the type " + r.str(4));
  if (is_serial(c.type) && !r.null(23)) {  // a serial's sequence tuned by hand: the model has no place for it
    IdentityOptions o;
    o.start = r.num(23), o.increment = r.num(24), o.minvalue = r.num(25), o.maxvalue = r.num(26);
    o.cycle = r.flag(27);
    o.cache = r.num(28);
    normalize_identity(c.type, o);
    std::string opts = identity_options_sql(o);  // " (START WITH 1000 ...)"
    if (!o.empty())
      unmodelled(notes, t, col + " is " + c.type.name + ", and its sequence " + r.str(12) + " has options of its own" +
                               opts + "; declare it as identity with those options instead");
  }
  if (!c.default_expr || c.default_expr->find("nextval(") == std::string::npos) return;
  auto drawn = nextval_sequence(*c.default_expr);
  if (!drawn || !s.find_sequence(drawn->schema, drawn->name))
    unmodelled(notes, t, col + " draws its default from a sequence that is neither its own nor one inspected (" +
                             *c.default_expr + ")");
}

Column read_column(Row r, const Table& t) {
  Column c;
  c.name = r.str(3);
  c.type = column_type(r.str(4), r.str(5), r.ch(6), r.flag(7));
  c.nullable = !r.flag(8);
  char identity = r.ch(9), generated = r.ch(10);
  c.identity = identity == 'a' ? Identity::always : identity == 'd' ? Identity::by_default : Identity::none;
  if (generated == 's')
    c.generated_expr = r.opt(11);
  else
    c.default_expr = r.opt(11);
  c.comment = r.str(13);
  if (!r.null(16)) c.collation = r.str(16);
  if (c.identity != Identity::none && !r.null(17)) {
    IdentityOptions& o = c.identity_options;
    o.start = r.num(17), o.increment = r.num(18), o.minvalue = r.num(19), o.maxvalue = r.num(20);
    o.cycle = r.flag(21);
    o.cache = r.num(22);
    normalize_identity(c.type, o);
  }
  apply_serial(t, c, r.opt(12));
  return c;
}

void read_tables(Runner& db, Schema& s, TableIndex& idx, Notes& notes) {
  each_row(db.run(sql::kColumns, "reading tables and columns", true), [&](Row r) {
    Table* t = find_table(s, idx, r.str(0), r.str(1));
    if (!t) {
      Table nt;
      nt.schema = r.str(0);
      nt.name = r.str(1);
      nt.comment = r.str(2);
      idx[{nt.schema, nt.name}] = s.tables.size();
      s.tables.push_back(std::move(nt));
      t = &s.tables.back();
      t->unlogged = r.ch(14) == 'u';
      t->storage = storage_options(r.str(15));
    }
    if (r.null(3)) return;
    t->columns.push_back(read_column(r, *t));
    note_column(r, s, *t, t->columns.back(), notes);
  });
}

FkAction fk_action(char c) {
  switch (c) {
    case 'r': return FkAction::restrict;
    case 'c': return FkAction::cascade;
    case 'n': return FkAction::set_null;
    case 'd': return FkAction::set_default;
    default: return FkAction::no_action;
  }
}

Constraint::Kind constraint_kind(char c) {
  switch (c) {
    case 'p': return Constraint::Kind::primary_key;
    case 'u': return Constraint::Kind::unique;
    case 'f': return Constraint::Kind::foreign_key;
    case 'x': return Constraint::Kind::exclusion;  // its keys come with its index (read_indexes)
    default: return Constraint::Kind::check;
  }
}

// A constraint still NOT VALID is named: the declaration will hold it valid.
bool note_constraint(Row r, const Table& t, Notes& notes) {
  const std::string what = "constraint " + quote_ident(r.str(2));
  if (!r.flag(10))
    note(notes, t, what + " is NOT VALID; a declaration holds every constraint valid, so a plan validates it (and "
                          "fails while rows break it)");
  return true;
}

void read_constraints(Runner& db, Schema& s, const TableIndex& idx, Notes& notes) {
  each_row(db.run(sql::kConstraints, "reading constraints", true), [&](Row r) {
    Table* t = find_table(s, idx, r.str(0), r.str(1));
    if (!t || !note_constraint(r, *t, notes)) return;
    Constraint k;
    k.name = r.str(2);
    k.kind = constraint_kind(r.ch(3));
    if (k.kind != Constraint::Kind::check && k.kind != Constraint::Kind::exclusion) k.columns = parse_pg_array(r.str(4));
    if (k.kind == Constraint::Kind::foreign_key) {
      k.ref_schema = r.str(5);
      k.ref_table = r.str(6);
      k.ref_columns = parse_pg_array(r.str(7));
      k.on_update = fk_action(r.ch(8));
      k.on_delete = fk_action(r.ch(9));
    }
    k.not_valid = !r.flag(10);
    if (k.kind == Constraint::Kind::check) k.check_expr = strip_outer_parens(r.str(11));
    k.comment = r.str(12);
    k.deferrable = r.flag(13);
    k.initially_deferred = r.flag(14);
    k.match_full = r.ch(15) == 'f';
    k.no_inherit = k.kind == Constraint::Kind::check && r.flag(16);  // other kinds are never inherited
    k.nulls_not_distinct = k.kind == Constraint::Kind::unique && r.str(17).rfind("UNIQUE NULLS NOT DISTINCT", 0) == 0;
    t->constraints.push_back(std::move(k));
  });
}

// indoption bits: 1 = DESC, 2 = NULLS FIRST. The model keeps only a non-implied nulls order.
void apply_index_option(IndexKey& k, int64_t option) {
  k.desc = option & 1;
  k.nulls = nulls_order(k.desc, option & 2);
}

// An index's keys as pg_get_indexdef(index, 0) prints them, read one after the other. That text has COLLATE after
// an expression key only when the key's collation is not the one the expression has on its own (from its inputs:
// lower(col) on a COLLATE "C" column is C), that is when it was declared; the one-key form never prints it.
struct KeyScan {
  std::string def;
  size_t at = 0;

  void start(Row r) {
    def = r.str(15);
    at = def.find(" USING " + r.str(5) + " (");
    if (at == std::string::npos) at = 0;
  }

  // Moves past the expression key printed as `text`: whether its collation is declared (when the key cannot be
  // found, the collation is kept).
  bool declared_collation(const std::string& text) {
    size_t p = def.find(text, at);
    if (p == std::string::npos) return true;
    at = p + text.size();
    return def.compare(at, 9, " COLLATE ") == 0;
  }
};

IndexKey index_key(Row r, KeyScan& scan) {
  IndexKey k;
  if (r.null(9))
    k.column = r.str(8);
  else
    k.expr = strip_outer_parens(r.str(9));
  apply_index_option(k, r.num(10));
  if (!r.null(11)) k.opclass = r.str(11);
  if (!r.null(16) && (r.null(9) || scan.declared_collation(r.str(9)))) k.collation = r.str(16);
  if (!r.null(18)) k.op = r.str(18);
  return k;
}

void read_index_row(Row r, Index& ix, KeyScan& scan) {
  if (r.num(7) > r.num(6)) ix.include.push_back(r.str(8));  // an INCLUDE column
  else ix.keys.push_back(index_key(r, scan));
}

// A row of an exclusion constraint's index: the constraint's method, predicate and keys. What the model has no
// place for there (INCLUDE columns, storage parameters) is named.
void read_exclusion_row(Row r, Table& t, Notes& notes, KeyScan& scan) {
  auto k = std::find_if(t.constraints.begin(), t.constraints.end(), [&](const Constraint& c) {
    return c.kind == Constraint::Kind::exclusion && c.name == r.str(17);
  });
  if (k == t.constraints.end()) return;
  const std::string what = "constraint " + quote_ident(k->name);
  if (r.num(7) == 1) {
    k->method = r.str(5);
    if (!r.null(12)) k->where = strip_outer_parens(r.str(12));
    if (!storage_options(r.str(14)).empty())
      unmodelled(notes, t, what + " has storage parameters on its index: " + r.str(14));
  }
  if (r.num(7) > r.num(6)) unmodelled(notes, t, what + " has the INCLUDE column " + quote_ident(r.str(8)));
  else k->elements.push_back(index_key(r, scan));
}

// An index a failed CREATE INDEX CONCURRENTLY left behind is named: a plan rebuilds it.
void note_index(Row r, const Table& t, Notes& notes) {
  if (r.num(7) == 1 && !r.flag(4))
    note(notes, t, "index " + quote_ident(r.str(2)) + " is invalid (a CREATE INDEX CONCURRENTLY that failed); a plan "
                   "rebuilds it");
}

// Whether pg_get_indexdef says NULLS NOT DISTINCT (PostgreSQL 15+; older servers have no such column to read).
// It comes after the keys and INCLUDE, before WITH and WHERE: the predicate is cut off first, so text inside it
// cannot count.
bool nulls_not_distinct(std::string def, const std::optional<std::string>& predicate) {
  if (predicate) {
    size_t where = def.rfind(" WHERE ");
    if (where != std::string::npos) def.resize(where);
  }
  return def.find(") NULLS NOT DISTINCT") != std::string::npos;
}

void read_indexes(Runner& db, Schema& s, const TableIndex& idx, Notes& notes) {
  KeyScan scan;
  each_row(db.run(sql::kIndexes, "reading indexes", true), [&](Row r) {
    Table* t = find_table(s, idx, r.str(0), r.str(1));
    if (!t) return;
    if (r.num(7) == 1) scan.start(r);
    if (!r.null(17)) return read_exclusion_row(r, *t, notes, scan);
    note_index(r, *t, notes);
    if (r.num(7) == 1) {
      Index ix;
      ix.name = r.str(2);
      ix.unique = r.flag(3);
      ix.invalid = !r.flag(4);
      ix.method = r.str(5);
      if (!r.null(12)) ix.where = strip_outer_parens(r.str(12));
      ix.comment = r.str(13);
      ix.storage = storage_options(r.str(14));
      ix.nulls_not_distinct = nulls_not_distinct(r.str(15), r.opt(12));
      t->indexes.push_back(std::move(ix));
    }
    read_index_row(r, t->indexes.back(), scan);
  });
}

Span span_at(Row r, int col) {
  Span s;
  s.months = r.num(col);
  s.days = r.num(col + 1);
  s.micros = r.num(col + 2);
  return s;
}

Span integer_span(int64_t v) {
  Span s;
  s.is_integer = true;
  s.integer = v;
  return s;
}

// A dimension row's interval: an interval for time types, an integer for integer columns; none when not set.
std::optional<Span> dimension_interval(Row r) {
  if (r.flag(4)) return span_at(r, 5);
  if (!r.null(8)) return integer_span(r.num(8));
  return std::nullopt;
}

// What a dimension row holds that the model cannot say, named; empty when nothing. by_hash's own function is
// get_partition_hash (in _timescaledb_functions, _timescaledb_internal before 2.12); range dimensions have none.
std::string unmodelled_dimension(Row r) {
  std::string func = r.null(15) ? "" : r.str(14) + "." + r.str(15);
  bool hash_default = r.flag(10) && r.str(15) == "get_partition_hash" &&
                      (r.str(14) == "_timescaledb_functions" || r.str(14) == "_timescaledb_internal");
  if (!func.empty() && !hash_default)
    return fmt::format("dimension {} of the hypertable ({}) has the custom partitioning function {}", r.num(9), r.str(3),
                       func);
  if (!r.null(16)) return "the hypertable has a compress_chunk_time_interval";
  if (r.num(9) > 1 && !r.null(13))
    return fmt::format("dimension {} of the hypertable ({}) has an integer_now function", r.num(9), r.str(3));
  return "";
}

void read_hypertables(Runner& db, Schema& s, const TableIndex& idx, Notes& notes) {
  // Rows come per hypertable, its time dimension first.
  each_row(db.run(sql::kHypertables, "reading hypertables"), [&](Row r) {
    Table* t = find_table(s, idx, r.str(0), r.str(1));
    if (!t) return;
    if (std::string what = unmodelled_dimension(r); !what.empty()) unmodelled(notes, *t, what);
    if (r.num(9) > 1) {
      if (!t->hypertable || r.null(3)) return;
      Dimension d;
      d.column = r.str(3);
      d.kind = r.flag(10) ? Dimension::Kind::hash : Dimension::Kind::range;
      d.partitions = r.num(11);
      d.interval = dimension_interval(r).value_or(Span{});
      t->hypertable->dimensions.push_back(std::move(d));
      return;
    }
    Hypertable h;
    h.time_column = r.str(3);
    // Leaving chunk_interval out of a declaration means TimescaleDB's 7 days: say the same here.
    if (auto span = dimension_interval(r); span && *span != default_chunk_interval()) h.chunk_interval = span;
    if (!r.null(13)) {
      h.integer_now_schema = r.str(12);
      h.integer_now = r.str(13);
    }
    if (r.flag(2)) h.compression = Compression{};
    t->hypertable = std::move(h);
  });
}

void read_jobs(Runner& db, Schema& s, const TableIndex& idx) {
  each_row(db.run(sql::kJobs, "reading TimescaleDB policies"), [&](Row r) {
    Table* t = find_table(s, idx, r.str(0), r.str(1));
    if (!t || !t->hypertable) return;
    std::string kind = r.str(3);
    std::optional<Span> span;
    if (kind == "number") span = integer_span(r.num(4));
    if (kind == "string") span = span_at(r, 5);
    if (!span) return;  // created_before policies have no `after`: the model cannot say them
    if (r.str(2) == "policy_retention") {
      t->hypertable->retention = span;
    } else {
      if (!t->hypertable->compression) t->hypertable->compression = Compression{};
      t->hypertable->compression->after = span;
    }
  });
}

// Retention the Apache edition keeps in pg_cron (diff's --retention-via-cron): a job named as schemac names it,
// whose command is exactly the drop_chunks schemac schedules for that hypertable. A policy, when there is one,
// wins.
void read_cron_retention(Runner& db, Schema& s) {
  std::map<std::string, Table*> by_job;
  for (Table& t : s.tables)
    if (t.hypertable) by_job[cron_job_name(t)] = &t;
  if (by_job.empty()) return;
  std::string ts = timescale_prefix(s.find_extension("timescaledb"));
  each_row(db.run(sql::kCronRetention, "reading pg_cron retention jobs"), [&](Row r) {
    auto it = by_job.find(r.str(0));
    if (it == by_job.end()) return;
    Table& t = *it->second;
    if (!is_cron_retention_command(r.str(1), t, ts)) return;
    std::optional<Span> span;
    if (!r.null(2)) span = integer_span(r.num(2));
    else if (!r.null(3)) span = span_at(r, 3);
    if (span && !t.hypertable->retention) t.hypertable->retention = span;
  });
}

void read_compression_settings(Runner& db, Schema& s, const TableIndex& idx) {
  // Rows come ordered by segment-by position, then order-by position, per hypertable.
  each_row(db.run(sql::kCompressionSettings, "reading compression settings"), [&](Row r) {
    Table* t = find_table(s, idx, r.str(0), r.str(1));
    if (!t || !t->hypertable) return;
    if (!t->hypertable->compression) t->hypertable->compression = Compression{};
    Compression& c = *t->hypertable->compression;
    if (!r.null(3)) c.segment_by.push_back(r.str(2));
    if (!r.null(4)) {
      OrderItem o;
      o.column = r.str(2);
      o.desc = !r.flag(5);
      o.nulls = nulls_order(o.desc, r.flag(6));
      c.order_by.push_back(std::move(o));
    }
  });
}

// What the first query says beyond the Catalog's own fields.
struct Facts {
  bool timescaledb_available = false;  // not installed, but CREATE EXTENSION could make it
  bool cron_jobs = false;              // cron.job is readable here
};

// Reads the facts and every kind of object.
Catalog read_catalog(Runner& db, Facts& facts) {
  Catalog cat;
  cat.server_version = PQserverVersion(db.conn);
  each_row(db.run(sql::kFacts, "reading server settings"), [&](Row r) {
    cat.edition = edition_from_name(r.str(0)).value_or(Edition::unknown);
    cat.timescaledb_version = r.str(1);
    facts.timescaledb_available = r.flag(2);
    facts.cron_jobs = r.flag(3);
    cat.timescaledb_available = !cat.timescaledb_version.empty() || facts.timescaledb_available;
    cat.database = r.str(4);
    cat.cron_database = r.str(5);
  });
  Schema& s = cat.schema;
  TableIndex idx;
  read_extensions(db, s);
  read_namespaces(db, s);
  read_enums(db, s);
  read_sequences(db, s);
  read_tables(db, s, idx, cat.unmodelled);
  read_constraints(db, s, idx, cat.unmodelled);
  read_indexes(db, s, idx, cat.unmodelled);
  each_row(db.run(sql::kNotManaged, "reading objects schemac does not manage", true),
           [&](Row r) { cat.not_managed.push_back(r.str(0) + " " + r.str(1)); });
  if (!cat.timescaledb_version.empty()) {
    read_hypertables(db, s, idx, cat.unmodelled);
    read_jobs(db, s, idx);
    read_compression_settings(db, s, idx);
    if (facts.cron_jobs) read_cron_retention(db, s);
  }
  return cat;
}

void ignore_notice(void*, const char*) {}

// The license of a TimescaleDB that is available but not created yet: timescaledb.license exists only once the
// extension is, so create it in a transaction (a savepoint inside the caller's) that is always rolled back.
// Nothing is left behind; without the privilege (or the preload) the edition stays unknown. The server's
// notices about the extension are not shown.
Edition probe_edition(Runner& db, bool own_transaction) {
  PGconn* conn = db.conn;
  PQnoticeProcessor old = PQsetNoticeProcessor(conn, ignore_notice, nullptr);
  std::string license;
  db.count += 3;
  PQclear(PQexec(conn, own_transaction ? "begin" : "savepoint schemac_edition_probe"));
  Result r(PQexec(conn, sql::kEditionProbe.c_str()));
  if (r && PQresultStatus(r.get()) == PGRES_TUPLES_OK && PQntuples(r.get()) == 1)
    license = std::string(PQgetvalue(r.get(), 0, 0));
  r.reset();
  PQclear(PQexec(conn, own_transaction ? "rollback"
                                       : "rollback to savepoint schemac_edition_probe; "
                                         "release savepoint schemac_edition_probe"));
  PQsetNoticeProcessor(conn, old, nullptr);
  return edition_from_name(license).value_or(Edition::unknown);
}

}  // namespace

std::vector<std::string> parse_pg_array(std::string_view text) {
  std::vector<std::string> out;
  if (text.size() < 2 || text.front() != '{') return out;
  size_t i = 1;
  while (i < text.size() && text[i] != '}') {
    std::string item;
    if (text[i] == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;
        item += text[i];
      }
      ++i;  // closing quote
    } else {
      for (; i < text.size() && text[i] != ',' && text[i] != '}'; ++i) item += text[i];
      if (item == "NULL") item.clear();
    }
    out.push_back(std::move(item));
    if (i < text.size() && text[i] == ',') ++i;
  }
  return out;
}

std::string strip_outer_parens(std::string_view e) {
  while (e.size() >= 2 && e.front() == '(' && e.back() == ')') {
    // The first '(' must close at the very end, not earlier as in "(a) + (b)"; quotes may hide parentheses.
    int depth = 0;
    char quote = 0;
    size_t close = 0;
    for (size_t i = 0; i < e.size() && !close; ++i) {
      char c = e[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')' && --depth == 0) {
        close = i;
      }
    }
    if (close != e.size() - 1) break;
    e = e.substr(1, e.size() - 2);
  }
  return std::string(e);
}

Catalog inspect(PGconn* conn, const InspectOptions& options) {
  Runner db{conn, std::nullopt};
  if (!options.schemas.empty()) db.schema_filter = array_literal(options.schemas);
  bool own_transaction = PQtransactionStatus(conn) == PQTRANS_IDLE;
  if (own_transaction) db.run(sql::kBegin, "starting a read-only transaction");
  try {
    Facts facts;
    Catalog cat = read_catalog(db, facts);
    if (own_transaction) db.run("commit", "finishing the catalog read");
    if (cat.edition == Edition::unknown && facts.timescaledb_available) cat.edition = probe_edition(db, own_transaction);
    cat.queries = db.count;
    return cat;
  } catch (...) {
    if (own_transaction) PQclear(PQexec(conn, "rollback"));
    throw;
  }
}

}  // namespace schemac
