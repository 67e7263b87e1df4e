// The planner, columns: additions and drops, and every change to an existing column (type, default,
// nullability, identity, generation expression), each reversible.
#include "plan/diff_internal.hpp"

namespace schemac::diff_detail {

// --- columns ------------------------------------------------------------------------------------------------

Change Planner::column_added(const Table& t, const Column& c) {
  Change ch = mk(K::add_column, Target::of_column(t, c.name), {}, c,
                 fmt::format("add column {} ({})", column_ref(t, c.name), sql_type(c.type, false)),
            {add_column_sql(t, c)}, {drop_column_sql(t, c.name)});
  if (!c.comment.empty()) ch.up.push_back(comment_on_column_sql(t, c.name, c.comment));
  ch.lock = Lock::access_exclusive;
  ch.rewrites = c.generated_expr || c.identity != Identity::none || is_serial(c.type) ||
                (c.default_expr && volatile_default(*c.default_expr));
  if (ch.rewrites) ch.note = "fills every existing row: rewrites the table under ACCESS EXCLUSIVE";
  return ch;
}

// Whether the server gives every existing row a value when `c` is added: a NOT NULL column without any of these
// fails on a table with rows.
static bool server_fills(const Column& c) {
  return c.nullable || c.default_expr || c.identity != Identity::none || c.generated_expr || is_serial(c.type);
}

// What fills the rows of `c` when it comes back NOT NULL without a default: the zero value of its type, or an
// enum's first label; nullopt when there is none (extension types) or the server fills them itself.
std::optional<std::string> Planner::restore_fill(const Column& c) const {
  if (server_fills(c)) return std::nullopt;
  if (!c.type.schema.empty() && c.type.array_dims == 0)
    if (const Enum* e = from_.find_enum(c.type.schema, c.type.name); e && !e->values.empty())
      return quote_literal(e->values.front());
  return zero_value_sql(c.type);
}

// The DOWN of a dropped column must run on a table with rows: a NOT NULL column without a default comes back
// with its rows filled through a temporary default (no UPDATE, no rewrite: PostgreSQL stores a constant default
// once), dropped again at once. The old values are gone whatever DOWN does, and the script says so.
Change Planner::column_dropped(const Table& f, const Column& c) {
  std::string ref = column_ref(f, c.name);
  Change ch = inverse(column_added(f, c), K::drop_column, "drop column " + ref);
  ch.destructive = true;
  ch.irreversible_data = true;
  ch.rewrites = false;
  ch.note.clear();
  ch.down_note = "the data of " + ref + " is gone: this brings the column back, not its values";
  if (std::optional<std::string> fill = restore_fill(c)) {
    Column filled = c;
    filled.default_expr = *fill;
    ch.down[0] = add_column_sql(f, filled);
    ch.down.insert(ch.down.begin() + 1, set_default_sql(f, c));
    ch.down_note += "; its rows get " + *fill + " (NOT NULL without a default), through a default dropped again";
  } else if (!server_fills(c)) {
    ch.down_note += "; it is NOT NULL without a default and " + sql_type(c.type, false) +
                    " has no value to fill it with, so DOWN fails if the table has rows";
  }
  return ch;
}

void Planner::plan_columns(const Table& f, const Table& t) {
  for (auto& c : f.columns)
    if (!t.column(c.name)) add(p_drop_columns, column_dropped(f, c));
  for (auto& c : t.columns) {
    const Column* fc = f.column(c.name);
    if (!fc) {
      Change ch = column_added(t, c);
      if (!server_fills(c)) ch.note = "NOT NULL without a default: fails if the table has rows";
      add(p_columns, std::move(ch));
    } else {
      alter_column(f, t, *fc, c);
    }
  }
}

bool Planner::compressed_throughout(const Table& f, const Table& t) const {
  return f.hypertable && t.hypertable && f.hypertable->compression && t.hypertable->compression;
}

void Planner::refuse_on_compressed(const Table& f, const Table& t, const std::string& what) {
  if (!compressed_throughout(f, t)) return;
  error(fmt::format("cannot {} on {}: TimescaleDB does not allow it while compression is enabled", what,
                    table_ref(t)),
        "split it in three migrations: remove the compression block, make the change, declare compression again",
        t.loc);
}

// What a reviewer must know about a type change: the rewrite, the guard's full scan in each direction that has
// one (it cannot lose a value, so the change is not destructive), and conversions that read values a new way.
static std::string type_change_note(const Table& t, const Type& from, const Type& to, bool rewrites) {
  std::vector<std::string> notes;
  if (rewrites) notes.push_back("rewrites the table and its indexes under ACCESS EXCLUSIVE");
  std::string scan = t.hypertable ? "scans every chunk" : "scans the table";
  auto guard = [&](const char* direction, const Type& x, const Type& y) {
    if (is_narrowing_change(x, y))
      notes.push_back(fmt::format("{} first {} and fails, changing nothing, if a value does not fit {} exactly",
                                  direction, scan, sql_type(storage_type(y), false)));
  };
  guard("UP", from, to);
  guard("DOWN", to, from);
  auto pair = [&](const char* x, const char* y) {
    return (from.name == x && to.name == y) || (from.name == y && to.name == x);
  };
  bool scalars = from.array_dims == 0 && to.array_dims == 0 && from.schema.empty() && to.schema.empty();
  if (scalars && (pair("timestamp", "timestamptz") || pair("date", "timestamptz") || pair("time", "timestamptz")))
    notes.push_back("wall-clock times are read and written as UTC, whatever the session's TimeZone");
  if (scalars && pair("time", "timetz")) notes.push_back("times get, and must have, the UTC offset +00");
  if (scalars && pair("json", "jsonb"))
    notes.push_back("jsonb keeps neither spacing nor key order, and only the last of duplicate keys");
  return join(notes, "; ");
}

void Planner::alter_column(const Table& f, const Table& t, const Column& a, const Column& b) {
  std::string ref = column_ref(t, b.name);
  // Each change is one step: its facts are the column before and after that step.
  auto change = [&](K kind, std::string description, const Column& before, const Column& after,
                    std::vector<std::string> up, std::vector<std::string> down) {
    Change c = mk(kind, Target::of_column(t, b.name), before, after, std::move(description), std::move(up),
                  std::move(down));
    c.lock = Lock::access_exclusive;
    return c;
  };
  if (a.generated_expr != b.generated_expr) {
    refuse_on_compressed(f, t, "change the generated column " + quote_ident(b.name));
    if (a.generated_expr && !b.generated_expr) {
      Column plain = a;
      plain.generated_expr.reset();
      add(p_columns, change(K::alter_generated, "stop generating " + ref + " (keeps its values)", a, plain,
                            {drop_expression_sql(t, b)}, {drop_column_sql(t, a.name), add_column_sql(t, a)}));
    } else {
      // PostgreSQL 15 cannot change or add a generation expression in place: drop the column and add it back.
      Change c = change(K::alter_generated, "recompute generated column " + ref + " (drop and add it back)", a, b,
                        {drop_column_sql(t, a.name), add_column_sql(t, b)},
                        {drop_column_sql(t, b.name), add_column_sql(t, a)});
      c.destructive = c.irreversible_data = !a.generated_expr;  // the plain column's values are lost
      if (c.irreversible_data) c.down_note = "the data of " + ref + " is gone: DOWN brings back the column, empty";
      c.rewrites = true;
      c.note = "indexes and constraints on the column are dropped with it";
      add(p_columns, std::move(c));
      return;
    }
  }
  Column mid = a;  // the column as each step leaves it
  if (a.identity != Identity::none && b.identity == Identity::none) {
    refuse_on_compressed(f, t, "drop the identity of " + quote_ident(b.name));
    Column next = mid;
    next.identity = Identity::none;
    add(p_columns, change(K::alter_identity, "drop identity of " + ref, mid, next, {drop_identity_sql(t, a)},
                          {add_identity_sql(t, a), sync_sequence_sql(t, a)}));
    mid = next;
  }
  bool default_done = false;
  const bool collation = a.collation != b.collation;
  if (!(storage_type(a.type) == storage_type(b.type)) || collation) {
    refuse_on_compressed(f, t, "change the type of " + quote_ident(b.name));
    Column to_type = mid;
    to_type.type = b.type;
    to_type.collation = b.collation;
    to_type.default_expr = b.default_expr;
    // Each direction that is not a widening checks every row first, before anything else changes (the rule:
    // types.hpp). A default of the old type may not cast to the new one: drop it around the change.
    std::vector<std::string> up, down;
    if (is_narrowing_change(a.type, b.type)) up.push_back(type_change_guard_sql(t, b.name, a.type, b.type));
    if (mid.default_expr) up.push_back(set_default_sql(t, named_column(b.name)));
    // ALTER COLUMN TYPE without COLLATE resets the collation to the new type's default: a kept COLLATE is
    // written again.
    up.push_back(alter_column_type_sql(t, to_type, a.type, collation || !to_type.collation.empty()));
    if (b.default_expr) up.push_back(set_default_sql(t, to_type));
    if (is_narrowing_change(b.type, a.type)) down.push_back(type_change_guard_sql(t, b.name, b.type, a.type));
    if (b.default_expr) down.push_back(set_default_sql(t, named_column(b.name)));
    down.push_back(alter_column_type_sql(t, mid, b.type, collation || !mid.collation.empty()));
    if (mid.default_expr) down.push_back(set_default_sql(t, mid));
    auto collation_text = [](const Column& c) { return c.collation.empty() ? std::string("default") : c.collation; };
    Change c = change(K::alter_column_type,
                      storage_type(a.type) == storage_type(b.type)
                          ? fmt::format("change collation of {} from {} to {} (rebuilds its indexes)", ref,
                                        quote_ident(collation_text(a)), quote_ident(collation_text(b)))
                          : fmt::format("change type of {} from {} to {}", ref, sql_type(a.type, false),
                                        sql_type(b.type, false)),
                      mid, to_type, std::move(up), std::move(down));
    c.rewrites = !rewrite_free(a.type, b.type);
    c.note = type_change_note(t, a.type, b.type, c.rewrites);
    add(p_columns, std::move(c));
    default_done = true;
    mid.type = b.type;
    mid.collation = b.collation;
    mid.default_expr = b.default_expr;
  }
  if (!default_done && a.default_expr != b.default_expr) {
    Column nb = mid;
    nb.default_expr = b.default_expr;
    add(p_columns, change(K::alter_default,
                          b.default_expr ? fmt::format("set default of {} to {}", ref, *b.default_expr)
                                         : "drop default of " + ref,
                          mid, nb, {set_default_sql(t, nb)}, {set_default_sql(t, mid)}));
    mid = nb;
  }
  if (a.nullable != b.nullable) {
    Column next = mid;
    next.nullable = b.nullable;
    Change c = change(K::alter_nullability, b.nullable ? "make " + ref + " nullable" : "make " + ref + " NOT NULL",
                      mid, next, {set_not_null_sql(t, b, !b.nullable)}, {set_not_null_sql(t, b, b.nullable)});
    if (!b.nullable) c.note = "scans the whole table under ACCESS EXCLUSIVE; fails if a row holds NULL";
    add(p_columns, std::move(c));
    mid = next;
  }
  Column with_identity = mid;
  with_identity.identity = b.identity;
  if (b.identity != Identity::none && mid.identity == Identity::none) {
    refuse_on_compressed(f, t, "add an identity to " + quote_ident(b.name));
    add(p_columns, change(K::alter_identity, "add identity to " + ref, mid, with_identity, {add_identity_sql(t, b), sync_sequence_sql(t, b)},
                          {drop_identity_sql(t, b)}));
    return;
  }
  if (b.identity != Identity::none && mid.identity != b.identity) {
    add(p_columns, change(K::alter_identity,
                          fmt::format("make identity of {} {}", ref,
                                      b.identity == Identity::always ? "ALWAYS" : "BY DEFAULT"),
                          mid, with_identity, {set_identity_sql(t, b)}, {set_identity_sql(t, a)}));
  }
  if (b.identity != Identity::none && mid.identity != Identity::none &&
      !(mid.identity_options == b.identity_options)) {
    Column opts = with_identity;
    opts.identity_options = b.identity_options;
    add(p_columns, change(K::alter_identity, "change the identity options of " + ref, with_identity, opts,
                          {alter_identity_options_sql(t, opts, mid.identity_options)},
                          {alter_identity_options_sql(t, mid, b.identity_options)}));
  }
}

}  // namespace schemac::diff_detail
