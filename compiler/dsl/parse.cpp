#include "dsl/parse.hpp"

#include <fmt/format.h>
#include <tree_sitter/api.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstring>
#include <memory>
#include <string_view>
#include <unordered_map>

#include "dsl/keywords.hpp"
#include "model/span.hpp"
#include "model/suggest.hpp"
#include "model/text.hpp"
#include "sql/parser.hpp"

extern "C" const TSLanguage* tree_sitter_schemac(void);

namespace schemac {
namespace {

// ---- tree access ----------------------------------------------------------------------------------------------

bool is(TSNode n, std::string_view type) { return !ts_node_is_null(n) && type == ts_node_type(n); }

bool present(TSNode n) { return !ts_node_is_null(n); }

// Field names are string literals: their ids are looked up once (by name it is a string compare per field of
// the grammar, a tenth of the time of a large parse).
TSFieldId field_id(const char* name) {
  static std::unordered_map<const char*, TSFieldId> ids;
  auto it = ids.find(name);
  if (it != ids.end()) return it->second;
  TSFieldId id = ts_language_field_id_for_name(tree_sitter_schemac(), name, static_cast<uint32_t>(std::strlen(name)));
  return ids.emplace(name, id).first->second;
}

// Every libtree-sitter call on a null node dereferences NULL, and a broken file leaves any optional child out, so
// the helpers below take null nodes and give null or nothing back.
TSNode field(TSNode n, const char* name) {
  return present(n) ? ts_node_child_by_field_id(n, field_id(name)) : TSNode{};
}

// Calls visit(child, field id) for each child in order. A cursor, because ts_node_child(n, i) starts from the first
// child each time in libtree-sitter 0.20 (a loop over it is quadratic in a table of many columns).
template <class F>
void each_child(TSNode n, F&& visit) {
  if (!present(n)) return;
  TSTreeCursor c = ts_tree_cursor_new(n);
  if (ts_tree_cursor_goto_first_child(&c)) {
    do {
      visit(ts_tree_cursor_current_node(&c), ts_tree_cursor_current_field_id(&c));
    } while (ts_tree_cursor_goto_next_sibling(&c));
  }
  ts_tree_cursor_delete(&c);
}

// Every child under field `name`, in order (ts_node_child_by_field_name only gives the first).
std::vector<TSNode> fields(TSNode n, const char* name) {
  TSFieldId id = field_id(name);
  std::vector<TSNode> out;
  each_child(n, [&](TSNode c, TSFieldId f) {
    if (f == id) out.push_back(c);
  });
  return out;
}

// A child that is a declaration (comments are attached separately, ERRORs are reported separately).
bool is_item(TSNode n) { return ts_node_is_named(n) && !ts_node_is_extra(n) && !is(n, "ERROR"); }

std::vector<TSNode> items(TSNode n) {
  std::vector<TSNode> out;
  each_child(n, [&](TSNode c, TSFieldId) {
    if (is_item(c)) out.push_back(c);
  });
  return out;
}

bool is_comment(TSNode n) { return is(n, "comment") || is(n, "doc_comment"); }

// Every node of the tree in document order, with its depth (the root is 0), without recursion: a file may nest
// as deep as its author likes. visit returns false to stop the walk.
template <class F>
void walk(TSNode root, F&& visit) {
  TSTreeCursor c = ts_tree_cursor_new(root);
  uint32_t depth = 0;
  for (;;) {
    if (!visit(ts_tree_cursor_current_node(&c), depth)) break;
    if (ts_tree_cursor_goto_first_child(&c)) {
      ++depth;
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&c)) {
      if (!ts_tree_cursor_goto_parent(&c)) {
        ts_tree_cursor_delete(&c);
        return;
      }
      --depth;
    }
  }
  ts_tree_cursor_delete(&c);
}

// `"a""b"` -> `a"b`; likewise for single-quoted strings.
std::string unquote(std::string_view s, char q) {
  if (s.size() < 2 || s.front() != q) return std::string(s);
  s = s.substr(1, s.size() - (s.back() == q ? 2 : 1));
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    if (s[i] == q && i + 1 < s.size() && s[i + 1] == q) ++i;
  }
  return out;
}

// The nearest keyword within two edits; short words are too often near some keyword by chance.
std::string did_you_mean(std::string_view word) {
  if (word.size() < 4) return "";
  std::string_view best;
  size_t best_d = 3;
  for (std::string_view k : dsl_keywords())
    if (size_t d = edit_distance(word, k); k != word && d < best_d) best_d = d, best = k;
  return best.empty() ? "" : fmt::format("did you mean \"{}\"?", best);
}

// ---- spans ----------------------------------------------------------------------------------------------------

// ---- comments -------------------------------------------------------------------------------------------------

struct Comment {
  uint32_t start = 0, end = 0, row = 0;
  bool doc = false;
  std::string text;  // after `//` (ordinary) or `///` (doc), trailing spaces removed
  Loc loc;
};

// A declaration comments can attach to. `a` and `b` index into the Schema's vectors (b: the item in table a).
struct Anchor {
  enum class Kind { namespace_, extension, enum_, sequence, table, column, constraint, index, hypertable, query };
  Kind kind;
  size_t a = 0, b = 0;
  uint32_t start = 0, end = 0, end_row = 0;
  bool container() const { return kind == Kind::namespace_ || kind == Kind::table; }
};

// ---- the builder ----------------------------------------------------------------------------------------------

struct TreeDeleter {
  void operator()(TSTree* t) const { ts_tree_delete(t); }
};
struct ParserDeleter {
  void operator()(TSParser* p) const { ts_parser_delete(p); }
};

// A node met by the syntax-error walk, with what the walk knows of its place: ts_node_parent and the sibling
// functions search down from the root in libtree-sitter 0.20 (quadratic on a deep or long tree) and get
// zero-width nodes wrong.
struct Frame {
  TSNode node;
  std::array<TSNode, 2> before{};  // the two items before it among its siblings, nearest first (null: none)
};
using Path = std::vector<Frame>;  // from the root down to the node

// Where the last column was computed, so locating many nodes of one long line is not quadratic.
struct ColumnCache {
  size_t line_start = SIZE_MAX, byte = 0;
  uint32_t chars = 0;
};

class Builder {
 public:
  explicit Builder(const SourceFile& f) : f_(f) {}
  ParseResult run();

 private:
  const SourceFile& f_;
  Schema s_;
  Diagnostics diags_;
  std::vector<Comment> comments_;
  std::vector<Anchor> anchors_;
  // Every token in document order (no comments, no MISSING), for syntax errors only: in a file without errors
  // they would be a third of parse's memory.
  std::vector<TSNode> leaves_;
  mutable ColumnCache column_cache_;

  // text and places
  std::string_view text(TSNode n) const {
    if (ts_node_is_null(n)) return {};
    return std::string_view(f_.text).substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n));
  }
  Loc at(uint32_t byte, TSPoint p) const { return Loc{f_.path, p.row + 1, column(byte, p.column)}; }
  uint32_t column(uint32_t byte, uint32_t byte_column) const;
  Loc at_byte(size_t byte) const;
  Loc loc(TSNode n) const { return present(n) ? at(ts_node_start_byte(n), ts_node_start_point(n)) : Loc{f_.path}; }
  Loc loc_end(TSNode n) const { return present(n) ? at(ts_node_end_byte(n), ts_node_end_point(n)) : Loc{f_.path}; }
  Loc decl_loc(TSNode n) const;
  std::string name(TSNode n) const;
  std::vector<std::string> names(TSNode n, const char* fieldname) const;
  bool starts_line(TSNode n) const;
  std::string sql(uint32_t from, uint32_t to) const;
  // The source ranges sql(from, to) is made of, before its trim.
  std::vector<std::pair<uint32_t, uint32_t>> sql_pieces(uint32_t from, uint32_t to) const;
  // The source byte that byte `offset` of sql(from, to) came from.
  uint32_t sql_source_byte(uint32_t from, uint32_t to, size_t offset) const;
  std::string paren_inner(TSNode paren) const;
  void check_sql(TSNode n, const std::string& text, std::string_view what, bool paren = true);
  void error(Loc l, std::string message, std::string hint = "") {
    diags_.push_back({Diagnostic::Severity::error, std::move(l), std::move(message), std::move(hint)});
  }
  void warning(Loc l, std::string message, std::string hint = "") {
    diags_.push_back({Diagnostic::Severity::warning, std::move(l), std::move(message), std::move(hint)});
  }
  void anchor(Anchor::Kind k, size_t a, size_t b, uint32_t start, uint32_t end, TSPoint end_point) {
    anchors_.push_back({k, a, b, start, end, end_point.row});
  }
  void anchor(Anchor::Kind k, size_t a, size_t b, TSNode n) {
    anchor(k, a, b, ts_node_start_byte(n), ts_node_end_byte(n), ts_node_end_point(n));
  }

  // limits and encoding, before the tree is read
  bool within_size();
  bool valid_utf8();
  bool within_depth(TSNode deep);

  // the model
  void schema_block(TSNode n);
  void extension(TSNode n);
  void enum_decl(TSNode n, const std::string& schema);
  void sequence(TSNode n, const std::string& schema);
  void table(TSNode n, const std::string& schema);
  void column(TSNode n, size_t ti, TSNode next_index_unique);
  Constraint table_constraint(TSNode n, const Table& t);
  void constraint_options(TSNode n, Constraint& k);
  // `what`: "identity" or "sequence", for messages.
  void identity_options(TSNode n, IdentityOptions& o, std::string_view what = "identity");
  void storage_parameters(TSNode n, std::vector<std::pair<std::string, std::string>>& out);
  void index(TSNode n, size_t ti, TSNode unique_kw);
  IndexKey index_key(TSNode key);
  void hypertable(TSNode n, size_t ti);
  Dimension dimension(TSNode n);
  void query(TSNode n, size_t ti);
  Type type(TSNode n) const;
  std::optional<Span> span(TSNode n);
  std::optional<int64_t> integer(TSNode n, std::string_view what);
  std::vector<OrderItem> order_items(TSNode n, const char* fieldname) const;
  void fk_target(TSNode n, Constraint& c, const std::string& schema);
  std::vector<std::string> renamed(TSNode n) const;

  // comments
  TSNode collect(TSNode root);
  void empty_name(TSNode n);
  void attach_comments();
  Trivia& trivia(const Anchor& a);
  std::string* doc(const Anchor& a);
  std::vector<std::string>& tail(const Anchor* container);
  bool blank_line_after(uint32_t byte) const;

  // syntax errors
  void syntax_errors(TSNode root);
  void missing(const Path& path);
  void missing_type(const Frame& col, Loc where, const std::string& after);
  void unexpected(const Path& path);
  std::optional<std::pair<TSNode, TSNode>> stray_column(TSNode col, TSNode before) const;
  void report_stray(TSNode name_node, TSNode column_before);
  bool type_misread(TSNode col, TSNode before);
  std::string context(const Path& path, size_t above) const;
  const TSNode* leaf_before(uint32_t byte) const;
  const TSNode* leaf_at_or_after(uint32_t byte) const;
};

// Columns count characters (code points), not bytes, so they match what an editor shows; the text is valid UTF-8
// by the time nodes are located, so a character is a byte that is not a continuation byte.
uint32_t Builder::column(uint32_t byte, uint32_t byte_column) const {
  ColumnCache& c = column_cache_;
  size_t line_start = byte - byte_column;
  if (c.line_start != line_start || c.byte > byte) c = {line_start, line_start, 0};
  for (; c.byte < byte; ++c.byte)
    if ((static_cast<unsigned char>(f_.text[c.byte]) & 0xC0) != 0x80) ++c.chars;
  return c.chars + 1;
}

// The place of any byte, for the checks made before there is a tree; a byte that is not UTF-8 counts as one
// character, as render_diagnostic shows it.
Loc Builder::at_byte(size_t byte) const { return loc_of_byte(f_.path, f_.text, byte); }

bool Builder::within_size() {
  if (f_.text.size() <= max_source_bytes) return true;
  error(at_byte(max_source_bytes),
        fmt::format("the file is larger than {} MiB ({} bytes), the most schemac reads", max_source_bytes >> 20,
                    f_.text.size()),
        "split the schema across files, or see the limits in compiler/dsl/grammar/SYNTAX.md");
  return false;
}

// The DSL is UTF-8 (PostgreSQL names, SQL, JSON and the generated C++ all are), so a file that is not is refused
// whole, up front, at its first bad byte: nothing that is not text can reach a name, a string or SQL.
bool Builder::valid_utf8() {
  std::string_view t = f_.text;
  size_t first = t.size(), bad = 0;
  for (size_t i = 0; i < t.size();) {
    auto b = static_cast<unsigned char>(t[i]);
    Utf8Char c = b != 0 && b < 0x80 ? Utf8Char{b, 1} : utf8_char(t.substr(i));
    if (c.size != 0 && c.code != 0) {
      i += c.size;
      continue;
    }
    if (bad++ == 0) first = i;
    ++i;
  }
  if (bad == 0) return true;
  std::string more = bad > 1 ? fmt::format(" ({} more bad bytes follow)", bad - 1) : "";
  if (t[first] == '\0')
    error(at_byte(first), "a NUL byte in the file" + more, "schema files are text: remove it");
  else
    error(at_byte(first),
          fmt::format("invalid UTF-8: byte 0x{:02X} does not begin a well-formed character{}",
                      static_cast<unsigned char>(t[first]), more),
          "schema files are UTF-8: convert this one, e.g. `iconv -f latin1 -t utf-8`");
  return false;
}

// One error at the first node nested deeper than the limit (collect stops there); the tree is not read further.
bool Builder::within_depth(TSNode deep) {
  if (!present(deep)) return true;
  error(loc(deep), fmt::format("nested deeper than {} levels", max_nesting_depth),
        "schemac reads at most that many nested parentheses, brackets and blocks; write the expression flatter");
  return false;
}

// Where a declaration is reported: its keyword or name, after any @renamed_from.
Loc Builder::decl_loc(TSNode n) const {
  TSNode first = ts_node_child(n, 0);
  if (is(first, "renamed_from") && ts_node_child_count(n) > 1) first = ts_node_child(n, 1);
  return loc(first);
}

std::string Builder::name(TSNode n) const {
  if (!present(n) || ts_node_is_missing(n)) return "";
  if (is(n, "quoted_identifier")) return unquote(text(n), '"');
  return std::string(text(n));
}

std::vector<std::string> Builder::names(TSNode n, const char* fieldname) const {
  std::vector<std::string> out;
  for (TSNode c : fields(n, fieldname)) out.push_back(name(c));
  return out;
}

// True when only spaces precede n on its line: the layout rule that tells a table-level `check`/`unique index`
// from a column's modifier (see SYNTAX.md).
bool Builder::starts_line(TSNode n) const {
  uint32_t b = ts_node_start_byte(n);
  while (b > 0 && (f_.text[b - 1] == ' ' || f_.text[b - 1] == '\t')) --b;
  return b == 0 || f_.text[b - 1] == '\n';
}

// Source text of [from, to) without the comments inside it: SQL kept verbatim, but `//` is not SQL.
std::vector<std::pair<uint32_t, uint32_t>> Builder::sql_pieces(uint32_t from, uint32_t to) const {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  uint32_t pos = from;
  auto c = std::partition_point(comments_.begin(), comments_.end(), [&](const Comment& k) { return k.start < from; });
  for (; c != comments_.end() && c->end <= to; ++c) {
    out.push_back({pos, c->start});
    pos = c->end;
  }
  out.push_back({pos, to});
  return out;
}

std::string Builder::sql(uint32_t from, uint32_t to) const {
  std::string out;
  for (auto [a, b] : sql_pieces(from, to)) out.append(f_.text, a, b - a);
  return trim(out);
}

uint32_t Builder::sql_source_byte(uint32_t from, uint32_t to, size_t offset) const {
  bool leading = true;  // sql() trimmed the white space before the first character
  for (auto [a, b] : sql_pieces(from, to))
    for (uint32_t i = a; i < b; ++i) {
      if (leading && std::isspace(static_cast<unsigned char>(f_.text[i]))) continue;
      leading = false;
      if (offset-- == 0) return i;
    }
  return to;
}

std::string Builder::paren_inner(TSNode paren) const {
  if (!present(paren)) return "";
  uint32_t from = ts_node_start_byte(paren) + 1, to = ts_node_end_byte(paren);
  TSNode last = ts_node_child(paren, ts_node_child_count(paren) - 1);
  if (is(last, ")") && !ts_node_is_missing(last)) --to;
  return sql(from, std::max(from, to));
}

// SQL the DSL carries must be one expression PostgreSQL's parser accepts: a syntax error in it is the file's,
// reported where it stands in the file, `//` comments inside it skipped as sql() skips them.
void Builder::check_sql(TSNode n, const std::string& sql_text, std::string_view what, bool paren) {
  if (sql_text.empty() || !present(n) || ts_node_has_error(n)) return;
  const SqlParse& p = parse_expression(sql_text);
  if (p.ok()) return;
  uint32_t from = ts_node_start_byte(n) + (paren ? 1 : 0), to = ts_node_end_byte(n);
  error(at_byte(sql_source_byte(from, std::max(from, to), p.error_offset)), fmt::format("the {} is not valid SQL: {}", what, p.error),
        p.error == "not one SQL expression" ? "write a single expression, as PostgreSQL takes it after CHECK or DEFAULT"
                                            : "fix the SQL; it goes to PostgreSQL as written");
}

std::vector<std::string> Builder::renamed(TSNode n) const {
  TSNode r = field(n, "renamed_from");
  return present(r) ? names(r, "name") : std::vector<std::string>{};
}

std::optional<int64_t> Builder::integer(TSNode n, std::string_view what) {
  if (!present(n) || ts_node_is_missing(n)) return std::nullopt;
  std::string_view t = text(n);
  int64_t v = 0;
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || p != t.data() + t.size()) {
    error(loc(n), fmt::format("{} must be a whole number, not \"{}\"", what, t));
    return std::nullopt;
  }
  return v;
}

Type Builder::type(TSNode n) const {
  Type t;
  if (!present(n)) return t;
  TSNode nm = field(n, "name");
  t.name = is(nm, "double_precision") ? "double precision" : name(nm);
  t.schema = name(field(n, "schema"));
  if (t.schema.empty() && text(nm) == "\"char\"") t.name = "\"char\"";  // the internal one-byte type
  for (TSNode m : fields(n, "modifier")) {
    int64_t v = 0;
    std::string_view s = text(m);
    std::from_chars(s.data(), s.data() + s.size(), v);
    t.mods.push_back(v);
  }
  t.array_dims = static_cast<int>(fields(n, "array").size());
  return t;
}

std::optional<Span> Builder::span(TSNode n) {
  if (!present(n)) return std::nullopt;
  Span s;
  if (TSNode amount = field(n, "amount"); present(amount)) {
    auto v = integer(amount, "an integer span");
    if (!v) return std::nullopt;
    s.is_integer = true;
    s.integer = *v;
    return s;
  }
  for (TSNode part : items(n)) {
    auto v = integer(field(part, "amount"), "a span amount");
    TSNode unit = field(part, "unit");
    if (!present(unit) || ts_node_is_missing(unit)) return std::nullopt;  // a syntax error, reported as such
    const SpanUnit* u = find_span_unit(text(unit));
    if (!u) {
      error(loc(unit), fmt::format("unknown time unit \"{}\"", text(unit)),
            "use " + span_unit_list());
      return std::nullopt;
    }
    if (!v) return std::nullopt;
    s.months += *v * u->months;
    s.days += *v * u->days;
    s.micros += *v * u->micros;
  }
  return s;
}

std::vector<OrderItem> Builder::order_items(TSNode n, const char* fieldname) const {
  std::vector<OrderItem> out;
  for (TSNode item : fields(n, fieldname)) {
    OrderItem o;
    o.column = name(field(item, "column"));
    o.desc = text(field(item, "order")) == "desc";
    if (TSNode nulls = field(item, "nulls"); present(nulls))
      o.nulls = text(nulls) == "first" ? NullsOrder::first : NullsOrder::last;
    out.push_back(std::move(o));
  }
  return out;
}

// `references t(c) on delete ...` and the target half of `foreign key`: unqualified targets are in the schema the
// referencing table is written in.
void Builder::fk_target(TSNode n, Constraint& c, const std::string& schema) {
  TSNode target = field(n, "table");
  c.ref_table = name(field(target, "name"));
  TSNode ref_schema = field(target, "schema");
  c.ref_schema = present(ref_schema) ? name(ref_schema) : schema;
  for (TSNode a : fields(n, "action")) {
    // The action node's words, with any spacing: `set   null` -> "set null".
    std::string words;
    each_child(field(a, "action"), [&](TSNode w, TSFieldId) { words += (words.empty() ? "" : " ") + std::string(text(w)); });
    FkAction act = words == "cascade"       ? FkAction::cascade
                   : words == "restrict"    ? FkAction::restrict
                   : words == "set null"    ? FkAction::set_null
                   : words == "set default" ? FkAction::set_default
                                            : FkAction::no_action;
    (text(field(a, "event")) == "delete" ? c.on_delete : c.on_update) = act;
  }
}

// ---- declarations ---------------------------------------------------------------------------------------------

void Builder::extension(TSNode n) {
  Extension e;
  e.name = name(field(n, "name"));
  e.schema = name(field(n, "schema"));
  e.loc = decl_loc(n);
  anchor(Anchor::Kind::extension, s_.extensions.size(), 0, n);
  s_.extensions.push_back(std::move(e));
}

void Builder::enum_decl(TSNode n, const std::string& schema) {
  Enum e;
  e.schema = schema;
  e.name = name(field(n, "name"));
  for (TSNode label : fields(n, "label")) {
    e.values.push_back(is(label, "string") ? unquote(text(label), '\'') : name(label));
    if (is(label, "string") && e.values.back().empty())
      error(loc(label), fmt::format("empty label in enum \"{}\"", e.name),
            "PostgreSQL enum labels are 1 to 63 bytes long: write the label between the quotes");
  }
  e.renamed_from = renamed(n);
  e.loc = decl_loc(n);
  anchor(Anchor::Kind::enum_, s_.enums.size(), 0, n);
  s_.enums.push_back(std::move(e));
}

// The type is kept as written; check makes it canonical and requires an integer type.
void Builder::sequence(TSNode n, const std::string& schema) {
  Sequence q;
  q.schema = schema;
  q.name = name(field(n, "name"));
  if (TSNode t = field(n, "type"); present(t)) q.type = Type{"", name(t), {}, 0};
  identity_options(n, q.options, "sequence");
  q.renamed_from = renamed(n);
  q.loc = decl_loc(n);
  anchor(Anchor::Kind::sequence, s_.sequences.size(), 0, n);
  s_.sequences.push_back(std::move(q));
}

void Builder::schema_block(TSNode n) {
  Namespace ns;
  ns.name = name(field(n, "name"));
  ns.loc = decl_loc(n);
  anchor(Anchor::Kind::namespace_, s_.namespaces.size(), 0, n);
  s_.namespaces.push_back(ns);
  for (TSNode item : items(n)) {
    if (is(item, "enum")) enum_decl(item, ns.name);
    else if (is(item, "sequence")) sequence(item, ns.name);
    else if (is(item, "table")) table(item, ns.name);
  }
}

void Builder::table(TSNode n, const std::string& schema) {
  size_t ti = s_.tables.size();
  {
    Table t;
    TSNode qn = field(n, "name");
    t.name = name(field(qn, "name"));
    TSNode written_schema = field(qn, "schema");
    t.schema = present(written_schema) ? name(written_schema) : schema;
    t.renamed_from = renamed(n);
    t.unlogged = present(field(n, "unlogged"));
    t.loc = decl_loc(n);
    s_.tables.push_back(std::move(t));
  }
  anchor(Anchor::Kind::table, ti, 0, n);

  std::vector<TSNode> body = items(n);
  body.erase(body.begin(), std::find_if(body.begin(), body.end(), [](TSNode c) {
               return !is(c, "renamed_from") && !is(c, "qname") && !is(c, "unlogged");
             }));
  TSNode unique_kw{};  // a column's trailing `unique` that begins its line and is followed by `index`
  for (size_t i = 0; i < body.size(); ++i) {
    TSNode item = body[i];
    std::string_view kind = ts_node_type(item);
    if (kind == "column") {
      bool next_is_index = i + 1 < body.size() && is(body[i + 1], "index") && !present(field(body[i + 1], "unique"));
      TSNode last = ts_node_child(item, ts_node_child_count(item) - 1);
      bool moves = next_is_index && is(last, "inline_unique") && starts_line(last);
      column(item, ti, moves ? last : TSNode{});
      unique_kw = moves ? last : TSNode{};
    } else if (kind == "index") {
      index(item, ti, unique_kw);
      unique_kw = TSNode{};
    } else if (kind == "storage_parameters") {
      Table& t = s_.tables[ti];
      if (!t.storage.empty())
        error(loc(item), fmt::format("table \"{}\" has more than one `with (...)`", t.name), "merge them into one");
      storage_parameters(item, t.storage);
    } else if (kind == "hypertable") {
      hypertable(item, ti);
    } else if (kind == "query") {
      query(item, ti);
    } else {
      Table& t = s_.tables[ti];
      anchor(Anchor::Kind::constraint, ti, t.constraints.size(), item);
      t.constraints.push_back(table_constraint(item, t));
    }
  }
}

// next_index_unique: the column's last `unique`, when it is the next index's (see table()); null otherwise.
void Builder::column(TSNode n, size_t ti, TSNode next_index_unique) {
  Table& t = s_.tables[ti];
  Column c;
  TSNode name_node = field(n, "name");
  c.name = name(name_node);
  c.type = type(field(n, "type"));
  c.nullable = present(field(n, "nullable"));
  c.renamed_from = renamed(n);
  c.loc = loc(name_node);
  // The column's own text ends after its type, or its `?`, or its last modifier; a broken file may lack the type.
  TSNode last = c.nullable ? field(n, "nullable") : field(n, "type");
  if (!present(last)) last = present(name_node) ? name_node : n;
  uint32_t end = ts_node_end_byte(last);
  TSPoint end_point = ts_node_end_point(last);
  size_t column_index = t.columns.size();
  std::vector<std::pair<Constraint, TSNode>> split;  // table-level checks written right after the column

  for (TSNode m : items(n)) {
    std::string_view kind = ts_node_type(m);
    if (kind == "renamed_from" || kind == "type" || m.id == name_node.id) continue;
    if (m.id == next_index_unique.id && present(next_index_unique)) continue;  // only that one: `a int unique` + `unique index` keeps both
    Constraint k;
    k.loc = loc(m);
    k.inline_form = true;
    k.columns = {c.name};
    bool is_constraint = true;
    if (kind == "inline_primary_key") {
      k.kind = Constraint::Kind::primary_key;
    } else if (kind == "inline_unique") {
      k.kind = Constraint::Kind::unique;
    } else if (kind == "inline_references") {
      k.kind = Constraint::Kind::foreign_key;
      fk_target(m, k, t.schema);
      if (TSNode col = field(m, "column"); present(col)) k.ref_columns = {name(col)};
    } else if (kind == "inline_check") {
      k.kind = Constraint::Kind::check;
      k.name = name(field(m, "name"));
      k.check_expr = paren_inner(field(m, "expr"));
      check_sql(field(m, "expr"), k.check_expr, "check expression");
      if (starts_line(m)) {
        // A `check` that begins a line is the table-level constraint, not this column's.
        k.inline_form = false;
        k.columns.clear();
        constraint_options(m, k);
        split.emplace_back(std::move(k), m);
        continue;
      }
      if (std::vector<TSNode> options = fields(m, "option"); !options.empty())
        error(loc(options.front()), fmt::format("a check of column \"{}\" cannot have options", c.name),
              "constraint options exist only on the table-level form: put the check on its own line");
    } else {
      is_constraint = false;
      if (kind == "default") {
        if (c.default_expr) error(loc(m), fmt::format("column \"{}\" has more than one default", c.name));
        TSNode value = field(m, "value");
        // `default (expr)` keeps the expression without the parentheses the language needs around it.
        bool only_paren =
            present(value) && ts_node_named_child_count(value) == 1 && is(ts_node_named_child(value, 0), "paren_sql");
        c.default_expr = only_paren ? paren_inner(ts_node_named_child(value, 0))
                                    : sql(ts_node_start_byte(value), ts_node_end_byte(value));
        check_sql(only_paren ? ts_node_named_child(value, 0) : value, *c.default_expr, "default", only_paren);
      } else if (kind == "collation") {
        if (!c.collation.empty()) error(loc(m), fmt::format("column \"{}\" has more than one collation", c.name));
        c.collation = name(field(m, "name"));
      } else if (kind == "identity") {
        if (c.identity != Identity::none) error(loc(m), fmt::format("column \"{}\" has identity twice", c.name));
        c.identity = present(field(m, "always")) ? Identity::always : Identity::by_default;
        identity_options(m, c.identity_options);  // check drops the defaults once the type is resolved
      } else if (kind == "generated") {
        if (c.generated_expr)
          error(loc(m), fmt::format("column \"{}\" has more than one generated expression", c.name));
        c.generated_expr = paren_inner(field(m, "expr"));
        check_sql(field(m, "expr"), *c.generated_expr, "generated expression");
      }
    }
    if (is_constraint) t.constraints.push_back(std::move(k));
    if (ts_node_end_byte(m) > end) {
      end = ts_node_end_byte(m);
      end_point = ts_node_end_point(m);
    }
  }
  anchor(Anchor::Kind::column, ti, column_index, ts_node_start_byte(n), end, end_point);
  t.columns.push_back(std::move(c));
  for (auto& [k, node] : split) {
    anchor(Anchor::Kind::constraint, ti, t.constraints.size(), node);
    t.constraints.push_back(std::move(k));
  }
}

Constraint Builder::table_constraint(TSNode n, const Table& t) {
  Constraint k;
  k.loc = loc(n);
  k.name = name(field(n, "name"));
  k.columns = names(n, "column");
  std::string_view kind = ts_node_type(n);
  if (kind == "primary_key") {
    k.kind = Constraint::Kind::primary_key;
  } else if (kind == "unique") {
    k.kind = Constraint::Kind::unique;
  } else if (kind == "foreign_key") {
    k.kind = Constraint::Kind::foreign_key;
    fk_target(n, k, t.schema);
    k.ref_columns = names(n, "ref_column");
  } else if (kind == "exclude") {
    k.kind = Constraint::Kind::exclusion;
    if (TSNode method = field(n, "method"); present(method)) k.method = name(method);
    for (TSNode e : fields(n, "element")) {
      k.elements.push_back(index_key(field(e, "key")));
      k.elements.back().op = std::string(text(field(e, "operator")));
    }
    k.where = paren_inner(field(n, "where"));
    check_sql(field(n, "where"), k.where, "exclusion predicate");
  } else {
    k.kind = Constraint::Kind::check;
    k.check_expr = paren_inner(field(n, "expr"));
    check_sql(field(n, "expr"), k.check_expr, "check expression");
  }
  constraint_options(n, k);
  return k;
}

// `identity (start 100 increment -1 cycle)`: each option once; an explicit default value is kept as written.
void Builder::identity_options(TSNode n, IdentityOptions& o, std::string_view what) {
  for (TSNode opt : fields(n, "option")) {
    const std::string key(text(field(opt, "key")));
    if (key == "cycle") {
      o.cycle = true;
      continue;
    }
    std::optional<int64_t> v = integer(field(opt, "value"), "an integer");
    if (!v) continue;
    if (present(field(opt, "minus"))) *v = -*v;
    auto f = std::find_if(std::begin(kIdentityOptionFields), std::end(kIdentityOptionFields),
                          [&](const IdentityOptionField& x) { return x.dsl == key; });
    if (f == std::end(kIdentityOptionFields)) continue;  // the grammar allows no other word
    std::optional<int64_t>& slot = o.*(f->member);
    if (slot) error(loc(opt), fmt::format("{} option \"{}\" is given twice", what, key), "keep one");
    slot = v;
  }
  if (o.increment && *o.increment == 0)
    error(loc(n), fmt::format("a{} {}'s increment cannot be 0", what == "identity" ? "n" : "", what),
          "use 1, or another step");
}

// `deferrable`, `initially deferred`, `match full`, `no inherit`, `nulls not distinct` after a table-level
// constraint, each where PostgreSQL allows it. `initially deferred` implies deferrable, as in PostgreSQL.
void Builder::constraint_options(TSNode n, Constraint& k) {
  using K = Constraint::Kind;
  for (TSNode o : fields(n, "option")) {
    std::string words;
    each_child(o, [&](TSNode w, TSFieldId) { words += (words.empty() ? "" : " ") + std::string(text(w)); });
    auto fits = [&](bool ok, const char* where) {
      if (!ok) error(loc(o), fmt::format("\"{}\" applies only to {}", words, where), "remove it");
      return ok;
    };
    const bool keyed = k.kind != K::check;
    if (words == "deferrable" || words == "initially deferred" || words == "initially immediate") {
      if (!fits(keyed, "primary keys, unique, exclusion and foreign key constraints")) continue;
      if (words != "initially immediate") k.deferrable = true;
      if (words == "initially deferred") k.initially_deferred = true;
    } else if (words == "match full" || words == "match simple") {
      if (fits(k.kind == K::foreign_key, "foreign keys")) k.match_full = words == "match full";
    } else if (words == "no inherit") {
      if (fits(k.kind == K::check, "check constraints")) k.no_inherit = true;
    } else if (words == "nulls not distinct") {
      if (fits(k.kind == K::unique, "unique constraints")) k.nulls_not_distinct = true;
    }
  }
}

// `with (fillfactor = 70, ...)`: names folded to lower case as PostgreSQL does, a string value without its
// quotes; in the order written, which the catalog keeps too (diff ignores it). A name given twice is an error.
void Builder::storage_parameters(TSNode n, std::vector<std::pair<std::string, std::string>>& out) {
  if (!present(n)) return;
  for (TSNode p : fields(n, "param")) {
    std::string key(text(field(p, "name")));
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char ch) { return std::tolower(ch); });
    TSNode v = field(p, "value");
    std::string value(text(v));
    if (is(v, "string")) value = unquote(value, '\'');
    if (std::any_of(out.begin(), out.end(), [&](const auto& kv) { return kv.first == key; }))
      error(loc(p), fmt::format("storage parameter \"{}\" is given twice", key), "keep one");
    out.emplace_back(key, value);
  }
}

IndexKey Builder::index_key(TSNode key) {
  IndexKey k;
  TSNode expr = field(key, "expr");
  if (is(expr, "paren_sql")) k.expr = paren_inner(expr);
  else if (present(expr)) k.expr = sql(ts_node_start_byte(expr), ts_node_end_byte(expr));
  else k.column = name(field(key, "column"));
  check_sql(expr, k.expr, "index expression", is(expr, "paren_sql"));
  k.opclass = name(field(key, "opclass"));
  k.collation = name(field(key, "collation"));
  k.desc = text(field(key, "order")) == "desc";
  if (TSNode nulls = field(key, "nulls"); present(nulls))
    k.nulls = text(nulls) == "first" ? NullsOrder::first : NullsOrder::last;
  return k;
}

void Builder::index(TSNode n, size_t ti, TSNode unique_kw) {
  Index ix;
  bool moved_unique = present(unique_kw);
  ix.unique = moved_unique || present(field(n, "unique"));
  ix.loc = moved_unique ? loc(unique_kw) : loc(n);
  ix.name = name(field(n, "name"));
  if (TSNode method = field(n, "method"); present(method)) ix.method = name(method);
  for (TSNode key : fields(n, "key")) ix.keys.push_back(index_key(key));
  ix.include = names(n, "include");
  ix.nulls_not_distinct = present(field(n, "nulls_not_distinct"));
  if (ix.nulls_not_distinct && !ix.unique)
    error(loc(field(n, "nulls_not_distinct")), "\"nulls not distinct\" applies only to unique indexes",
          "write `unique index`, or remove it");
  storage_parameters(field(n, "storage"), ix.storage);
  ix.where = paren_inner(field(n, "where"));
  check_sql(field(n, "where"), ix.where, "index predicate");
  Table& t = s_.tables[ti];
  uint32_t start = moved_unique ? ts_node_start_byte(unique_kw) : ts_node_start_byte(n);
  anchor(Anchor::Kind::index, ti, t.indexes.size(), start, ts_node_end_byte(n), ts_node_end_point(n));
  t.indexes.push_back(std::move(ix));
}

void Builder::hypertable(TSNode n, size_t ti) {
  Table& t = s_.tables[ti];
  if (t.hypertable) {
    error(loc(n), fmt::format("table \"{}\" has more than one hypertable block", t.name),
          "merge the settings into one block");
    return;
  }
  Hypertable h;
  h.time_column = name(field(n, "time_column"));
  h.loc = loc(n);
  auto once = [&](auto& slot, TSNode setting, std::string_view what) {
    if (slot) error(loc(setting), fmt::format("{} is set twice", what));
    slot = span(field(setting, "value"));
  };
  for (TSNode setting : items(n)) {
    std::string_view kind = ts_node_type(setting);
    if (kind == "chunk_interval") once(h.chunk_interval, setting, "chunk_interval");
    else if (kind == "retention") once(h.retention, setting, "retention");
    else if (kind == "compression") {
      if (h.compression) error(loc(setting), "compression is set twice");
      Compression comp;
      for (TSNode cs : items(setting)) {
        std::string_view ck = ts_node_type(cs);
        if (ck == "segment_by") {
          for (auto& col : names(cs, "column")) comp.segment_by.push_back(col);
        } else if (ck == "order_by") {
          for (auto& item : order_items(cs, "item")) comp.order_by.push_back(item);
        } else if (ck == "compress_after") {
          once(comp.after, cs, "compression after");
        }
      }
      h.compression = std::move(comp);
    } else if (kind == "partition_by") {
      h.dimensions.push_back(dimension(setting));
    } else if (kind == "integer_now") {
      if (!h.integer_now.empty()) error(loc(setting), "integer_now is set twice");
      // An unqualified function is in the schema the table is written in, as a foreign key's target is.
      TSNode fn = field(setting, "function");
      TSNode schema = field(fn, "schema");
      h.integer_now_schema = present(schema) ? name(schema) : t.schema;
      h.integer_now = name(field(fn, "name"));
    }
  }
  anchor(Anchor::Kind::hypertable, ti, 0, n);
  t.hypertable = std::move(h);
}

// `partition_by col hash 4` or `partition_by col range 1 day`; check says whether the column fits.
Dimension Builder::dimension(TSNode n) {
  Dimension d;
  d.column = name(field(n, "column"));
  d.loc = loc(n);
  if (text(field(n, "kind")) == "range") {
    d.kind = Dimension::Kind::range;
    if (auto v = span(field(n, "value"))) d.interval = *v;
  } else if (auto v = integer(field(n, "partitions"), "a number of hash partitions")) {
    d.partitions = *v;
  }
  return d;
}

void Builder::query(TSNode n, size_t ti) {
  Query q;
  q.name = name(field(n, "name"));
  q.loc = loc(n);
  for (TSNode p : fields(n, "param")) {
    QueryParam qp;
    qp.name = name(field(p, "name"));
    if (TSNode ty = field(p, "type"); present(ty)) qp.type = type(ty);
    qp.loc = loc(p);
    q.params.push_back(std::move(qp));
  }
  q.many = text(field(n, "result")) == "many";
  q.columns = names(n, "column");
  if (TSNode where = field(n, "where"); present(where))
    q.where = sql(ts_node_start_byte(where), ts_node_end_byte(where));
  q.order_by = order_items(n, "order");
  if (TSNode limit = field(n, "limit"); present(limit)) {
    q.limit = std::string(text(limit));
    if (is(limit, "number")) integer(limit, "a query limit");
  }
  Table& t = s_.tables[ti];
  anchor(Anchor::Kind::query, ti, t.queries.size(), n);
  t.queries.push_back(std::move(q));
}

// ---- comments -------------------------------------------------------------------------------------------------

// Gathers the comments and the tokens (for error messages) in one pass; returns the first node nested deeper than
// max_nesting_depth, where it stops (null when there is none).
TSNode Builder::collect(TSNode root) {
  TSNode deep{};
  bool keep_leaves = ts_node_has_error(root);
  walk(root, [&](TSNode n, uint32_t depth) {
    if (depth > max_nesting_depth) {
      deep = n;
      return false;
    }
    if (is_comment(n)) {
      Comment c;
      c.start = ts_node_start_byte(n);
      c.end = ts_node_end_byte(n);
      c.row = ts_node_start_point(n).row;
      c.doc = is(n, "doc_comment");
      std::string_view t = text(n);
      t.remove_prefix(c.doc ? 3 : 2);
      size_t e = t.find_last_not_of(" \t\r");
      c.text = std::string(e == std::string_view::npos ? std::string_view() : t.substr(0, e + 1));
      c.loc = loc(n);
      comments_.push_back(std::move(c));
    } else if (ts_node_child_count(n) == 0 && !ts_node_is_missing(n) && !is(n, "ERROR") &&
               ts_node_end_byte(n) > ts_node_start_byte(n)) {
      if (keep_leaves) leaves_.push_back(n);
      if (is(n, "quoted_identifier") && text(n) == "\"\"") empty_name(n);
    }
    return true;
  });
  return deep;
}

// PostgreSQL has no empty names (a zero-length quoted identifier is a syntax error there), wherever one is written.
void Builder::empty_name(TSNode n) {
  error(loc(n), "empty name \"\"", "PostgreSQL names cannot be empty: write the name between the quotes");
}

Trivia& Builder::trivia(const Anchor& a) {
  using K = Anchor::Kind;
  switch (a.kind) {
    case K::namespace_: return s_.namespaces[a.a].trivia;
    case K::extension: return s_.extensions[a.a].trivia;
    case K::enum_: return s_.enums[a.a].trivia;
    case K::sequence: return s_.sequences[a.a].trivia;
    case K::table: return s_.tables[a.a].trivia;
    case K::column: return s_.tables[a.a].columns[a.b].trivia;
    case K::constraint: return s_.tables[a.a].constraints[a.b].trivia;
    case K::index: return s_.tables[a.a].indexes[a.b].trivia;
    case K::hypertable: return s_.tables[a.a].hypertable->trivia;
    case K::query: return s_.tables[a.a].queries[a.b].trivia;
  }
  return s_.tables[a.a].trivia;
}

// The doc comment slot of a declaration; extensions and hypertable blocks have none.
std::string* Builder::doc(const Anchor& a) {
  using K = Anchor::Kind;
  switch (a.kind) {
    case K::namespace_: return &s_.namespaces[a.a].comment;
    case K::enum_: return &s_.enums[a.a].comment;
    case K::sequence: return &s_.sequences[a.a].comment;
    case K::table: return &s_.tables[a.a].comment;
    case K::column: return &s_.tables[a.a].columns[a.b].comment;
    case K::constraint: return &s_.tables[a.a].constraints[a.b].comment;
    case K::index: return &s_.tables[a.a].indexes[a.b].comment;
    case K::query: return &s_.tables[a.a].queries[a.b].comment;
    case K::extension:
    case K::hypertable: return nullptr;
  }
  return nullptr;
}

std::vector<std::string>& Builder::tail(const Anchor* container) {
  if (!container) return s_.tail_comments;
  if (container->kind == Anchor::Kind::namespace_) return s_.namespaces[container->a].tail_comments;
  return s_.tables[container->a].tail_comments;
}

// Places each comment by position: a comment inside a declaration's own line range goes above it; one after the
// end of a declaration on the same line is its `after`; a doc comment documents the next declaration; an ordinary
// one goes above the next declaration, or to the enclosing block's tail when nothing follows.
void Builder::attach_comments() {
  // Anchors nest (they are syntax nodes): sorted by start, outer first, one sweep with a stack of the open ones
  // gives each comment its innermost anchor and each block its children in order, so placing a comment is a
  // binary search among its block's children (a scan of every anchor per comment was quadratic).
  std::stable_sort(anchors_.begin(), anchors_.end(),
                   [](auto& x, auto& y) { return x.start < y.start || (x.start == y.start && x.end > y.end); });
  const size_t top = anchors_.size();  // the file itself
  std::vector<std::vector<size_t>> children(anchors_.size() + 1);
  std::vector<size_t> owner(comments_.size());  // each comment's innermost anchor, or top
  std::vector<size_t> open;
  auto innermost = [&](uint32_t start, uint32_t end) {
    while (!open.empty() && !(anchors_[open.back()].start <= start && end <= anchors_[open.back()].end))
      open.pop_back();
    return open.empty() ? top : open.back();
  };
  size_t next_comment = 0;
  auto place_comments = [&](uint32_t before) {
    for (; next_comment < comments_.size() && comments_[next_comment].start < before; ++next_comment)
      owner[next_comment] = innermost(comments_[next_comment].start, comments_[next_comment].end);
  };
  for (size_t i = 0; i < anchors_.size(); ++i) {
    place_comments(anchors_[i].start);
    size_t parent = innermost(anchors_[i].start, anchors_[i].end);
    children[parent].push_back(i);
    // Of two anchors with one range the first holds what is inside them.
    bool twin = parent != top && anchors_[parent].start == anchors_[i].start && anchors_[parent].end == anchors_[i].end;
    if (!twin) open.push_back(i);
  }
  place_comments(UINT32_MAX);

  for (size_t ci = 0; ci < comments_.size(); ++ci) {
    const Comment& c = comments_[ci];
    const Anchor* in = owner[ci] == top ? nullptr : &anchors_[owner[ci]];
    std::string as_plain = c.doc ? "/" + c.text : c.text;
    if (in && !in->container()) {
      trivia(*in).before.push_back(as_plain);
      continue;
    }
    // Siblings do not overlap, so their ends are in order as their starts are.
    const std::vector<size_t>& kids = children[owner[ci]];
    auto after_prev = std::partition_point(kids.begin(), kids.end(), [&](size_t k) { return anchors_[k].end <= c.start; });
    auto at_next = std::partition_point(kids.begin(), kids.end(), [&](size_t k) { return anchors_[k].start < c.end; });
    const Anchor* prev = after_prev == kids.begin() ? nullptr : &anchors_[*(after_prev - 1)];
    const Anchor* next = at_next == kids.end() ? nullptr : &anchors_[*at_next];
    if (!c.doc && prev && prev->end_row == c.row && trivia(*prev).after.empty()) {
      trivia(*prev).after = c.text;
    } else if (c.doc && next && doc(*next)) {
      std::string* d = doc(*next);
      std::string_view line = c.text;
      if (line.starts_with(' ')) line.remove_prefix(1);
      if (!d->empty()) *d += '\n';
      *d += line;
    } else {
      if (c.doc)
        warning(c.loc, next ? "a doc comment cannot document this declaration; it is kept as an ordinary comment"
                            : "doc comment documents nothing; it is kept as an ordinary comment",
                "use \"//\" for an ordinary comment");
      if (next) {
        Trivia& t = trivia(*next);
        t.before.push_back(as_plain);
        if (blank_line_after(c.end)) t.detached = t.before.size();
      } else {
        tail(in).push_back(as_plain);
      }
    }
  }
}

// True when the line after the one holding `byte` is empty: the comment stands apart from what follows.
bool Builder::blank_line_after(uint32_t byte) const {
  std::string_view rest = std::string_view(f_.text).substr(byte);
  size_t eol = rest.find('\n');
  if (eol == std::string_view::npos) return false;
  rest.remove_prefix(eol + 1);
  size_t next = rest.find('\n');
  std::string_view line = rest.substr(0, next);
  return next != std::string_view::npos && line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// ---- syntax errors --------------------------------------------------------------------------------------------
//
// libtree-sitter 0.20 cannot say which tokens a parse state expected, so messages come from the shape of the
// tree around each ERROR and MISSING node: the keyword before it and what must follow that keyword, unclosed
// parentheses and braces, misspelt keywords, and the layout (a new column starts on its own line).

std::string shown(std::string_view token) {
  std::string t(token.substr(0, token.find('\n')));
  if (t.size() > 30) t = t.substr(0, 27) + "...";
  return t;
}

const TSNode* Builder::leaf_before(uint32_t byte) const {
  auto it = std::partition_point(leaves_.begin(), leaves_.end(),
                                 [&](const TSNode& n) { return ts_node_end_byte(n) <= byte; });
  return it == leaves_.begin() ? nullptr : &*(it - 1);
}

const TSNode* Builder::leaf_at_or_after(uint32_t byte) const {
  auto it = std::partition_point(leaves_.begin(), leaves_.end(),
                                 [&](const TSNode& n) { return ts_node_start_byte(n) < byte; });
  return it == leaves_.end() ? nullptr : &*it;
}

// The innermost block among the nodes of `path` above its last `above` ones, for messages: `table "t"`,
// `enum "e"`, ...; empty at the top level.
std::string Builder::context(const Path& path, size_t above) const {
  for (size_t i = path.size() - std::min(above, path.size()); i-- > 0;) {
    TSNode p = path[i].node;
    std::string_view kind = ts_node_type(p);
    if (kind == "table") return fmt::format("table \"{}\"", name(field(field(p, "name"), "name")));
    if (kind == "enum") return fmt::format("enum \"{}\"", name(field(p, "name")));
    if (kind == "sequence") return fmt::format("sequence \"{}\"", name(field(p, "name")));
    if (kind == "schema_block") return fmt::format("schema \"{}\"", name(field(p, "name")));
    if (kind == "query") return fmt::format("query \"{}\"", name(field(p, "name")));
    if (kind == "hypertable") return "the hypertable block";
    if (kind == "compression") return "the compression block";
  }
  return "";
}

// One walk over the tree with the path to each node on an explicit stack (no recursion, no parent searches), so
// reporting is linear whatever the nesting: each MISSING node is reported, and each outermost ERROR (nested ones
// are the same mistake seen again).
void Builder::syntax_errors(TSNode root) {
  Path path{{root, {}}};
  size_t errors_above = 0;  // ERROR nodes on the path
  TSTreeCursor c = ts_tree_cursor_new(root);
  for (;;) {
    TSNode n = path.back().node;
    if (path.size() > 1 && ts_node_is_missing(n)) missing(path);
    if (is(n, "ERROR") && errors_above++ == 0) unexpected(path);
    if (ts_tree_cursor_goto_first_child(&c)) {
      path.push_back({ts_tree_cursor_current_node(&c), {}});
      continue;
    }
    for (;;) {
      Frame done = path.back();
      path.pop_back();
      if (is(done.node, "ERROR")) --errors_above;
      if (path.empty()) {
        ts_tree_cursor_delete(&c);
        return;
      }
      if (ts_tree_cursor_goto_next_sibling(&c)) {
        Frame next{ts_tree_cursor_current_node(&c), done.before};
        if (is_item(done.node)) next.before = {done.node, done.before[0]};
        path.push_back(next);
        break;
      }
      ts_tree_cursor_goto_parent(&c);
    }
  }
}

// A column whose name is on the line where the column before it ends: text the user meant as part of that
// column (a misspelt modifier, a stray word), since a new column starts on its own line.
std::optional<std::pair<TSNode, TSNode>> Builder::stray_column(TSNode col, TSNode before) const {
  if (!is(col, "column") || !is(before, "column")) return std::nullopt;
  if (ts_node_end_point(before).row != ts_node_start_point(col).row) return std::nullopt;
  return std::pair{field(col, "name"), before};
}

void Builder::report_stray(TSNode name_node, TSNode column_before) {
  std::string_view word = text(name_node);
  std::string hint = did_you_mean(word);
  if (hint.empty())
    hint = "after a column's type come its modifiers (primary key, unique, references, check, default, identity, "
           "generated); a new column starts on its own line";
  error(loc(name_node),
        fmt::format("unexpected \"{}\" after column \"{}\"", shown(word), name(field(column_before, "name"))), hint);
}

void Builder::missing(const Path& path) {
  TSNode n = path.back().node, parent = path[path.size() - 2].node;
  std::string_view kind = ts_node_type(n);
  const TSNode* prev = leaf_before(ts_node_start_byte(n));
  std::string after = prev ? shown(text(*prev)) : "";
  Loc where = prev ? loc_end(*prev) : loc(n);
  std::string ctx = context(path, 1);

  if (kind == "}") {
    error(where, fmt::format("missing \"}}\" to close {}", ctx.empty() ? "a block" : ctx),
          fmt::format("add \"}}\" after \"{}\"", after));
    return;
  }
  if (kind == ")") {
    Loc open = loc(parent);
    error(where, fmt::format("missing \")\" after \"{}\"", after),
          fmt::format("the \"(\" at line {} column {} is not closed", open.line, open.col));
    return;
  }
  if (kind == "identifier" && is(parent, "type") && path.size() >= 3)
    return missing_type(path[path.size() - 3], where, after);
  if (kind == "identifier" || kind == "quoted_identifier") {
    std::string_view what = is(parent, "qname") ? "a table name" : "a name";
    error(where, after.empty() ? fmt::format("expected {}", what) : fmt::format("expected {} after \"{}\"", what, after));
    return;
  }
  error(where, fmt::format("missing \"{}\" after \"{}\"", kind, after));
}

constexpr const char* column_how = "write a column as \"name type\", e.g. \"price numeric(20,8)\"";

// A column without a type rarely shows as such: `bid_price` then `bid_qty numeric` on the next line reads as
// column "bid_price" of type "bid_qty" and a column "numeric" that lacks a type. So the column before the one
// that lacks a type is looked at: when its "type" is on a later line than its name, the type is missing there.
void Builder::missing_type(const Frame& col, Loc where, const std::string& after) {
  bool is_column = is(col.node, "column");
  if (is_column && type_misread(col.before[0], col.before[1])) return;
  if (auto stray = stray_column(col.node, col.before[0])) return report_stray(stray->first, stray->second);
  if (is_column && present(field(col.node, "name"))) where = loc_end(field(col.node, "name"));
  error(where, fmt::format("expected a {} after \"{}\"", is_column ? "column type" : "type", after), column_how);
}

// A column with nothing but a name and a "type" on a later line: the type is what is missing (reported), or the
// name is a stray word on the line of the column before it (`before`).
bool Builder::type_misread(TSNode col, TSNode before) {
  if (!is(col, "column") || ts_node_child_count(col) != 2) return false;
  TSNode name_node = field(col, "name"), type_node = field(col, "type");
  if (!present(name_node) || !present(type_node)) return false;
  if (ts_node_start_point(type_node).row <= ts_node_end_point(name_node).row) return false;
  if (auto stray = stray_column(col, before)) {
    report_stray(stray->first, stray->second);
  } else {
    error(loc_end(name_node), fmt::format("expected a column type after \"{}\"", shown(text(name_node))),
          column_how);
  }
  return true;
}

// What must follow a keyword, for "expected X after "kw"" messages; `fits` says whether a token does.
struct Expectation {
  std::string_view keyword;
  std::string_view what;
  bool (*fits)(std::string_view token);
};

bool is_word(std::string_view t) {
  return !t.empty() && (std::isalpha(static_cast<unsigned char>(t[0])) || t[0] == '_' || t[0] == '"');
}
bool is_number(std::string_view t) { return !t.empty() && std::isdigit(static_cast<unsigned char>(t[0])); }
bool is_open_paren(std::string_view t) { return t == "("; }
bool is_fk_action(std::string_view t) { return t == "cascade" || t == "restrict" || t == "set" || t == "no"; }

constexpr std::array expectations{
    Expectation{"->", "\"one\" or \"many\"", [](std::string_view t) { return t == "one" || t == "many"; }},
    Expectation{"primary", "\"key\"", [](std::string_view t) { return t == "key"; }},
    Expectation{"foreign", "\"key\"", [](std::string_view t) { return t == "key"; }},
    Expectation{"set", "\"null\" or \"default\"", [](std::string_view t) { return t == "null" || t == "default"; }},
    Expectation{"delete", "cascade, restrict, set null, set default or no action", is_fk_action},
    Expectation{"update", "cascade, restrict, set null, set default or no action", is_fk_action},
    Expectation{"no", "\"action\" or \"inherit\"", [](std::string_view t) { return t == "action" || t == "inherit"; }},
    Expectation{"nulls", "\"first\", \"last\" or \"not distinct\"",
                [](std::string_view t) { return t == "first" || t == "last" || t == "not"; }},
    Expectation{"initially", "\"deferred\" or \"immediate\"",
                [](std::string_view t) { return t == "deferred" || t == "immediate"; }},
    Expectation{"match", "\"full\" or \"simple\"", [](std::string_view t) { return t == "full" || t == "simple"; }},
    Expectation{"collate", "a collation name such as \"C\"", is_word},
    Expectation{"double", "\"precision\"", [](std::string_view t) { return t == "precision"; }},
    Expectation{"order", "\"by\"", [](std::string_view t) { return t == "by"; }},
    Expectation{"hypertable", "\"on\"", [](std::string_view t) { return t == "on"; }},
    Expectation{"chunk_interval", "a time span such as \"30 minutes\"", is_number},
    Expectation{"retention", "a time span such as \"7 days\"", is_number},
    Expectation{"after", "a time span such as \"1 day\"", is_number},
    Expectation{"generated", "a parenthesised SQL expression", is_open_paren},
    Expectation{"include", "a parenthesised list of columns", is_open_paren},
    Expectation{"references", "a table name", is_word},
    Expectation{"segment_by", "a column name", is_word},
    Expectation{"partition_by", "a column name", is_word},
    Expectation{"integer_now", "a function name such as public.counters_now", is_word},
    Expectation{"order_by", "a column name", is_word},
    Expectation{"enum", "an enum name", is_word},
    Expectation{"sequence", "a sequence name", is_word},
    Expectation{"extension", "an extension name", is_word},
    Expectation{"query", "a query name", is_word},
    Expectation{"default", "a default value (a literal, a call such as now(), or a parenthesised SQL expression)",
                [](std::string_view t) { return t != "}" && t != ")" && t != "," && t != "{"; }},
};

// `on` follows `hypertable` (a column name follows) or starts a foreign key action (delete/update follows).
const Expectation* expectation(std::string_view keyword, std::string_view before) {
  static constexpr Expectation time_column{"on", "the time column's name", is_word};
  static constexpr Expectation fk_event{
      "on", "\"delete\" or \"update\"", [](std::string_view t) { return t == "delete" || t == "update"; }};
  // `partition_by col` is followed by how it partitions.
  static constexpr Expectation dimension_kind{
      "", "\"hash\" and a number of partitions or \"range\" and a span (partition_by symbol_id hash 4)",
      [](std::string_view t) { return t == "hash" || t == "range"; }};
  if (keyword == "on") return before == "hypertable" ? &time_column : &fk_event;
  if (before == "partition_by") return &dimension_kind;
  for (auto& e : expectations)
    if (e.keyword == keyword) return &e;
  return nullptr;
}

void Builder::unexpected(const Path& path) {
  TSNode n = path.back().node;
  uint32_t start = ts_node_start_byte(n), end = ts_node_end_byte(n);
  std::string ctx = context(path, 1);
  std::string in = ctx.empty() ? "" : " in " + ctx;

  // The tokens inside the ERROR, with the one before it and the one after it.
  const TSNode* first = leaf_at_or_after(start);
  size_t lo = first ? static_cast<size_t>(first - leaves_.data()) : leaves_.size();
  size_t hi = lo;
  while (hi < leaves_.size() && ts_node_end_byte(leaves_[hi]) <= end) ++hi;
  size_t from = lo > 0 ? lo - 1 : lo, to = std::min(hi + 1, leaves_.size());
  auto tok = [&](size_t i) { return text(leaves_[i]); };

  // 1. A keyword followed by something that cannot follow it.
  for (size_t i = from + 1; i < to; ++i) {
    auto* e = expectation(tok(i - 1), i >= 2 ? tok(i - 2) : "");
    if (e && !e->fits(tok(i)))
      return error(loc(leaves_[i]), fmt::format("expected {} after \"{}\", found \"{}\"", e->what, tok(i - 1),
                                                shown(tok(i))));
  }
  // A keyword at the very end of the file.
  if (to == leaves_.size() && to > from && hi == leaves_.size()) {
    if (auto* e = expectation(tok(to - 1), to >= 2 ? tok(to - 2) : ""))
      return error(loc_end(leaves_[to - 1]),
                   fmt::format("expected {} after \"{}\", found the end of the file", e->what, tok(to - 1)));
  }
  if (lo == hi) {  // nothing inside: the token after it is the one that does not fit
    if (hi < leaves_.size())
      return error(loc(leaves_[hi]), fmt::format("unexpected \"{}\"{}", shown(tok(hi)), in));
    return error(loc(n), fmt::format("unexpected end of the file{}", in));
  }
  // 2. `table b {` inside another table: the other table's "}" is missing.
  for (size_t i = lo >= 2 ? lo - 2 : 0; i + 2 < to; ++i) {
    std::string_view kw = tok(i);
    if ((kw == "table" || kw == "enum" || kw == "schema") && tok(i + 2) == "{" && !ctx.empty() &&
        !ctx.starts_with("schema")) {
      Loc where = i > 0 ? loc_end(leaves_[i - 1]) : loc(leaves_[i]);
      return error(where, fmt::format("missing \"}}\" to close {}", ctx),
                   fmt::format("\"{}\" at line {} starts a new declaration; add \"}}\" before it", kw,
                               loc(leaves_[i]).line));
    }
  }
  // 3. The column just before the error lacks its type, or is a stray word on the previous column's line.
  auto [before, before_that] = path.back().before;
  if (type_misread(before, before_that)) return;
  if (auto stray = stray_column(before, before_that)) return report_stray(stray->first, stray->second);
  // 4. A misspelt keyword.
  for (size_t i = lo; i < hi; ++i)
    if (auto hint = did_you_mean(tok(i)); !hint.empty() && is_word(tok(i)))
      return error(loc(leaves_[i]), fmt::format("unexpected \"{}\"{}", shown(tok(i)), in), hint);
  // 5. A parenthesis opened inside the error and never closed.
  int depth = 0;
  size_t open = lo;
  for (size_t i = lo; i < hi; ++i) {
    if (tok(i) == "(" && depth++ == 0) open = i;
    if (tok(i) == ")" && depth > 0) --depth;
  }
  if (depth > 0)
    return error(loc_end(leaves_[hi - 1]), fmt::format("missing \")\" after \"{}\"", shown(tok(hi - 1))),
                 fmt::format("the \"(\" at line {} column {} is not closed", loc(leaves_[open]).line,
                             loc(leaves_[open]).col));
  // 6. Otherwise the first token that could not be parsed.
  std::string_view word = tok(lo);
  std::string hint;
  if (ctx.starts_with("enum"))
    hint = "enum labels are separated by commas: enum side { buy, sell }";
  else if (word == "," && ctx.starts_with("table"))
    hint = "columns, constraints and indexes are not separated by commas: put each on its own line";
  else if (ctx.empty())
    hint = "at the top level come extension, enum, sequence, table and schema declarations";
  else if (ctx.starts_with("table"))
    hint = "a table holds columns (\"name type\"), primary key, unique, foreign key and check constraints, "
           "indexes, a hypertable block and queries";
  error(loc(leaves_[lo]), fmt::format("unexpected \"{}\"{}", shown(word), in), hint);
}

ParseResult Builder::run() {
  std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
  if (!ts_parser_set_language(parser.get(), tree_sitter_schemac())) {
    error(Loc{f_.path}, "the schema.dsl grammar does not load in this libtree-sitter (ABI mismatch)");
    return {std::move(s_), std::move(diags_)};
  }
  if (!within_size() || !valid_utf8()) return {std::move(s_), std::move(diags_)};
  std::unique_ptr<TSTree, TreeDeleter> tree(
      ts_parser_parse_string(parser.get(), nullptr, f_.text.data(), static_cast<uint32_t>(f_.text.size())));
  TSNode root = ts_tree_root_node(tree.get());
  if (!within_depth(collect(root))) return {std::move(s_), std::move(diags_)};
  for (TSNode item : items(root)) {
    std::string_view kind = ts_node_type(item);
    if (kind == "extension") extension(item);
    else if (kind == "enum") enum_decl(item, "public");
    else if (kind == "sequence") sequence(item, "public");
    else if (kind == "table") table(item, "public");
    else if (kind == "schema_block") schema_block(item);
  }
  attach_comments();
  if (ts_node_has_error(root)) {
    size_t before = diags_.size();
    syntax_errors(root);
    // Never let a broken file through silently, whatever shape its error took.
    if (!has_errors(Diagnostics(diags_.begin() + static_cast<std::ptrdiff_t>(before), diags_.end())))
      error(Loc{f_.path, 1, 1}, "syntax error");
  }
  sort_diagnostics(diags_);
  return {std::move(s_), std::move(diags_)};
}

}  // namespace

ParseResult parse(const SourceFile& file) {
  Builder b(file);
  return b.run();
}

}  // namespace schemac
