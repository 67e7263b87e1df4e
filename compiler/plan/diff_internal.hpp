#pragma once
// Private to the planner (compiler/diff*.cpp): the phases of a plan, the helpers every part shares, and the
// Planner, whose work is split by subject:
//   diff.cpp            the plan as a whole: renames, schemas, extensions, enums, comments, the destructive
//                       check, the UP/DOWN scripts
//   diff_tables.cpp     tables, constraints (foreign keys included) and indexes
//   diff_columns.cpp    columns: additions, drops, type/default/nullability/identity/generation changes
//   diff_sequences.cpp  sequences of their own (CREATE SEQUENCE)
//   diff_timescale.cpp  hypertables: conversions both ways, chunk interval, compression, retention, editions
// Nothing outside those files includes this header.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "plan/diff.hpp"
#include "model/text.hpp"
#include "model/quote.hpp"
#include "sql/render.hpp"
#include "model/types.hpp"

namespace schemac::diff_detail {

using K = Change::Kind;
using CK = Constraint::Kind;

// The phases of a plan, in execution order. Drop phases are filled in creation order and reversed when the plan
// is assembled, so the DOWN script recreates things in their natural order.
enum Phase {
  p_renames,
  p_ts_removals,
  p_down_validations,  // DOWN only: validates what the DOWN of a dropped constraint re-adds NOT VALID
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
  p_validations,  // each in a transaction of its own, once every addition has committed
  p_ts_settings,
  p_comments,
  p_drop_enums,
  p_drop_extensions,
  p_drop_schemas,
  p_count
};

bool is_drop_phase(int p);


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

// s.t.col (or s.t.constraint_name), quoted.
std::string column_ref(const Table& t, const std::string& column);

// A change of `kind` to `target`, whose facts are `from` and `to` (see Fact in change.hpp).
Change mk(K kind, Target target, Fact from, Fact to, std::string description, std::vector<std::string> up,
          std::vector<std::string> down);

Column named_column(const std::string& name);

bool same_constraint(const Constraint& a, const Constraint& b);

bool same_key(const IndexKey& a, const IndexKey& b);

// Storage parameters mean the same in any order.
bool same_storage(std::vector<std::pair<std::string, std::string>> a, std::vector<std::pair<std::string, std::string>> b);

bool same_index(const Index& a, const Index& b);

// Kept = present with the same definition on both sides, so it exists throughout the migration.
bool kept_constraint(const Constraint& c, const Table* other);

bool kept_index(const Index& ix, const Table* other);

// Changes that need no table rewrite: PostgreSQL treats them as binary-coercible.
bool rewrite_free(const Type& a0, const Type& b0);

// Functions whose default makes ADD COLUMN fill every row one by one (a rewrite) instead of storing one value.
bool volatile_default(const std::string& expr);


// Replaces the identifier `old` by `now` in SQL text the server printed: bare or double-quoted tokens, never
// inside string literals or as part of a longer name.
void rename_identifier(std::string& text, const std::string& old, const std::string& now);

std::string compression_text(const Compression& c);

class Planner {
 public:
  Planner(const Schema& from, const Schema& to, const DiffOptions& opt) : from_(from), to_(to), opt_(opt) {}

  Plan run() {
    apply_renames();
    const Extension* ts = named(to_.extensions, "timescaledb");
    ts_ = timescale_prefix(ts ? ts : named(from_.extensions, "timescaledb"));
    from_tables_.emplace(from_.tables);  // after the renames: they change from_'s names
    to_tables_.emplace(to_.tables);
    plan_namespaces();
    plan_extensions();
    plan_enums();
    plan_sequences();
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
  // Tables of from_ that a table or column rename touched: their name in to_, and the table before any rename.
  struct Renamed {
    std::string schema, name;
    Table before;
  };
  std::vector<Renamed> renamed_;
  // (schema, name) of every table, index and index-backed constraint of from_ while renames are planned: they
  // share one namespace per schema.
  std::set<std::pair<std::string, std::string>> relations_;
  // Table lookups by name once renames are done (Schema::table is a linear scan: plans of thousands of tables).
  std::optional<NameIndex<const Table>> from_tables_, to_tables_;
  std::string ts_;  // TimescaleDB's schema as a call prefix (render.hpp's timescale_prefix)
  // (schema, new name) -> the name before this plan's rename: what DOWN leaves, for notes about its result.
  std::map<std::pair<std::string, std::string>, std::string> renamed_tables_;

  // `f` (of from_, renamed) as it is named where DOWN leaves it.
  std::string table_ref_before(const Table& f) const {
    auto it = renamed_tables_.find({f.schema, f.name});
    return quote_qualified(f.schema, it == renamed_tables_.end() ? f.name : it->second);
  }

  // `s` is from_ or to_.
  const Table* table_in(const Schema& s, const std::string& schema, const std::string& name) const {
    return (&s == &from_ ? *from_tables_ : *to_tables_).find(schema, name);
  }

  void add(Phase p, Change c) { phases_[p].push_back(std::move(c)); }

  void error(std::string message, std::string hint, const Loc& loc = {}) {
    for (auto& d : diags_)
      if (d.message == message) return;  // the same refusal reached from two changes
    diags_.push_back({Diagnostic::Severity::error, loc, std::move(message), std::move(hint)});
  }
  void warning(std::string message, std::string hint = {}, const Loc& loc = {}) {
    diags_.push_back({Diagnostic::Severity::warning, loc, std::move(message), std::move(hint)});
  }

  // ===== diff.cpp ==========================================================================================

  // --- renames ------------------------------------------------------------------------------------------------

  // An object of `to` that does not exist in `from` but names one in renamed_from that exists in `from` and no
  // longer in `to` was renamed. After this, from_ uses the new names everywhere, so the rest compares by name.
  void apply_renames();

  void rename_enum(const Enum& e);

  void rename_table(const Table& t);

  void rename_column(Table& f, const Table& t, const Column& c);

  // PostgreSQL follows a renamed column everywhere by number; the model names it, so follow it by hand.
  void rename_column_uses(Table& f, const std::string& old, const std::string& now);

  // Called before each rename in table `f`, whose name in `to_` is `now`: keeps the table as it was before the
  // first.
  void note_renamed(const Table& f, const std::string& now);

  // Constraints and indexes whose default name changed with the renames but whose definition did not: renamed
  // too (ALTER TABLE ... RENAME CONSTRAINT, ALTER INDEX ... RENAME), never dropped and rebuilt.
  void rename_derived_names(Table& f, const Table& t, const Table& before);

  bool relation_taken(const std::string& schema, const std::string& name) const;
  void relation_renamed(const std::string& schema, const std::string& old, const std::string& now);

  // --- schemas and extensions -------------------------------------------------------------------------------

  static Change schema_created(const Namespace& n);

  void plan_namespaces();

  static Change extension_created(const Extension& e);

  void plan_extensions();

  Change comment_change(const std::string& what, Target target, const std::string& from, const std::string& to,
                        std::string up, std::string down);

  // --- enums --------------------------------------------------------------------------------------------------

  static Change enum_created(const Enum& e);

  void plan_enums();

  // Columns that have the enum's type before and still exist afterwards: a recreated type must carry them over.
  std::vector<EnumUse> enum_uses(const Enum& e) const;

  void alter_enum(const Enum& f, const Enum& e);

  // ===== diff_sequences.cpp ===============================================================================

  void rename_sequence(const Sequence& q);
  static Change sequence_created(const Sequence& q);
  void plan_sequences();

  // --- comments -----------------------------------------------------------------------------------------------

  void plan_comments(const Table& f, const Table& t);

  // --- storage parameters and UNLOGGED (diff_tables.cpp) ------------------------------------------------------

  void plan_table_settings(const Table& f, const Table& t);
  // The SET LOGGED / SET UNLOGGED changes, in an order PostgreSQL accepts (see diff_tables.cpp).
  void add_persistence_changes();
  std::vector<std::pair<const Table*, Change>> persistence_;  // (the table in to_, its change)

  // --- safety -------------------------------------------------------------------------------------------------

  void refuse_destructive(Plan& plan) const;

  // ===== diff_tables.cpp ===================================================================================

  // --- tables -------------------------------------------------------------------------------------------------

  void plan_tables();

  // A foreign key of a new table can be written inside its CREATE TABLE when its target and the target's key
  // exist before the table is created; otherwise it is added once every table exists (which also breaks cycles).
  bool fk_target_ready(const Table& u, const Constraint& fk, const Schema& before, const Schema& after) const;

  // The whole of a new table in one change: CREATE TABLE, hypertable conversion (before any index, while the
  // table is empty), indexes, comments. DOWN drops it. `before`/`after` are the schemas either side.
  Change table_created(const Table& t, const Schema& before, const Schema& after) const;

  // A foreign key of a new table whose target is created in the same plan: the table is empty, no NOT VALID.
  static Change fk_added_to_new_table(const Table& t, const Constraint& k);

  void create_table(const Table& t);

  void drop_table(const Table& f);

  void alter_table(const Table& f, const Table& t);

  // --- constraints --------------------------------------------------------------------------------------------

  // A constraint added to a table that already exists (has rows). Checks and foreign keys go in NOT VALID and
  // are validated by a second statement, which only takes SHARE UPDATE EXCLUSIVE while it scans. TimescaleDB
  // hypertables get the plain form.
  static Change constraint_added(const Table& t, const Constraint& k, bool target_is_hypertable);
  static std::optional<Change> validation_split(const Table& t, const Constraint& k, Change& c, bool on_up);

  bool fk_target_hypertable(const Constraint& k, const Schema& s) const;

  // A foreign key depends on the key it references: when that key is dropped and made again (a new name after
  // a table rename, other columns), the foreign key must go first and come back after it.
  bool fk_kept(const Table&, const Constraint& k) const;

  void restore_unvalidated(const Table& f, const Table& t, const Constraint& k, Change& c) const;
  void plan_constraints(const Table& f, const Table& t);

  // --- indexes ------------------------------------------------------------------------------------------------

  Change index_created(const Table& t, const Index& ix) const;

  // create_hypertable used to make <table>_<time>_idx itself; it belongs to the hypertable, never drop it.

  void plan_indexes(const Table& f, const Table& t);

  // ===== diff_columns.cpp ==================================================================================

  // --- columns ------------------------------------------------------------------------------------------------

  Change column_added(const Table& t, const Column& c);
  Change column_dropped(const Table& f, const Column& c);
  std::optional<std::string> restore_fill(const Column& c) const;

  void plan_columns(const Table& f, const Table& t);

  bool compressed_throughout(const Table& f, const Table& t) const;

  void refuse_on_compressed(const Table& f, const Table& t, const std::string& what);

  void alter_column(const Table& f, const Table& t, const Column& a, const Column& b);

  // ===== diff_timescale.cpp ================================================================================

  // --- TimescaleDB --------------------------------------------------------------------------------------------

  bool apache() const { return opt_.edition == Edition::apache; }

  void refuse_on_apache(const Table& t, const std::string& feature);

  bool use_cron() const { return apache() && opt_.apache_retention_via_cron; }

  Change retention_added(const Table& t, const Span& s);

  Change compression_enabled(const Table& t, const Compression& comp);

  Change compression_policy_added(const Table& t, const Span& after);

  // Everything a hypertable declares beyond its chunk interval, in the order it must be set up.
  std::vector<Change> timescale_additions(const Table& t);

  // The inverse of an addition: what the removal does is the addition's DOWN.
  Change removal(Change c, const Table& t) const;

  // The table as it stands while hypertable conversions run: every column of `t` (the column phase is done),
  // and the constraints and indexes both sides share.
  static Table intermediate(const Table& f, const Table& t);

  // Foreign keys of other tables that point at `t` while conversions run: kept ones, and those new tables
  // created inline.
  std::vector<InboundFk> inbound_fks(const Table& t) const;

  Change hypertable_made(const Table& t, const std::vector<std::string>& rebuild);

  void plan_hypertable(const Table& f, const Table& t);

  void alter_hypertable(const Table& f, const Table& t);

  void alter_compression(const Table& f, const Table& t);

  // Extra dimensions of a hypertable that stays one: only a hash dimension's partitions and a range dimension's
  // interval can change; anything else is refused with the fix.
  void alter_dimensions(const Table& f, const Table& t);
  Change dimension_altered(const Table& t, const Dimension& from, const Dimension& to) const;

  void alter_integer_now(const Table& f, const Table& t);

  void alter_retention(const Table& f, const Table& t);
};

}  // namespace schemac::diff_detail
