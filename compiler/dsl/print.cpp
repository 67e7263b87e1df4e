#include "dsl/print.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "dsl/keywords.hpp"
#include "model/types.hpp"
#include "dsl/parse.hpp"
#include "sql/names.hpp"
#include "model/quote.hpp"
#include "model/span.hpp"
#include "model/text.hpp"

namespace schemac {

namespace {

constexpr size_t npos = std::numeric_limits<size_t>::max();
using Kind = Constraint::Kind;

// A name spelled like any of the grammar's words is quoted, wherever it stands: one simple rule that stays safe
// as the grammar grows.
bool word_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool plain_word(std::string_view s) {
  return !s.empty() && word_start(s[0]) && std::all_of(s.begin(), s.end(), word_char);
}

}  // namespace

std::string dsl_name(std::string_view name) {
  if (plain_word(name) && !is_dsl_keyword(name)) return std::string(name);
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

namespace {

std::string names_text(const std::vector<std::string>& names) {
  std::vector<std::string> quoted;
  for (auto& n : names) quoted.push_back(dsl_name(n));
  return join(quoted, ", ");
}

// A possibly qualified name; the schema is left out when it is the one the enclosing block implies.
std::string qname_text(const std::string& schema, const std::string& name, const std::string& context) {
  if (schema.empty() || schema == context) return dsl_name(name);
  return dsl_name(schema) + "." + dsl_name(name);
}

std::string type_text(const Type& t, const std::string& context) {
  std::string out = t.schema.empty() && t.name == "double precision" ? t.name : qname_text(t.schema, t.name, context);
  if (!t.mods.empty()) {
    std::vector<std::string> mods;
    for (auto m : t.mods) mods.push_back(std::to_string(m));
    out += "(" + join(mods, ",") + ")";
  }
  for (int i = 0; i < t.array_dims; ++i) out += "[]";
  return out;
}

std::string string_text(std::string_view s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// Display width in code points, so names with non-ASCII letters still line up.
size_t width(std::string_view s) {
  return std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

std::string pad(std::string s, size_t w) {
  size_t n = width(s);
  if (n < w) s.append(w - n, ' ');
  return s;
}

// ---- SQL text: whether it can stand bare or needs the grammar's parentheses ----

// Whether `text` put in `probe` (a one-table file with @ where the text goes) reads back, through the parser
// itself, as exactly that text where `read` finds it: the grammar decides, so the printer cannot disagree
// with it. Results are kept per text; a schema repeats the same few defaults.
template <class Read>
bool reads_back(std::string_view probe, const std::string& text, Read read,
                std::unordered_map<std::string, bool>& cache) {
  if (auto it = cache.find(text); it != cache.end()) return it->second;
  std::string file(probe);
  file.replace(file.find('@'), 1, text);
  ParseResult r = parse(SourceFile{"print.dsl", file});
  bool same = r.diags.empty() && r.schema.tables.size() == 1 && read(r.schema.tables[0]) == text;
  return cache[text] = same;
}

// A default bare when the parser reads it back unchanged (a literal, a call, a name, parenthesised SQL with a
// cast), otherwise in parentheses: `default (expr)` loses its outer pair, so `(1)` is parenthesised again.
std::string default_text(const std::string& expr) {
  static std::unordered_map<std::string, bool> cache;
  std::string e = trim(expr);
  auto read = [](const Table& t) {
    bool only = t.columns.size() == 1 && t.constraints.empty() && t.indexes.empty();
    return only && t.columns[0].default_expr ? *t.columns[0].default_expr : std::string();
  };
  return reads_back("table t {\n  c int default @\n}\n", e, read, cache) ? e : "(" + e + ")";
}

// An index key expression bare when it reads back as that expression (a function call), else parenthesised.
std::string index_expr_text(const std::string& expr) {
  static std::unordered_map<std::string, bool> cache;
  std::string e = trim(expr);
  auto read = [](const Table& t) {
    bool only = t.indexes.size() == 1 && t.indexes[0].keys.size() == 1 && t.indexes[0].keys[0].column.empty();
    return only ? t.indexes[0].keys[0].expr : std::string();
  };
  return reads_back("table t {\n  c int\n  index (@)\n}\n", e, read, cache) ? e : "(" + e + ")";
}

std::string paren_text(const std::string& expr) { return "(" + trim(expr) + ")"; }

// ---- small pieces ----

std::string nulls_text(bool desc, NullsOrder nulls) {
  switch (normalize_nulls(desc, nulls)) {
    case NullsOrder::first: return " nulls first";
    case NullsOrder::last: return " nulls last";
    case NullsOrder::implied: break;
  }
  return "";
}

std::string order_item_text(const OrderItem& o) {
  return dsl_name(o.column) + (o.desc ? " desc" : "") + nulls_text(o.desc, o.nulls);
}

std::string order_list_text(const std::vector<OrderItem>& items) {
  std::vector<std::string> parts;
  for (auto& o : items) parts.push_back(order_item_text(o));
  return join(parts, ", ");
}

std::string fk_action_text(FkAction a) {
  switch (a) {
    case FkAction::no_action: return "no action";
    case FkAction::restrict: return "restrict";
    case FkAction::cascade: return "cascade";
    case FkAction::set_null: return "set null";
    case FkAction::set_default: return "set default";
  }
  return "";
}

std::string fk_actions_text(const Constraint& c) {
  std::string out;
  if (c.on_delete != FkAction::no_action) out += " on delete " + fk_action_text(c.on_delete);
  if (c.on_update != FkAction::no_action) out += " on update " + fk_action_text(c.on_update);
  return out;
}

// ` (start 100 increment 5 cycle)`, or "" when every option is the default.
std::string identity_options_text(const IdentityOptions& o) {
  std::vector<std::string> parts;
  for (const IdentityOptionField& f : kIdentityOptionFields)
    if (const std::optional<int64_t>& v = o.*(f.member)) parts.push_back(fmt::format("{} {}", f.dsl, *v));
  if (o.cycle) parts.push_back("cycle");
  return parts.empty() ? "" : " (" + join(parts, " ") + ")";
}

// The options only the table-level form carries, as the language spells them (MATCH FULL goes with the target).
std::string constraint_options_text(const Constraint& c) {
  std::string out;
  if (c.nulls_not_distinct) out += " nulls not distinct";
  if (c.deferrable) out += c.initially_deferred ? " deferrable initially deferred" : " deferrable";
  if (c.no_inherit) out += " no inherit";
  return out;
}

// `with (fillfactor = 70)`: a value that is not a plain word or number is written as a string.
std::string storage_text(const std::vector<std::pair<std::string, std::string>>& params) {
  std::vector<std::string> parts;
  for (const auto& [k, v] : params) {
    std::string quoted = "'";
    for (char ch : v) quoted += ch == '\'' ? std::string("''") : std::string(1, ch);
    parts.push_back(k + " = " + (bare_storage_value(v) ? v : quoted + "'"));
  }
  return "with (" + join(parts, ", ") + ")";
}

std::string fk_target_text(const Constraint& c, const std::string& context) {
  std::string out = "references " + qname_text(c.ref_schema, c.ref_table, context);
  if (!c.ref_columns.empty()) out += "(" + names_text(c.ref_columns) + ")";
  if (c.match_full) out += " match full";
  return out + fk_actions_text(c);
}

}  // namespace

namespace {

// ---- which constraint goes where, and which names are defaults ----

size_t column_index(const Table& t, const std::string& name) {
  for (size_t i = 0; i < t.columns.size(); ++i)
    if (t.columns[i].name == name) return i;
  return npos;
}

bool has_trivia(const Trivia& t) { return !t.before.empty() || !t.after.empty(); }

// The column a constraint could be written on, or npos when its shape keeps it at table level.
size_t inline_column(const Table& t, const Constraint& c) {
  if (!c.comment.empty() || has_trivia(c.trivia) || c.match_full || !constraint_options_text(c).empty())
    return npos;
  if ((c.kind == Kind::foreign_key && c.ref_columns.size() > 1) || c.kind == Kind::exclusion) return npos;
  auto cols = c.kind == Kind::check ? referenced_columns(c.check_expr, t.column_names()) : c.columns;
  return cols.size() == 1 ? column_index(t, cols[0]) : npos;
}

int kind_rank(Kind k) {
  switch (k) {
    case Kind::primary_key: return 0;
    case Kind::unique: return 1;
    case Kind::foreign_key: return 2;
    case Kind::check: return 3;
    case Kind::exclusion: return 4;
  }
  return 5;
}

// Every constraint's name: the written one, or the default given the names before it.
Table with_constraint_names(const Table& t) {
  Table out = t;
  name_unnamed_constraints(out);
  return out;
}

struct ConstraintLayout {
  std::vector<std::vector<size_t>> on_column;  // per column: constraints written inline, in print order
  std::vector<size_t> table_level;             // constraints written at table level, in print order
  std::vector<bool> named;                     // per constraint: its name must be printed
  std::vector<std::string> names;              // per constraint: the written one, or its default where written
};

ConstraintLayout arrange(const Table& t, const std::vector<size_t>& column_of) {
  ConstraintLayout l;
  l.on_column.resize(t.columns.size());
  for (size_t i = 0; i < t.constraints.size(); ++i) {
    if (column_of[i] == npos) l.table_level.push_back(i);
    else l.on_column[column_of[i]].push_back(i);
  }
  for (auto& list : l.on_column)
    std::stable_sort(list.begin(), list.end(), [&](size_t a, size_t b) {
      return kind_rank(t.constraints[a].kind) < kind_rank(t.constraints[b].kind);
    });
  return l;
}

// The order in which a parser meets the constraints of the printed text: inline ones column by column,
// then the table-level ones. Default names depend on this order (t_a_check, t_a_check1, ...).
std::vector<size_t> print_order(const ConstraintLayout& l) {
  std::vector<size_t> order;
  for (auto& list : l.on_column) order.insert(order.end(), list.begin(), list.end());
  order.insert(order.end(), l.table_level.begin(), l.table_level.end());
  return order;
}

// Marks which names differ from the default they would get in print order; returns false (and sends the
// constraint to table level) when an inline candidate turns out to need its name.
bool settle_names(const Table& named, ConstraintLayout& l, std::vector<size_t>& column_of) {
  auto order = print_order(l);
  Table printed = named;
  for (size_t k = 0; k < order.size(); ++k) printed.constraints[k] = named.constraints[order[k]];
  bool settled = true;
  l.named.assign(order.size(), false);
  for (size_t k = 0; k < order.size(); ++k) {
    size_t i = order[k];
    l.named[i] = named.constraints[i].name != default_constraint_name(printed, k);
    if (l.named[i] && column_of[i] != npos) {
      column_of[i] = npos;
      settled = false;
    }
  }
  return settled;
}

// One layout of t's constraints, in t's order (`named`: t with every name filled in).
ConstraintLayout settle_layout(const Table& t, const Table& named) {
  std::vector<size_t> column_of(t.constraints.size());
  for (size_t i = 0; i < t.constraints.size(); ++i) column_of[i] = inline_column(t, t.constraints[i]);
  for (;;) {  // each round only moves constraints to table level, so this ends
    ConstraintLayout l = arrange(t, column_of);
    if (!settle_names(named, l, column_of)) continue;
    for (auto& c : named.constraints) l.names.push_back(c.name);
    return l;
  }
}

Table reordered(const Table& t, const std::vector<size_t>& order) {
  Table out = t;
  for (size_t k = 0; k < order.size(); ++k) out.constraints[k] = t.constraints[order[k]];
  return out;
}

// A layout of reordered(t, from) told in t's numbering.
ConstraintLayout renumbered(ConstraintLayout l, const std::vector<size_t>& from) {
  for (auto& list : l.on_column)
    for (auto& i : list) i = from[i];
  for (auto& i : l.table_level) i = from[i];
  ConstraintLayout out = l;
  for (size_t k = 0; k < from.size(); ++k) {
    out.named[from[k]] = l.named[k];
    out.names[from[k]] = l.names[k];
  }
  return out;
}

bool same_layout(const ConstraintLayout& a, const ConstraintLayout& b) {
  return a.on_column == b.on_column && a.table_level == b.table_level && a.named == b.named;
}

// The parser meets the printed constraints in print order, and that order can lay out differently (a
// constraint sent to table level for its name in one order needs none in the other, and would move inline on
// the next fmt). So the printed order is laid out again until it gives itself: fmt's output is its own fixed
// point. Two or three rounds in practice; the bound only guards against a cycle.
ConstraintLayout layout_constraints(const Table& t) {
  Table named = with_constraint_names(t);
  ConstraintLayout l = settle_layout(t, named);
  for (int round = 0; round < 16; ++round) {
    auto order = print_order(l);
    ConstraintLayout next = renumbered(settle_layout(reordered(t, order), reordered(named, order)), order);
    if (same_layout(next, l)) break;
    l = std::move(next);
  }
  return l;
}

// Index names as the check stage completes them: the same assign_index_names (names.hpp) over copies of one
// schema's tables (only their names and indexes), with `taken` = table names and index-backed constraints.
std::vector<std::vector<std::string>> names_as_check_gives(std::vector<Table> tables, const NameSet& taken) {
  std::vector<Table*> members;
  for (auto& t : tables) members.push_back(&t);
  assign_index_names(members, taken);
  std::vector<std::vector<std::string>> out;
  for (auto& t : tables) {
    out.emplace_back();
    for (auto& ix : t.indexes) out.back().push_back(ix.name);
  }
  return out;
}

struct IndexNames {
  std::vector<std::vector<std::string>> names;  // per table of the Schema, per index: its real name
  std::vector<std::vector<bool>> needed;        // whether that name must be printed
};

// Whether index k of `flat` (one schema's indexes in the order check names them) gets its real name when it is
// left out, every later index still written: each name the server would try before the real one must be taken
// by then, by `taken` or by another index. Those later indexes it relies on are added to `relied_on`.
bool gets_its_name_unwritten(const std::vector<std::pair<const Table*, const Index*>>& flat, size_t k,
                             const std::vector<std::string>& real, const NameSet& taken,
                             const std::unordered_map<std::string, size_t>& owner, std::vector<size_t>& relied_on) {
  for (int pass = 0;; ++pass) {
    std::string tried = index_name_candidate(*flat[k].first, *flat[k].second, pass);
    if (tried == real[k]) return taken.count(tried) == 0;
    if (taken.count(tried)) continue;
    auto it = owner.find(tried);
    if (it == owner.end()) return false;     // free: the index would take this one
    if (it->second > k) relied_on.push_back(it->second);  // earlier ones hold theirs already, written or not
  }
}

// Leaves out each name in turn (in the order check names indexes) when parsing and checking the printed text
// would give every index of the schema its real name again. Leaving one out frees its name until its turn, so an
// earlier index left out that relied on it being taken keeps it written: one pass over the indexes, with a
// final check that falls back to writing every name.
void elide_index_names(std::vector<Table>& tables, const NameSet& taken,
                       const std::vector<std::vector<std::string>>& names) {
  // The common case (a pulled schema where every index has its default name) in one pass: leave them all out.
  std::vector<Table> unnamed = tables;
  for (auto& t : unnamed)
    for (auto& ix : t.indexes) ix.name.clear();
  if (names_as_check_gives(unnamed, taken) == names) {
    tables = std::move(unnamed);
    return;
  }
  std::vector<std::pair<const Table*, const Index*>> flat;
  std::vector<std::string> real;
  std::unordered_map<std::string, size_t> owner;
  for (size_t t = 0; t < tables.size(); ++t)
    for (size_t i = 0; i < tables[t].indexes.size(); ++i) {
      owner.emplace(names[t][i], flat.size());
      flat.emplace_back(&tables[t], &tables[t].indexes[i]);
      real.push_back(names[t][i]);
    }
  std::vector<bool> keep(flat.size(), false);
  std::vector<bool> elided(flat.size(), false);
  for (size_t k = 0; k < flat.size(); ++k) {
    std::vector<size_t> relied_on;
    if (keep[k] || !gets_its_name_unwritten(flat, k, real, taken, owner, relied_on)) continue;
    elided[k] = true;
    for (size_t j : relied_on) keep[j] = true;
  }
  size_t k = 0;
  for (auto& t : tables)
    for (auto& ix : t.indexes) ix.name = elided[k++] ? "" : ix.name;
  if (names_as_check_gives(tables, taken) != names)  // duplicate names: write them all, as they are
    for (size_t t = 0; t < tables.size(); ++t)
      for (size_t i = 0; i < tables[t].indexes.size(); ++i) tables[t].indexes[i].name = names[t][i];
}

IndexNames index_names(const Schema& s) {
  IndexNames out;
  out.names.resize(s.tables.size());
  out.needed.resize(s.tables.size());
  std::map<std::string, std::vector<size_t>> by_schema;  // check names each schema's indexes on their own
  for (size_t t = 0; t < s.tables.size(); ++t) by_schema[s.tables[t].schema].push_back(t);
  for (auto& [schema, members] : by_schema) {
    std::vector<Table> tables;
    NameSet taken;
    for (size_t t : members) {
      taken.insert(s.tables[t].name);
      for (auto& c : with_constraint_names(s.tables[t]).constraints)
        if (c.index_backed()) taken.insert(c.name);
      tables.emplace_back();
      tables.back().name = s.tables[t].name;
      tables.back().indexes = s.tables[t].indexes;
    }
    auto names = names_as_check_gives(tables, taken);
    for (size_t k = 0; k < tables.size(); ++k)
      for (size_t i = 0; i < tables[k].indexes.size(); ++i) tables[k].indexes[i].name = names[k][i];
    elide_index_names(tables, taken, names);
    for (size_t k = 0; k < tables.size(); ++k) {
      out.names[members[k]] = names[k];
      for (auto& ix : tables[k].indexes) out.needed[members[k]].push_back(!ix.name.empty());
    }
  }
  return out;
}

// ---- the printer ----

// An ordinary comment from the text that followed its `//`: a space is added after `//` unless the text
// already starts with one (or with `/`, as a doc comment kept as an ordinary one does), so printing it again
// gives the same text back.
std::string comment_text(std::string_view text) {
  bool as_is = text.empty() || text[0] == ' ' || text[0] == '/';
  return (as_is ? "//" : "// ") + std::string(text);
}

class Printer {
 public:
  explicit Printer(const Schema& s) : s_(s), index_names_(index_names(s)) {}
  std::string run();

 private:
  const Schema& s_;
  IndexNames index_names_;
  std::string out_;
  bool pending_blank_ = false;
  bool at_open_ = false;  // the last line opened a block: no blank line, and `{}` when nothing follows

  void line(int depth, std::string_view text, std::string_view after = {});
  void open(int depth, std::string_view text);
  void close(int depth, std::string_view after = {});
  void separate() { pending_blank_ = !out_.empty() && !at_open_; }
  void comment_lines(int depth, const std::vector<std::string>& lines);
  void comments_above(int depth, const Trivia& trivia);
  void leading(int depth, const Trivia& trivia, const std::string& doc, const std::vector<std::string>& renamed);

  void extension(const Extension& e);
  void enum_decl(const Enum& e, int depth);
  void sequence(const Sequence& q, int depth);
  void table(const Table& t, size_t pos, int depth);
  void columns(const Table& t, const ConstraintLayout& l, int depth);
  std::string column_mods(const Table& t, const Column& c, const std::vector<size_t>& inl);
  std::string inline_constraint(const Table& t, const Constraint& c);
  void table_constraint(const Table& t, const Constraint& c, const std::string& name, int depth);
  void index(const Index& ix, const std::string& name, int depth);
  void hypertable(const Hypertable& h, const std::string& context, int depth);
  void query(const Query& q, const std::string& context, int depth);
  struct Members {
    const Namespace* ns = nullptr;       // its `schema` block's declaration, if it has one
    std::vector<size_t> enums, sequences, tables;  // positions in the Schema
  };
  void schema_block(const std::string& name, const Members& members);
  std::vector<std::string> block_schemas() const;
};

void Printer::line(int depth, std::string_view text, std::string_view after) {
  if (pending_blank_) out_ += '\n';
  pending_blank_ = at_open_ = false;
  out_.append(depth * 2, ' ');
  out_ += text;
  if (!after.empty()) out_ += "  " + comment_text(after);
  out_ += '\n';
}

void Printer::open(int depth, std::string_view text) {
  line(depth, std::string(text) + " {");
  at_open_ = true;
}

void Printer::close(int depth, std::string_view after) {
  pending_blank_ = false;  // a separator asked for by the block's last group is not needed before `}`
  if (!at_open_) return line(depth, "}", after);
  out_.pop_back();  // "{\n" -> "{}"
  at_open_ = false;
  out_ += "}";
  if (!after.empty()) out_ += "  " + comment_text(after);
  out_ += '\n';
}

// `// text` lines; text is what followed the `//` (a doc comment that documents nothing comes back as "/ text").
void Printer::comment_lines(int depth, const std::vector<std::string>& lines) {
  for (auto& text : lines) line(depth, comment_text(text));
}

// Comments above a declaration; those the source kept apart with a blank line stay apart.
void Printer::comments_above(int depth, const Trivia& trivia) {
  size_t detached = std::min(trivia.detached, trivia.before.size());
  for (size_t i = 0; i < trivia.before.size(); ++i) {
    if (i == detached && detached > 0) separate();
    line(depth, comment_text(trivia.before[i]));
  }
  if (detached == trivia.before.size() && detached > 0) separate();
}

// Ordinary comments, then the doc comment, then @renamed_from: everything that sits above a declaration.
void Printer::leading(int depth, const Trivia& trivia, const std::string& doc,
                      const std::vector<std::string>& renamed) {
  comments_above(depth, trivia);
  if (!doc.empty()) {
    size_t start = 0;
    for (;;) {
      size_t nl = doc.find('\n', start);
      std::string text = doc.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
      line(depth, text.empty() ? "///" : "/// " + text);
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  }
  if (!renamed.empty()) line(depth, "@renamed_from(" + names_text(renamed) + ")");
}

void Printer::extension(const Extension& e) {
  comments_above(0, e.trivia);
  line(0, "extension " + dsl_name(e.name) + (e.schema.empty() ? "" : " schema " + dsl_name(e.schema)),
       e.trivia.after);
}

void Printer::enum_decl(const Enum& e, int depth) {
  leading(depth, e.trivia, e.comment, e.renamed_from);
  std::vector<std::string> labels;
  for (auto& v : e.values) labels.push_back(plain_word(v) && !is_dsl_keyword(v) ? v : string_text(v));
  std::string head = "enum " + dsl_name(e.name);
  std::string one_line = head + " { " + join(labels, ", ") + " }";
  if (labels.empty()) return line(depth, head + " {}", e.trivia.after);
  if (depth * 2 + width(one_line) <= 100) return line(depth, one_line, e.trivia.after);
  open(depth, head);
  for (auto& l : labels) line(depth + 1, l + ",");
  close(depth, e.trivia.after);
}

// The type in its canonical spelling; `as bigint` is the default and left out.
void Printer::sequence(const Sequence& q, int depth) {
  leading(depth, q.trivia, q.comment, q.renamed_from);
  std::string text = "sequence " + dsl_name(q.name);
  std::string type = canonical_type_name(q.type.name).value_or(q.type.name);
  if (type != "bigint") text += " as " + type;
  line(depth, text + identity_options_text(q.options), q.trivia.after);
}

void Printer::table(const Table& t, size_t pos, int depth) {
  leading(depth, t.trivia, t.comment, t.renamed_from);
  open(depth, std::string(t.unlogged ? "unlogged " : "") + "table " + dsl_name(t.name));
  if (!t.storage.empty()) {  // first: right after an index it would read as the index's
    line(depth + 1, storage_text(t.storage));
    separate();
  }
  ConstraintLayout l = layout_constraints(t);
  columns(t, l, depth + 1);
  separate();
  for (size_t i : l.table_level) table_constraint(t, t.constraints[i], l.named[i] ? l.names[i] : "", depth + 1);
  for (size_t i = 0; i < t.indexes.size(); ++i) {
    bool named = index_names_.needed[pos][i];
    index(t.indexes[i], named ? index_names_.names[pos][i] : "", depth + 1);
  }
  if (t.hypertable) {
    separate();
    hypertable(*t.hypertable, t.schema, depth + 1);
  }
  for (auto& q : t.queries) {
    separate();
    query(q, t.schema, depth + 1);
  }
  pending_blank_ = false;  // trailing comments sit right under the last item
  comment_lines(depth + 1, t.tail_comments);
  close(depth, t.trivia.after);
}

void Printer::columns(const Table& t, const ConstraintLayout& l, int depth) {
  std::vector<std::string> names, types, mods;
  size_t name_w = 0, type_w = 0;
  for (size_t i = 0; i < t.columns.size(); ++i) {
    auto& c = t.columns[i];
    names.push_back(dsl_name(c.name));
    types.push_back(type_text(c.type, t.schema) + (c.nullable ? "?" : ""));
    mods.push_back(column_mods(t, c, l.on_column[i]));
    name_w = std::max(name_w, width(names.back()));
    type_w = std::max(type_w, width(types.back()));
  }
  for (size_t i = 0; i < t.columns.size(); ++i) {
    auto& c = t.columns[i];
    leading(depth, c.trivia, c.comment, c.renamed_from);
    std::string text = pad(names[i], name_w) + " " + (mods[i].empty() ? types[i] : pad(types[i], type_w) + " " + mods[i]);
    line(depth, text, c.trivia.after);
  }
}

std::string Printer::column_mods(const Table& t, const Column& c, const std::vector<size_t>& inl) {
  std::vector<std::string> parts;
  if (!c.collation.empty()) parts.push_back("collate " + dsl_name(c.collation));
  if (c.identity != Identity::none)
    parts.push_back(std::string(c.identity == Identity::always ? "identity always" : "identity") +
                    identity_options_text(c.identity_options));
  if (c.generated_expr) parts.push_back("generated " + paren_text(*c.generated_expr));
  if (c.default_expr) parts.push_back("default " + default_text(*c.default_expr));
  for (size_t i : inl) parts.push_back(inline_constraint(t, t.constraints[i]));
  return join(parts, " ");
}

std::string Printer::inline_constraint(const Table& t, const Constraint& c) {
  switch (c.kind) {
    case Kind::primary_key: return "primary key";
    case Kind::unique: return "unique";
    case Kind::foreign_key: return fk_target_text(c, t.schema);
    case Kind::check: return "check " + paren_text(c.check_expr);
    case Kind::exclusion: break;  // always at table level (inline_column)
  }
  return "";
}

std::string index_key_text(const IndexKey& k) {
  std::string out = !k.column.empty() ? dsl_name(k.column) : index_expr_text(k.expr);
  if (!k.collation.empty()) out += " collate " + dsl_name(k.collation);
  if (!k.opclass.empty()) out += " " + dsl_name(k.opclass);
  return out + (k.desc ? " desc" : "") + nulls_text(k.desc, k.nulls);
}

// `exclude name using gist (room with =, during with &&) where (...)`
std::string exclusion_text(const Constraint& c, const std::string& name) {
  std::string out = "exclude" + name;
  if (!c.method.empty() && c.method != "btree") out += " using " + dsl_name(c.method);
  std::vector<std::string> elements;
  for (const IndexKey& k : c.elements) elements.push_back(index_key_text(k) + " with " + k.op);
  out += " (" + join(elements, ", ") + ")";
  if (!trim(c.where).empty()) out += " where " + paren_text(c.where);
  return out;
}

// `written_name`: empty when the default the parser gives it is its name.
void Printer::table_constraint(const Table& t, const Constraint& c, const std::string& written_name, int depth) {
  leading(depth, c.trivia, c.comment, {});
  std::string name = written_name.empty() ? "" : " " + dsl_name(written_name);
  std::string text;
  switch (c.kind) {
    case Kind::primary_key: text = "primary key" + name + " (" + names_text(c.columns) + ")"; break;
    case Kind::unique: text = "unique" + name + " (" + names_text(c.columns) + ")"; break;
    case Kind::foreign_key:
      text = "foreign key" + name + " (" + names_text(c.columns) + ") " + fk_target_text(c, t.schema);
      break;
    case Kind::check: text = "check" + name + " " + paren_text(c.check_expr); break;
    case Kind::exclusion: text = exclusion_text(c, name); break;
  }
  line(depth, text + constraint_options_text(c), c.trivia.after);
}

void Printer::index(const Index& ix, const std::string& name, int depth) {
  leading(depth, ix.trivia, ix.comment, {});
  std::string text = ix.unique ? "unique index" : "index";
  if (!name.empty()) text += " " + dsl_name(name);
  if (!ix.method.empty() && ix.method != "btree") text += " using " + dsl_name(ix.method);
  std::vector<std::string> keys;
  for (auto& k : ix.keys) keys.push_back(index_key_text(k));
  text += " (" + join(keys, ", ") + ")";
  if (!ix.include.empty()) text += " include (" + names_text(ix.include) + ")";
  if (ix.nulls_not_distinct) text += " nulls not distinct";
  if (!ix.storage.empty()) text += " " + storage_text(ix.storage);
  if (!trim(ix.where).empty()) text += " where " + paren_text(ix.where);
  line(depth, text, ix.trivia.after);
}

void Printer::hypertable(const Hypertable& h, const std::string& context, int depth) {
  comments_above(depth, h.trivia);
  std::string head = "hypertable on " + dsl_name(h.time_column);
  if (!h.chunk_interval && !h.retention && !h.compression && h.dimensions.empty() && h.integer_now.empty())
    return line(depth, head, h.trivia.after);
  open(depth, head);
  if (h.chunk_interval) line(depth + 1, "chunk_interval " + dsl_span(*h.chunk_interval));
  for (auto& d : h.dimensions)
    line(depth + 1, "partition_by " + dsl_name(d.column) +
                        (d.kind == Dimension::Kind::hash ? " hash " + std::to_string(d.partitions)
                                                         : " range " + dsl_span(d.interval)));
  if (!h.integer_now.empty()) line(depth + 1, "integer_now " + qname_text(h.integer_now_schema, h.integer_now, context));
  if (h.retention) line(depth + 1, "retention " + dsl_span(*h.retention));
  if (h.compression) {
    auto& c = *h.compression;
    if (c.segment_by.empty() && c.order_by.empty() && !c.after) {
      line(depth + 1, "compression");
    } else {
      open(depth + 1, "compression");
      if (!c.segment_by.empty()) line(depth + 2, "segment_by " + names_text(c.segment_by));
      if (!c.order_by.empty()) line(depth + 2, "order_by " + order_list_text(c.order_by));
      if (c.after) line(depth + 2, "after " + dsl_span(*c.after));
      close(depth + 1);
    }
  }
  close(depth, h.trivia.after);
}

void Printer::query(const Query& q, const std::string& context, int depth) {
  leading(depth, q.trivia, q.comment, {});
  std::vector<std::string> params;
  for (auto& p : q.params) params.push_back(dsl_name(p.name) + (p.type ? " " + type_text(*p.type, context) : ""));
  std::string head = "query " + dsl_name(q.name) + "(" + join(params, ", ") + ") -> " + (q.many ? "many" : "one");
  if (!q.columns.empty()) head += " (" + names_text(q.columns) + ")";
  open(depth, head);
  if (!trim(q.where).empty()) line(depth + 1, "where " + trim(q.where));
  if (!q.order_by.empty()) line(depth + 1, "order by " + order_list_text(q.order_by));
  if (!trim(q.limit).empty()) line(depth + 1, "limit " + trim(q.limit));
  close(depth, q.trivia.after);
}

// Non-public schemas in order: declared blocks first, then any other schema an enum or table lives in.
std::vector<std::string> Printer::block_schemas() const {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen = {"public"};
  auto add = [&](const std::string& name) {
    if (seen.insert(name).second) out.push_back(name);
  };
  for (auto& n : s_.namespaces) add(n.name);
  for (auto& e : s_.enums) add(e.schema);
  for (auto& q : s_.sequences) add(q.schema);
  for (auto& t : s_.tables) add(t.schema);
  return out;
}

void Printer::schema_block(const std::string& name, const Members& members) {
  const Namespace* ns = members.ns;
  separate();
  if (ns) leading(0, ns->trivia, ns->comment, {});
  open(0, "schema " + dsl_name(name));
  for (size_t i : members.enums) separate(), enum_decl(s_.enums[i], 1);
  for (size_t i : members.sequences) separate(), sequence(s_.sequences[i], 1);
  for (size_t i : members.tables) separate(), table(s_.tables[i], i, 1);
  if (ns) comment_lines(1, ns->tail_comments);
  close(0, ns ? std::string_view(ns->trivia.after) : std::string_view());
}

std::string Printer::run() {
  // Each schema's enums and tables, in declaration order, gathered once (not one pass over all per schema).
  std::unordered_map<std::string, Members> by_schema;
  for (auto& n : s_.namespaces) by_schema[n.name].ns = by_schema[n.name].ns ? by_schema[n.name].ns : &n;
  for (size_t i = 0; i < s_.enums.size(); ++i) by_schema[s_.enums[i].schema].enums.push_back(i);
  for (size_t i = 0; i < s_.sequences.size(); ++i) by_schema[s_.sequences[i].schema].sequences.push_back(i);
  for (size_t i = 0; i < s_.tables.size(); ++i) by_schema[s_.tables[i].schema].tables.push_back(i);
  for (auto& e : s_.extensions) extension(e);
  Members& top = by_schema["public"];
  for (size_t i : top.enums) separate(), enum_decl(s_.enums[i], 0);
  for (size_t i : top.sequences) separate(), sequence(s_.sequences[i], 0);
  for (size_t i : top.tables) separate(), table(s_.tables[i], i, 0);
  for (auto& name : block_schemas()) schema_block(name, by_schema[name]);
  separate();
  comment_lines(0, s_.tail_comments);
  return out_;
}

}  // namespace

std::string print_dsl(const Schema& schema) { return Printer(schema).run(); }

}  // namespace schemac
