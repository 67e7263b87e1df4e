// The check stage: the rules about schemas, enums, tables, columns, constraints and indexes, and the order in
// which the model is completed. Hypertables and queries have their own files (check_hypertable.cpp,
// check_query.cpp).
#include "check/check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "check/check_internal.hpp"
#include "model/text.hpp"
#include "sql/names.hpp"
#include "sql/parser.hpp"
#include "sql/render.hpp"
#include "model/quote.hpp"
#include "model/types.hpp"

namespace schemac {

using namespace check_detail;

namespace {

using Kind = Constraint::Kind;

std::string first_at(const Loc& loc) {
  return loc.known() ? fmt::format("the first one is at line {}", loc.line) : std::string();
}

void check_name_length(Reporter& r, const std::string& name, const Loc& loc, std::string_view what) {
  if (name.size() <= kMaxIdentifierBytes) return;
  r.error(loc, fmt::format("{} name \"{}\" is longer than {} bytes", what, name, kMaxIdentifierBytes),
          "PostgreSQL would cut it short: choose a shorter name");
}

// Who a reserved schema name belongs to, or "" when the name is free. `schemac` holds the migration history,
// and inspect leaves that schema out (catalog/inspect_sql.hpp), so a declared one would vanish from plan --db.
std::string reserved_schema(const std::string& name) {
  if (name.rfind("pg_", 0) == 0 || name.rfind("_timescaledb", 0) == 0 || name.rfind("timescaledb_", 0) == 0)
    return "PostgreSQL or TimescaleDB";
  return name == "schemac" ? "the migration history (schemac.migrations)" : "";
}

// Schema blocks: unique, not reserved. `schema public { }` is dropped: public is implicit and never listed.
void check_namespaces(Reporter& r, Schema& s) {
  std::erase_if(s.namespaces, [](auto& n) { return n.name == "public"; });
  for (size_t i = 0; i < s.namespaces.size(); ++i) {
    const Namespace& n = s.namespaces[i];
    check_name_length(r, n.name, n.loc, "schema");
    if (std::string owner = reserved_schema(n.name); !owner.empty())
      r.error(n.loc, fmt::format("schema name \"{}\" is reserved for {}", n.name, owner), "choose another name");
    for (size_t j = 0; j < i; ++j)
      if (s.namespaces[j].name == n.name)
        r.error(n.loc, fmt::format("schema \"{}\" is declared twice", n.name),
                "put all of its tables and enums in one schema block");
  }
}

std::vector<std::string> schema_names(const Schema& s) {
  std::vector<std::string> out = {"public"};
  for (auto& n : s.namespaces) out.push_back(n.name);
  return out;
}

// Objects outside public need their schema declared; we do not guess that a typo'd schema should be created.
void require_schema(Reporter& r, const Schema& s, const std::string& schema, const Loc& loc, std::string_view what) {
  if (schema == "public" || s.find_namespace(schema)) return;
  std::string hint = did_you_mean(schema, schema_names(s));
  if (hint.empty()) hint = fmt::format("declare it with \"schema {} {{ }}\"", schema);
  r.error(loc, fmt::format("unknown schema \"{}\" for {}", schema, what), hint);
}

void check_extensions(Reporter& r, const Schema& s) {
  for (size_t i = 0; i < s.extensions.size(); ++i) {
    const Extension& e = s.extensions[i];
    if (!e.schema.empty()) require_schema(r, s, e.schema, e.loc, fmt::format("extension \"{}\"", e.name));
    for (size_t j = 0; j < i; ++j)
      if (s.extensions[j].name == e.name)
        r.error(e.loc, fmt::format("extension \"{}\" is declared twice", e.name), first_at(s.extensions[j].loc));
  }
}

void check_enum(Reporter& r, const Schema& s, const Enum& e) {
  check_name_length(r, e.name, e.loc, "enum");
  require_schema(r, s, e.schema, e.loc, fmt::format("enum \"{}\"", e.name));
  // A lower-case built-in spelling always means the built-in type (see resolve_type), so an enum by that
  // name could never be used.
  bool lower_case = e.name.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos;
  if (lower_case && canonical_type_name(e.name))
    r.error(e.loc, fmt::format("enum \"{}\" has the name of a built-in type", e.name), "choose another name");
  for (size_t i = 0; i < e.values.size(); ++i) {
    if (e.values[i].empty()) r.error(e.loc, fmt::format("enum \"{}\" has an empty label", e.name));
    check_name_length(r, e.values[i], e.loc, "enum label");
    if (std::find(e.values.begin(), e.values.begin() + i, e.values[i]) != e.values.begin() + i)
      r.error(e.loc, fmt::format("duplicate label \"{}\" in enum \"{}\"", e.values[i], e.name));
  }
}

void check_enums(Reporter& r, const Schema& s) {
  NameIndex<const Enum> first(s.enums);
  for (auto& e : s.enums) {
    check_enum(r, s, e);
    if (const Enum* f = first.find(e.schema, e.name); f != &e)
      r.error(e.loc, fmt::format("enum \"{}\" is declared twice", display_name(e.schema, e.name)), first_at(f->loc));
  }
}

// A sequence's type is one of the integer types (written as the language spells types); its options are checked
// as PostgreSQL would, then the defaults dropped so that declared and inspected sequences compare equal.
void check_sequences(Reporter& r, Schema& s) {
  NameIndex<const Sequence> first(s.sequences);
  for (auto& q : s.sequences) {
    std::string what = fmt::format("sequence \"{}\"", display_name(q.schema, q.name));
    check_name_length(r, q.name, q.loc, "sequence");
    require_schema(r, s, q.schema, q.loc, what);
    if (const Sequence* f = first.find(q.schema, q.name); f != &q)
      r.error(q.loc, what + " is declared twice", first_at(f->loc));
    std::optional<std::string> canonical = canonical_type_name(q.type.name);
    Type t{"", canonical.value_or(""), {}, 0};
    if (!canonical || !is_integer_type(t) || is_serial(t)) {
      r.error(q.loc, fmt::format("{} has type {}, but a sequence is smallint, int or bigint", what, q.type.name),
              "write \"as int\", \"as smallint\", or leave the type out for bigint");
      continue;
    }
    q.type = t;
    if (std::string why = identity_options_problem(q.type, q.options); !why.empty())
      r.error(q.loc, fmt::format("{}: {}", what, why), "change the option so that PostgreSQL accepts it");
    normalize_identity(q.type, q.options);
  }
}

void check_tables(Reporter& r, const Schema& s, const NameIndex<const Table>& first) {
  for (auto& t : s.tables) {
    check_name_length(r, t.name, t.loc, "table");
    require_schema(r, s, t.schema, t.loc, fmt::format("table \"{}\"", t.name));
    if (const Table* f = first.find(t.schema, t.name); f != &t)
      r.error(t.loc, fmt::format("table \"{}\" is declared twice", display_name(t)), first_at(f->loc));
    // Every table has a row type of its own name, so it cannot share the name of a type in its schema.
    if (const Enum* e = s.find_enum(t.schema, t.name))
      r.error(t.loc, fmt::format("table \"{}\" has the same name as enum \"{}\"", display_name(t), e->name),
              "tables and types share one name space in a schema: rename one of them");
  }
}

// ---- columns ----

void check_identity(Reporter& r, const Column& c) {
  if (c.identity == Identity::none) return;
  if (is_serial(c.type))
    r.error(c.loc, fmt::format("column \"{}\" is both {} and identity", c.name, c.type.name),
            fmt::format("use \"{} identity\" or \"{}\", not both", storage_type(c.type).name, c.type.name));
  else if (!is_integer_type(c.type))
    r.error(c.loc, fmt::format("identity column \"{}\" must be smallint, int or bigint, not {}", c.name, c.type.name));
  if (c.default_expr)
    r.error(c.loc, fmt::format("identity column \"{}\" cannot have a default", c.name),
            "the identity generates the values: remove the default");
  if (c.generated_expr)
    r.error(c.loc, fmt::format("column \"{}\" cannot be both identity and generated", c.name));
  if (c.nullable)
    r.error(c.loc, fmt::format("identity column \"{}\" cannot be nullable", c.name), "remove the \"?\"");
  if (!is_integer_type(c.type)) return;
  if (std::string why = identity_options_problem(c.type, c.identity_options); !why.empty())
    r.error(c.loc, fmt::format("identity column \"{}\": {}", c.name, why),
            "change the option so that PostgreSQL accepts it");
}

void check_generated_and_serial(Reporter& r, const Column& c) {
  if (c.generated_expr && c.default_expr)
    r.error(c.loc, fmt::format("generated column \"{}\" cannot have a default", c.name),
            "its value always comes from the expression: remove the default");
  if (!is_serial(c.type)) return;
  if (c.default_expr)
    r.error(c.loc, fmt::format("{} column \"{}\" cannot have a default", c.type.name, c.name),
            fmt::format("{} already defaults to the next value of its sequence: remove the default", c.type.name));
  if (c.generated_expr)
    r.error(c.loc, fmt::format("{} column \"{}\" cannot be generated", c.type.name, c.name));
  if (c.nullable)
    r.error(c.loc, fmt::format("{} column \"{}\" cannot be nullable", c.type.name, c.name), "remove the \"?\"");
}

void check_columns(Reporter& r, const Schema& s, Table& t) {
  for (size_t i = 0; i < t.columns.size(); ++i) {
    Column& c = t.columns[i];
    check_name_length(r, c.name, c.loc, "column");
    for (size_t j = 0; j < i; ++j)
      if (t.columns[j].name == c.name)
        r.error(c.loc, fmt::format("duplicate column \"{}\" in table \"{}\"", c.name, display_name(t)),
                first_at(t.columns[j].loc));
    if (!resolve_type(r, s, c.type, t.schema, c.loc)) continue;
    check_identity(r, c);
    if (c.identity != Identity::none) normalize_identity(c.type, c.identity_options);
    // nextval('s') in the form the catalog prints, nextval('s'::regclass): both mean the same sequence, and a
    // plan from the migrations' state must not see a change where the database sees none.
    if (auto drawn = c.default_expr ? nextval_sequence(*c.default_expr) : std::nullopt)
      c.default_expr = nextval_sql(drawn->schema, drawn->name, true);
    check_generated_and_serial(r, c);
  }
}

// ---- constraints ----

std::string constraint_what(const Table& t, Kind kind) {
  const char* k = kind == Kind::primary_key ? "primary key" : kind == Kind::unique ? "unique constraint"
                  : kind == Kind::foreign_key ? "foreign key" : kind == Kind::exclusion ? "exclusion constraint"
                  : "check constraint";
  return fmt::format("{} on \"{}\"", k, display_name(t));
}

// PostgreSQL makes primary key columns NOT NULL; the model says so too, so that it matches the catalog.
void force_not_null(Reporter& r, Table& t, const Constraint& pk) {
  for (auto& name : pk.columns) {
    Column* c = t.column(name);
    if (!c || !c->nullable) continue;
    r.warning(c->loc, fmt::format("column \"{}\" is in the primary key, so it is NOT NULL", name),
              "remove the \"?\"");
    c->nullable = false;
  }
}

bool same_set(std::vector<std::string> a, std::vector<std::string> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b;
}

// A foreign key must reference columns that are unique together: a primary key, a unique constraint, or a
// unique index on plain columns without a predicate.
bool is_unique_key(const Table& t, const std::vector<std::string>& cols) {
  for (auto& c : t.constraints)
    if ((c.kind == Kind::primary_key || c.kind == Kind::unique) && same_set(c.columns, cols)) return true;
  for (auto& ix : t.indexes) {
    if (!ix.unique || !ix.where.empty()) continue;
    std::vector<std::string> keys;
    for (auto& k : ix.keys) keys.push_back(k.column.empty() ? "\x01" : k.column);
    if (same_set(keys, cols)) return true;
  }
  return false;
}

std::vector<std::string> table_names(const Schema& s, const std::string& schema) {
  std::vector<std::string> out;
  for (auto& t : s.tables)
    if (t.schema == schema) out.push_back(t.name);
  return out;
}

const Table* fk_target(Reporter& r, const Schema& s, const NameIndex<const Table>& tables, const Table& t,
                       const Constraint& c) {
  const Table* target = tables.find(c.ref_schema, c.ref_table);
  if (!target)
    r.error(c.loc,
            fmt::format("{} references unknown table \"{}\"", constraint_what(t, c.kind),
                        display_name(c.ref_schema, c.ref_table)),
            did_you_mean(c.ref_table, table_names(s, c.ref_schema)));
  return target;
}

// Fills empty ref_columns with the target's primary key; false when there is none.
bool complete_fk_columns(Reporter& r, const Table& t, Constraint& c, const Table& target) {
  if (!c.ref_columns.empty()) return true;
  const Constraint* pk = target.primary_key();
  if (!pk) {
    r.error(c.loc,
            fmt::format("{} references \"{}\", which has no primary key", constraint_what(t, c.kind),
                        display_name(target)),
            fmt::format("name the referenced columns: references {}(...)", display_name(target)));
    return false;
  }
  c.ref_columns = pk->columns;
  return true;
}

void check_fk_types(Reporter& r, const Table& t, const Constraint& c, const Table& target) {
  for (size_t i = 0; i < c.columns.size(); ++i) {
    const Column* local = t.column(c.columns[i]);
    const Column* remote = target.column(c.ref_columns[i]);
    if (!local || !remote || comparable_types(local->type, remote->type)) continue;
    r.error(c.loc,
            fmt::format("foreign key column \"{}\" ({}) does not match \"{}\".\"{}\" ({})", local->name,
                        sql_type(local->type), display_name(target), remote->name, sql_type(remote->type)),
            fmt::format("give \"{}\" the type {}", local->name, sql_type(storage_type(remote->type))));
  }
}

void check_fk_hypertables(Reporter& r, const Table& t, const Constraint& c, const Table& target) {
  if (!target.hypertable) return;
  if (t.hypertable)
    r.error(c.loc,
            fmt::format("foreign key from hypertable \"{}\" to hypertable \"{}\": TimescaleDB does not allow "
                        "foreign keys between hypertables", display_name(t), display_name(target)),
            "drop the foreign key, or make one of the tables a plain table");
  else
    r.error(c.loc,
            fmt::format("foreign key to hypertable \"{}\": foreign keys that reference a hypertable need "
                        "TimescaleDB 2.16+ and are not supported by schemac yet", display_name(target)),
            "drop the foreign key, or reference a plain table");
}

void check_foreign_key(Reporter& r, const Schema& s, const NameIndex<const Table>& tables, const Table& t,
                       Constraint& c, bool local_ok) {
  const Table* target = fk_target(r, s, tables, t, c);
  if (!target || !complete_fk_columns(r, t, c, *target)) return;
  std::string what = fmt::format("\"{}\" referenced by {}", display_name(*target), constraint_what(t, c.kind));
  bool remote_ok = require_columns(r, *target, c.ref_columns, c.loc, what);
  if (c.columns.size() != c.ref_columns.size()) {
    r.error(c.loc, fmt::format("{} has {} column{} but references {} column{} of \"{}\"", constraint_what(t, c.kind),
                               c.columns.size(), c.columns.size() == 1 ? "" : "s", c.ref_columns.size(),
                               c.ref_columns.size() == 1 ? "" : "s", display_name(*target)));
    return;
  }
  if (!remote_ok) return;
  if (local_ok) check_fk_types(r, t, c, *target);
  if (!is_unique_key(*target, c.ref_columns))
    r.error(c.loc,
            fmt::format("columns ({}) of \"{}\" referenced by {} are not its primary key or a unique key",
                        fmt::join(c.ref_columns, ", "), display_name(*target), constraint_what(t, c.kind)),
            fmt::format("add \"unique ({})\" to table \"{}\"", fmt::join(c.ref_columns, ", "), display_name(*target)));
  check_fk_hypertables(r, t, c, *target);
}

void check_method(Reporter& r, const Schema& s, std::string& method, const Loc& loc, const std::string& what);
void check_index_key(Reporter& r, const Table& t, IndexKey& k, const Loc& loc, const std::string& what);

// An exclusion constraint's index must answer "is there a row like this one" (amgettuple): gin and brin cannot.
void check_exclusion(Reporter& r, const Schema& s, const Table& t, Constraint& c) {
  const std::string what = constraint_what(t, c.kind);
  for (IndexKey& k : c.elements) {
    check_index_key(r, t, k, c.loc, what);
    size_t dot = k.op.rfind('.');
    if (!is_operator_name(dot == std::string::npos ? k.op : k.op.substr(dot + 1)))
      r.error(c.loc, fmt::format("\"{}\" in {} is not an operator", comment_text(k.op), what),
              "write the operator the key is compared with, such as = or &&");
  }
  check_method(r, s, c.method, c.loc, what);
  if (c.method == "gin" || c.method == "brin")
    r.error(c.loc, fmt::format("{} uses {}, which cannot back an exclusion constraint", what, c.method),
            "use gist (with btree_gist for scalar columns), btree or hash");
}

void check_constraints(Reporter& r, const Schema& s, const NameIndex<const Table>& tables, Table& t) {
  const Constraint* pk = nullptr;
  for (auto& c : t.constraints) {
    if (!c.name.empty()) check_name_length(r, c.name, c.loc, "constraint");
    if (c.kind == Kind::check) continue;
    if (c.kind == Kind::exclusion) {
      check_exclusion(r, s, t, c);
      continue;
    }
    bool local_ok = require_columns(r, t, c.columns, c.loc, constraint_what(t, c.kind));
    if (c.kind == Kind::primary_key) {
      if (pk)
        r.error(c.loc, fmt::format("table \"{}\" has more than one primary key", display_name(t)), first_at(pk->loc));
      else pk = &c;
    }
    if (c.kind == Kind::foreign_key) check_foreign_key(r, s, tables, t, c, local_ok);
  }
  if (pk) force_not_null(r, t, *pk);
}

// ---- names ----

// Default index names avoid the schema's other relations: tables and the indexes behind primary keys and
// unique constraints (named by now); names.cpp adds written index names and the defaults as it goes.
void name_indexes(Schema& s) {
  std::map<std::string, std::vector<Table*>> by_schema;
  std::map<std::string, NameSet> taken;
  for (auto& t : s.tables) {
    by_schema[t.schema].push_back(&t);
    taken[t.schema].insert(t.name);
    for (auto& c : t.constraints)
      if (c.index_backed()) taken[t.schema].insert(c.name);
  }
  for (auto& [schema, tables] : by_schema) assign_index_names(tables, taken[schema]);
}

void check_constraint_names(Reporter& r, const Table& t) {
  for (size_t i = 0; i < t.constraints.size(); ++i) {
    const Constraint& c = t.constraints[i];
    for (size_t j = 0; j < i; ++j) {
      const Constraint& d = t.constraints[j];
      // Two key constraints with one name are reported as a relation name clash instead.
      if (d.name == c.name && !(c.index_backed() && d.index_backed()))
        r.error(c.loc, fmt::format("duplicate constraint name \"{}\" on \"{}\"", c.name, display_name(t)),
                first_at(d.loc));
    }
  }
}

struct Relation {
  std::string what;  // how a message names it: table "t", index "t_a_idx" on "t"
  Loc loc;
};

// Tables, indexes and the indexes behind key constraints share one name space per schema.
void check_relation_names(Reporter& r, const Schema& s, const NameIndex<const Table>& first) {
  std::map<std::pair<std::string, std::string>, Relation> seen;
  auto add = [&](const std::string& schema, const std::string& name, Relation rel) {
    auto [it, fresh] = seen.emplace(std::make_pair(schema, name), rel);
    if (fresh) return;
    r.error(rel.loc, fmt::format("{} has the same name as {}", rel.what, it->second.what),
            "tables, sequences, indexes, primary keys and unique constraints share one name space in a schema: "
            "rename one");
  };
  // A table declared twice was reported by check_tables; its second declaration's names would only echo that.
  std::vector<const Table*> tables;
  for (auto& t : s.tables)
    if (first.find(t.schema, t.name) == &t) tables.push_back(&t);
  for (auto* t : tables) add(t->schema, t->name, {fmt::format("table \"{}\"", display_name(*t)), t->loc});
  for (auto& q : s.sequences)
    if (s.find_sequence(q.schema, q.name) == &q) add(q.schema, q.name, {fmt::format("sequence \"{}\"", display_name(q.schema, q.name)), q.loc});
  for (auto* tp : tables) {
    const Table& t = *tp;
    for (auto& c : t.constraints)
      if (c.index_backed()) add(t.schema, c.name, {fmt::format("{} \"{}\"", constraint_what(t, c.kind), c.name), c.loc});
    for (auto& ix : t.indexes) {
      check_name_length(r, ix.name, ix.loc, "index");
      add(t.schema, ix.name, {fmt::format("index \"{}\" on \"{}\"", ix.name, display_name(t)), ix.loc});
    }
  }
}

// ---- indexes ----

bool builtin_method(const std::string& m) {
  return m == "btree" || m == "hash" || m == "gist" || m == "spgist" || m == "gin" || m == "brin";
}

std::string method_extension(const std::string& m) {
  if (m == "hnsw" || m == "ivfflat") return "vector";
  if (m == "bloom") return "bloom";
  return {};
}

// `what`: "index on \"t\"", "exclusion constraint on \"t\"".
void check_method(Reporter& r, const Schema& s, std::string& method, const Loc& loc, const std::string& what) {
  method = to_lower(method);
  if (method.empty()) method = "btree";
  if (builtin_method(method)) return;
  std::string ext = method_extension(method);
  if (!ext.empty() && has_extension(s, ext)) return;
  std::string hint = !ext.empty() ? fmt::format("it comes from an extension: add \"extension {}\"", ext)
                                  : did_you_mean(method, {"btree", "hash", "gist", "spgist", "gin", "brin"});
  r.error(loc, fmt::format("unknown index method \"{}\" in {}", method, what), hint);
}

void check_index_method(Reporter& r, const Schema& s, const Table& t, Index& ix) {
  check_method(r, s, ix.method, ix.loc, fmt::format("index on \"{}\"", display_name(t)));
}

void check_index_options(Reporter& r, const Table& t, const Index& ix) {
  if (ix.unique && ix.method != "btree")
    r.error(ix.loc, fmt::format("unique index on \"{}\" uses {}, but only btree indexes can be unique",
                                display_name(t), ix.method));
  if (!ix.include.empty() && ix.method != "btree" && ix.method != "gist" && ix.method != "spgist")
    r.error(ix.loc, fmt::format("index on \"{}\" uses {}, which does not support include columns", display_name(t),
                                ix.method));
  bool ordered = std::any_of(ix.keys.begin(), ix.keys.end(),
                             [](auto& k) { return k.desc || k.nulls != NullsOrder::implied; });
  if (ordered && ix.method != "btree")
    r.error(ix.loc, fmt::format("index on \"{}\" uses {}, which does not support asc/desc/nulls options",
                                display_name(t), ix.method));
}

// An operator class goes into CREATE INDEX as a name (quote_opclass): `name`, or `schema.name` for one in another
// schema, each part an identifier as SQL writes one bare (case aside). Anything else cannot be an operator class.
bool opclass_name_ok(std::string_view opclass) {
  auto part_ok = [](std::string_view p) {
    auto start = [](unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; };
    auto rest = [&](unsigned char c) { return start(c) || std::isdigit(c) || c == '$'; };
    return !p.empty() && p.size() <= kMaxIdentifierBytes && start(p[0]) && std::all_of(p.begin() + 1, p.end(), rest);
  };
  size_t dot = opclass.find('.');
  if (dot == std::string_view::npos) return part_ok(opclass);
  return part_ok(opclass.substr(0, dot)) && part_ok(opclass.substr(dot + 1));
}

void check_index_key(Reporter& r, const Table& t, IndexKey& k, const Loc& loc, const std::string& what) {
  if (!k.column.empty()) require_column(r, t, k.column, loc, what);
  if (!k.opclass.empty() && !opclass_name_ok(k.opclass))
    r.error(loc, fmt::format("operator class \"{}\" in {} is not a name", comment_text(k.opclass), what),
            "write it as a name like jsonb_path_ops, or as \"schema.name\" for one in another schema");
  k.nulls = normalize_nulls(k.desc, k.nulls);
}

void check_index(Reporter& r, const Schema& s, const Table& t, Index& ix) {
  std::string what = fmt::format("index on \"{}\"", display_name(t));
  for (auto& k : ix.keys) check_index_key(r, t, k, ix.loc, what);
  require_columns(r, t, ix.include, ix.loc, fmt::format("include list of index on \"{}\"", display_name(t)));
  check_index_method(r, s, t, ix);
  check_index_options(r, t, ix);
}

}  // namespace

Diagnostics check(Schema& s) {
  Diagnostics out;
  Reporter r{out};
  check_namespaces(r, s);
  check_extensions(r, s);
  check_enums(r, s);
  check_sequences(r, s);
  // Built once: the passes below look tables up per table and per reference. No pass adds or renames tables.
  const NameIndex<const Table> tables(s.tables);
  check_tables(r, s, tables);
  // Every table's types first: foreign keys compare them across tables.
  for (auto& t : s.tables) check_columns(r, s, t);
  for (auto& t : s.tables) check_constraints(r, s, tables, t);
  for (auto& t : s.tables) name_unnamed_constraints(t);
  name_indexes(s);
  for (auto& t : s.tables) check_constraint_names(r, t);
  check_relation_names(r, s, tables);
  for (auto& t : s.tables) {
    for (auto& ix : t.indexes) check_index(r, s, t, ix);
    check_expressions(r, s, t);
    check_hypertable(r, s, t);
    check_queries(r, s, t);
  }
  sort_diagnostics(out);
  return out;
}

}  // namespace schemac
