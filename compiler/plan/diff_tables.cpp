// The planner, tables: new and dropped tables (foreign keys inline when their target exists first), and the
// constraints and indexes of tables that exist on both sides.
#include "plan/diff_internal.hpp"
#include "sql/names.hpp"

namespace schemac::diff_detail {

// --- tables -------------------------------------------------------------------------------------------------

void Planner::plan_tables() {
  for (const Table* t : sorted_by_name(to_.tables)) {
    const Table* f = table_in(from_, t->schema, t->name);
    if (!f) create_table(*t);
    else alter_table(*f, *t);
  }
  for (const Table* f : sorted_by_name(from_.tables))
    if (!table_in(to_, f->schema, f->name)) drop_table(*f);
  add_persistence_changes();
}

// A logged table may not reference an unlogged one, at any moment: a table turns UNLOGGED once every table that
// references it (by the declared foreign keys, which exist when these changes run) is unlogged, and LOGGED once
// every table it references is logged. DOWN runs the changes in reverse, which is again such an order. A cycle
// is left to the server to refuse.
void Planner::add_persistence_changes() {
  std::map<std::pair<std::string, std::string>, bool> unlogged;  // the tables' persistence as the changes run
  for (const Table& t : to_.tables) {
    const Table* f = table_in(from_, t.schema, t.name);
    unlogged[{t.schema, t.name}] = f ? f->unlogged : t.unlogged;
  }
  auto ready = [&](const Table& t) {
    for (const Table& u : to_.tables)
      for (const Constraint& k : u.constraints) {
        if (k.kind != CK::foreign_key || (&u == &t)) continue;
        auto target = unlogged.find({k.ref_schema, k.ref_table});
        if (target == unlogged.end()) continue;
        bool refers_to_t = k.ref_schema == t.schema && k.ref_table == t.name;
        bool from_t = u.schema == t.schema && u.name == t.name;
        if (t.unlogged && refers_to_t && !unlogged[{u.schema, u.name}]) return false;
        if (!t.unlogged && from_t && target->second) return false;
      }
    return true;
  };
  std::vector<std::pair<const Table*, Change>> pending = std::move(persistence_);
  while (!pending.empty()) {
    auto next = std::find_if(pending.begin(), pending.end(), [&](const auto& p) { return ready(*p.first); });
    if (next == pending.end()) next = pending.begin();
    unlogged[{next->first->schema, next->first->name}] = next->first->unlogged;
    add(p_comments, std::move(next->second));
    pending.erase(next);
  }
}

// A foreign key of a new table can be written inside its CREATE TABLE when its target and the target's key
// exist before the table is created; otherwise it is added once every table exists (which also breaks cycles).
bool Planner::fk_target_ready(const Table& u, const Constraint& fk, const Schema& before,
                              const Schema& after) const {
  if (fk.ref_schema == u.schema && fk.ref_table == u.name) return true;
  const Table* b = table_in(before, fk.ref_schema, fk.ref_table);
  const Table* a = table_in(after, fk.ref_schema, fk.ref_table);
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
Change Planner::table_created(const Table& t, const Schema& before, const Schema& after) const {
  std::vector<const Constraint*> fks;
  for (const Constraint* k : sorted_by_name(t.constraints))
    if (k->kind == CK::foreign_key && fk_target_ready(t, *k, before, after)) fks.push_back(k);
  Change c = mk(K::create_table, Target::of_table(t), {}, t, "create table " + table_ref(t), {create_table_sql(t, fks)},
           {drop_table_sql(t)});
  if (t.hypertable) {
    for (auto& s : make_hypertable_sql(t, false, ts_)) c.up.push_back(s);
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
Change Planner::fk_added_to_new_table(const Table& t, const Constraint& k) {
  Change c = mk(K::add_constraint, Target::of_constraint(t, k.name), {}, k,
                fmt::format("add foreign key {} on {}", quote_ident(k.name), table_ref(t)),
           {add_constraint_sql(t, k, false)}, {drop_constraint_sql(t, k.name)});
  c.lock = Lock::share_row_exclusive;
  return c;
}

void Planner::create_table(const Table& t) {
  add(p_tables, table_created(t, from_, to_));
  for (const Constraint* k : sorted_by_name(t.constraints))
    if (k->kind == CK::foreign_key && !fk_target_ready(t, *k, from_, to_)) add(p_fks, fk_added_to_new_table(t, *k));
  for (auto& c : timescale_additions(t)) add(p_ts_settings, std::move(c));
}

void Planner::drop_table(const Table& f) {
  Change c = inverse(table_created(f, to_, from_), K::drop_table, "drop table " + table_ref(f));
  c.destructive = true;
  c.irreversible_data = true;
  c.down_note = "the data of " + table_ref(f) + " is gone: this creates the table again, empty";
  c.lock = Lock::access_exclusive;
  add(p_drop_tables, std::move(c));
  for (const Constraint* k : sorted_by_name(f.constraints))
    if (k->kind == CK::foreign_key && !fk_target_ready(f, *k, to_, from_))
      add(p_drop_fks, inverse(fk_added_to_new_table(f, *k), K::drop_constraint,
                              fmt::format("drop foreign key {} on {}", quote_ident(k->name), table_ref(f))));
  for (auto& c2 : timescale_additions(f)) add(p_ts_removals, removal(std::move(c2), f));
}

void Planner::alter_table(const Table& f, const Table& t) {
  plan_columns(f, t);
  plan_constraints(f, t);
  plan_indexes(f, t);
  plan_hypertable(f, t);
  plan_comments(f, t);
  plan_table_settings(f, t);
}

namespace {

using Storage = std::vector<std::pair<std::string, std::string>>;

// ALTER TABLE ... SET (what `to` sets differently), RESET (what only `from` has).
std::string storage_change_sql(const Table& t, const Storage& from, const Storage& to) {
  Storage set;
  std::vector<std::string> reset;
  for (const auto& kv : to)
    if (std::find(from.begin(), from.end(), kv) == from.end()) set.push_back(kv);
  for (const auto& old : from)
    if (std::none_of(to.begin(), to.end(), [&](const auto& kv) { return kv.first == old.first; }))
      reset.push_back(old.first);
  return set_storage_sql(t, set, reset);
}

}  // namespace

// Storage parameters change in place under SHARE UPDATE EXCLUSIVE (fillfactor, autovacuum_*, toast_tuple_target
// affect only what is written or vacuumed next). UNLOGGED <-> LOGGED rewrites the table.
void Planner::plan_table_settings(const Table& f, const Table& t) {
  if (!same_storage(f.storage, t.storage)) {
    Change c = mk(K::set_storage, Target::of_table(t), storage_parameters_sql(f.storage),
                  storage_parameters_sql(t.storage), fmt::format("set storage parameters of {}", table_ref(t)),
                  {storage_change_sql(t, f.storage, t.storage)}, {storage_change_sql(t, t.storage, f.storage)});
    c.lock = Lock::share_update_exclusive;
    c.note = "applies to rows written and vacuumed from now on";
    add(p_comments, std::move(c));
  }
  if (f.unlogged != t.unlogged) {
    Change c = mk(K::set_persistence, Target::of_table(t), std::string(f.unlogged ? "unlogged" : "logged"),
                  std::string(t.unlogged ? "unlogged" : "logged"),
                  fmt::format("make {} {}", table_ref(t), t.unlogged ? "UNLOGGED" : "LOGGED"),
                  {set_persistence_sql(t, t.unlogged)}, {set_persistence_sql(t, f.unlogged)});
    c.lock = Lock::access_exclusive;
    c.rewrites = true;
    c.note = t.unlogged ? "rewrites the table; from now on it is emptied after a crash and not replicated"
                        : "rewrites the table and writes all of it to the WAL";
    persistence_.emplace_back(&t, std::move(c));
  }
}

// --- constraints --------------------------------------------------------------------------------------------

// A constraint added to a table that already exists (has rows). Checks and foreign keys go in NOT VALID and
// are validated by a second statement, which only takes SHARE UPDATE EXCLUSIVE while it scans. TimescaleDB
// hypertables get the plain form.
Change Planner::constraint_added(const Table& t, const Constraint& k, bool target_is_hypertable) {
  std::string what = k.kind == CK::foreign_key ? "foreign key" : "constraint";
  Change c = mk(K::add_constraint, Target::of_constraint(t, k.name), {}, k,
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

// The VALIDATE of a constraint added NOT VALID, taken out of `c`'s UP (an addition) or DOWN (the DOWN of a drop,
// which re-adds it) into a change of its own that commits separately: the ADD holds its strong lock only for a
// moment, and the scan that validates the rows takes only SHARE UPDATE EXCLUSIVE, so reads and writes go on.
// The DOWN-only change comes before the drop, so DOWN runs it after the re-add and before any rename is undone
// (the names are those `c` uses). nullopt when `c` does not validate `k`.
std::optional<Change> Planner::validation_split(const Table& t, const Constraint& k, Change& c, bool on_up) {
  std::string validate = validate_constraint_sql(t, k);
  std::vector<std::string>& statements = on_up ? c.up : c.down;
  auto it = std::find(statements.begin(), statements.end(), validate);
  if (it == statements.end()) return std::nullopt;
  statements.erase(it);
  std::string what = fmt::format("validate constraint {} on {}", quote_ident(k.name), table_ref(t));
  Change v = on_up ? mk(K::validate_constraint, Target::of_constraint(t, k.name), k, k, what, {validate}, {})
                   : mk(K::validate_constraint, Target::of_constraint(t, k.name), k, k,
                        what + " once DOWN adds it back", {}, {validate});
  v.lock = Lock::share_update_exclusive;
  v.own_transaction = true;
  v.note = std::string(on_up ? "" : "DOWN ") + "scans the existing rows while reads and writes continue";
  if (on_up) c.note = "added NOT VALID: checks new rows at once; a later change validates the existing ones";
  return v;
}

// The DOWN of a dropped check or foreign key re-adds it, but when the same plan drops the data it checks (the
// referenced table, or one of its columns, which DOWN brings back filled with zero values) the old rows cannot
// be expected to pass. Such a constraint comes back NOT VALID, so DOWN still runs; new rows are checked, old ones
// are not until someone validates it, and the DOWN script says so.
void Planner::restore_unvalidated(const Table& f, const Table& t, const Constraint& k, Change& c) const {
  if ((k.kind != CK::check && k.kind != CK::foreign_key) || f.hypertable || fk_target_hypertable(k, from_)) return;
  std::string gone;
  if (k.kind == CK::foreign_key && !table_in(to_, k.ref_schema, k.ref_table))
    gone = "the rows of " + quote_qualified(k.ref_schema, k.ref_table) + " are gone";
  for (auto& name : k.columns)
    if (const Column* col = f.column(name); col && !t.column(name) && restore_fill(*col))
      gone = "the values of " + column_ref(f, name) + " are gone";
  if (gone.empty()) return;
  c.down = {add_constraint_sql(f, k, /*not_valid=*/true)};
  if (!k.comment.empty()) c.down.push_back(comment_on_constraint_sql(f, k.name, k.comment));
  c.down_note = fmt::format("{}: {} comes back NOT VALID (old rows unchecked); validate it once the data is back: "
                            "ALTER TABLE {} VALIDATE CONSTRAINT {}",
                            gone, quote_ident(k.name), table_ref_before(f), quote_ident(k.name));
}

bool Planner::fk_target_hypertable(const Constraint& k, const Schema& s) const {
  const Table* target = k.kind == CK::foreign_key ? table_in(s, k.ref_schema, k.ref_table) : nullptr;
  return target && target->hypertable;
}

// A foreign key depends on the key it references: when that key is dropped and made again (a new name after
// a table rename, other columns), the foreign key must go first and come back after it.
bool Planner::fk_kept(const Table&, const Constraint& k) const {
  static const Table no_table = [] {
    Table t;
    t.schema.clear();
    return t;
  }();  // not the referencing table: a self-reference is checked like any other
  return k.kind != CK::foreign_key || fk_target_ready(no_table, k, from_, to_);
}

void Planner::plan_constraints(const Table& f, const Table& t) {
  for (const Constraint* k : sorted_by_name(f.constraints)) {
    if (kept_constraint(*k, &t) && fk_kept(f, *k)) continue;
    Change c = inverse(constraint_added(f, *k, fk_target_hypertable(*k, from_)), K::drop_constraint,
                       fmt::format("drop {} {} on {}", k->kind == CK::foreign_key ? "foreign key" : "constraint",
                                   quote_ident(k->name), table_ref(f)));
    c.lock = Lock::access_exclusive;
    c.note.clear();
    restore_unvalidated(f, t, *k, c);
    if (std::optional<Change> v = validation_split(f, *k, c, /*on_up=*/false)) add(p_down_validations, std::move(*v));
    add(k->kind == CK::foreign_key ? p_drop_fks : p_drop_constraints, std::move(c));
  }
  for (const Constraint* k : sorted_by_name(t.constraints)) {
    const Constraint* old = named(f.constraints, k->name);
    if (old && same_constraint(*old, *k) && fk_kept(f, *old)) {
      if (old->not_valid) {
        Change c = mk(K::validate_constraint, Target::of_constraint(t, k->name), *old, *k,
                 fmt::format("validate constraint {} on {}", quote_ident(k->name), table_ref(t)),
                 {validate_constraint_sql(t, *k)}, {});
        c.lock = Lock::share_update_exclusive;
        c.own_transaction = true;
        add(p_validations, std::move(c));
      }
      continue;
    }
    Phase phase = k->kind == CK::foreign_key ? p_fks : p_constraints;
    Change c = constraint_added(t, *k, fk_target_hypertable(*k, to_));
    std::optional<Change> validation = validation_split(t, *k, c, /*on_up=*/true);
    add(phase, std::move(c));
    if (validation) add(p_validations, std::move(*validation));
  }
}

// --- indexes ------------------------------------------------------------------------------------------------

Change Planner::index_created(const Table& t, const Index& ix) const {
  IndexMode mode = IndexMode::plain;
  if (!t.hypertable && opt_.concurrent_indexes) mode = IndexMode::concurrently;
  if (t.hypertable && !ix.unique && opt_.transaction_per_chunk) mode = IndexMode::transaction_per_chunk;
  Change c = mk(K::create_index, Target::of_index(t, ix.name), {}, ix,
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

void Planner::plan_indexes(const Table& f, const Table& t) {
  for (const Index* ix : sorted_by_name(f.indexes)) {
    if (kept_index(*ix, &t) || (t.hypertable && is_timescale_default_index(f, *ix) && !named(t.indexes, ix->name)))
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

}  // namespace schemac::diff_detail
