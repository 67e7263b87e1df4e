// fmt never changes what a schema means and reaches its fixed point in one pass. For every .dsl file in the
// repository, for schemas from the random model generator (tests/support/random_schema.hpp) and for random
// DSL text that mixes the layouts a user may write (constraints inline and at table level, named and not,
// indexes right after a column's `unique`, defaults in and out of parentheses, comments):
//   (a) fmt(fmt(x)) == fmt(x), byte for byte;
//   (b) the plan from x to fmt(x) is empty, both ways, and what no plan looks at (queries, @renamed_from,
//       ordinary comments) is the same;
// and the same for the text `pull` would print for x's checked model (every name filled in).
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>

#include "plan/diff.hpp"
#include "model/files.hpp"
#include "dsl/load.hpp"
#include "dsl/print.hpp"
#include "random_schema.hpp"

using namespace schemac;
namespace fs = std::filesystem;

namespace {

// What `schemac fmt` prints for `text` (it lays out any file that parses), or nothing for a syntax error.
std::optional<std::string> fmt_of(const std::string& name, const std::string& text) {
  Loaded l = load_dsl_text(name, text, /*syntax_only=*/true);
  if (!l.ok()) return std::nullopt;
  return print_dsl(l.schema);
}

std::string trivia_text(const Trivia& t) {
  return fmt::format("[{}|{}|{}]", fmt::join(t.before, "\\n"), t.after, t.detached);
}

std::string query_text(const Query& q) {
  std::string params, order;
  for (auto& p : q.params) params += p.name + " " + (p.type ? p.type->schema + "." + p.type->name : "-") + ", ";
  for (auto& o : q.order_by) order += fmt::format("{} {} {}, ", o.column, o.desc, static_cast<int>(o.nulls));
  return fmt::format("  query {}({}) {} ({}) where[{}] order[{}] limit[{}] \"{}\" {}\n", q.name, params, q.many,
                     fmt::join(q.columns, ","), q.where, order, q.limit, q.comment, trivia_text(q.trivia));
}

// What a plan does not compare: queries, @renamed_from and ordinary comments, object by object. Constraints are
// listed sorted: fmt may write them in another order (inline ones first), which means the same.
std::string unplanned(const Schema& s) {
  std::string out;
  for (auto& e : s.extensions) out += "extension " + e.name + " " + trivia_text(e.trivia) + "\n";
  for (auto& n : s.namespaces) out += fmt::format("schema {} {} {}\n", n.name, trivia_text(n.trivia), fmt::join(n.tail_comments, "|"));
  for (auto& e : s.enums)
    out += fmt::format("enum {}.{} renamed({}) {}\n", e.schema, e.name, fmt::join(e.renamed_from, ","), trivia_text(e.trivia));
  for (auto& t : s.tables) {
    out += fmt::format("table {}.{} renamed({}) {} tail({})\n", t.schema, t.name, fmt::join(t.renamed_from, ","),
                       trivia_text(t.trivia), fmt::join(t.tail_comments, "|"));
    for (auto& c : t.columns)
      out += fmt::format("  column {} renamed({}) {}\n", c.name, fmt::join(c.renamed_from, ","), trivia_text(c.trivia));
    std::vector<std::string> constraints;
    for (auto& c : t.constraints) constraints.push_back("  constraint " + c.name + " " + trivia_text(c.trivia) + "\n");
    std::sort(constraints.begin(), constraints.end());
    for (auto& c : constraints) out += c;
    for (auto& ix : t.indexes) out += "  index " + ix.name + " " + trivia_text(ix.trivia) + "\n";
    if (t.hypertable) out += "  hypertable " + trivia_text(t.hypertable->trivia) + "\n";
    for (auto& q : t.queries) out += query_text(q);
  }
  out += fmt::format("tail({})\n", fmt::join(s.tail_comments, "|"));
  return out;
}

std::string changes_text(const Plan& p) {
  std::string out;
  for (auto& c : p.changes) out += c.description + "\n";
  return out;
}

// (b) for two texts that must mean the same; `a` is known to check.
void same_meaning(const Loaded& a, const std::string& text) {
  Loaded b = load_dsl_text("formatted.dsl", text);
  REQUIRE_MESSAGE(b.ok(), "the formatted text no longer checks:\n", text);
  DiffOptions all;
  all.allow_destructive = true;
  CHECK_MESSAGE(diff(a.schema, b.schema, all).empty(), "fmt changed:\n", changes_text(diff(a.schema, b.schema, all)), text);
  CHECK_MESSAGE(diff(b.schema, a.schema, all).empty(), "fmt changed:\n", changes_text(diff(b.schema, a.schema, all)), text);
  CHECK_MESSAGE(unplanned(a.schema) == unplanned(b.schema), text);
}

// Both properties for one input; returns false when it did not even parse (nothing to format).
bool check_fmt(const std::string& name, const std::string& source) {
  INFO("input ", name, ":\n", source);
  auto once = fmt_of(name, source);
  if (!once) return false;
  auto twice = fmt_of("formatted.dsl", *once);
  REQUIRE_MESSAGE(twice, "the formatted text no longer parses:\n", *once);
  CHECK_MESSAGE(*twice == *once, "fmt is not idempotent; first pass:\n", *once);
  Loaded a = load_dsl_text(name, source);
  if (!a.ok()) return true;  // meant to be invalid (golden check cases): layout only
  same_meaning(a, *once);
  std::string pulled = print_dsl(a.schema);  // as `pull` prints a catalog: every name filled in
  INFO("pulled:\n", pulled);
  CHECK(fmt_of("pulled.dsl", pulled) == pulled);
  same_meaning(a, pulled);
  return true;
}


// ---- random DSL text, written the many ways a user may write one meaning ----

class TextGen {
 public:
  explicit TextGen(uint64_t seed) : rng_(seed) {}

  std::string schema() {
    std::string out;
    if (chance(3)) out += "// a file header\n\n";
    int tables = pick(1, 3);
    for (int i = 0; i < tables; ++i) out += table(i) + "\n";
    return out;
  }

 private:
  std::mt19937_64 rng_;
  std::vector<std::string> cols_;
  std::string table_;

  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(int one_in) { return pick(1, one_in) == 1; }
  template <class T>
  const T& one_of(const std::vector<T>& v) { return v[pick(0, static_cast<int>(v.size()) - 1)]; }
  std::string col() { return one_of(cols_); }

  std::string comment() { return chance(4) ? "  // " + one_of(std::vector<std::string>{"why", "note", "x y"}) : ""; }

  std::string default_value() {
    return one_of(std::vector<std::string>{"1", "-1", "(1)", "((1))", "(1)::int", "(1 + 2)", "'x'", "''",
                                            "now()", "(now())", "true", "null", "0::bigint", "(('a'))"});
  }

  // A name that is the default the server would choose for this constraint, one that only looks like it, or one
  // of its own.
  std::string constraint_name(const std::string& middle, const std::string& label) {
    switch (pick(0, 4)) {
      case 0: return table_ + "_" + middle + "_" + label;
      case 1: return table_ + "_" + middle + "_" + label + "1";
      case 2: return "my_" + label;
      default: return "";
    }
  }

  std::string column_line(const std::string& name, bool primary_key) {
    std::string line = "  " + name + " " + one_of(std::vector<std::string>{"int", "bigint", "text", "int?"});
    if (chance(3)) line += " default " + default_value();
    if (primary_key) line += " primary key";
    if (chance(4)) line += " unique";
    if (chance(5)) line += " check (" + name + " > 0)";
    if (chance(6)) line += " check (" + name + " <> 5)";
    if (table_ != "t0" && chance(5)) line += " references t0" + std::string(chance(2) ? " on delete cascade" : "");
    return line + comment() + "\n";
  }

  std::string table_item() {
    std::string a = col(), b = col();
    switch (pick(0, 7)) {
      case 0: {
        std::string n = constraint_name(a, "key");
        return "  unique " + n + (n.empty() ? "" : " ") + "(" + a + ")";
      }
      case 1: return "  unique (" + a + (a == b ? "" : ", " + b) + ")";
      case 2: {
        std::string n = constraint_name(a, "check");
        return "  check " + n + (n.empty() ? "" : " ") + "(" + a + " >= 0)";
      }
      case 3: return "  check (" + a + " > " + b + ")";
      case 4: return std::string(chance(2) ? "  unique index" : "  index") + " (" + a + (chance(2) ? " desc" : "") + ")";
      case 5: {
        std::string n = constraint_name(a, "idx");
        return "  index " + n + (n.empty() ? "" : " ") + "(" + a + ", " + b + ")";
      }
      case 6: return table_ == "t0" ? "  index (lower(" + a + "::text))" : "  foreign key " + constraint_name(a, "fkey") + " (" + a + ") references t0";
      default: return "  /// documented\n  unique index (" + a + ") where (" + b + " > 0)";
    }
  }

  std::string table(int i) {
    table_ = "t" + std::to_string(i);
    cols_.clear();
    std::string out = chance(3) ? "/// table " + table_ + "\n" : "";
    out += "table " + table_ + " {\n";
    int n = pick(1, 4);
    for (int c = 0; c < n; ++c) cols_.push_back(one_of(std::vector<std::string>{"a", "b", "c", "d", "e"}) + std::to_string(c));
    for (int c = 0; c < n; ++c) out += column_line(cols_[c], c == 0 && (table_ == "t0" || chance(3)));
    if (chance(2)) out += "\n";
    int items = pick(0, 4);
    for (int k = 0; k < items; ++k) out += table_item() + comment() + "\n";
    if (chance(5)) out += "  // the end\n";
    return out + "}\n";
  }
};

}  // namespace

TEST_CASE("fmt property: every .dsl file in the repository") {
  fs::path root = SCHEMAC_SOURCE_DIR;
  int formatted = 0;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    std::string name = it->path().filename().string();
    if (it->is_directory() && (name.starts_with("build") || name.starts_with("."))) it.disable_recursion_pending();
    else if (it->is_regular_file() && it->path().extension() == ".dsl")
      formatted += check_fmt(fs::relative(it->path(), root).string(), schemac::read_file(it->path()));
  }
  CHECK(formatted > 20);
}

TEST_CASE("fmt property: schemas from the random model generator") {
  for (uint64_t seed = 1; seed <= 150; ++seed) {
    CAPTURE(seed);
    test::RandomSchema gen(seed);
    gen.randomize(6);
    check_fmt("random.dsl", gen.dsl());
    gen.edit(4);  // @renamed_from and the other traces an edit leaves
    check_fmt("edited.dsl", gen.dsl());
  }
}

TEST_CASE("fmt property: random DSL text in every layout") {
  int valid = 0;
  for (uint64_t seed = 1; seed <= 1500; ++seed) {
    CAPTURE(seed);
    std::string text = TextGen(seed).schema();
    check_fmt("text.dsl", text);
    valid += load_dsl_text("text.dsl", text).ok();
  }
  CHECK(valid > 500);  // most inputs check, so (b) is exercised
}
