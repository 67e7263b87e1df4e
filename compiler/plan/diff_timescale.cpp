// The planner, TimescaleDB: hypertable conversions (both ways), chunk interval, compression and its policy,
// retention (a policy, or pg_cron on the Apache edition when asked), and the refusals the edition requires.
#include "plan/diff_internal.hpp"

namespace schemac::diff_detail {

// --- TimescaleDB --------------------------------------------------------------------------------------------

void Planner::refuse_on_apache(const Table& t, const std::string& feature) {
  if (!apache()) return;
  error(fmt::format("{} on {} needs TimescaleDB's Timescale license, but the server runs the Apache edition",
                    feature, table_ref(t)),
        feature == "a retention policy"
            ? "remove `retention` from the hypertable block, install TimescaleDB with the Timescale license, or "
              "re-run with --retention-via-cron to drop old chunks from a pg_cron job"
            : "remove `compression` from the hypertable block or install TimescaleDB with the Timescale license",
        t.hypertable ? t.hypertable->loc : t.loc);
}

Change Planner::retention_added(const Table& t, const Span& s) {
  Change c = mk(K::add_retention, Target::of_table(t), {}, s,
           fmt::format("add retention policy on {} (drop chunks older than {})", table_ref(t), span_text(s)),
           {add_retention_policy_sql(t, s, ts_)}, {remove_retention_policy_sql(t, ts_)});
  if (use_cron()) {
    c.up = {cron_schedule_retention_sql(t, s, ts_)};
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

Change Planner::compression_enabled(const Table& t, const Compression& comp) {
  refuse_on_apache(t, "compression");
  Change c = mk(K::enable_compression, Target::of_table(t), {}, comp,
                "enable compression on " + table_ref(t) + compression_text(comp),
           {enable_compression_sql(t, comp)}, {decompress_all_sql(t, ts_), disable_compression_sql(t)});
  c.lock = Lock::access_exclusive;
  return c;
}

Change Planner::compression_policy_added(const Table& t, const Span& after) {
  refuse_on_apache(t, "a compression policy");
  return mk(K::add_compression_policy, Target::of_table(t), {}, after,
                fmt::format("add compression policy on {} (compress chunks older than {})", table_ref(t),
                            span_text(after)),
                {add_compression_policy_sql(t, after, ts_)}, {remove_compression_policy_sql(t, ts_)});
}

// Everything a hypertable declares beyond its chunk interval, in the order it must be set up.
std::vector<Change> Planner::timescale_additions(const Table& t) {
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
Change Planner::removal(Change c, const Table& t) const {
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
      std::string what = use_cron() ? "unschedule pg_cron retention on " : "remove retention policy on ";
      return inverse(std::move(c), K::remove_retention, what + table_ref(t));
    }
  }
}

// The table as it stands while hypertable conversions run: every column of `t` (the column phase is done),
// and the constraints and indexes both sides share.
Table Planner::intermediate(const Table& f, const Table& t) {
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
std::vector<InboundFk> Planner::inbound_fks(const Table& t) const {
  std::vector<InboundFk> out;
  for (const Table* u : sorted_by_name(to_.tables)) {
    if (u->schema == t.schema && u->name == t.name) continue;
    const Table* fu = table_in(from_, u->schema, u->name);
    for (const Constraint* k : sorted_by_name(u->constraints)) {
      if (k->kind != CK::foreign_key || k->ref_schema != t.schema || k->ref_table != t.name) continue;
      if (fu ? kept_constraint(*k, fu) : fk_target_ready(*u, *k, from_, to_)) out.push_back({u, k});
    }
  }
  return out;
}

Change Planner::hypertable_made(const Table& t, const std::vector<std::string>& rebuild) {
  Change c = mk(K::create_hypertable, Target::of_table(t), {}, *t.hypertable,
           fmt::format("make {} a hypertable on {} (moves existing rows into chunks)", table_ref(t),
                       quote_ident(t.hypertable->time_column)),
           make_hypertable_sql(t, true, ts_), rebuild);
  c.lock = Lock::access_exclusive;
  c.rewrites = true;
  c.note = "copies every row into chunks under ACCESS EXCLUSIVE; DOWN rebuilds a plain table";
  // add_dimension on a hypertable with rows gives the chunks that exist a slice of all values.
  if (!t.hypertable->dimensions.empty()) c.note += "; the rows moved now are not split by partition_by, later ones are";
  return c;
}

void Planner::plan_hypertable(const Table& f, const Table& t) {
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

void Planner::alter_hypertable(const Table& f, const Table& t) {
  const Hypertable& a = *f.hypertable;
  const Hypertable& b = *t.hypertable;
  bool integer = (a.chunk_interval && a.chunk_interval->is_integer) || (b.chunk_interval && b.chunk_interval->is_integer);
  if (!integer || (a.chunk_interval && b.chunk_interval)) {
    Span old_i = a.chunk_interval.value_or(default_chunk_interval());
    Span new_i = b.chunk_interval.value_or(default_chunk_interval());
    if (!(old_i == new_i)) {
      Change c = mk(K::set_chunk_interval, Target::of_table(t), old_i, new_i,
               fmt::format("set chunk interval of {} to {} (was {}; affects only chunks created from now on)",
                           table_ref(t), span_text(new_i), span_text(old_i)),
               {set_chunk_interval_sql(t, new_i, ts_)}, {set_chunk_interval_sql(t, old_i, ts_)});
      add(p_ts_settings, std::move(c));
    }
  }
  alter_dimensions(f, t);
  alter_integer_now(f, t);  // before the policies, which need it
  alter_compression(f, t);
  alter_retention(f, t);
}

namespace {

std::string dimension_text(const Dimension& d) {
  if (d.kind == Dimension::Kind::hash)
    return fmt::format("hash partitioning of {} into {} partitions", quote_ident(d.column), d.partitions);
  return fmt::format("range partitioning of {} by {}", quote_ident(d.column), span_text(d.interval));
}

const Dimension* dimension_on(const std::vector<Dimension>& dims, const std::string& column) {
  for (auto& d : dims)
    if (d.column == column) return &d;
  return nullptr;
}

}  // namespace

// TimescaleDB has no remove_dimension, so a dimension can neither be taken off an existing hypertable nor be added
// to one by a migration whose DOWN must take it off again (and chunks made before it would stay unsplit by it).
// What it can change in place is how new chunks are cut: a hash dimension's partitions (set_number_partitions),
// a range dimension's interval (set_chunk_time_interval).
void Planner::alter_dimensions(const Table& f, const Table& t) {
  const auto& a = f.hypertable->dimensions;
  const auto& b = t.hypertable->dimensions;
  const Loc& at = t.hypertable->loc;
  const std::string recreate = "recreate the table: declare the new one under another name, copy the rows, drop the "
                               "old one and rename the new one (or keep the hypertable's partitioning as it is)";
  bool refused = false;
  for (auto& d : b)
    if (!dimension_on(a, d.column)) {
      refused = true;
      error(fmt::format("cannot add {} to the existing hypertable {}: TimescaleDB cannot remove a dimension, so "
                        "the migration's DOWN could not take it off again", dimension_text(d), table_ref(t)),
            recreate, d.loc.known() ? d.loc : at);
    }
  for (auto& d : a) {
    const Dimension* now = dimension_on(b, d.column);
    if (!now || now->kind != d.kind) {
      refused = true;
      error(fmt::format("cannot {} {} of the existing hypertable {}: TimescaleDB cannot remove or change a "
                        "dimension", now ? "change the kind of" : "remove", dimension_text(d), table_ref(t)),
            recreate, at);
    }
  }
  if (refused) return;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].column != b[i].column)
      return error(fmt::format("the partition_by lines of hypertable {} are in another order than its dimensions "
                               "({} is dimension {})", table_ref(t), quote_ident(a[i].column), i + 2),
                   "write the partition_by lines in the hypertable's order: TimescaleDB numbers its dimensions in the "
                   "order they were added and cannot reorder them", at);
  for (size_t i = 0; i < a.size(); ++i)
    if (!a[i].same(b[i])) add(p_ts_settings, dimension_altered(t, a[i], b[i]));
}

Change Planner::dimension_altered(const Table& t, const Dimension& from, const Dimension& to) const {
  auto sql = [&](const Dimension& d) {
    return d.kind == Dimension::Kind::hash ? set_number_partitions_sql(t, d, ts_)
                                           : set_chunk_interval_sql(t, d.interval, ts_, d.column);
  };
  Change c = mk(K::alter_dimension, Target::of_table(t), from, to,
                fmt::format("change the {} of {} to {} (was {}; affects only chunks created from now on)",
                            to.kind == Dimension::Kind::hash ? "hash partitions" : "range interval", table_ref(t),
                            dimension_text(to), dimension_text(from)),
                {sql(to)}, {sql(from)});
  return c;
}

// The integer_now function can be set and replaced, but TimescaleDB has no call that unsets it.
void Planner::alter_integer_now(const Table& f, const Table& t) {
  std::string a = integer_now_ref(*f.hypertable), b = integer_now_ref(*t.hypertable);
  if (a == b) return;
  if (b.empty())
    return error(fmt::format("cannot unset the integer_now function {} of hypertable {}: TimescaleDB has no call that "
                             "unsets it", a, table_ref(t)),
                 "keep `integer_now` in the hypertable block (schemac leaves the function itself alone), or recreate "
                 "the table without it", t.hypertable->loc);
  Change c = mk(K::set_integer_now, Target::of_table(t), a.empty() ? Fact{} : Fact{a}, b,
                a.empty() ? fmt::format("set the integer_now function of {} to {}", table_ref(t), b)
                          : fmt::format("change the integer_now function of {} to {} (was {})", table_ref(t), b, a),
                {set_integer_now_sql(t, *t.hypertable, !a.empty(), ts_)},
                a.empty() ? std::vector<std::string>{} : std::vector<std::string>{set_integer_now_sql(t, *f.hypertable, true, ts_)});
  if (a.empty()) {
    c.down_note = fmt::format("TimescaleDB cannot unset an integer_now function: this DOWN leaves {} set on {}", b,
                              table_ref(t));
    warning(fmt::format("the DOWN of setting integer_now {} on {} leaves it set: TimescaleDB cannot unset it", b,
                        table_ref(t)),
            "", t.hypertable->loc);
  }
  add(p_ts_settings, std::move(c));
}

void Planner::alter_compression(const Table& f, const Table& t) {
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
      if (from.after) s.push_back(remove_compression_policy_sql(t, ts_));
      s.push_back(decompress_all_sql(t, ts_));
      s.push_back(enable_compression_sql(t, to, true));
      if (to.after) s.push_back(add_compression_policy_sql(t, *to.after, ts_));
      return s;
    };
    Change c = mk(K::change_compression, Target::of_table(t), *a, *b,
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
  add(p_ts_settings, mk(K::change_compression_policy, Target::of_table(t), *a->after, *b->after,
                            fmt::format("change compression policy on {} to chunks older than {} (was {})",
                                        table_ref(t), span_text(*b->after), span_text(*a->after)),
                            {remove_compression_policy_sql(t, ts_), add_compression_policy_sql(t, *b->after, ts_)},
                            {remove_compression_policy_sql(t, ts_), add_compression_policy_sql(t, *a->after, ts_)}));
}

void Planner::alter_retention(const Table& f, const Table& t) {
  const auto& a = f.hypertable->retention;
  const auto& b = t.hypertable->retention;
  if (a == b) return;
  if (!a) return add(p_ts_settings, retention_added(t, *b));
  if (!b) return add(p_ts_settings, removal(retention_added(f, *a), t));
  Change on = retention_added(t, *b);
  Change off = retention_added(t, *a);
  Change c = mk(K::change_retention, Target::of_table(t), *a, *b,
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

}  // namespace schemac::diff_detail
