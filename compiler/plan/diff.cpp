// The planner as a whole (see diff_internal.hpp for how its parts are split): shared helpers, renames, schemas,
// extensions, enums, comments, the destructive check, and the UP/DOWN scripts.
#include "plan/diff.hpp"

#include <algorithm>
#include <cctype>

#include "plan/diff_internal.hpp"
#include "sql/names.hpp"
#include "sql/parser.hpp"
#include "sql/script.hpp"

namespace schemac {
namespace diff_detail {

bool is_drop_phase(int p) {
  return (p >= p_ts_removals && p <= p_drop_columns) || p >= p_drop_enums;
}

std::string column_ref(const Table& t, const std::string& column) { return table_ref(t) + "." + quote_ident(column); }

Change mk(K kind, Target target, Fact from, Fact to, std::string description, std::vector<std::string> up,
          std::vector<std::string> down) {
  Change c;
  c.kind = kind;
  c.target = std::move(target);
  c.from = std::move(from);
  c.to = std::move(to);
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

bool same_constraint(const Constraint& a, const Constraint& b) {
  // A check's columns are what check read off an inline form; the catalog does not keep them: compare the text.
  return a.kind == b.kind && (a.kind == CK::check || a.columns == b.columns) && a.check_expr == b.check_expr &&
         (a.kind != CK::foreign_key ||
          (a.ref_schema == b.ref_schema && a.ref_table == b.ref_table && a.ref_columns == b.ref_columns &&
           a.on_delete == b.on_delete && a.on_update == b.on_update && a.match_full == b.match_full)) &&
         a.deferrable == b.deferrable && a.initially_deferred == b.initially_deferred &&
         a.no_inherit == b.no_inherit && a.nulls_not_distinct == b.nulls_not_distinct;
}

bool same_key(const IndexKey& a, const IndexKey& b) {
  return a.column == b.column && a.expr == b.expr && a.desc == b.desc && a.nulls == b.nulls &&
         a.opclass == b.opclass && a.collation == b.collation;
}

bool same_storage(std::vector<std::pair<std::string, std::string>> a, std::vector<std::pair<std::string, std::string>> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b;
}

bool same_index(const Index& a, const Index& b) {
  return !a.invalid && !b.invalid && a.unique == b.unique && a.method == b.method && a.include == b.include &&
         a.where == b.where && a.nulls_not_distinct == b.nulls_not_distinct && same_storage(a.storage, b.storage) &&
         std::equal(a.keys.begin(), a.keys.end(), b.keys.begin(), b.keys.end(), same_key);
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
  const SqlParse& p = parse_expression(expr);
  return p.ok() && calls_volatile_function(p.tree);
}


// Replaces the identifier `old` by `now` in SQL text the server printed: bare or double-quoted tokens, never
// inside string literals or as part of a longer name.
void rename_identifier(std::string& text, const std::string& old, const std::string& now) {
  auto ident_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || (c & 0x80); };
  std::string out;
  bool changed = false;
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '\'') {  // a string literal, '' inside
      size_t j = i + 1;
      while (j < text.size() && !(text[j] == '\'' && (j + 1 >= text.size() || text[j + 1] != '\''))) j += text[j] == '\'' ? 2 : 1;
      out.append(text, i, j + 1 - i);
      i = j + 1;
    } else if (c == '"') {
      std::string name;
      size_t j = i + 1;
      for (; j < text.size(); ++j) {
        if (text[j] == '"') {
          if (j + 1 < text.size() && text[j + 1] == '"') { name += '"'; ++j; continue; }
          break;
        }
        name += text[j];
      }
      bool hit = name == old && (i == 0 || text[i - 1] != '.');
      out += hit ? quote_ident(now) : text.substr(i, j + 1 - i);
      changed |= hit;
      i = j + 1;
    } else if (ident_char(c) && !std::isdigit(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < text.size() && ident_char(text[j])) ++j;
      std::string word = text.substr(i, j - i);
      bool hit = word == old && (i == 0 || text[i - 1] != '.') && (j >= text.size() || text[j] != '(');
      out += hit ? quote_ident(now) : word;
      changed |= hit;
      i = j;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < text.size() && ident_char(text[j])) ++j;
      out.append(text, i, j - i);
      i = j;
    } else {
      out += c;
      ++i;
    }
  }
  if (changed) text = std::move(out);
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
    for (auto& o : c.order_by) q.push_back(order_item_sql(o));
    parts.push_back("order by " + join(q));
  }
  return parts.empty() ? "" : " (" + join(parts, "; ") + ")";
}

// --- renames ------------------------------------------------------------------------------------------------

// An object of `to` that does not exist in `from` but names one in renamed_from that exists in `from` and no
// longer in `to` was renamed. After this, from_ uses the new names everywhere, so the rest compares by name.
void Planner::apply_renames() {
  for (const Enum* e : sorted_by_name(to_.enums)) rename_enum(*e);
  for (const Sequence* q : sorted_by_name(to_.sequences)) rename_sequence(*q);
  for (const Table* t : sorted_by_name(to_.tables)) rename_table(*t);
  NameIndex<Table> from_tables(from_.tables);
  for (const Table* t : sorted_by_name(to_.tables))
    if (Table* f = from_tables.find(t->schema, t->name))
      for (auto& c : t->columns) rename_column(*f, *t, c);
  if (renamed_.empty()) return;
  std::sort(renamed_.begin(), renamed_.end(), [](const Renamed& a, const Renamed& b) {
    return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
  });
  for (auto& u : from_.tables) {
    relations_.insert({u.schema, u.name});
    for (auto& ix : u.indexes) relations_.insert({u.schema, ix.name});
    for (auto& k : u.constraints)
      if (k.index_backed()) relations_.insert({u.schema, k.name});
  }
  NameIndex<const Table> to_tables(to_.tables);
  for (const Renamed& r : renamed_)
    rename_derived_names(*from_tables.find(r.schema, r.name), *to_tables.find(r.schema, r.name), r.before);
}

// Called before each rename in table `f`, whose name in `to_` is `now`: keeps the table as it was before the first.
void Planner::note_renamed(const Table& f, const std::string& now) {
  for (auto& r : renamed_)
    if (r.schema == f.schema && r.name == now) return;
  renamed_.push_back({f.schema, now, f});
}

void Planner::rename_enum(const Enum& e) {
  if (from_.find_enum(e.schema, e.name)) return;
  for (auto& old : e.renamed_from) {
    auto it = std::find_if(from_.enums.begin(), from_.enums.end(),
                           [&](auto& x) { return x.schema == e.schema && x.name == old; });
    if (it == from_.enums.end() || to_.find_enum(e.schema, old)) continue;
    Change c = mk(K::rename_enum, Target::of_enum(e), old, e.name,
             fmt::format("rename enum {} to {}", quote_qualified(e.schema, old), quote_ident(e.name)),
             {rename_enum_sql(e.schema, old, e.name)}, {rename_enum_sql(e.schema, e.name, old)});
    add(p_renames, std::move(c));
    it->name = e.name;
    // The catalog's expressions name the type in casts ('a'::old_name): the rename changes them too.
    std::string prefix = e.schema == "public" ? "" : quote_ident(e.schema) + ".";
    std::string from_cast = "::" + prefix + quote_ident(old), to_cast = "::" + prefix + quote_ident(e.name);
    auto recast = [&](std::string& text) {
      for (size_t at = text.find(from_cast); at != std::string::npos; at = text.find(from_cast, at)) {
        size_t end = at + from_cast.size();
        char next = end < text.size() ? text[end] : ' ';
        if (std::isalnum(static_cast<unsigned char>(next)) || next == '_' || next == '$') {
          at = end;
          continue;
        }
        text.replace(at, from_cast.size(), to_cast);
        at += to_cast.size();
      }
    };
    for (auto& t : from_.tables) {
      for (auto& col : t.columns) {
        if (col.type.schema == e.schema && col.type.name == old) col.type.name = e.name;
        if (col.default_expr) recast(*col.default_expr);
        if (col.generated_expr) recast(*col.generated_expr);
      }
      for (auto& k : t.constraints) recast(k.check_expr);
      for (auto& ix : t.indexes) {
        recast(ix.where);
        for (auto& key : ix.keys) recast(key.expr);
      }
    }
    return;
  }
}

void Planner::rename_table(const Table& t) {
  if (t.renamed_from.empty() || from_.table(t.schema, t.name)) return;
  for (auto& old : t.renamed_from) {
    Table* f = from_.table(t.schema, old);
    if (!f || to_.table(t.schema, old)) continue;
    Change c = mk(K::rename_table, Target::of_table(t), old, t.name,
             fmt::format("rename table {} to {}", quote_qualified(t.schema, old), quote_ident(t.name)),
             {rename_table_sql(t.schema, old, t.name)}, {rename_table_sql(t.schema, t.name, old)});
    c.lock = Lock::access_exclusive;
    add(p_renames, std::move(c));
    note_renamed(*f, t.name);
    renamed_tables_[{t.schema, t.name}] = old;
    f->name = t.name;
    for (auto& u : from_.tables)
      for (auto& k : u.constraints)
        if (k.kind == CK::foreign_key && k.ref_schema == t.schema && k.ref_table == old) k.ref_table = t.name;
    return;
  }
}

void Planner::rename_column(Table& f, const Table& t, const Column& c) {
  if (f.column(c.name)) return;
  for (auto& old : c.renamed_from) {
    Column* fc = f.column(old);
    if (!fc || t.column(old)) continue;
    Change ch = mk(K::rename_column, Target::of_column(t, c.name), old, c.name,
              fmt::format("rename column {} to {}", column_ref(t, old), quote_ident(c.name)),
              {rename_column_sql(t, old, c.name)}, {rename_column_sql(t, c.name, old)});
    ch.lock = Lock::access_exclusive;
    add(p_renames, std::move(ch));
    note_renamed(f, f.name);
    fc->name = c.name;
    rename_column_uses(f, old, c.name);
    return;
  }
}

// PostgreSQL follows a renamed column everywhere by number; the model names it, so follow it by hand.
void Planner::rename_column_uses(Table& f, const std::string& old, const std::string& now) {
  auto fix = [&](std::string& s) {
    if (s == old) s = now;
  };
  // Expressions name columns too; the server's text is rewritten by the rename, so the model's must be.
  auto fix_expr = [&](std::string& text) { rename_identifier(text, old, now); };
  for (auto& col : f.columns) {
    if (col.default_expr) fix_expr(*col.default_expr);
    if (col.generated_expr) fix_expr(*col.generated_expr);
  }
  for (auto& k : f.constraints) {
    for (auto& col : k.columns) fix(col);
    fix_expr(k.check_expr);
  }
  for (auto& ix : f.indexes) {
    for (auto& key : ix.keys) {
      fix(key.column);
      fix_expr(key.expr);
    }
    for (auto& col : ix.include) fix(col);
    fix_expr(ix.where);
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

// PostgreSQL keeps the names of constraints and indexes when their table or a column is renamed, but the
// declaration now derives new default names (trades_pkey -> fills_pkey). Where the definition is unchanged the
// object is renamed: dropping and re-creating it would rebuild its index and leave the table without it (and
// its guarantee) in between. Objects are paired by definition; a name that is taken leaves the pair to the
// ordinary drop and create.
void Planner::rename_derived_names(Table& f, const Table& t, const Table& before) {
  std::vector<Constraint*> old_constraints;
  for (auto& k : f.constraints)
    if (!named(t.constraints, k.name)) old_constraints.push_back(&k);
  std::sort(old_constraints.begin(), old_constraints.end(), [](auto* a, auto* b) { return a->name < b->name; });
  for (Constraint* k : old_constraints)
    for (const Constraint* n : sorted_by_name(t.constraints)) {
      if (!same_constraint(*k, *n) || named(f.constraints, n->name) ||
          (k->index_backed() && relation_taken(f.schema, n->name)))
        continue;
      Change c = mk(K::rename_constraint, Target::of_constraint(t, n->name), k->name, n->name,
                    fmt::format("rename constraint {} on {} to {}", quote_ident(k->name), table_ref(t),
                                quote_ident(n->name)),
                    {rename_constraint_sql(t, k->name, n->name)}, {rename_constraint_sql(t, n->name, k->name)});
      c.lock = Lock::access_exclusive;
      if (k->index_backed()) {
        c.note = "renames its index too; nothing is rebuilt";
        relation_renamed(f.schema, k->name, n->name);
      }
      add(p_renames, std::move(c));
      k->name = n->name;
      break;
    }
  std::vector<Index*> old_indexes;
  for (auto& ix : f.indexes)
    if (!named(t.indexes, ix.name)) old_indexes.push_back(&ix);
  std::sort(old_indexes.begin(), old_indexes.end(), [](auto* a, auto* b) { return a->name < b->name; });
  for (Index* ix : old_indexes) {
    std::string now;
    for (const Index* n : sorted_by_name(t.indexes))
      if (same_index(*ix, *n) && !relation_taken(f.schema, n->name)) {
        now = n->name;
        break;
      }
    // create_hypertable's own time index is never declared: it follows the table's and the column's new names.
    const Index* was = named(before.indexes, ix->name);  // its keys as they were named before the renames
    if (now.empty() && t.hypertable && f.hypertable && was && is_timescale_default_index(before, *was)) {
      Index renamed = *ix;
      renamed.name = make_object_name(f.name, f.hypertable->time_column, "idx");
      if (is_timescale_default_index(f, renamed) && !relation_taken(f.schema, renamed.name)) now = renamed.name;
    }
    if (now.empty()) continue;
    Change c = mk(K::rename_index, Target::of_index(t, now), ix->name, now,
                  fmt::format("rename index {} to {}", quote_qualified(t.schema, ix->name), quote_ident(now)),
                  {rename_index_sql(t.schema, ix->name, now)}, {rename_index_sql(t.schema, now, ix->name)});
    c.lock = Lock::share_update_exclusive;
    c.note = "nothing is rebuilt";
    add(p_renames, std::move(c));
    relation_renamed(f.schema, ix->name, now);
    ix->name = now;
  }
}

bool Planner::relation_taken(const std::string& schema, const std::string& name) const {
  return relations_.count({schema, name}) > 0;
}

void Planner::relation_renamed(const std::string& schema, const std::string& old, const std::string& now) {
  relations_.erase({schema, old});
  relations_.insert({schema, now});
}

// --- schemas and extensions -------------------------------------------------------------------------------

Change Planner::schema_created(const Namespace& n) {
  Change c = mk(K::create_schema, Target::of_schema(n.name), {}, n, "create schema " + quote_ident(n.name),
           {create_schema_sql(n.name)}, {drop_schema_sql(n.name)});
  if (!n.comment.empty()) c.up.push_back(comment_on_schema_sql(n.name, n.comment));
  return c;
}

void Planner::plan_namespaces() {
  for (const Namespace* n : sorted_by_name(to_.namespaces)) {
    const Namespace* f = from_.find_namespace(n->name);
    if (!f) add(p_schemas, schema_created(*n));
    else if (f->comment != n->comment)
      add(p_comments, comment_change("schema " + quote_ident(n->name), Target::of_schema(n->name), f->comment,
                                     n->comment, comment_on_schema_sql(n->name, n->comment),
                                     comment_on_schema_sql(n->name, f->comment)));
  }
  for (const Namespace* f : sorted_by_name(from_.namespaces))
    if (!to_.find_namespace(f->name)) {
      Change c = inverse(schema_created(*f), K::drop_schema, "drop schema " + quote_ident(f->name));
      c.destructive = true;
      add(p_drop_schemas, std::move(c));
    }
}

Change Planner::extension_created(const Extension& e) {
  return mk(K::create_extension, Target::of_extension(e.name), {}, e, "create extension " + quote_ident(e.name),
                {create_extension_marked_sql(e)}, {drop_extension_if_marked_sql(e)});
}

void Planner::plan_extensions() {
  // "" is the extension's default schema, which for those schemac knows (timescaledb) is public.
  auto where = [](const Extension& e) { return e.schema.empty() ? std::string("public") : e.schema; };
  for (const Extension* e : sorted_by_name(to_.extensions)) {
    const Extension* f = named(from_.extensions, e->name);
    if (!f) add(p_extensions, extension_created(*e));
    else if (where(*f) != where(*e))
      // CREATE EXTENSION IF NOT EXISTS would do nothing, and every call through the declared schema would fail.
      error(fmt::format("extension {} is in schema {}, but the declaration puts it in schema {}",
                        quote_ident(e->name), quote_ident(where(*f)), quote_ident(where(*e))),
            fmt::format("declare `extension {} schema {}` (TimescaleDB cannot be moved once installed)",
                        e->name, where(*f)),
            e->loc);
  }
  for (const Extension* e : sorted_by_name(from_.extensions))
    if (!named(to_.extensions, e->name)) {
      // A declared removal drops it whoever made it; its DOWN puts it back.
      Change c = mk(K::drop_extension, Target::of_extension(e->name), *e, {}, "drop extension " + quote_ident(e->name),
                    {drop_extension_sql(*e)}, {create_extension_sql(*e)});
      c.destructive = true;  // dropping an extension drops the types, functions and data that belong to it
      add(p_drop_extensions, std::move(c));
    }
}

Change Planner::comment_change(const std::string& what, Target target, const std::string& from,
                               const std::string& to, std::string up, std::string down) {
  return mk(K::comment, std::move(target), from, to, "comment on " + what, {std::move(up)}, {std::move(down)});
}

// --- enums --------------------------------------------------------------------------------------------------

Change Planner::enum_created(const Enum& e) {
  Change c = mk(K::create_enum, Target::of_enum(e), {}, e, "create enum " + quote_qualified(e.schema, e.name),
           {create_enum_sql(e)}, {drop_enum_sql(e)});
  if (!e.comment.empty()) c.up.push_back(comment_on_enum_sql(e, e.comment));
  return c;
}

void Planner::plan_enums() {
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
std::vector<EnumUse> Planner::enum_uses(const Enum& e) const {
  std::vector<EnumUse> out;
  for (const Table* t : sorted_by_name(from_.tables)) {
    const Table* after = table_in(to_, t->schema, t->name);
    if (!after) continue;
    for (auto& c : t->columns)
      if (c.type.schema == e.schema && c.type.name == e.name && after->column(c.name)) out.push_back({t, &c});
  }
  return out;
}

void Planner::alter_enum(const Enum& f, const Enum& e) {
  std::string object = quote_qualified(e.schema, e.name);
  if (f.comment != e.comment)
    add(p_comments, comment_change("enum " + object, Target::of_enum(e), f.comment, e.comment, comment_on_enum_sql(e, e.comment),
                                   comment_on_enum_sql(e, f.comment)));
  if (f.values == e.values) return;
  auto uses = enum_uses(e);
  Enum old = e;
  old.values = f.values;
  old.comment = f.comment;  // DOWN recreates the type after the comment change was undone
  // Only additions, in the same relative order: ADD VALUE each. Otherwise the type must be recreated.
  std::vector<std::string> kept;
  for (auto& v : e.values)
    if (std::find(f.values.begin(), f.values.end(), v) != f.values.end()) kept.push_back(v);
  if (kept == f.values) {
    Change c = mk(K::add_enum_values, Target::of_enum(e), f, e, "", {}, recreate_enum_sql(old, uses));
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
  Change c = mk(K::recreate_enum, Target::of_enum(e), f, e,
           fmt::format("recreate enum {} ({})", object,
                       removed.empty() ? "values reordered" : "removes " + join(removed)),
           recreate_enum_sql(e, uses), recreate_enum_sql(old, uses));
  // Not destructive even when it removes values: its guard fails, changing nothing, while a row holds one.
  c.lock = uses.empty() ? Lock::none : Lock::access_exclusive;
  c.rewrites = !uses.empty();
  c.note = removed.empty() ? "rewrites every table that uses the type"
                           : "first scans every table that uses the type and fails, changing nothing, if a row "
                             "still holds a removed value; rewrites every table that uses the type";
  add(p_enums, std::move(c));
}

// --- comments -----------------------------------------------------------------------------------------------

void Planner::plan_comments(const Table& f, const Table& t) {
  if (f.comment != t.comment)
    add(p_comments, comment_change("table " + table_ref(t), Target::of_table(t), f.comment, t.comment, comment_on_table_sql(t, t.comment),
                                   comment_on_table_sql(t, f.comment)));
  for (auto& c : t.columns)
    if (const Column* fc = f.column(c.name); fc && fc->comment != c.comment)
      add(p_comments, comment_change("column " + column_ref(t, c.name), Target::of_column(t, c.name), fc->comment, c.comment,
                                     comment_on_column_sql(t, c.name, c.comment),
                                     comment_on_column_sql(t, c.name, fc->comment)));
  for (const Constraint* k : sorted_by_name(t.constraints)) {
    const Constraint* o = named(f.constraints, k->name);
    if (o && same_constraint(*o, *k) && o->comment != k->comment)
      add(p_comments, comment_change("constraint " + quote_ident(k->name) + " on " + table_ref(t),
                                     Target::of_constraint(t, k->name), o->comment, k->comment,
                                     comment_on_constraint_sql(t, k->name, k->comment),
                                     comment_on_constraint_sql(t, k->name, o->comment)));
  }
  for (const Index* ix : sorted_by_name(t.indexes)) {
    const Index* o = named(f.indexes, ix->name);
    if (o && same_index(*o, *ix) && o->comment != ix->comment)
      add(p_comments, comment_change("index " + quote_qualified(t.schema, ix->name),
                                     Target::of_index(t, ix->name), o->comment, ix->comment,
                                     comment_on_index_sql(t, ix->name, ix->comment),
                                     comment_on_index_sql(t, ix->name, o->comment)));
  }
}

// --- safety -------------------------------------------------------------------------------------------------

void Planner::refuse_destructive(Plan& plan) const {
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

}  // namespace diff_detail

using diff_detail::Planner;

Plan diff(const Schema& from, const Schema& to, const DiffOptions& options) {
  return Planner(from, to, options).run();
}

namespace {
// The changes as script steps (script.hpp lays them out in sections): DOWN undoes them in reverse order.
std::string script(const Plan& plan, bool up) {
  std::vector<ScriptStep> steps;
  auto step = [&](const Change& c) {
    std::vector<std::string> comments{std::string(up ? "" : "undo: ") + c.description};
    if (!up && !c.down_note.empty()) comments.push_back(c.down_note);
    steps.push_back({std::move(comments), up ? c.up : c.down, c.transactional, c.own_transaction});
  };
  if (up)
    for (auto& c : plan.changes) step(c);
  else
    for (auto it = plan.changes.rbegin(); it != plan.changes.rend(); ++it) step(*it);
  return render_script(steps);
}
}  // namespace

std::string plan_up_sql(const Plan& plan) { return script(plan, true); }
std::string plan_down_sql(const Plan& plan) { return script(plan, false); }

}  // namespace schemac
