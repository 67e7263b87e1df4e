#include "migrate/merge.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <optional>

#include "model/quote.hpp"

namespace schemac {

namespace {

using Conflicts = std::vector<std::string>;

// Each state was read from its own file: where an object was written says nothing about what it is.
void forget_places(Schema& s) {
  for (auto& e : s.extensions) e.loc = {};
  for (auto& n : s.namespaces) n.loc = {};
  for (auto& e : s.enums) e.loc = {};
  for (auto& q : s.sequences) q.loc = {};
  for (auto& t : s.tables) {
    t.loc = {};
    for (auto& c : t.columns) c.loc = {};
    for (auto& k : t.constraints) k.loc = {};
    for (auto& ix : t.indexes) ix.loc = {};
    if (t.hypertable) {
      t.hypertable->loc = {};
      for (auto& d : t.hypertable->dimensions) d.loc = {};
    }
    for (auto& q : t.queries) {
      q.loc = {};
      for (auto& p : q.params) p.loc = {};
    }
  }
}

template <class T>
const T* find_by(const std::vector<T>& v, const std::string& key, const std::function<std::string(const T&)>& key_of) {
  auto it = std::find_if(v.begin(), v.end(), [&](const T& x) { return key_of(x) == key; });
  return it == v.end() ? nullptr : &*it;
}

// One value both sides may have changed: the side that changed it wins; both changing it differently conflicts.
template <class V>
V merge_value(const V& base, const V& ours, const V& theirs, const std::string& what, Conflicts& conflicts) {
  if (theirs == base || ours == theirs) return ours;
  if (ours == base) return theirs;
  conflicts.push_back(what + ": changed differently on both sides");
  return ours;
}

// Objects matched by key. `deep` merges an object both sides changed (nullptr: that is a conflict).
template <class T>
std::vector<T> merge_list(const std::vector<T>& base, const std::vector<T>& ours, const std::vector<T>& theirs,
                          const std::function<std::string(const T&)>& key_of,
                          const std::function<std::string(const T&)>& name_of,
                          const std::function<T(const T&, const T&, const T&)>& deep, Conflicts& conflicts) {
  std::vector<T> out;
  for (const T& o : ours) {
    std::string key = key_of(o);
    const T* b = find_by(base, key, key_of);
    const T* t = find_by(theirs, key, key_of);
    if (!t) {
      if (!b) out.push_back(o);  // added before this migration
      else if (!(o == *b)) conflicts.push_back(name_of(o) + ": changed before this migration, removed by it");
      continue;  // removed by this migration
    }
    if (!b) {
      if (o == *t) out.push_back(o);
      else conflicts.push_back(name_of(o) + ": added on both sides, differently");
      continue;
    }
    if (*t == *b || o == *t) out.push_back(o);
    else if (o == *b) out.push_back(*t);
    else if (deep) out.push_back(deep(*b, o, *t));
    else {
      conflicts.push_back(name_of(o) + ": changed differently on both sides");
      out.push_back(o);
    }
  }
  for (const T& t : theirs) {
    std::string key = key_of(t);
    if (find_by(ours, key, key_of)) continue;
    const T* b = find_by(base, key, key_of);
    if (!b) out.push_back(t);  // added by this migration
    else if (!(t == *b)) conflicts.push_back(name_of(t) + ": removed before this migration, changed by it");
  }
  return out;
}

template <class T>
std::string name_key(const T& x) {
  return x.name;
}

template <class T>
std::string qualified_key(const T& x) {
  return quote_qualified(x.schema, x.name);
}

Table merge_table(const Table& b, const Table& o, const Table& t, Conflicts& conflicts) {
  std::string table = "table " + qualified_key(t);
  auto member = [&](const std::string& kind) {
    return [=](const auto& x) { return fmt::format("{} {} of {}", kind, quote_ident(x.name), table); };
  };
  Table out = o;
  out.columns = merge_list<Column>(b.columns, o.columns, t.columns, name_key<Column>, member("column"), nullptr,
                                   conflicts);
  out.constraints = merge_list<Constraint>(b.constraints, o.constraints, t.constraints, name_key<Constraint>,
                                           member("constraint"), nullptr, conflicts);
  out.indexes = merge_list<Index>(b.indexes, o.indexes, t.indexes, name_key<Index>, member("index"), nullptr, conflicts);
  out.queries = merge_list<Query>(b.queries, o.queries, t.queries, name_key<Query>, member("query"), nullptr, conflicts);
  out.hypertable = merge_value(b.hypertable, o.hypertable, t.hypertable, "the hypertable settings of " + table, conflicts);
  out.comment = merge_value(b.comment, o.comment, t.comment, "the comment of " + table, conflicts);
  out.renamed_from = merge_value(b.renamed_from, o.renamed_from, t.renamed_from, "the @renamed_from of " + table, conflicts);
  out.trivia = merge_value(b.trivia, o.trivia, t.trivia, "the // comments above " + table, conflicts);
  out.tail_comments = merge_value(b.tail_comments, o.tail_comments, t.tail_comments, "the // comments at the end of " + table, conflicts);
  return out;
}

}  // namespace

MergeResult merge_schemas(Schema base, Schema ours, Schema theirs) {
  for (Schema* s : {&base, &ours, &theirs}) forget_places(*s);
  MergeResult r;
  Conflicts& c = r.conflicts;
  Schema& out = r.schema;
  out.extensions = merge_list<Extension>(base.extensions, ours.extensions, theirs.extensions, name_key<Extension>,
                                         [](auto& e) { return "extension " + quote_ident(e.name); }, nullptr, c);
  out.namespaces = merge_list<Namespace>(base.namespaces, ours.namespaces, theirs.namespaces, name_key<Namespace>,
                                         [](auto& n) { return "schema " + quote_ident(n.name); }, nullptr, c);
  out.enums = merge_list<Enum>(base.enums, ours.enums, theirs.enums, qualified_key<Enum>,
                               [](auto& e) { return "enum " + qualified_key(e); }, nullptr, c);
  out.sequences = merge_list<Sequence>(base.sequences, ours.sequences, theirs.sequences, qualified_key<Sequence>,
                                       [](auto& q) { return "sequence " + qualified_key(q); }, nullptr, c);
  out.tables = merge_list<Table>(
      base.tables, ours.tables, theirs.tables, qualified_key<Table>,
      [](auto& t) { return "table " + qualified_key(t); },
      [&](const Table& b, const Table& o, const Table& t) { return merge_table(b, o, t, c); }, c);
  out.tail_comments = merge_value(base.tail_comments, ours.tail_comments, theirs.tail_comments,
                                  "the // comments at the end of the file", c);
  std::sort(c.begin(), c.end());
  return r;
}

}  // namespace schemac
