#include "diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <tuple>

#include "quote.hpp"
#include "render.hpp"
#include "types.hpp"

namespace schemac {

namespace {

using K = Change::Kind;
using CK = Constraint::Kind;

// The phases of a plan, in execution order. Drop phases are filled in creation order and reversed when the plan
// is assembled, so the DOWN script recreates things in their natural order.
enum Phase {
  p_renames,
  p_ts_removals,
  p_drop_fks,
  p_drop_indexes,
  p_drop_constraints,
  p_drop_tables,
  p_drop_columns,
  p_schemas,
  p_extensions,
  p_enums,
  p_tables,
  p_columns,
  p_conversions,
  p_constraints,
  p_indexes,
  p_fks,
  p_ts_settings,
  p_comments,
  p_drop_enums,
  p_drop_extensions,
  p_drop_schemas,
  p_count
};

bool is_drop_phase(int p) {
  return (p >= p_ts_removals && p <= p_drop_columns) || p >= p_drop_enums;
}

std::string join(const std::vector<std::string>& parts, const char* sep = ", ") {
  std::string out;
  for (auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

template <class T>
std::vector<const T*> sorted_by_name(const std::vector<T>& v) {
  std::vector<const T*> out;
  for (auto& x : v) out.push_back(&x);
  std::sort(out.begin(), out.end(), [](const T* a, const T* b) {
    if constexpr (requires { a->schema; }) return std::tie(a->schema, a->name) < std::tie(b->schema, b->name);
    else return a->name < b->name;
  });
  return out;
}

template <class T>
const T* named(const std::vector<T>& v, const std::string& name) {
  auto it = std::find_if(v.begin(), v.end(), [&](auto& x) { return x.name == name; });
  return it == v.end() ? nullptr : &*it;
}

std::string column_ref(const Table& t, const std::string& column) { return table_ref(t) + "." + quote_ident(column); }

Change mk(K kind, std::string object, std::string description, std::vector<std::string> up,
          std::vector<std::string> down) {
  Change c;
  c.kind = kind;
  c.object = std::move(object);
  c.description = std::move(description);
  c.up = std::move(up);
  c.down = std::move(down);
  return c;
}

Column named_column(const std::string& name) {
  Column c;
  c.name = name;
  return c;
}

// The same change the other way round: what was UP becomes DOWN.
Change inverse(Change c, K kind, std::string description) {
  std::swap(c.up, c.down);
  c.kind = kind;
  c.description = std::move(description);
  return c;
}

bool same_constraint(const Constraint& a, const Constraint& b) {
  // A check's columns are what check read off an inline form; the catalog does not keep them: compare the text.
  return a.kind == b.kind && (a.kind == CK::check || a.columns == b.columns) && a.check_expr == b.check_expr &&
         (a.kind != CK::foreign_key ||
          (a.ref_schema == b.ref_schema && a.ref_table == b.ref_table && a.ref_columns == b.ref_columns &&
           a.on_delete == b.on_delete && a.on_update == b.on_update));
}

bool same_key(const IndexKey& a, const IndexKey& b) {
  return a.column == b.column && a.expr == b.expr && a.desc == b.desc && a.nulls == b.nulls && a.opclass == b.opclass;
}

bool same_index(const Index& a, const Index& b) {
  return !a.invalid && !b.invalid && a.unique == b.unique && a.method == b.method && a.include == b.include &&
         a.where == b.where && std::equal(a.keys.begin(), a.keys.end(), b.keys.begin(), b.keys.end(), same_key);
}

// Kept = present with the same definition on both sides, so it exists throughout the migration.
bool kept_constraint(const Constraint& c, const Table* other) {
  if (!other) return false;
  const Constraint* o = named(other->constraints, c.name);
  return o && same_constraint(c, *o);
}

bool kept_index(const Index& ix, const Table* other) {
  if (!other) return false;
  const Index* o = named(other->indexes, ix.name);
  return o && same_index(ix, *o);
}

// Changes that need no table rewrite: PostgreSQL treats them as binary-coercible.
bool rewrite_free(const Type& a0, const Type& b0) {
  Type a = storage_type(a0), b = storage_type(b0);
  if (a.array_dims != b.array_dims || !a.schema.empty() || !b.schema.empty()) return false;
  bool a_text = a.name == "varchar" || a.name == "text";
  if (a_text && b.name == "text") return true;
  if (a_text && b.name == "varchar") return b.mods.empty() || (a.name == "varchar" && !a.mods.empty() && b.mods[0] >= a.mods[0]);
  if (a.name == "numeric" && b.name == "numeric") {
    if (b.mods.empty()) return true;
    return a.mods.size() == b.mods.size() && b.mods.size() == 2 && b.mods[1] == a.mods[1] && b.mods[0] >= a.mods[0];
  }
  return false;
}

// Functions whose default makes ADD COLUMN fill every row one by one (a rewrite) instead of storing one value.
bool volatile_default(const std::string& expr) {
  for (const char* f : {"random", "uuid", "clock_timestamp", "timeofday", "nextval", "statement_timestamp"})
    if (expr.find(f) != std::string::npos) return true;
  return false;
}

Span default_chunk_interval() {
  Span s;
  s.days = 7;
  return s;
}

std::string compression_text(const Compression& c) {
  std::vector<std::string> parts;
  if (!c.segment_by.empty()) {
    std::vector<std::string> q;
    for (auto& s : c.segment_by) q.push_back(quote_ident(s));
    parts.push_back("segment by " + join(q));
  }
  if (!c.order_by.empty()) {
    std::vector<std::string> q;
    for (auto& o : c.order_by) q.push_back(quote_ident(o.column) + (o.desc ? " DESC" : ""));
    parts.push_back("order by " + join(q));
  }
  return parts.empty() ? "" : " (" + join(parts, "; ") + ")";
}

class Planner {
 public:
  Planner(const Schema& from, const Schema& to, const DiffOptions& opt) : from_(from), to_(to), opt_(opt) {}

  Plan run() {
    apply_renames();
    plan_namespaces();
    plan_extensions();
    plan_enums();
    plan_tables();
    Plan plan;
    for (int p = 0; p < p_count; ++p) {
      auto& list = phases_[p];
      if (is_drop_phase(p)) std::reverse(list.begin(), list.end());
      for (auto& c : list) plan.changes.push_back(std::move(c));
    }
    plan.diagnostics = std::move(diags_);
    refuse_destructive(plan);
    return plan;
  }

 private:
  Schema from_;  // a copy: renames are applied to it so that the rest of the diff compares by name
  const Schema& to_;
  const DiffOptions& opt_;
  std::array<std::vector<Change>, p_count> phases_;
  Diagnostics diags_;

  void add(Phase p, Change c) { phases_[p].push_back(std::move(c)); }

  void error(std::string message, std::string hint, const Loc& loc = {}) {
    for (auto& d : diags_)
      if (d.message == message) return;  // the same refusal reached from two changes
    diags_.push_back({Diagnostic::Severity::error, loc, std::move(message), std::move(hint)});
  }
  void warning(std::string message, std::string hint = {}, const Loc& loc = {}) {
    diags_.push_back({Diagnostic::Severity::warning, loc, std::move(message), std::move(hint)});
  }

  // --- renames ------------------------------------------------------------------------------------------------

  // An object of `to` that does not exist in `from` but names one in renamed_from that exists in `from` and no
  // longer in `to` was renamed. After this, from_ uses the new names everywhere, so the rest compares by name.
  void apply_renames() {
    for (const Enum* e : sorted_by_name(to_.enums)) rename_enum(*e);
    for (const Table* t : sorted_by_name(to_.tables)) rename_table(*t);
    for (const Table* t : sorted_by_name(to_.tables))
      if (Table* f = from_.table(t->schema, t->name))
        for (auto& c : t->columns) rename_column(*f, *t, c);
  }

  void rename_enum(const Enum& e) {
    if (from_.find_enum(e.schema, e.name)) return;
    for (auto& old : e.renamed_from) {
      auto it = std::find_if(from_.enums.begin(), from_.enums.end(),
                             [&](auto& x) { return x.schema == e.schema && x.name == old; });
      if (it == from_.enums.end() || to_.find_enum(e.schema, old)) continue;
      Change c = mk(K::rename_enum, quote_qualified(e.schema, e.name),
               fmt::format("rename enum {} to {}", quote_qualified(e.schema, old), quote_ident(e.name)),
               {rename_enum_sql(e.schema, old, e.name)}, {rename_enum_sql(e.schema, e.name, old)});
      add(p_renames, std::move(c));
      it->name = e.name;
      for (auto& t : from_.tables)
        for (auto& col : t.columns)
          if (col.type.schema == e.schema && col.type.name == old) col.type.name = e.name;
      return;
    }
  }

  void rename_table(const Table& t) {
    if (from_.table(t.schema, t.name)) return;
    for (auto& old : t.renamed_from) {
      Table* f = from_.table(t.schema, old);
      if (!f || to_.table(t.schema, old)) continue;
      Change c = mk(K::rename_table, table_ref(t),
               fmt::format("rename table {} to {}", quote_qualified(t.schema, old), quote_ident(t.name)),
               {rename_table_sql(t.schema, old, t.name)}, {rename_table_sql(t.schema, t.name, old)});
      c.lock = Lock::access_exclusive;
      add(p_renames, std::move(c));
      f->name = t.name;
      for (auto& u : from_.tables)
        for (auto& k : u.constraints)
          if (k.kind == CK::foreign_key && k.ref_schema == t.schema && k.ref_table == old) k.ref_table = t.name;
      return;
    }
  }

  void rename_column(Table& f, const Table& t, const Column& c) {
    if (f.column(c.name)) return;
    for (auto& old : c.renamed_from) {
      Column* fc = f.column(old);
      if (!fc || t.column(old)) continue;
      Change ch = mk(K::rename_column, column_ref(t, c.name),
                fmt::format("rename column {} to {}", column_ref(t, old), quote_ident(c.name)),
                {rename_column_sql(t, old, c.name)}, {rename_column_sql(t, c.name, old)});
      ch.lock = Lock::access_exclusive;
      add(p_renames, std::move(ch));
      fc->name = c.name;
      rename_column_uses(f, old, c.name);
      return;
    }
  }

  // PostgreSQL follows a renamed column everywhere by number; the model names it, so follow it by hand.
  void rename_column_uses(Table& f, const std::string& old, const std::string& now) {
    auto fix = [&](std::string& s) {
      if (s == old) s = now;
    };
    for (auto& k : f.constraints)
      for (auto& col : k.columns) fix(col);
    for (auto& ix : f.indexes) {
      for (auto& key : ix.keys) fix(key.column);
      for (auto& col : ix.include) fix(col);
    }
    if (f.hypertable) {
      fix(f.hypertable->time_column);
      if (auto& comp = f.hypertable->compression) {
        for (auto& s : comp->segment_by) fix(s);
        for (auto& o : comp->order_by) fix(o.column);
      }
    }
    for (auto& u : from_.tables)
      for (auto& k : u.constraints)
        if (k.kind == CK::foreign_key && k.ref_schema == f.schema && k.ref_table == f.name)
          for (auto& col : k.ref_columns) fix(col);
  }

  // --- schemas and extensions -------------------------------------------------------------------------------

  static Change schema_created(const Namespace& n) {
    Change c = mk(K::create_schema, quote_ident(n.name), "create schema " + quote_ident(n.name),
             {create_schema_sql(n.name)}, {drop_schema_sql(n.name)});
    if (!n.comment.empty()) c.up.push_back(comment_on_schema_sql(n.name, n.comment));
    return c;
  }

  void plan_namespaces() {
    for (const Namespace* n : sorted_by_name(to_.namespaces)) {
      const Namespace* f = from_.find_namespace(n->name);
      if (!f) add(p_schemas, schema_created(*n));
      else if (f->comment != n->comment)
        add(p_comments, comment_change("schema " + quote_ident(n->name), quote_ident(n->name),
                                       comment_on_schema_sql(n->name, n->comment),
                                       comment_on_schema_sql(n->name, f->comment)));
    }
    for (const Namespace* f : sorted_by_name(from_.namespaces))
      if (!to_.find_namespace(f->name)) {
        Change c = inverse(schema_created(*f), K::drop_schema, "drop schema " + quote_ident(f->name));
        c.destructive = true;
        add(p_drop_schemas, std::move(c));
      }
  }

  static Change extension_created(const Extension& e) {
    return mk(K::create_extension, quote_ident(e.name), "create extension " + quote_ident(e.name),
                  {create_extension_sql(e)}, {drop_extension_sql(e)});
  }

  void plan_extensions() {
    for (const Extension* e : sorted_by_name(to_.extensions))
      if (!named(from_.extensions, e->name)) add(p_extensions, extension_created(*e));
    for (const Extension* e : sorted_by_name(from_.extensions))
      if (!named(to_.extensions, e->name)) {
        Change c = inverse(extension_created(*e), K::drop_extension, "drop extension " + quote_ident(e->name));
        c.destructive = true;  // dropping an extension drops the types, functions and data that belong to it
        add(p_drop_extensions, std::move(c));
      }
  }

  Change comment_change(const std::string& what, const std::string& object, std::string up, std::string down) {
    return mk(K::comment, object, "comment on " + what, {std::move(up)}, {std::move(down)});
  }

  // --- enums --------------------------------------------------------------------------------------------------

  static Change enum_created(const Enum& e) {
    Change c = mk(K::create_enum, quote_qualified(e.schema, e.name), "create enum " + quote_qualified(e.schema, e.name),
             {create_enum_sql(e)}, {drop_enum_sql(e)});
    if (!e.comment.empty()) c.up.push_back(comment_on_enum_sql(e, e.comment));
    return c;
  }

  void plan_enums() {
    for (const Enum* e : sorted_by_name(to_.enums)) {
      const Enum* f = from_.find_enum(e->schema, e->name);
      if (!f) add(p_enums, enum_created(*e));
      else alter_enum(*f, *e);
    }
    for (const Enum* f : sorted_by_name(from_.enums))
      if (!to_.find_enum(f->schema, f->name))
        add(p_drop_enums, inverse(enum_created(*f), K::drop_enum, "drop enum " + quote_qualified(f->schema, f->name)));
  }

  // Columns that have the enum's type before and still exist afterwards: a recreated type must carry them over.
  std::vector<EnumUse> enum_uses(const Enum& e) const {
    std::vector<EnumUse> out;
    for (const Table* t : sorted_by_name(from_.tables)) {
      const Table* after = to_.table(t->schema, t->name);
      if (!after) continue;
      for (auto& c : t->columns)
        if (c.type.schema == e.schema && c.type.name == e.name && after->column(c.name)) out.push_back({t, &c});
    }
    return out;
  }

  void alter_enum(const Enum& f, const Enum& e) {
    std::string object = quote_qualified(e.schema, e.name);
    if (f.comment != e.comment)
      add(p_comments, comment_change("enum " + object, object, comment_on_enum_sql(e, e.comment),
                                     comment_on_enum_sql(e, f.comment)));
    if (f.values == e.values) return;
    auto uses = enum_uses(e);
    Enum old = e;
    old.values = f.values;
    // Only additions, in the same relative order: ADD VALUE each. Otherwise the type must be recreated.
    std::vector<std::string> kept;
    for (auto& v : e.values)
      if (std::find(f.values.begin(), f.values.end(), v) != f.values.end()) kept.push_back(v);
    if (kept == f.values) {
      Change c = mk(K::add_enum_values, object, "", {}, recreate_enum_sql(old, uses));
      std::vector<std::string> added;
      size_t last_old = 0;
      for (size_t i = 0; i < e.values.size(); ++i)
        if (std::find(f.values.begin(), f.values.end(), e.values[i]) != f.values.end()) last_old = i;
      for (size_t i = 0; i < e.values.size(); ++i) {
        const std::string& v = e.values[i];
        if (std::find(f.values.begin(), f.values.end(), v) != f.values.end()) continue;
        added.push_back(quote_literal(v));
        // Values past the last old one are appended in order; others go after their predecessor (which exists
        // by then), or before the first old value.
        if (f.values.empty() || i > last_old) c.up.push_back(add_enum_value_sql(e, v, "", false));
        else if (i == 0) c.up.push_back(add_enum_value_sql(e, v, f.values.front(), true));
        else c.up.push_back(add_enum_value_sql(e, v, e.values[i - 1], false));
      }
      c.description = fmt::format("add {} to enum {}", join(added), object);
      c.transactional = false;  // a new value cannot be used in the transaction that adds it
      c.note = "DOWN recreates the type: PostgreSQL cannot drop an enum value";
      add(p_enums, std::move(c));
      return;
    }
    std::vector<std::string> removed;
    for (auto& v : f.values)
      if (std::find(e.values.begin(), e.values.end(), v) == e.values.end()) removed.push_back(quote_literal(v));
    Change c = mk(K::recreate_enum, object,
             fmt::format("recreate enum {} ({})", object,
                         removed.empty() ? "values reordered" : "removes " + join(removed)),
             recreate_enum_sql(e, uses), recreate_enum_sql(old, uses));
    c.destructive = !removed.empty();
    c.lock = uses.empty() ? Lock::none : Lock::access_exclusive;
    c.rewrites = !uses.empty();
    c.note = removed.empty() ? "rewrites every table that uses the type"
                             : "fails if a row still holds a removed value; rewrites every table that uses the type";
    add(p_enums, std::move(c));
  }

  // --- tables -------------------------------------------------------------------------------------------------

  void plan_tables() {
    for (const Table* t : sorted_by_name(to_.tables)) {
      const Table* f = from_.table(t->schema, t->name);
      if (!f) create_table(*t);
      else alter_table(*f, *t);
    }
    for (const Table* f : sorted_by_name(from_.tables))
      if (!to_.table(f->schema, f->name)) drop_table(*f);
  }

  // A foreign key of a new table can be written inside its CREATE TABLE when its target and the target's key
  // exist before the table is created; otherwise it is added once every table exists (which also breaks cycles).
  static bool fk_target_ready(const Table& u, const Constraint& fk, const Schema& before, const Schema& after) {
    if (fk.ref_schema == u.schema && fk.ref_table == u.name) return true;
    const Table* b = before.table(fk.ref_schema, fk.ref_table);
    const Table* a = after.table(fk.ref_schema, fk.ref_table);
    if (!b || !a) return false;
    auto same_set = [&](std::vector<std::string> cols) {
      auto want = fk.ref_columns;
      std::sort(cols.begin(), cols.end());
      std::sort(want.begin(), want.end());
      return cols == want;
    };
    for (auto& k : b->constraints)
      if ((k.kind == CK::primary_key || k.kind == CK::unique) && same_set(k.columns) && kept_constraint(k, a))
        return true;
    for (auto& ix : b->indexes) {
      if (!ix.unique || !ix.where.empty() || !kept_index(ix, a)) continue;
      std::vector<std::string> cols;
      for (auto& key : ix.keys) cols.push_back(key.column);
      if (same_set(cols)) return true;
    }
    return false;
  }

  // The whole of a new table in one change: CREATE TABLE, hypertable conversion (before any index, while the
  // table is empty), indexes, comments. DOWN drops it. `before`/`after` are the schemas either side.
  static Change table_created(const Table& t, const Schema& before, const Schema& after) {
    std::vector<const Constraint*> fks;
    for (const Constraint* k : sorted_by_name(t.constraints))
      if (k->kind == CK::foreign_key && fk_target_ready(t, *k, before, after)) fks.push_back(k);
    Change c = mk(K::create_table, table_ref(t), "create table " + table_ref(t), {create_table_sql(t, fks)},
             {drop_table_sql(t)});
    if (t.hypertable) {
      c.up.push_back(create_hypertable_sql(t, false));
      c.description += " as a hypertable on " + quote_ident(t.hypertable->time_column);
    }
    auto indexes = sorted_by_name(t.indexes);
    for (const Index* ix : indexes) c.up.push_back(create_index_sql(t, *ix, IndexMode::plain));
    for (auto& s : table_comments_sql(t)) c.up.push_back(s);
    for (const Index* ix : indexes)
      if (!ix->comment.empty()) c.up.push_back(comment_on_index_sql(t, ix->name, ix->comment));
    return c;
  }

  // A foreign key of a new table whose target is created in the same plan: the table is empty, no NOT VALID.
  static Change fk_added_to_new_table(const Table& t, const Constraint& k) {
    Change c = mk(K::add_constraint, column_ref(t, k.name),
             fmt::format("add foreign key {} on {}", quote_ident(k.name), table_ref(t)),
             {add_constraint_sql(t, k, false)}, {drop_constraint_sql(t, k.name)});
    c.lock = Lock::share_row_exclusive;
    return c;
  }

  void create_table(const Table& t) {
    add(p_tables, table_created(t, from_, to_));
    for (const Constraint* k : sorted_by_name(t.constraints))
      if (k->kind == CK::foreign_key && !fk_target_ready(t, *k, from_, to_)) add(p_fks, fk_added_to_new_table(t, *k));
    for (auto& c : timescale_additions(t)) add(p_ts_settings, std::move(c));
  }

  void drop_table(const Table& f) {
    Change c = inverse(table_created(f, to_, from_), K::drop_table, "drop table " + table_ref(f));
    c.destructive = true;
    c.lock = Lock::access_exclusive;
    add(p_drop_tables, std::move(c));
    for (const Constraint* k : sorted_by_name(f.constraints))
      if (k->kind == CK::foreign_key && !fk_target_ready(f, *k, to_, from_))
        add(p_drop_fks, inverse(fk_added_to_new_table(f, *k), K::drop_constraint,
                                fmt::format("drop foreign key {} on {}", quote_ident(k->name), table_ref(f))));
    for (auto& c2 : timescale_additions(f)) add(p_ts_removals, removal(std::move(c2), f));
  }

  void alter_table(const Table& f, const Table& t) {
    plan_columns(f, t);
    plan_constraints(f, t);
    plan_indexes(f, t);
    plan_hypertable(f, t);
    plan_comments(f, t);
  }

  // --- columns ------------------------------------------------------------------------------------------------

  Change column_added(const Table& t, const Column& c) {
    Change ch = mk(K::add_column, column_ref(t, c.name),
              fmt::format("add column {} ({})", column_ref(t, c.name), sql_type(c.type, false)),
              {add_column_sql(t, c)}, {drop_column_sql(t, c.name)});
    if (!c.comment.empty()) ch.up.push_back(comment_on_column_sql(t, c.name, c.comment));
    ch.lock = Lock::access_exclusive;
    ch.rewrites = c.generated_expr || c.identity != Identity::none || is_serial(c.type) ||
                  (c.default_expr && volatile_default(*c.default_expr));
    if (ch.rewrites) ch.note = "fills every existing row: rewrites the table under ACCESS EXCLUSIVE";
    return ch;
  }

  void plan_columns(const Table& f, const Table& t) {
    for (auto& c : f.columns)
      if (!t.column(c.name)) {
        Change ch = inverse(column_added(f, c), K::drop_column, "drop column " + column_ref(t, c.name));
        ch.destructive = true;
        ch.rewrites = false;
        ch.note.clear();
        add(p_drop_columns, std::move(ch));
      }
    for (auto& c : t.columns) {
      const Column* fc = f.column(c.name);
      if (!fc) {
        Change ch = column_added(t, c);
        if (!c.nullable && !c.default_expr && c.identity == Identity::none && !c.generated_expr && !is_serial(c.type))
          ch.note = "NOT NULL without a default: fails if the table has rows";
        add(p_columns, std::move(ch));
      } else {
        alter_column(f, t, *fc, c);
      }
    }
  }

  bool compressed_throughout(const Table& f, const Table& t) const {
    return f.hypertable && t.hypertable && f.hypertable->compression && t.hypertable->compression;
  }

  void refuse_on_compressed(const Table& f, const Table& t, const std::string& what) {
    if (!compressed_throughout(f, t)) return;
    error(fmt::format("cannot {} on {}: TimescaleDB does not allow it while compression is enabled", what,
                      table_ref(t)),
          "split it in three migrations: remove the compression block, make the change, declare compression again",
          t.loc);
  }

  void alter_column(const Table& f, const Table& t, const Column& a, const Column& b) {
    std::string ref = column_ref(t, b.name);
    auto change = [&](K kind, std::string description, std::vector<std::string> up, std::vector<std::string> down) {
      Change c = mk(kind, ref, std::move(description), std::move(up), std::move(down));
      c.lock = Lock::access_exclusive;
      return c;
    };
    if (a.generated_expr != b.generated_expr) {
      refuse_on_compressed(f, t, "change the generated column " + quote_ident(b.name));
      if (a.generated_expr && !b.generated_expr) {
        add(p_columns, change(K::alter_generated, "stop generating " + ref + " (keeps its values)",
                              {drop_expression_sql(t, b)}, {drop_column_sql(t, a.name), add_column_sql(t, a)}));
      } else {
        // PostgreSQL 15 cannot change or add a generation expression in place: drop the column and add it back.
        Change c = change(K::alter_generated, "recompute generated column " + ref + " (drop and add it back)",
                          {drop_column_sql(t, a.name), add_column_sql(t, b)},
                          {drop_column_sql(t, b.name), add_column_sql(t, a)});
        c.destructive = !a.generated_expr;  // the plain column's values are lost
        c.rewrites = true;
        c.note = "indexes and constraints on the column are dropped with it";
        add(p_columns, std::move(c));
        return;
      }
    }
    Column mid = a;  // the column as each step leaves it
    if (a.identity != Identity::none && b.identity == Identity::none) {
      refuse_on_compressed(f, t, "drop the identity of " + quote_ident(b.name));
      add(p_columns, change(K::alter_identity, "drop identity of " + ref, {drop_identity_sql(t, a)},
                            {add_identity_sql(t, a), sync_sequence_sql(t, a)}));
      mid.identity = Identity::none;
    }
    bool default_done = false;
    if (!(storage_type(a.type) == storage_type(b.type))) {
      refuse_on_compressed(f, t, "change the type of " + quote_ident(b.name));
      Column to_type = mid;
      to_type.type = b.type;
      to_type.default_expr = b.default_expr;
      std::vector<std::string> up, down;
      // A default of the old type may not cast to the new one: drop it around the change.
      if (mid.default_expr) up.push_back(set_default_sql(t, named_column(b.name)));
      up.push_back(alter_column_type_sql(t, to_type));
      if (b.default_expr) up.push_back(set_default_sql(t, to_type));
      if (b.default_expr) down.push_back(set_default_sql(t, named_column(b.name)));
      down.push_back(alter_column_type_sql(t, mid));
      if (mid.default_expr) down.push_back(set_default_sql(t, mid));
      Change c = change(K::alter_column_type,
                        fmt::format("change type of {} from {} to {}", ref, sql_type(a.type, false),
                                    sql_type(b.type, false)),
                        std::move(up), std::move(down));
      c.destructive = is_narrowing_change(a.type, b.type);
      c.rewrites = !rewrite_free(a.type, b.type);
      if (c.rewrites) c.note = "rewrites the table and its indexes under ACCESS EXCLUSIVE";
      if (c.destructive) c.note += std::string(c.note.empty() ? "" : "; ") + "can fail on or truncate existing values";
      add(p_columns, std::move(c));
      default_done = true;
      mid.type = b.type;
      mid.default_expr = b.default_expr;
    }
    if (!default_done && a.default_expr != b.default_expr) {
      Column nb = mid;
      nb.default_expr = b.default_expr;
      add(p_columns, change(K::alter_default,
                            b.default_expr ? fmt::format("set default of {} to {}", ref, *b.default_expr)
                                           : "drop default of " + ref,
                            {set_default_sql(t, nb)}, {set_default_sql(t, mid)}));
    }
    if (a.nullable != b.nullable) {
      Change c = change(K::alter_nullability, b.nullable ? "make " + ref + " nullable" : "make " + ref + " NOT NULL",
                        {set_not_null_sql(t, b, !b.nullable)}, {set_not_null_sql(t, b, b.nullable)});
      if (!b.nullable) c.note = "scans the whole table under ACCESS EXCLUSIVE; fails if a row holds NULL";
      add(p_columns, std::move(c));
    }
    if (b.identity != Identity::none && mid.identity == Identity::none) {
      refuse_on_compressed(f, t, "add an identity to " + quote_ident(b.name));
      add(p_columns, change(K::alter_identity, "add identity to " + ref, {add_identity_sql(t, b), sync_sequence_sql(t, b)},
                            {drop_identity_sql(t, b)}));
    } else if (b.identity != Identity::none && mid.identity != b.identity) {
      add(p_columns, change(K::alter_identity,
                            fmt::format("make identity of {} {}", ref,
                                        b.identity == Identity::always ? "ALWAYS" : "BY DEFAULT"),
                            {set_identity_sql(t, b)}, {set_identity_sql(t, a)}));
    }
  }

  // --- constraints --------------------------------------------------------------------------------------------

  // A constraint added to a table that already exists (has rows). Checks and foreign keys go in NOT VALID and
  // are validated by a second statement, which only takes SHARE UPDATE EXCLUSIVE while it scans. TimescaleDB
  // hypertables get the plain form.
  static Change constraint_added(const Table& t, const Constraint& k, bool target_is_hypertable) {
    std::string what = k.kind == CK::foreign_key ? "foreign key" : "constraint";
    Change c = mk(K::add_constraint, column_ref(t, k.name),
             fmt::format("add {} {} on {}", what, quote_ident(k.name), table_ref(t)), {}, {drop_constraint_sql(t, k.name)});
    bool two_step = (k.kind == CK::check || k.kind == CK::foreign_key) && !t.hypertable && !target_is_hypertable;
    c.up.push_back(add_constraint_sql(t, k, two_step));
    if (two_step) c.up.push_back(validate_constraint_sql(t, k));
    if (!k.comment.empty()) c.up.push_back(comment_on_constraint_sql(t, k.name, k.comment));
    c.lock = k.kind == CK::foreign_key ? Lock::share_row_exclusive : Lock::access_exclusive;
    if (two_step) c.note = "added NOT VALID, then validated under SHARE UPDATE EXCLUSIVE";
    else if (k.kind == CK::primary_key || k.kind == CK::unique)
      c.note = "builds a unique index under ACCESS EXCLUSIVE";
    else c.note = "scans the table to validate it while holding the lock";
    return c;
  }

  bool fk_target_hypertable(const Constraint& k, const Schema& s) const {
    const Table* target = k.kind == CK::foreign_key ? s.table(k.ref_schema, k.ref_table) : nullptr;
    return target && target->hypertable;
  }

  void plan_constraints(const Table& f, const Table& t) {
    for (const Constraint* k : sorted_by_name(f.constraints)) {
      if (kept_constraint(*k, &t)) continue;
      Change c = inverse(constraint_added(f, *k, fk_target_hypertable(*k, from_)), K::drop_constraint,
                         fmt::format("drop {} {} on {}", k->kind == CK::foreign_key ? "foreign key" : "constraint",
                                     quote_ident(k->name), table_ref(f)));
      c.lock = Lock::access_exclusive;
      c.note.clear();
      add(k->kind == CK::foreign_key ? p_drop_fks : p_drop_constraints, std::move(c));
    }
    for (const Constraint* k : sorted_by_name(t.constraints)) {
      const Constraint* old = named(f.constraints, k->name);
      if (old && same_constraint(*old, *k)) {
        if (old->not_valid) {
          Change c = mk(K::validate_constraint, column_ref(t, k->name),
                   fmt::format("validate constraint {} on {}", quote_ident(k->name), table_ref(t)),
                   {validate_constraint_sql(t, *k)}, {});
          c.lock = Lock::share_update_exclusive;
          add(p_constraints, std::move(c));
        }
        continue;
      }
      add(k->kind == CK::foreign_key ? p_fks : p_constraints, constraint_added(t, *k, fk_target_hypertable(*k, to_)));
    }
  }

  // --- indexes ------------------------------------------------------------------------------------------------

  Change index_created(const Table& t, const Index& ix) const {
    IndexMode mode = IndexMode::plain;
    if (!t.hypertable && opt_.concurrent_indexes) mode = IndexMode::concurrently;
    if (t.hypertable && !ix.unique && opt_.transaction_per_chunk) mode = IndexMode::transaction_per_chunk;
    Change c = mk(K::create_index, quote_qualified(t.schema, ix.name),
             fmt::format("create index {} on {}", quote_ident(ix.name), table_ref(t)),
             {create_index_sql(t, ix, mode)}, {drop_index_sql(t, ix.name, mode == IndexMode::concurrently)});
    if (!ix.comment.empty()) c.up.push_back(comment_on_index_sql(t, ix.name, ix.comment));
    c.transactional = mode == IndexMode::plain;
    c.lock = mode == IndexMode::concurrently ? Lock::share_update_exclusive : Lock::share;
    c.note = mode == IndexMode::concurrently ? "built CONCURRENTLY: reads and writes continue"
             : mode == IndexMode::plain      ? "blocks writes while the index builds"
                                             : "built one chunk at a time; blocks writes to the chunk being indexed";
    return c;
  }

  // create_hypertable used to make <table>_<time>_idx itself; it belongs to the hypertable, never drop it.
  static bool timescale_default_index(const Table& t, const Index& ix) {
    return t.hypertable && !ix.unique && ix.keys.size() == 1 && ix.keys[0].column == t.hypertable->time_column &&
           ix.keys[0].desc && ix.name == make_timescale_index_name(t);
  }
  static std::string make_timescale_index_name(const Table& t) {
    return t.name + "_" + t.hypertable->time_column + "_idx";
  }

  void plan_indexes(const Table& f, const Table& t) {
    for (const Index* ix : sorted_by_name(f.indexes)) {
      if (kept_index(*ix, &t) || (t.hypertable && timescale_default_index(f, *ix) && !named(t.indexes, ix->name)))
        continue;
      Change c = inverse(index_created(f, *ix), K::drop_index,
                         fmt::format("drop index {} on {}", quote_ident(ix->name), table_ref(f)));
      c.lock = c.transactional ? Lock::access_exclusive : Lock::share_update_exclusive;
      if (!f.hypertable && opt_.concurrent_indexes) c.note = "dropped CONCURRENTLY";
      else c.note.clear();
      add(p_drop_indexes, std::move(c));
    }
    for (const Index* ix : sorted_by_name(t.indexes))
      if (!kept_index(*ix, &f)) add(p_indexes, index_created(t, *ix));
  }

  // --- TimescaleDB --------------------------------------------------------------------------------------------

  bool apache() const { return opt_.edition == Edition::apache; }

  void refuse_on_apache(const Table& t, const std::string& feature) {
    if (!apache()) return;
    error(fmt::format("{} on {} needs TimescaleDB's Timescale license, but the server runs the Apache edition",
                      feature, table_ref(t)),
          feature == "a retention policy"
              ? "remove `retention` from the hypertable block, install TimescaleDB with the Timescale license, or "
                "re-run with --retention-via-cron to drop old chunks from a pg_cron job"
              : "remove `compression` from the hypertable block or install TimescaleDB with the Timescale license",
          t.hypertable ? t.hypertable->loc : t.loc);
  }

  bool use_cron() const { return apache() && opt_.apache_retention_via_cron; }

  Change retention_added(const Table& t, const Span& s) {
    Change c = mk(K::add_retention, table_ref(t),
             fmt::format("add retention policy on {} (drop chunks older than {})", table_ref(t), span_text(s)),
             {add_retention_policy_sql(t, s)}, {remove_retention_policy_sql(t)});
    if (use_cron()) {
      c.up = {cron_schedule_retention_sql(t, s)};
      c.down = {cron_unschedule_sql(t)};
      c.description = fmt::format("schedule drop_chunks on {} with pg_cron every hour (older than {})", table_ref(t),
                                  span_text(s));
      c.note = "the Apache edition has no retention policies; needs the pg_cron extension";
      if (!named(to_.extensions, "pg_cron"))
        warning(fmt::format("retention on {} is scheduled with pg_cron, which the schema does not declare",
                            table_ref(t)),
                "add `extension pg_cron` and make sure the server preloads it");
    } else {
      refuse_on_apache(t, "a retention policy");
    }
    return c;
  }

  Change compression_enabled(const Table& t, const Compression& comp) {
    refuse_on_apache(t, "compression");
    Change c = mk(K::enable_compression, table_ref(t), "enable compression on " + table_ref(t) + compression_text(comp),
             {enable_compression_sql(t, comp)}, {decompress_all_sql(t), disable_compression_sql(t)});
    c.lock = Lock::access_exclusive;
    return c;
  }

  Change compression_policy_added(const Table& t, const Span& after) {
    refuse_on_apache(t, "a compression policy");
    return mk(K::add_compression_policy, table_ref(t),
                  fmt::format("add compression policy on {} (compress chunks older than {})", table_ref(t),
                              span_text(after)),
                  {add_compression_policy_sql(t, after)}, {remove_compression_policy_sql(t)});
  }

  // Everything a hypertable declares beyond its chunk interval, in the order it must be set up.
  std::vector<Change> timescale_additions(const Table& t) {
    std::vector<Change> out;
    if (!t.hypertable) return out;
    if (auto& comp = t.hypertable->compression) {
      out.push_back(compression_enabled(t, *comp));
      if (comp->after) out.push_back(compression_policy_added(t, *comp->after));
    }
    if (t.hypertable->retention) out.push_back(retention_added(t, *t.hypertable->retention));
    return out;
  }

  // The inverse of an addition: what the removal does is the addition's DOWN.
  static Change removal(Change c, const Table& t) {
    switch (c.kind) {
      case K::enable_compression: {
        Change r = inverse(std::move(c), K::disable_compression, "disable compression on " + table_ref(t));
        r.rewrites = true;
        r.note = "decompresses every compressed chunk first";
        return r;
      }
      case K::add_compression_policy:
        return inverse(std::move(c), K::remove_compression_policy, "remove compression policy on " + table_ref(t));
      default: {
        bool cron = !c.up.empty() && c.up[0].find("cron.") != std::string::npos;
        std::string what = cron ? "unschedule pg_cron retention on " : "remove retention policy on ";
        return inverse(std::move(c), K::remove_retention, what + table_ref(t));
      }
    }
  }

  // The table as it stands while hypertable conversions run: every column of `t` (the column phase is done),
  // and the constraints and indexes both sides share.
  static Table intermediate(const Table& f, const Table& t) {
    Table out = t;
    out.comment = f.comment;
    out.hypertable.reset();
    out.columns.clear();
    out.constraints.clear();
    out.indexes.clear();
    for (auto& c : f.columns)
      if (const Column* tc = t.column(c.name)) {
        out.columns.push_back(*tc);
        out.columns.back().comment = c.comment;
      }
    for (auto& c : t.columns)
      if (!f.column(c.name)) out.columns.push_back(c);
    for (const Constraint* k : sorted_by_name(f.constraints))
      if (kept_constraint(*k, &t)) out.constraints.push_back(*k);
    for (const Index* ix : sorted_by_name(f.indexes))
      if (kept_index(*ix, &t)) out.indexes.push_back(*ix);
    return out;
  }

  // Foreign keys of other tables that point at `t` while conversions run: kept ones, and those new tables
  // created inline.
  std::vector<InboundFk> inbound_fks(const Table& t) const {
    std::vector<InboundFk> out;
    for (const Table* u : sorted_by_name(to_.tables)) {
      if (u->schema == t.schema && u->name == t.name) continue;
      const Table* fu = from_.table(u->schema, u->name);
      for (const Constraint* k : sorted_by_name(u->constraints)) {
        if (k->kind != CK::foreign_key || k->ref_schema != t.schema || k->ref_table != t.name) continue;
        if (fu ? kept_constraint(*k, fu) : fk_target_ready(*u, *k, from_, to_)) out.push_back({u, k});
      }
    }
    return out;
  }

  Change hypertable_made(const Table& t, const std::vector<std::string>& rebuild) {
    Change c = mk(K::create_hypertable, table_ref(t),
             fmt::format("make {} a hypertable on {} (moves existing rows into chunks)", table_ref(t),
                         quote_ident(t.hypertable->time_column)),
             {create_hypertable_sql(t, true)}, rebuild);
    c.lock = Lock::access_exclusive;
    c.rewrites = true;
    c.note = "copies every row into chunks under ACCESS EXCLUSIVE; DOWN rebuilds a plain table";
    return c;
  }

  void plan_hypertable(const Table& f, const Table& t) {
    const auto& fh = f.hypertable;
    const auto& th = t.hypertable;
    if (!fh && !th) return;
    if (fh && th && fh->time_column == th->time_column) return alter_hypertable(f, t);
    auto rebuild = rebuild_plain_table_sql(intermediate(f, t), inbound_fks(t));
    if (fh) {
      for (auto& c : timescale_additions(f)) add(p_ts_removals, removal(std::move(c), f));
      Change c = inverse(hypertable_made(f, rebuild), K::drop_hypertable,
                         "rebuild " + table_ref(f) + " as a plain table (copies every row)");
      c.note = "copies every row into a new plain table under ACCESS EXCLUSIVE";
      add(p_conversions, std::move(c));
    }
    if (th) {
      add(p_conversions, hypertable_made(t, rebuild));
      for (auto& c : timescale_additions(t)) add(p_ts_settings, std::move(c));
    }
  }

  void alter_hypertable(const Table& f, const Table& t) {
    const Hypertable& a = *f.hypertable;
    const Hypertable& b = *t.hypertable;
    bool integer = (a.chunk_interval && a.chunk_interval->is_integer) || (b.chunk_interval && b.chunk_interval->is_integer);
    if (!integer || (a.chunk_interval && b.chunk_interval)) {
      Span old_i = a.chunk_interval.value_or(default_chunk_interval());
      Span new_i = b.chunk_interval.value_or(default_chunk_interval());
      if (!(old_i == new_i)) {
        Change c = mk(K::set_chunk_interval, table_ref(t),
                 fmt::format("set chunk interval of {} to {} (was {}; affects only chunks created from now on)",
                             table_ref(t), span_text(new_i), span_text(old_i)),
                 {set_chunk_interval_sql(t, new_i)}, {set_chunk_interval_sql(t, old_i)});
        add(p_ts_settings, std::move(c));
      }
    }
    alter_compression(f, t);
    alter_retention(f, t);
  }

  void alter_compression(const Table& f, const Table& t) {
    const auto& a = f.hypertable->compression;
    const auto& b = t.hypertable->compression;
    if (!a && !b) return;
    if (!a || !b) {
      Table with = a ? f : t;
      std::vector<Change> adds;
      adds.push_back(compression_enabled(with, a ? *a : *b));
      const auto& after = (a ? a : b)->after;
      if (after) adds.push_back(compression_policy_added(with, *after));
      if (b) {
        for (auto& c : adds) add(p_ts_settings, std::move(c));
      } else {
        std::reverse(adds.begin(), adds.end());
        for (auto& c : adds) add(p_ts_settings, removal(std::move(c), t));
      }
      return;
    }
    if (a->segment_by != b->segment_by || a->order_by != b->order_by) {
      refuse_on_apache(t, "compression");
      // Compressed chunks keep their old layout and block the change: decompress them, with the policy off.
      auto steps = [&](const Compression& from, const Compression& to) {
        std::vector<std::string> s;
        if (from.after) s.push_back(remove_compression_policy_sql(t));
        s.push_back(decompress_all_sql(t));
        s.push_back(enable_compression_sql(t, to, true));
        if (to.after) s.push_back(add_compression_policy_sql(t, *to.after));
        return s;
      };
      Change c = mk(K::change_compression, table_ref(t),
               "change compression settings of " + table_ref(t) + compression_text(*b), steps(*a, *b), steps(*b, *a));
      c.lock = Lock::access_exclusive;
      c.rewrites = true;
      c.note = "decompresses every compressed chunk first; the policy compresses them again";
      add(p_ts_settings, std::move(c));
      return;
    }
    if (a->after == b->after) return;
    if (!a->after) return add(p_ts_settings, compression_policy_added(t, *b->after));
    if (!b->after) return add(p_ts_settings, removal(compression_policy_added(t, *a->after), t));
    refuse_on_apache(t, "a compression policy");
    // add_compression_policy(if_not_exists) keeps a policy with other arguments: remove, then add.
    add(p_ts_settings, mk(K::change_compression_policy, table_ref(t),
                              fmt::format("change compression policy on {} to chunks older than {} (was {})",
                                          table_ref(t), span_text(*b->after), span_text(*a->after)),
                              {remove_compression_policy_sql(t), add_compression_policy_sql(t, *b->after)},
                              {remove_compression_policy_sql(t), add_compression_policy_sql(t, *a->after)}));
  }

  void alter_retention(const Table& f, const Table& t) {
    const auto& a = f.hypertable->retention;
    const auto& b = t.hypertable->retention;
    if (a == b) return;
    if (!a) return add(p_ts_settings, retention_added(t, *b));
    if (!b) return add(p_ts_settings, removal(retention_added(f, *a), t));
    Change on = retention_added(t, *b);
    Change off = retention_added(t, *a);
    Change c = mk(K::change_retention, table_ref(t),
             fmt::format("change retention of {} to {} (was {})", table_ref(t), span_text(*b), span_text(*a)),
             {off.down[0], on.up[0]}, {on.down[0], off.up[0]});
    c.note = on.note;
    if (b->total_micros() < a->total_micros() || (b->is_integer && b->integer < a->integer)) {
      c.note = "shorter retention: older chunks are dropped at the next run";
      warning(fmt::format("retention of {} shrinks from {} to {}: chunks older than {} are dropped at the next run",
                          table_ref(t), span_text(*a), span_text(*b), span_text(*b)),
              "", t.hypertable->loc);
    }
    add(p_ts_settings, std::move(c));
  }

  // --- comments -----------------------------------------------------------------------------------------------

  void plan_comments(const Table& f, const Table& t) {
    if (f.comment != t.comment)
      add(p_comments, comment_change("table " + table_ref(t), table_ref(t), comment_on_table_sql(t, t.comment),
                                     comment_on_table_sql(t, f.comment)));
    for (auto& c : t.columns)
      if (const Column* fc = f.column(c.name); fc && fc->comment != c.comment)
        add(p_comments, comment_change("column " + column_ref(t, c.name), column_ref(t, c.name),
                                       comment_on_column_sql(t, c.name, c.comment),
                                       comment_on_column_sql(t, c.name, fc->comment)));
    for (const Constraint* k : sorted_by_name(t.constraints)) {
      const Constraint* o = named(f.constraints, k->name);
      if (o && same_constraint(*o, *k) && o->comment != k->comment)
        add(p_comments, comment_change("constraint " + quote_ident(k->name) + " on " + table_ref(t),
                                       column_ref(t, k->name), comment_on_constraint_sql(t, k->name, k->comment),
                                       comment_on_constraint_sql(t, k->name, o->comment)));
    }
    for (const Index* ix : sorted_by_name(t.indexes)) {
      const Index* o = named(f.indexes, ix->name);
      if (o && same_index(*o, *ix) && o->comment != ix->comment)
        add(p_comments, comment_change("index " + quote_qualified(t.schema, ix->name),
                                       quote_qualified(t.schema, ix->name),
                                       comment_on_index_sql(t, ix->name, ix->comment),
                                       comment_on_index_sql(t, ix->name, o->comment)));
    }
  }

  // --- safety -------------------------------------------------------------------------------------------------

  void refuse_destructive(Plan& plan) const {
    if (opt_.allow_destructive) return;
    std::string list;
    size_t n = 0;
    for (auto& c : plan.changes)
      if (c.destructive) {
        list += "\n  - " + c.description;
        ++n;
      }
    if (n == 0) return;
    plan.diagnostics.push_back({Diagnostic::Severity::error, {},
                                fmt::format("the plan has {} destructive change{} that can lose data:{}", n,
                                            n == 1 ? "" : "s", list),
                                "review them, then re-run with --allow-destructive"});
  }
};

}  // namespace

const char* lock_name(Lock l) {
  switch (l) {
    case Lock::none: return "none";
    case Lock::share_update_exclusive: return "SHARE UPDATE EXCLUSIVE";
    case Lock::share: return "SHARE";
    case Lock::share_row_exclusive: return "SHARE ROW EXCLUSIVE";
    case Lock::access_exclusive: return "ACCESS EXCLUSIVE";
  }
  return "none";
}

const char* kind_name(Change::Kind k) {
  switch (k) {
    case K::create_schema: return "create_schema";
    case K::drop_schema: return "drop_schema";
    case K::create_extension: return "create_extension";
    case K::drop_extension: return "drop_extension";
    case K::create_enum: return "create_enum";
    case K::drop_enum: return "drop_enum";
    case K::rename_enum: return "rename_enum";
    case K::add_enum_values: return "add_enum_values";
    case K::recreate_enum: return "recreate_enum";
    case K::create_table: return "create_table";
    case K::drop_table: return "drop_table";
    case K::rename_table: return "rename_table";
    case K::add_column: return "add_column";
    case K::drop_column: return "drop_column";
    case K::rename_column: return "rename_column";
    case K::alter_column_type: return "alter_column_type";
    case K::alter_nullability: return "alter_nullability";
    case K::alter_default: return "alter_default";
    case K::alter_identity: return "alter_identity";
    case K::alter_generated: return "alter_generated";
    case K::add_constraint: return "add_constraint";
    case K::drop_constraint: return "drop_constraint";
    case K::validate_constraint: return "validate_constraint";
    case K::create_index: return "create_index";
    case K::drop_index: return "drop_index";
    case K::comment: return "comment";
    case K::create_hypertable: return "create_hypertable";
    case K::drop_hypertable: return "drop_hypertable";
    case K::set_chunk_interval: return "set_chunk_interval";
    case K::add_retention: return "add_retention";
    case K::change_retention: return "change_retention";
    case K::remove_retention: return "remove_retention";
    case K::enable_compression: return "enable_compression";
    case K::change_compression: return "change_compression";
    case K::disable_compression: return "disable_compression";
    case K::add_compression_policy: return "add_compression_policy";
    case K::change_compression_policy: return "change_compression_policy";
    case K::remove_compression_policy: return "remove_compression_policy";
  }
  return "unknown";
}

Plan diff(const Schema& from, const Schema& to, const DiffOptions& options) {
  return Planner(from, to, options).run();
}

namespace {
std::string script(const Plan& plan, bool up) {
  std::string out;
  auto emit = [&](const Change& c) {
    const auto& stmts = up ? c.up : c.down;
    if (stmts.empty()) return;
    if (!out.empty()) out += "\n";
    out += "-- " + std::string(up ? "" : "undo: ") + c.description;
    if (!c.transactional) out += " [outside a transaction]";
    out += "\n";
    for (auto& s : stmts) out += s + "\n";
  };
  if (up)
    for (auto& c : plan.changes) emit(c);
  else
    for (auto it = plan.changes.rbegin(); it != plan.changes.rend(); ++it) emit(*it);
  return out;
}
}  // namespace

std::string plan_up_sql(const Plan& plan) { return script(plan, true); }
std::string plan_down_sql(const Plan& plan) { return script(plan, false); }

}  // namespace schemac
