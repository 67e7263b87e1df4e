#include "random_schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "dsl/print.hpp"
#include "model/quote.hpp"

namespace schemac::test {

namespace {

using CK = Constraint::Kind;

struct GType {
  std::string name;  // a canonical built-in name; empty for an enum
  std::vector<int64_t> mods;
  int enum_id = -1;
  int dims = 0;
};

struct GCol {
  int id = 0;
  std::string name;
  GType type;
  bool nullable = false;
  int def = -1;  // a choice among the defaults of the type's family; -1 = none
  Identity identity = Identity::none;
  bool collate_c = false;  // text family: COLLATE "C"
  std::string comment;
  std::vector<std::string> renamed_from;
};

struct GCon {
  CK kind = CK::check;
  std::string name;       // empty = PostgreSQL's default
  std::vector<int> cols;  // column ids (local side)
  int ref_table = -1;     // foreign key: the target table's id (its primary key columns)
  FkAction on_delete = FkAction::no_action;
  FkAction on_update = FkAction::no_action;
  int form = 0;  // check: which expression
  bool deferrable = false, initially_deferred = false;  // unique, foreign key
  bool match_full = false;                              // foreign key
  bool no_inherit = false;                              // check
  bool nulls_not_distinct = false;                      // unique
  std::string comment;
};

struct GKey {
  int col = -1;
  bool expr = false;  // an expression over the column instead of the column
  bool desc = false;
  NullsOrder nulls = NullsOrder::implied;
};

struct GIdx {
  std::string name;
  bool unique = false;
  std::string method = "btree";
  std::vector<GKey> keys;
  std::vector<int> include;
  int where_col = -1;
  bool storage = false;  // btree: fillfactor = 70; gin: fastupdate = off
  std::string comment;
};

struct GTable {
  int id = 0;
  bool in_ns = false;  // in the second schema instead of public
  std::string name;
  std::vector<GCol> cols;
  std::vector<GCon> cons;
  std::vector<GIdx> idx;
  int storage = 0;  // 0 none, 1 fillfactor = 80, 2 and autovacuum_vacuum_scale_factor = 0.02
  std::string comment;
  std::vector<std::string> renamed_from;
};

struct GEnum {
  int id = 0;
  bool in_ns = false;
  std::string name;
  std::vector<std::string> values;
  std::string comment;
  std::vector<std::string> renamed_from;
};

// Known compiler bugs the property test found (see the commit message of the generator's extension); each flag
// turns on the construct that shows it. Set it to true to reproduce (SCHEMAC_RANDOM_ONLY=8 for the first, 17 for
// the second, with the default seed), and back on for good once the bug is fixed.
// - kCheckNoInherit (fixed, on for good): a table-level `check (...) no inherit` right after the columns was read
//   back with `no` as a column of type `inherit` when enough items followed it (the grammar's inline reading won
//   by dynamic precedence); an inline check now takes constraint options too and outweighs that reading.
// - kExprOnCollatedColumn (fixed, on for good): an expression index key lower(col) on a column with COLLATE "C"
//   was read back as `lower(col::text) collate C` (the key's collation compared with the default, as there is no
//   column), so the plan never became empty (drop + create the index forever); inspect now keeps an expression
//   key's collation only when the index definition prints it, i.e. when it is not the expression's own.
constexpr bool kCheckNoInherit = true;
constexpr bool kExprOnCollatedColumn = true;

const std::vector<std::string> kHostileTables = {"Order", "select", "user", "My Table", "quote\"d", "café", "UPPER",
                                                 "from", "table"};
const std::vector<std::string> kHostileColumns = {"check", "index",     "primary",   "default", "order", "user",
                                                  "Mixed Col", "a\"b", "naïve", "timestamp", "key",     "name",
                                                  "unique", "references", "Select"};
const std::vector<std::string> kHostileEnums = {"Status", "order status", "type", "e\"q"};
const std::vector<std::string> kLabels = {"new", "done", "PARTIALLY_FILLED", "it's", "two words", "x", "y", "z",
                                          "a-b", "ÄÖ", "1m"};
const std::vector<std::string> kComments = {"plain words", "it's quoted", "two\nlines", "ünïcode ✓", "a -- b"};

bool family_int(const GType& t) {
  return t.dims == 0 && t.enum_id < 0 &&
         (t.name == "smallint" || t.name == "int" || t.name == "bigint" || t.name == "serial" || t.name == "bigserial");
}
bool family_serial(const GType& t) { return t.dims == 0 && (t.name == "serial" || t.name == "bigserial"); }
bool family_num(const GType& t) {
  return family_int(t) || (t.dims == 0 && (t.name == "numeric" || t.name == "real" || t.name == "double precision"));
}
bool family_text(const GType& t) {
  return t.dims == 0 && (t.name == "text" || t.name == "varchar" || t.name == "char");
}

std::vector<std::string> defaults_for(const GType& t, const std::vector<GEnum>& enums) {
  if (t.dims) return {"'{}'"};
  if (t.enum_id >= 0) {
    for (auto& e : enums)
      if (e.id == t.enum_id && !e.values.empty()) return {quote_literal(e.values[0])};
    return {};
  }
  if (family_serial(t)) return {};
  if (family_int(t)) return {"0", "42", "-1"};
  if (family_num(t)) return {"0", "1.5", "-2.25"};
  if (t.name == "char") return {"'x'", "''"};
  if (family_text(t)) return {"'x'", "'it''s'", "''"};
  if (t.name == "bool") return {"true", "false"};
  if (t.name == "timestamptz") return {"now()", "CURRENT_TIMESTAMP"};
  if (t.name == "timestamp") return {"now()"};
  if (t.name == "date") return {"CURRENT_DATE", "'2024-01-01'"};
  if (t.name == "time") return {"'12:00'"};
  if (t.name == "interval") return {"'1 day'"};
  if (t.name == "uuid") return {"gen_random_uuid()"};
  if (t.name == "jsonb") return {"'{}'::jsonb", "'[]'"};
  if (t.name == "inet") return {"'127.0.0.1'"};
  return {};
}

}  // namespace

struct RandomSchema::State {
  std::mt19937_64 rng;
  int next_id = 1;
  std::string ns = "app";
  std::vector<GEnum> enums;
  std::vector<GTable> tables;
  std::vector<std::string> log;

  explicit State(uint64_t seed) : rng(seed) {}

  // ---- randomness ----
  int below(int n) { return n <= 0 ? 0 : static_cast<int>(rng() % static_cast<uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }
  template <class T>
  const T& pick(const std::vector<T>& v) { return v[below(static_cast<int>(v.size()))]; }

  // ---- lookups ----
  GTable* table_by_id(int id) {
    for (auto& t : tables)
      if (t.id == id) return &t;
    return nullptr;
  }
  const GTable* table_by_id(int id) const { return const_cast<State*>(this)->table_by_id(id); }
  static GCol* col_by_id(GTable& t, int id) {
    for (auto& c : t.cols)
      if (c.id == id) return &c;
    return nullptr;
  }
  static const GCol* col_by_id(const GTable& t, int id) { return col_by_id(const_cast<GTable&>(t), id); }
  static const GCon* pk_of(const GTable& t) {
    for (auto& c : t.cons)
      if (c.kind == CK::primary_key) return &c;
    return nullptr;
  }
  std::string schema_of(bool in_ns) const { return in_ns ? ns : "public"; }

  // ---- names ----
  bool table_name_taken(bool in_ns, const std::string& n) const {
    for (auto& t : tables)
      if (t.in_ns == in_ns && t.name == n) return true;
    for (auto& e : enums)
      if (e.in_ns == in_ns && e.name == n) return true;
    return false;
  }
  std::string new_rel_name(bool in_ns, const std::vector<std::string>& hostile, const char* prefix) {
    if (chance(15)) {
      std::string n = pick(hostile);
      if (!table_name_taken(in_ns, n)) return n;
    }
    return fmt::format("{}{}", prefix, next_id++);
  }
  std::string new_col_name(const GTable& t) {
    auto taken = [&](const std::string& n) {
      return std::any_of(t.cols.begin(), t.cols.end(), [&](auto& c) { return c.name == n; });
    };
    if (chance(12)) {
      std::string n = pick(kHostileColumns);
      if (!taken(n)) return n;
    }
    return fmt::format("c{}", next_id++);
  }
  std::string new_comment() { return chance(25) ? pick(kComments) : std::string(); }

  // ---- types ----
  GType random_type(bool allow_enum = true) {
    GType t;
    int r = below(100);
    if (allow_enum && r < 10 && !enums.empty()) {
      t.enum_id = pick(enums).id;
      return t;
    }
    static const std::vector<std::string> kNames = {"smallint", "int",  "bigint",      "numeric", "real",
                                                    "double precision", "text", "varchar", "char",  "bool",
                                                    "timestamptz",      "timestamp", "date", "time", "interval",
                                                    "uuid",             "jsonb",  "bytea", "inet"};
    t.name = pick(kNames);
    if (t.name == "numeric" && chance(70)) {
      int64_t p = 5 + below(30);
      t.mods = {p, below(static_cast<int>(p) - 2)};  // room for the defaults' digits before the point
    }
    if (t.name == "varchar" && chance(80)) t.mods = {static_cast<int64_t>(8 + below(200))};
    if (t.name == "char") t.mods = {static_cast<int64_t>(1 + below(10))};
    if (chance(8) && (t.name == "text" || t.name == "int")) t.dims = 1;
    return t;
  }

  Type model_type(const GType& g) const {
    Type t;
    if (g.enum_id >= 0) {
      for (auto& e : enums)
        if (e.id == g.enum_id) {
          t.schema = schema_of(e.in_ns);
          t.name = e.name;
        }
    } else {
      t.name = g.name;
      t.mods = g.mods;
    }
    t.array_dims = g.dims;
    return t;
  }

  // ---- building ----
  GCol new_column(GTable& t, GType type) {
    GCol c;
    c.id = next_id++;
    c.name = new_col_name(t);
    c.type = std::move(type);
    c.nullable = !family_serial(c.type) && chance(45);
    if (chance(30)) c.def = below(3);
    c.comment = new_comment();
    return c;
  }

  void add_pk(GTable& t) {
    GCon pk;
    pk.kind = CK::primary_key;
    if (chance(10)) pk.name = fmt::format("pk{}", next_id++);
    int r = below(100);
    if (r < 30) {
      GType ty;
      ty.name = chance(50) ? "int" : "bigint";
      GCol c = new_column(t, ty);
      c.identity = chance(50) ? Identity::by_default : Identity::always;
      c.def = -1;
      c.nullable = false;
      t.cols.insert(t.cols.begin(), c);
      pk.cols = {c.id};
    } else if (r < 50) {
      GType ty;
      ty.name = chance(50) ? "serial" : "bigserial";
      GCol c = new_column(t, ty);
      c.def = -1;
      c.nullable = false;
      t.cols.insert(t.cols.begin(), c);
      pk.cols = {c.id};
    } else {
      int n = chance(25) ? 2 : 1;
      for (int i = 0; i < n; ++i) {
        GType ty;
        ty.name = pick(std::vector<std::string>{"uuid", "text", "int", "bigint", "date", "varchar"});
        if (ty.name == "varchar") ty.mods = {40};
        GCol c = new_column(t, ty);
        c.nullable = false;
        t.cols.insert(t.cols.begin() + i, c);
        pk.cols.push_back(c.id);
      }
    }
    t.cons.insert(t.cons.begin(), pk);
  }

  bool add_check(GTable& t) {
    if (t.cols.empty()) return false;
    GCon k;
    k.kind = CK::check;
    const GCol& c = pick(t.cols);
    k.cols = {c.id};
    k.form = below(3);
    if (k.form == 2) {
      if (t.cols.size() < 2) return false;
      const GCol& d = pick(t.cols);
      if (d.id == c.id) return false;
      k.cols.push_back(d.id);
    }
    if (chance(30)) k.name = fmt::format("chk{}", next_id++);
    k.no_inherit = kCheckNoInherit && chance(15);
    k.comment = chance(10) ? pick(kComments) : "";
    t.cons.push_back(k);
    return true;
  }

  bool add_unique(GTable& t) {
    if (t.cols.empty()) return false;
    GCon k;
    k.kind = CK::unique;
    std::set<int> ids;
    int n = chance(30) ? 2 : 1;
    for (int i = 0; i < n; ++i) ids.insert(pick(t.cols).id);
    for (auto& c : t.cols)
      if (ids.count(c.id)) k.cols.push_back(c.id);
    for (auto& o : t.cons)
      if ((o.kind == CK::unique || o.kind == CK::primary_key) && o.cols == k.cols) return false;
    if (chance(15)) k.name = fmt::format("uq{}", next_id++);
    random_key_options(k);
    t.cons.push_back(k);
    return true;
  }

  // Options of a unique constraint or a foreign key (a primary key may be the target of a foreign key, which
  // PostgreSQL refuses when it is deferrable: primary keys get none).
  void random_key_options(GCon& k) {
    k.deferrable = chance(15);
    k.initially_deferred = k.deferrable && chance(50);
    if (k.kind == CK::foreign_key) k.match_full = chance(15);
    if (k.kind == CK::unique) k.nulls_not_distinct = chance(15);
  }

  // Toggles one option of a constraint; false when it has none to toggle.
  bool toggle_option(GCon& k) {
    if (k.kind == CK::check) {
      if (!kCheckNoInherit) return false;
      k.no_inherit = !k.no_inherit;
      return true;
    }
    if (k.kind != CK::unique && k.kind != CK::foreign_key) return false;
    switch (below(3)) {
      case 0:
        k.deferrable = !k.deferrable;
        if (!k.deferrable) k.initially_deferred = false;
        return true;
      case 1:
        k.initially_deferred = !k.initially_deferred;
        if (k.initially_deferred) k.deferrable = true;
        return true;
      default:
        if (k.kind == CK::foreign_key)
          k.match_full = !k.match_full;
        else
          k.nulls_not_distinct = !k.nulls_not_distinct;
        return true;
    }
  }

  // A foreign key to some table's primary key, through new local columns of the matching types.
  bool add_fk(GTable& t) {
    std::vector<const GTable*> targets;
    for (auto& o : tables)
      if (pk_of(o)) targets.push_back(&o);
    if (targets.empty()) return false;
    const GTable& target = *pick(targets);
    GCon fk;
    fk.kind = CK::foreign_key;
    fk.ref_table = target.id;
    bool nullable = chance(50);
    std::vector<GCol> added;
    for (int pid : pk_of(target)->cols) {
      GType ty = col_by_id(target, pid)->type;
      if (ty.name == "serial") ty.name = "int";
      if (ty.name == "bigserial") ty.name = "bigint";
      GCol c = new_column(t, ty);
      c.nullable = nullable;
      c.def = -1;
      added.push_back(c);
      fk.cols.push_back(c.id);
    }
    static const std::vector<FkAction> kActions = {FkAction::no_action, FkAction::restrict, FkAction::cascade,
                                                   FkAction::set_null, FkAction::no_action};
    fk.on_delete = pick(kActions);
    if (!nullable && fk.on_delete == FkAction::set_null) fk.on_delete = FkAction::cascade;
    if (chance(20)) fk.on_update = FkAction::cascade;
    if (chance(15)) fk.name = fmt::format("fk{}", next_id++);
    random_key_options(fk);
    for (auto& c : added) t.cols.push_back(c);
    t.cons.push_back(fk);
    return true;
  }

  bool add_index(GTable& t) {
    if (t.cols.empty()) return false;
    GIdx ix;
    const GCol& first = pick(t.cols);
    int r = below(100);
    if (r < 10 && (first.type.name == "jsonb" || first.type.dims)) {
      ix.method = "gin";
      ix.keys = {GKey{first.id}};
    } else if (r < 18 && (family_num(first.type) || first.type.name == "timestamptz" || first.type.name == "date")) {
      ix.method = "brin";
      ix.keys = {GKey{first.id}};
    } else if (r < 25 && (family_int(first.type) || family_text(first.type) || first.type.name == "uuid")) {
      ix.method = "hash";
      ix.keys = {GKey{first.id}};
    } else {
      std::set<int> used;
      int n = 1 + below(3);
      for (int i = 0; i < n; ++i) {
        const GCol& c = i == 0 ? first : pick(t.cols);
        if (used.count(c.id) || c.type.dims || c.type.name == "jsonb") continue;
        used.insert(c.id);
        GKey k;
        k.col = c.id;
        k.expr = chance(20) && (family_text(c.type) || family_int(c.type)) && (kExprOnCollatedColumn || !c.collate_c);
        k.desc = chance(30);
        if (chance(15)) k.nulls = k.desc ? NullsOrder::last : NullsOrder::first;
        ix.keys.push_back(k);
      }
      if (ix.keys.empty()) return false;
      ix.unique = chance(20);
      if (chance(15)) {
        const GCol& inc = pick(t.cols);
        if (!used.count(inc.id)) ix.include = {inc.id};
      }
    }
    if (chance(20)) ix.where_col = pick(t.cols).id;
    ix.storage = (ix.method == "btree" || ix.method == "gin") && chance(15);
    if (chance(15)) ix.name = fmt::format("ix{}", next_id++);
    ix.comment = chance(10) ? pick(kComments) : "";
    t.idx.push_back(ix);
    return true;
  }

  void add_table() {
    GTable t;
    t.id = next_id++;
    t.in_ns = chance(25);
    t.name = new_rel_name(t.in_ns, kHostileTables, "t");
    t.comment = new_comment();
    int ncols = below(6);
    for (int i = 0; i < ncols; ++i) {
      t.cols.push_back(new_column(t, random_type()));
      t.cols.back().collate_c = family_text(t.cols.back().type) && chance(20);
    }
    if (chance(15)) t.storage = 1 + below(2);
    if (chance(70)) add_pk(t);
    for (int i = below(3); i > 0; --i) add_check(t);
    if (chance(25)) add_unique(t);
    tables.push_back(t);
    GTable& me = tables.back();
    if (chance(40)) add_fk(me);
    for (int i = below(3); i > 0; --i) add_index(me);
  }

  void add_enum() {
    GEnum e;
    e.id = next_id++;
    e.in_ns = chance(25);
    e.name = new_rel_name(e.in_ns, kHostileEnums, "e");
    std::set<std::string> seen;
    for (int i = 1 + below(4); i > 0; --i) {
      std::string v = pick(kLabels);
      if (seen.insert(v).second) e.values.push_back(v);
    }
    e.comment = new_comment();
    enums.push_back(e);
  }

  // ---- removing, with everything that depends on it ----
  void drop_inbound_fks(int table_id) {
    for (auto& t : tables)
      std::erase_if(t.cons, [&](const GCon& c) { return c.kind == CK::foreign_key && c.ref_table == table_id; });
  }

  void drop_column(GTable& t, int col_id) {
    auto uses = [&](const std::vector<int>& v) { return std::find(v.begin(), v.end(), col_id) != v.end(); };
    bool pk_lost = false;
    std::erase_if(t.cons, [&](const GCon& c) {
      if (!uses(c.cols)) return false;
      if (c.kind == CK::primary_key) pk_lost = true;
      return true;
    });
    drop_indexes_on(t, col_id);
    std::erase_if(t.cols, [&](const GCol& c) { return c.id == col_id; });
    if (pk_lost) drop_inbound_fks(t.id);
  }

  void drop_indexes_on(GTable& t, int col_id) {
    std::erase_if(t.idx, [&](const GIdx& ix) {
      if (ix.where_col == col_id) return true;
      if (std::find(ix.include.begin(), ix.include.end(), col_id) != ix.include.end()) return true;
      return std::any_of(ix.keys.begin(), ix.keys.end(), [&](auto& k) { return k.col == col_id; });
    });
  }

  bool in_key_constraint(const GTable& t, int col_id) const {
    for (auto& c : t.cons)
      if (c.kind != CK::check && std::find(c.cols.begin(), c.cols.end(), col_id) != c.cols.end()) return true;
    // A column another table's foreign key points at is in this table's primary key: covered above.
    return false;
  }

  // ---- edits ----
  GTable* some_table() { return tables.empty() ? nullptr : &tables[below(static_cast<int>(tables.size()))]; }

  bool edit_once() {
    GTable* t = some_table();
    switch (below(23)) {
      case 0:
        add_table();
        log.push_back("add table " + tables.back().name);
        return true;
      case 1: {
        if (!t) return false;
        log.push_back("drop table " + t->name);
        int id = t->id;
        drop_inbound_fks(id);
        std::erase_if(tables, [&](const GTable& x) { return x.id == id; });
        return true;
      }
      case 2: {
        if (!t) return false;
        std::string old = t->name;
        std::string n = new_rel_name(t->in_ns, kHostileTables, "t");
        if (t->renamed_from.size() || table_name_taken(t->in_ns, n)) return false;
        t->name = n;
        t->renamed_from = {old};
        log.push_back(fmt::format("rename table {} to {}", old, n));
        return true;
      }
      case 3: {
        if (!t) return false;
        GCol c = new_column(*t, random_type());
        log.push_back(fmt::format("add column {}.{}", t->name, c.name));
        t->cols.push_back(c);
        return true;
      }
      case 4: {
        if (!t || t->cols.empty()) return false;
        const GCol& c = pick(t->cols);
        log.push_back(fmt::format("drop column {}.{}", t->name, c.name));
        drop_column(*t, c.id);
        return true;
      }
      case 5: {
        if (!t || t->cols.empty()) return false;
        GCol& c = t->cols[below(static_cast<int>(t->cols.size()))];
        std::string n = new_col_name(*t);
        if (!c.renamed_from.empty()) return false;
        log.push_back(fmt::format("rename column {}.{} to {}", t->name, c.name, n));
        c.renamed_from = {c.name};
        c.name = n;
        return true;
      }
      case 6: {  // change a column's type
        if (!t || t->cols.empty()) return false;
        GCol& c = t->cols[below(static_cast<int>(t->cols.size()))];
        if (c.identity != Identity::none || family_serial(c.type) || in_key_constraint(*t, c.id) || c.type.dims)
          return false;
        GType to;
        if (family_int(c.type)) {
          to.name = pick(std::vector<std::string>{"smallint", "int", "bigint", "numeric", "text"});
        } else if (family_num(c.type)) {
          to.name = pick(std::vector<std::string>{"numeric", "double precision", "real", "text"});
          if (to.name == "numeric" && chance(50)) to.mods = {30, 6};
        } else if (family_text(c.type)) {
          to.name = pick(std::vector<std::string>{"text", "varchar", "varchar"});
          if (to.name == "varchar") to.mods = {static_cast<int64_t>(8 + below(300))};
        } else if (c.type.name == "timestamp" || c.type.name == "timestamptz") {
          to.name = c.type.name == "timestamp" ? "timestamptz" : "timestamp";
        } else {
          to.name = "text";
        }
        std::erase_if(t->cons, [&](const GCon& k) {
          return k.kind == CK::check && std::find(k.cols.begin(), k.cols.end(), c.id) != k.cols.end();
        });
        drop_indexes_on(*t, c.id);
        log.push_back(fmt::format("change type of {}.{} to {}", t->name, c.name, to.name));
        c.type = to;
        if (!family_text(c.type)) c.collate_c = false;
        return true;
      }
      case 7: {
        if (!t || t->cols.empty()) return false;
        GCol& c = t->cols[below(static_cast<int>(t->cols.size()))];
        if (c.identity != Identity::none || family_serial(c.type)) return false;
        const GCon* pk = pk_of(*t);
        if (pk && std::find(pk->cols.begin(), pk->cols.end(), c.id) != pk->cols.end()) return false;
        c.nullable = !c.nullable;
        log.push_back(fmt::format("make {}.{} {}", t->name, c.name, c.nullable ? "nullable" : "not null"));
        return true;
      }
      case 8: {
        if (!t || t->cols.empty()) return false;
        GCol& c = t->cols[below(static_cast<int>(t->cols.size()))];
        if (c.identity != Identity::none || family_serial(c.type)) return false;
        c.def = c.def >= 0 && chance(40) ? -1 : below(3);
        log.push_back(fmt::format("change default of {}.{}", t->name, c.name));
        return true;
      }
      case 9:
        if (!t || !add_check(*t)) return false;
        log.push_back("add check on " + t->name);
        return true;
      case 10: {
        if (!t || t->cons.empty()) return false;
        size_t i = below(static_cast<int>(t->cons.size()));
        if (t->cons[i].kind == CK::primary_key) {
          drop_inbound_fks(t->id);
          // drop_inbound_fks may have removed constraints of this very table (a self-reference).
          auto it = std::find_if(t->cons.begin(), t->cons.end(), [](auto& k) { return k.kind == CK::primary_key; });
          t->cons.erase(it);
        } else {
          t->cons.erase(t->cons.begin() + static_cast<long>(i));
        }
        log.push_back("drop a constraint of " + t->name);
        return true;
      }
      case 11:
        if (!t || !add_unique(*t)) return false;
        log.push_back("add unique on " + t->name);
        return true;
      case 12:
        if (!t || !add_fk(*t)) return false;
        log.push_back("add foreign key on " + t->name);
        return true;
      case 13:
      case 14:
        if (!t || !add_index(*t)) return false;
        log.push_back("add index on " + t->name);
        return true;
      case 15:
        if (!t || t->idx.empty()) return false;
        t->idx.erase(t->idx.begin() + below(static_cast<int>(t->idx.size())));
        log.push_back("drop an index of " + t->name);
        return true;
      case 16: {
        if (!t) return false;
        int what = below(3);
        if (what == 0) t->comment = new_comment();
        if (what == 1 && !t->cols.empty()) t->cols[below(static_cast<int>(t->cols.size()))].comment = new_comment();
        if (what == 2 && !t->idx.empty()) t->idx[below(static_cast<int>(t->idx.size()))].comment = new_comment();
        log.push_back("change a comment on " + t->name);
        return true;
      }
      case 17: {
        if (enums.empty()) return false;
        GEnum& e = enums[below(static_cast<int>(enums.size()))];
        std::string v = pick(kLabels);
        if (std::find(e.values.begin(), e.values.end(), v) != e.values.end()) return false;
        size_t at = below(static_cast<int>(e.values.size()) + 1);
        e.values.insert(e.values.begin() + static_cast<long>(at), v);
        log.push_back(fmt::format("add value {} to enum {}", v, e.name));
        return true;
      }
      case 18: {
        if (enums.empty()) return false;
        GEnum& e = enums[below(static_cast<int>(enums.size()))];
        std::string n = new_rel_name(e.in_ns, kHostileEnums, "e");
        if (!e.renamed_from.empty() || table_name_taken(e.in_ns, n)) return false;
        log.push_back(fmt::format("rename enum {} to {}", e.name, n));
        e.renamed_from = {e.name};
        e.name = n;
        return true;
      }
      case 19: {  // toggle an option of a constraint
        if (!t || t->cons.empty()) return false;
        GCon& k = t->cons[below(static_cast<int>(t->cons.size()))];
        if (!toggle_option(k)) return false;
        log.push_back("toggle a constraint option on " + t->name);
        return true;
      }
      case 20: {  // storage parameters of the table or of an index
        if (!t) return false;
        if (chance(50) || t->idx.empty()) {
          t->storage = (t->storage + 1 + below(2)) % 3;
        } else {
          GIdx& ix = t->idx[below(static_cast<int>(t->idx.size()))];
          if (ix.method != "btree" && ix.method != "gin") return false;
          ix.storage = !ix.storage;
        }
        log.push_back("change storage parameters on " + t->name);
        return true;
      }
      case 21: {  // collation of a text column
        if (!t || t->cols.empty()) return false;
        GCol& c = t->cols[below(static_cast<int>(t->cols.size()))];
        if (!family_text(c.type) || in_key_constraint(*t, c.id)) return false;
        if (!kExprOnCollatedColumn)
          for (auto& ix : t->idx)
            for (auto& k : ix.keys)
              if (k.col == c.id && k.expr) return false;
        c.collate_c = !c.collate_c;
        log.push_back(fmt::format("change collation of {}.{}", t->name, c.name));
        return true;
      }
      default:
        if (chance(50)) {
          add_enum();
          log.push_back("add enum " + enums.back().name);
          return true;
        }
        if (t && chance(50)) {  // a column of an enum type
          GType ty = random_type(true);
          if (ty.enum_id < 0) return false;
          GCol c = new_column(*t, ty);
          log.push_back(fmt::format("add enum column {}.{}", t->name, c.name));
          t->cols.push_back(c);
          return true;
        }
        return false;
    }
  }

  // ---- rendering ----
  std::string check_text(const GTable& t, const GCon& k) const {
    const GCol* a = col_by_id(t, k.cols[0]);
    std::string c = quote_ident(a->name);
    if (k.form == 2) return fmt::format("{} IS NOT NULL OR {} IS NOT NULL", c, quote_ident(col_by_id(t, k.cols[1])->name));
    if (family_num(a->type))
      return k.form == 0 ? c + " > 0" : fmt::format("{} BETWEEN -100 AND 1000000", c);
    if (family_text(a->type))
      return k.form == 0 ? c + " <> ''" : fmt::format("{} IN ('a', 'b', 'it''s')", c);
    return c + " IS NOT NULL";
  }

  Table render_table(const GTable& g) const {
    Table t;
    t.schema = schema_of(g.in_ns);
    t.name = g.name;
    t.comment = g.comment;
    t.renamed_from = g.renamed_from;
    if (g.storage >= 1) t.storage.push_back({"fillfactor", "80"});
    if (g.storage >= 2) t.storage.push_back({"autovacuum_vacuum_scale_factor", "0.02"});
    for (auto& gc : g.cols) {
      Column c;
      c.name = gc.name;
      c.type = model_type(gc.type);
      c.nullable = gc.nullable;
      c.identity = gc.identity;
      if (gc.collate_c) c.collation = "C";
      c.comment = gc.comment;
      c.renamed_from = gc.renamed_from;
      if (gc.def >= 0 && gc.identity == Identity::none) {
        auto ds = defaults_for(gc.type, enums);
        if (!ds.empty()) c.default_expr = ds[static_cast<size_t>(gc.def) % ds.size()];
      }
      t.columns.push_back(c);
    }
    for (auto& gk : g.cons) {
      Constraint k;
      k.kind = gk.kind;
      k.name = gk.name;
      k.comment = gk.comment;
      k.deferrable = gk.deferrable || gk.initially_deferred;
      k.initially_deferred = gk.initially_deferred;
      k.match_full = gk.match_full;
      k.no_inherit = gk.no_inherit;
      k.nulls_not_distinct = gk.nulls_not_distinct;
      if (gk.kind == CK::check) {
        k.check_expr = check_text(g, gk);
      } else {
        for (int id : gk.cols) k.columns.push_back(col_by_id(g, id)->name);
      }
      if (gk.kind == CK::foreign_key) {
        const GTable* target = table_by_id(gk.ref_table);
        k.ref_schema = schema_of(target->in_ns);
        k.ref_table = target->name;
        for (int id : pk_of(*target)->cols) k.ref_columns.push_back(col_by_id(*target, id)->name);
        k.on_delete = gk.on_delete;
        k.on_update = gk.on_update;
      }
      t.constraints.push_back(k);
    }
    for (auto& gi : g.idx) {
      Index ix;
      ix.name = gi.name;
      ix.unique = gi.unique;
      ix.method = gi.method;
      ix.comment = gi.comment;
      if (gi.storage) {
        if (gi.method == "btree") ix.storage = {{"fillfactor", "70"}};
        if (gi.method == "gin") ix.storage = {{"fastupdate", "off"}};
      }
      for (auto& gk : gi.keys) {
        const GCol* c = col_by_id(g, gk.col);
        IndexKey k;
        if (gk.expr)
          k.expr = family_text(c->type) ? fmt::format("lower({})", quote_ident(c->name)) : quote_ident(c->name) + " + 1";
        else
          k.column = c->name;
        k.desc = gk.desc;
        k.nulls = gk.nulls;
        ix.keys.push_back(k);
      }
      for (int id : gi.include) ix.include.push_back(col_by_id(g, id)->name);
      if (gi.where_col >= 0) {
        const GCol* c = col_by_id(g, gi.where_col);
        ix.where = family_num(c->type) ? quote_ident(c->name) + " > 0" : quote_ident(c->name) + " IS NOT NULL";
      }
      t.indexes.push_back(ix);
    }
    return t;
  }

  Schema render() const {
    Schema s;
    bool ns_used = std::any_of(tables.begin(), tables.end(), [](auto& t) { return t.in_ns; }) ||
                   std::any_of(enums.begin(), enums.end(), [](auto& e) { return e.in_ns; });
    if (ns_used) {
      Namespace n;
      n.name = ns;
      s.namespaces.push_back(n);
    }
    for (auto& ge : enums) {
      Enum e;
      e.schema = schema_of(ge.in_ns);
      e.name = ge.name;
      e.values = ge.values;
      e.comment = ge.comment;
      e.renamed_from = ge.renamed_from;
      s.enums.push_back(e);
    }
    for (auto& t : tables) s.tables.push_back(render_table(t));
    return s;
  }
};

RandomSchema::RandomSchema(uint64_t seed) : s_(std::make_unique<State>(seed)) {}
RandomSchema::~RandomSchema() = default;
RandomSchema::RandomSchema(const RandomSchema& o) : s_(std::make_unique<State>(*o.s_)) {}
RandomSchema& RandomSchema::operator=(const RandomSchema& o) {
  s_ = std::make_unique<State>(*o.s_);
  return *this;
}

void RandomSchema::randomize(int max_tables) {
  State& s = *s_;
  s.enums.clear();
  s.tables.clear();
  s.ns = s.chance(30) ? "Sales Dept" : "app";
  for (int i = s.below(3); i > 0; --i) s.add_enum();
  for (int i = 1 + s.below(max_tables); i > 0; --i) s.add_table();
}

std::vector<std::string> RandomSchema::edit(int max_edits) {
  State& s = *s_;
  s.log.clear();
  int want = 1 + s.below(max_edits);
  for (int tries = 0; static_cast<int>(s.log.size()) < want && tries < 100; ++tries) s.edit_once();
  return s.log;
}

void RandomSchema::settle() {
  for (auto& t : s_->tables) {
    t.renamed_from.clear();
    for (auto& c : t.cols) c.renamed_from.clear();
  }
  for (auto& e : s_->enums) e.renamed_from.clear();
}

Schema RandomSchema::schema() const { return s_->render(); }

std::string RandomSchema::dsl() const { return print_dsl(schema()); }

}  // namespace schemac::test
