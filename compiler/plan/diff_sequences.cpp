// The planner's sequences: renames (which the defaults that draw from them follow), creation, options, comments
// and drops.
#include "plan/diff_internal.hpp"
#include "sql/parser.hpp"

namespace schemac::diff_detail {

// ALTER SEQUENCE ... RENAME keeps the sequence's oid, and a default stores nextval(oid): the catalog then prints
// the new name. from_'s defaults are rewritten the same way, so the plan sees no default change.
void Planner::rename_sequence(const Sequence& q) {
  if (from_.find_sequence(q.schema, q.name)) return;
  for (auto& old : q.renamed_from) {
    auto it = std::find_if(from_.sequences.begin(), from_.sequences.end(),
                           [&](auto& x) { return x.schema == q.schema && x.name == old; });
    if (it == from_.sequences.end() || to_.find_sequence(q.schema, old)) continue;
    add(p_renames, mk(K::rename_sequence, Target::of_sequence(q), old, q.name,
                      fmt::format("rename sequence {} to {}", quote_qualified(q.schema, old), quote_ident(q.name)),
                      {rename_sequence_sql(q.schema, old, q.name)}, {rename_sequence_sql(q.schema, q.name, old)}));
    it->name = q.name;
    for (auto& t : from_.tables)
      for (auto& c : t.columns) {
        if (!c.default_expr) continue;
        auto drawn = nextval_sequence(*c.default_expr);
        if (drawn && drawn->schema == q.schema && drawn->name == old)
          c.default_expr = nextval_sql(q.schema, q.name, drawn->regclass_cast);
      }
    return;
  }
}

Change Planner::sequence_created(const Sequence& q) {
  Change c = mk(K::create_sequence, Target::of_sequence(q), {}, q, "create sequence " + quote_qualified(q.schema, q.name),
                {create_sequence_sql(q)}, {drop_sequence_sql(q)});
  if (!q.comment.empty()) c.up.push_back(comment_on_sequence_sql(q, q.comment));
  return c;
}

// Created with the types, before the tables whose defaults draw from them; dropped after the tables and
// defaults that use them are gone.
void Planner::plan_sequences() {
  for (const Sequence* q : sorted_by_name(to_.sequences)) {
    const Sequence* f = from_.find_sequence(q->schema, q->name);
    if (!f) {
      add(p_enums, sequence_created(*q));
      continue;
    }
    std::string object = quote_qualified(q->schema, q->name);
    if (f->type != q->type || f->options != q->options)
      add(p_enums, mk(K::alter_sequence, Target::of_sequence(*q), *f, *q, "alter sequence " + object,
                      {alter_sequence_sql(*f, *q)}, {alter_sequence_sql(*q, *f)}));
    if (f->comment != q->comment)
      add(p_comments, comment_change("sequence " + object, Target::of_sequence(*q), f->comment, q->comment,
                                     comment_on_sequence_sql(*q, q->comment), comment_on_sequence_sql(*q, f->comment)));
  }
  for (const Sequence* f : sorted_by_name(from_.sequences)) {
    if (to_.find_sequence(f->schema, f->name)) continue;
    std::string object = quote_qualified(f->schema, f->name);
    Change c = inverse(sequence_created(*f), K::drop_sequence, "drop sequence " + object);
    c.destructive = true;
    c.irreversible_data = true;
    c.down_note = "the current value of " + object + " is gone: this creates the sequence again at its start";
    add(p_drop_enums, std::move(c));
  }
}

}  // namespace schemac::diff_detail
