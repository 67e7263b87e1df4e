#include "sql/names.hpp"

#include <algorithm>
#include <cctype>

#include "model/text.hpp"
#include "sql/parser.hpp"

namespace schemac {

// As PostgreSQL's makeObjectName: shorten the longer part a byte at a time, then back each off to a character
// (pg_mbcliplen): a name cut inside a UTF-8 character is not valid text, and the server refuses it.
std::string make_object_name(std::string_view name1, std::string_view name2, std::string_view label) {
  size_t overhead = (label.empty() ? 0 : label.size() + 1) + (name2.empty() ? 0 : 1);
  size_t avail = kMaxIdentifierBytes > overhead ? kMaxIdentifierBytes - overhead : 0;
  size_t n1 = name1.size(), n2 = name2.size();
  while (n1 + n2 > avail) (n1 > n2 ? n1 : n2)--;
  n1 = utf8_floor(name1, n1);
  n2 = utf8_floor(name2, n2);
  std::string out(name1.substr(0, n1));
  if (!name2.empty()) out += "_" + std::string(name2.substr(0, n2));
  if (!label.empty()) out += "_" + std::string(label);
  return out;
}

namespace {

// Joins key names as ChooseIndexNameAddition does: "_" between, stopping once the buffer is full.
std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (auto& n : names) {
    if (!out.empty()) out += '_';
    out += n;
    if (out.size() >= kMaxIdentifierBytes) break;
  }
  return out.substr(0, std::min(out.size(), kMaxIdentifierBytes));
}

// Appends 1, 2, ... to the label until the name is free, as ChooseRelationName/ChooseConstraintName do.
template <class IsTaken>
std::string first_free_if(std::string_view n1, std::string_view n2, std::string_view label, IsTaken is_taken) {
  for (int pass = 0;; ++pass) {
    std::string l(label);
    if (pass > 0) l += std::to_string(pass);
    std::string name = make_object_name(n1, n2, l);
    if (!is_taken(name)) return name;
  }
}

std::string first_free(std::string_view n1, std::string_view n2, std::string_view label,
                       const std::vector<std::string>& taken) {
  return first_free_if(n1, n2, label, [&](const std::string& n) {
    return std::find(taken.begin(), taken.end(), n) != taken.end();
  });
}

// Index column names made unique the way ChooseIndexColumnNames does (expr, expr1, ...).
std::vector<std::string> index_column_names(const std::vector<IndexKey>& keys) {
  std::vector<std::string> out;
  for (auto& k : keys) {
    std::string base = index_key_name(k), name = base;
    for (int i = 1; std::find(out.begin(), out.end(), name) != out.end(); ++i) name = base + std::to_string(i);
    out.push_back(name);
  }
  return out;
}

}  // namespace

std::vector<std::string> referenced_columns(std::string_view e, const std::vector<std::string>& candidates) {
  std::vector<std::string> found;
  const SqlParse& p = parse_expression(e);
  if (!p.ok()) return found;  // check reports it; a name cannot follow from text PostgreSQL rejects
  for (std::string& w : column_refs(p.tree))
    if (std::find(candidates.begin(), candidates.end(), w) != candidates.end() &&
        std::find(found.begin(), found.end(), w) == found.end())
      found.push_back(std::move(w));
  return found;
}

std::string index_key_name(const IndexKey& k) {
  if (!k.column.empty()) return k.column;
  // ChooseIndexColumnNames: the name the expression derives (FigureIndexColname), else "expr".
  const SqlParse& p = parse_expression(k.expr);
  std::string name = p.ok() ? expression_name(p.tree) : "";
  return name.empty() ? "expr" : name;
}

namespace {
std::string constraint_name_given(const Table& t, const Constraint& c, const std::vector<std::string>& taken) {
  using K = Constraint::Kind;
  switch (c.kind) {
    case K::primary_key: return first_free(t.name, "", "pkey", taken);
    case K::unique: return first_free(t.name, join_names(c.columns), "key", taken);
    case K::foreign_key: return first_free(t.name, join_names(c.columns), "fkey", taken);
    case K::check: {
      auto cols = referenced_columns(c.check_expr, t.column_names());
      return first_free(t.name, cols.size() == 1 ? cols[0] : "", "check", taken);
    }
    case K::exclusion: return first_free(t.name, join_names(index_column_names(c.elements)), "excl", taken);
  }
  return {};
}
}  // namespace

// Earlier unnamed constraints take their default names first, so names are settled in order (linear, not a
// recursion per earlier constraint).
std::string default_constraint_name(const Table& t, size_t index) {
  std::vector<std::string> taken;
  for (size_t i = 0; i < index; ++i) {
    const Constraint& c = t.constraints[i];
    taken.push_back(c.name.empty() ? constraint_name_given(t, c, taken) : c.name);
  }
  return constraint_name_given(t, t.constraints[index], taken);
}

std::string default_index_name(const Table& t, size_t index, const NameSet& taken) {
  // Earlier indexes of the same table are few: they sit beside the (large) schema-wide set.
  std::vector<std::string> earlier;
  auto is_taken = [&](const std::string& n) {
    return taken.count(n) || std::find(earlier.begin(), earlier.end(), n) != earlier.end();
  };
  for (size_t i = 0;; ++i) {
    const Index& ix = t.indexes[i];
    std::string fallback = first_free_if(t.name, join_names(index_column_names(ix.keys)), "idx", is_taken);
    if (i == index) return fallback;  // the default even when a name was written: print compares with it
    earlier.push_back(ix.name.empty() ? fallback : ix.name);
  }
}

std::string index_name_candidate(const Table& t, const Index& ix, int pass) {
  return make_object_name(t.name, join_names(index_column_names(ix.keys)), pass == 0 ? "idx" : "idx" + std::to_string(pass));
}

void assign_index_names(const std::vector<Table*>& tables, NameSet taken) {
  for (Table* t : tables)
    for (auto& ix : t->indexes)
      if (!ix.name.empty()) taken.insert(ix.name);
  for (Table* t : tables)
    for (auto& ix : t->indexes)
      if (ix.name.empty()) {
        ix.name = first_free_if(t->name, join_names(index_column_names(ix.keys)), "idx",
                                [&](const std::string& n) { return taken.count(n) > 0; });
        taken.insert(ix.name);
      }
}

bool is_timescale_default_index(const Table& t, const Index& ix) {
  if (!t.hypertable || ix.unique || (ix.method != "btree" && !ix.method.empty()) || ix.keys.size() != 1 ||
      !ix.include.empty() || !ix.where.empty())
    return false;
  const IndexKey& k = ix.keys[0];
  if (k.column != t.hypertable->time_column || !k.desc || k.nulls != NullsOrder::implied || !k.opclass.empty())
    return false;
  std::string base = make_object_name(t.name, t.hypertable->time_column, "idx");
  return ix.name.rfind(base, 0) == 0 &&
         std::all_of(ix.name.begin() + base.size(), ix.name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string default_sequence_name(std::string_view table, std::string_view column) {
  return make_object_name(table, column, "seq");
}

void name_unnamed_constraints(Table& t) {
  for (size_t i = 0; i < t.constraints.size(); ++i)
    if (t.constraints[i].name.empty()) t.constraints[i].name = default_constraint_name(t, i);
}

}  // namespace schemac
