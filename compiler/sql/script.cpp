#include "sql/script.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <optional>

#include "model/quote.hpp"
#include "model/text.hpp"
#include "sql/parser.hpp"

namespace schemac {

namespace {

// How to apply the file, for the person who opens it; script.hpp has the whole design.
constexpr const char* kApplyNote =
    "-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>. Each `schemac:section` line opens a section: a\n"
    "-- transactional one runs between BEGIN and COMMIT (all of it or nothing), a no-transaction one is a single\n"
    "-- statement that cannot run in a transaction block. A failure stops the file: the sections before it stay\n"
    "-- applied, a failed transactional section leaves nothing behind.\n";

std::string marker(int number, bool transactional) {
  return fmt::format("{} {} {}", kSectionMarker, number, transactional ? "transactional" : "no-transaction");
}

}  // namespace

std::string render_script(const std::vector<ScriptStep>& steps) {
  std::string out;
  int sections = 0;
  bool in_transaction = false;
  auto open = [&](bool transactional) {
    out += (out.empty() ? "" : "\n") + marker(++sections, transactional) + "\n";
    if (transactional) out += "BEGIN;\n";
    in_transaction = transactional;
  };
  auto close = [&] {
    if (in_transaction) out += "\nCOMMIT;\n";
    in_transaction = false;
  };
  auto comments = [&](const ScriptStep& s, std::string_view suffix) {
    for (auto& c : s.comments) out += "-- " + comment_text(std::string(c) + std::string(suffix)) + "\n";
  };
  for (auto& step : steps) {
    if (step.statements.empty()) continue;
    if (step.transactional) {
      if (step.alone) close();
      if (!in_transaction) open(true);
      out += "\n";
      comments(step, "");
      for (auto& s : step.statements) out += s + "\n";
      if (step.alone) close();
      continue;
    }
    close();
    size_t n = step.statements.size();
    for (size_t i = 0; i < n; ++i) {
      open(false);
      comments(step, n > 1 ? fmt::format(" (statement {} of {})", i + 1, n) : "");
      out += step.statements[i] + "\n";
    }
  }
  close();
  return out.empty() ? out : kApplyNote + ("\n" + out);
}

// --- reading ------------------------------------------------------------------------------------------------

namespace {

using Json = nlohmann::json;

constexpr const char* kMarkerForm = "a section opens with `-- schemac:section N transactional` or "
                                    "`-- schemac:section N no-transaction`, N counting from 1";

// One statement as the parser found it: its text from its first token, where that is, and whether it is
// transaction control (BEGIN, COMMIT, ROLLBACK, SAVEPOINT...).
struct Stmt {
  size_t start = 0, end = 0;   // byte range of the statement (first token to last, no `;`)
  size_t trivia = 0;           // where the whitespace and comments before it start
  std::string transaction;     // TransactionStmt kind ("TRANS_STMT_BEGIN"), empty for any other statement
};

struct Marker {
  size_t at = 0;
  std::optional<int> number;  // nullopt: a `-- schemac:` line that is not a section marker
  bool transactional = true;
};

// A parsed `-- schemac:...` comment line (trailing white space ignored).
Marker read_marker(size_t at, std::string_view line) {
  Marker m{at, std::nullopt, true};
  std::string l = trim(line);
  if (!l.starts_with(kSectionMarker) || l.size() == kSectionMarker.size() || l[kSectionMarker.size()] != ' ')
    return m;
  std::string_view rest = std::string_view(l).substr(kSectionMarker.size() + 1);
  size_t digits = 0;
  while (digits < rest.size() && digits < 9 && std::isdigit(static_cast<unsigned char>(rest[digits]))) ++digits;
  if (digits == 0 || digits >= rest.size() || rest[digits] != ' ') return m;
  std::string_view kind = rest.substr(digits + 1);
  if (kind != "transactional" && kind != "no-transaction") return m;
  m.number = std::stoi(std::string(rest.substr(0, digits)));
  m.transactional = kind == "transactional";
  return m;
}

// Walks the white space, `;` and comments from `from`; `--` lines starting with `-- schemac:` become markers.
// Returns where the first token after them starts (or `to`).
size_t walk_trivia(std::string_view text, size_t from, size_t to, std::vector<Marker>& markers) {
  size_t i = from;
  while (i < to) {
    std::string_view rest = text.substr(i, to - i);
    if (std::isspace(static_cast<unsigned char>(rest[0])) || rest[0] == ';') {
      ++i;
    } else if (rest.starts_with("--")) {
      size_t nl = rest.find('\n');
      std::string_view line = rest.substr(0, nl);
      if (line.starts_with("-- schemac:")) markers.push_back(read_marker(i, line));
      i += nl == std::string_view::npos ? rest.size() : nl + 1;
    } else if (rest.starts_with("/*")) {  // block comments nest in PostgreSQL
      int depth = 0;
      size_t j = 0;
      do {
        if (rest.substr(j).starts_with("/*")) ++depth, j += 2;
        else if (rest.substr(j).starts_with("*/")) --depth, j += 2;
        else ++j;
      } while (depth > 0 && j < rest.size());
      i += j;
    } else {
      break;
    }
  }
  return i;
}

// The statements of `text` as the PostgreSQL parser splits them; nullopt after a located syntax error.
std::optional<std::vector<Stmt>> parse_statements(const std::string& file, const std::string& text,
                                                  Diagnostics& diags) {
  SqlParse parsed = parse_sql(text);
  if (!parsed.ok()) {
    diags.push_back({Diagnostic::Severity::error, loc_of_byte(file, text, parsed.error_offset),
                     fmt::format("not valid SQL: {}", parsed.error),
                     "a schemac script holds SQL statements and comments only: fix or revert the edit"});
    return std::nullopt;
  }
  const Json& tree = parsed.tree;
  std::vector<Stmt> out;
  for (auto& s : tree.value("stmts", Json::array())) {
    Stmt st;
    st.trivia = s.value("stmt_location", size_t{0});
    size_t len = s.value("stmt_len", size_t{0});  // 0: the statement runs to the end of the text
    st.end = len == 0 ? text.size() : st.trivia + len;
    if (auto t = s["stmt"].find("TransactionStmt"); t != s["stmt"].end()) st.transaction = t->value("kind", "");
    out.push_back(st);
  }
  return out;
}

std::string control_name(const std::string& kind) {
  std::string k = kind.substr(std::string_view("TRANS_STMT_").size());
  for (auto& c : k) c = c == '_' ? ' ' : c;
  return k;
}

// The section state machine, fed markers and statements in file order.
class Reader {
 public:
  Reader(const std::string& file, std::string_view text, Diagnostics& diags) : file_(file), text_(text), d_(diags) {}

  void marker(const Marker& m) {
    if (!m.number) {
      error(m.at, "unknown schemac marker", kMarkerForm);
      return;
    }
    int expected = sections_.empty() ? 1 : sections_.back().number + 1;
    end_section(m.at, fmt::format("section {}", *m.number));
    if (*m.number != expected)
      error(m.at, fmt::format("section {} where section {} comes next", *m.number, expected),
            "number the sections 1, 2, 3... in file order");
    sections_.push_back(Section{*m.number, m.transactional, loc(m.at), {}, {}});
    open_ = false;
    begun_ = false;
  }

  void statement(const Stmt& s) {
    if (sections_.empty()) {
      error(s.start, "a statement before the first section marker", kMarkerForm);
      return;
    }
    Section& sec = sections_.back();
    bool begin = s.transaction == "TRANS_STMT_BEGIN" || s.transaction == "TRANS_STMT_START";
    bool commit = s.transaction == "TRANS_STMT_COMMIT";
    if (sec.transactional && !begun_) {
      if (!begin)
        error(s.start, fmt::format("transactional section {} does not start with BEGIN", sec.number),
              "put BEGIN; right after the section's marker line");
      begun_ = open_ = true;
      if (begin) return;
    }
    if (sec.transactional && !open_) {
      error(s.start, fmt::format("a statement after the COMMIT of section {}", sec.number),
            "move it into a section, or open a new section for it with its own marker line");
      return;
    }
    if (sec.transactional && commit) {
      open_ = false;
      return;
    }
    if (!s.transaction.empty()) {
      error(s.start,
            fmt::format("{} inside section {}, which {}", control_name(s.transaction), sec.number,
                        sec.transactional ? "is already one transaction" : "runs outside a transaction block"),
            sec.transactional ? "a section is one transaction: end it with COMMIT and open a new section instead"
                              : "a no-transaction section holds one statement and no transaction control");
    }
    sec.statements.emplace_back(text_.substr(s.start, s.end - s.start));
    sec.statement_locs.push_back(loc(s.start));
  }

  std::vector<Section> finish() {
    end_section(text_.size(), "the end of the file");
    return std::move(sections_);
  }

 private:
  // The current section ends at `at` (where `next` starts): a transactional one must have had BEGIN and
  // COMMIT, a no-transaction one exactly one statement.
  void end_section(size_t at, const std::string& next) {
    if (sections_.empty()) return;
    const Section& sec = sections_.back();
    if (sec.transactional && !begun_)
      error(at, fmt::format("transactional section {} has no BEGIN and COMMIT", sec.number),
            "put BEGIN; after its marker line and COMMIT; after its last statement");
    else if (sec.transactional && open_)
      error(at, fmt::format("{} comes before section {} ends with COMMIT", next, sec.number),
            "end each transactional section with COMMIT; (a file cut short is not safe to apply)");
    else if (!sec.transactional && sec.statements.empty())
      d_.push_back({Diagnostic::Severity::error, sec.loc,
                    fmt::format("no-transaction section {} has no statement", sec.number),
                    "remove the marker line, or put the statement it is for under it"});
    else if (!sec.transactional && sec.statements.size() > 1)
      d_.push_back({Diagnostic::Severity::error, sec.statement_locs[1],
                    fmt::format("no-transaction section {} holds more than one statement", sec.number),
                    "each statement that runs outside a transaction gets a section of its own: open a new "
                    "section before this one"});
  }

  Loc loc(size_t byte) const { return loc_of_byte(file_, text_, byte); }
  void error(size_t byte, std::string message, std::string hint) {
    d_.push_back({Diagnostic::Severity::error, loc(byte), std::move(message), std::move(hint)});
  }

  const std::string& file_;
  std::string_view text_;
  Diagnostics& d_;
  std::vector<Section> sections_;
  bool begun_ = false;  // the current transactional section has had its BEGIN
  bool open_ = false;   // ... and not yet its COMMIT
};

}  // namespace

std::vector<Section> split_script(const std::string& file, std::string_view text, Diagnostics& diags) {
  std::string owned(text);  // libpg_query reads a NUL-terminated string
  auto stmts = parse_statements(file, owned, diags);
  if (!stmts) return {};
  Reader reader(file, text, diags);
  std::vector<Marker> markers;
  auto feed_markers = [&] {
    for (auto& m : markers) reader.marker(m);
    markers.clear();
  };
  size_t done = 0;
  for (Stmt& s : *stmts) {
    s.start = walk_trivia(text, std::max(done, s.trivia), s.end, markers);
    feed_markers();
    reader.statement(s);
    done = s.end;
  }
  walk_trivia(text, done, text.size(), markers);
  feed_markers();
  return reader.finish();
}

}  // namespace schemac
