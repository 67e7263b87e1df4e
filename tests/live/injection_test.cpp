// The injection corpus: hostile table, column, index, constraint, enum and enum-label names, string defaults,
// doc comments and operator classes, from the DSL and from a live catalog. Every output format schemac writes
// (plan --format sql, the up/down files of migrate new, the UP/DOWN code blocks of --format markdown, the "up"
// and "down" strings of --format json) is run by psql with ON_ERROR_STOP against a database that also holds a
// `victim` table, and afterwards the catalog must be exactly what the change list says: the declaration after
// UP, the state before after DOWN, victim still there, no file written by a psql meta-command.
//
// The hostile objects on the server are made with SQL quoted by the server's own format() (%I, %L), so the
// set-up does not depend on the quoting under test. Plain PostgreSQL on pg15; the hypertable case on tsdb.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>

#include "catalog/connect.hpp"
#include "catalog/inspect.hpp"
#include "live_util.hpp"
#include "dsl/load.hpp"
#include "migrate/migrate.hpp"
#include "dsl/print.hpp"
#include "testdb.hpp"

using namespace schemac;
using schemac::test::RunResult;
using schemac::test::Server;
using schemac::test::TempDir;
using schemac::test::describe;
using schemac::test::TestDb;

namespace {

// What a psql meta-command smuggled out of a comment would create (in psql's working directory).
const char* kPwned = "pwned";

// Each at most 63 bytes (a PostgreSQL name); each tries another way out of a comment line, a Markdown cell or
// code block, or a literal.
struct Corpus {
  std::string table = "evil\nDROP TABLE victim; --";
  std::string column = "col\rDROP TABLE victim; --";
  std::string enum_column = "m\n\\! touch pwned\n";
  std::string enum_name = "enum */ DROP TABLE victim; /*";
  std::string label = "lbl\nDROP TABLE victim; --";
  std::string label2 = "it's \\ \"q\"\u2028DROP TABLE victim; --";
  std::string new_label = "new\n\\! touch pwned\nDROP TABLE victim; --";
  std::string check = "chk\u2028DROP TABLE victim; --";
  std::string index = "ix ```\n</details>\n| x | y |";
  std::string op_index = "opx\nDROP TABLE victim; --";
  std::string opclass = "ops\nDROP TABLE victim; --";
  std::string dropped = "gone\n\\! touch pwned\n";
  std::string default_text = "x\nDROP TABLE victim; --'); DROP TABLE victim; --";
  std::string doc = "it's'); DROP TABLE victim; -- */ /* \\! touch pwned";
};

// A DSL string literal: '' for a quote, everything else as it is.
std::string dsl_string(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string victim_dsl() { return "table victim {\n  id int primary key\n}\n"; }

// The hostile objects as a declaration (the DSL side).
std::string hostile_dsl(const Corpus& c) {
  std::string n = dsl_name(c.table), col = dsl_name(c.column), m = dsl_name(c.enum_column);
  return fmt::format(
      "enum {} {{ {}, {} }}\n\n{}"
      "/// {}\n/// second line\ntable {} {{\n"
      "  id int primary key\n"
      "  /// {}\n"
      "  {} text? default {}\n"
      "  {} {}?\n"
      "  doc jsonb?\n\n"
      "  check {} (id > 0)\n"
      "  index {} ({})\n"
      "  index using gin (doc jsonb_path_ops)\n"
      "}}\n",
      dsl_name(c.enum_name), dsl_string(c.label), dsl_string(c.label2), victim_dsl(), c.doc, n, c.doc, col,
      dsl_string(c.default_text), m, dsl_name(c.enum_name), dsl_name(c.check), dsl_name(c.index), col);
}

Schema load_ok(const std::string& text) {
  Loaded l = load_dsl_text("declared.dsl", text);
  std::string diags;
  for (auto& d : l.diags) diags += "\n  " + d.message;
  REQUIRE_MESSAGE(l.ok(), "the declaration does not load:" << diags << "\n" << text);
  return std::move(l.schema);
}

RunResult schemac_ok(const std::vector<std::string>& args, const TempDir& dir) {
  RunResult r = test::run_schemac(args, dir.path.string());
  REQUIRE_MESSAGE(r.exit_code == 0, describe(r));
  return r;
}

// Runs `script` the way an administrator would: psql -f with ON_ERROR_STOP, in `dir`.
void run_psql(const TestDb& db, const TempDir& dir, const std::string& script, const std::string& what) {
  std::string file = dir.write("script.sql", script);
  RunResult r = test::run_program({"psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db.url(), "-f", file},
                                  dir.path.string());
  INFO("psql on " << db.redacted_url() << " ran " << what);
  REQUIRE_MESSAGE(r.exit_code == 0, describe(r) << "\n--- script ---\n" << script);
  CHECK_MESSAGE(r.err.find("ERROR") == std::string::npos, r.err);
}

// The catalog is exactly `expected`, victim is still there, and no psql meta-command ran.
void check_catalog(TestDb& db, const TempDir& dir, const Schema& expected, const std::string& when) {
  INFO(when);
  CHECK(db.query_value("select to_regclass('public.victim') is not null") == "t");
  Connection conn = connect(db.url());
  CHECK_MESSAGE(test::catalog_mismatch(conn.get(), expected) == "", when);
  CHECK_FALSE(std::filesystem::exists(dir.path / kPwned));
}

// The body of the Markdown code block that follows `summary` (<summary>UP</summary>): from its opening fence
// to the same fence, as a Markdown reader takes it.
std::string markdown_block(const std::string& md, const std::string& summary) {
  size_t at = md.find("<summary>" + summary + "</summary>\n\n");
  REQUIRE(at != std::string::npos);
  size_t open = md.find('\n', at) + 2, open_end = md.find('\n', open);
  std::string fence = md.substr(open, open_end - open);
  REQUIRE(fence.ends_with("sql"));
  fence.resize(fence.size() - 3);
  size_t close = md.find("\n" + fence + "\n", open_end);
  REQUIRE(close != std::string::npos);
  return md.substr(open_end + 1, close + 1 - (open_end + 1));
}

struct Scripts {
  std::string format;
  std::string up;
  std::optional<std::string> down;  // `plan --format sql` prints the UP only
};

// The UP and DOWN scripts of every `plan` output format, from the same arguments.
std::vector<Scripts> plan_formats(std::vector<std::string> args, const TempDir& dir) {
  RunResult plain = schemac_ok(args, dir);
  // With --db, the live expressions (an index on a hostile operator class among them) went through the
  // normaliser without failing.
  CHECK_MESSAGE(plain.err.find("could not normalise") == std::string::npos, plain.err);
  std::string sql = plain.out;
  args.insert(args.end(), {"--format", "markdown"});
  std::string md = schemac_ok(args, dir).out;
  args.back() = "json";
  nlohmann::json json = nlohmann::json::parse(schemac_ok(args, dir).out);
  return {{"plan --format sql", sql, std::nullopt},
          {"plan --format markdown", markdown_block(md, "UP"), markdown_block(md, "DOWN")},
          {"plan --format json", json["up"].get<std::string>(), json["down"].get<std::string>()}};
}

// The up and down files `migrate new` writes for `after`, on top of a first migration that makes `before`.
Scripts migrate_new_files(const std::string& before, const std::string& after) {
  TempDir dir;
  dir.write("schema.dsl", before);
  schemac_ok({"migrate", "new", "init", "--edition", "apache"}, dir);  // the tsdb server's edition
  dir.write("schema.dsl", after);
  schemac_ok({"migrate", "new", "hostile", "--allow-destructive"}, dir);
  std::filesystem::path m = dir.path / "migrations";
  return {"migrate new", read_file(m / "0002_hostile.up.sql"), read_file(m / "0002_hostile.down.sql")};
}

// Applies each format's UP to a fresh database in the state `before` (made by `setup`), checks the catalog is
// `after`, then its DOWN and checks the catalog is `before` again.
template <class Setup>
void apply_every_format(Server server, const std::vector<Scripts>& formats, const Schema& before,
                        const Schema& after, Setup setup) {
  for (const Scripts& s : formats) {
    INFO("format: " << s.format);
    TestDb db(server);
    TempDir dir;
    setup(db);
    run_psql(db, dir, s.up, s.format + " UP");
    check_catalog(db, dir, after, s.format + ": after UP");
    if (!s.down) continue;
    run_psql(db, dir, *s.down, s.format + " DOWN");
    check_catalog(db, dir, before, s.format + ": after DOWN");
  }
}

const char* kVictimSql = "create table public.victim (id int primary key)";

void make_victim(TestDb& db) { db.exec(kVictimSql); }

// Every format of an offline plan from victim alone to `after_dsl`: `plan --from` and `migrate new`.
std::vector<Scripts> offline_formats(const std::string& after_dsl) {
  TempDir dir;
  std::string from = dir.write("before.dsl", victim_dsl()), to = dir.write("after.dsl", after_dsl);
  std::vector<Scripts> formats = plan_formats({"plan", to, "--from", from}, dir);
  formats.push_back(migrate_new_files(victim_dsl(), after_dsl));
  return formats;
}

// `pattern` with its %I and %L filled in by the server's format(), then run: quoting the tests do not share
// with the product.
void exec_formatted(PGconn* conn, const std::string& pattern, const std::vector<std::string>& args) {
  std::vector<const char*> values = {pattern.c_str()};
  std::string select = "select format($1::text";
  for (size_t i = 0; i < args.size(); ++i) {
    select += fmt::format(", ${}::text", i + 2);
    values.push_back(args[i].c_str());
  }
  select += ")";
  PGresult* r = PQexecParams(conn, select.c_str(), int(values.size()), nullptr, values.data(), nullptr, nullptr, 0);
  REQUIRE_MESSAGE(PQresultStatus(r) == PGRES_TUPLES_OK, std::string(PQresultErrorMessage(r)));
  std::string sql = PQgetvalue(r, 0, 0);
  PQclear(r);
  test::exec_sql(conn, sql);
}

// The live side: victim, and every hostile object made on the server, including an operator class whose name
// is SQL and an expression index that uses it.
void make_hostile_catalog(TestDb& db, const Corpus& c) {
  Connection conn = connect(db.url());
  PGconn* pg = conn.get();
  test::exec_sql(pg, kVictimSql);
  exec_formatted(pg, "create type public.%I as enum (%L, %L)", {c.enum_name, c.label, c.label2});
  exec_formatted(pg,
                 "create table public.%I (id int primary key, %I text default %L, %I public.%I, doc jsonb, "
                 "constraint %I check (id > 0))",
                 {c.table, c.column, "plain", c.enum_column, c.enum_name, c.check});
  exec_formatted(pg, "create index %I on public.%I (%I)", {c.index, c.table, c.column});
  exec_formatted(pg,
                 "create operator class public.%I for type text using btree as operator 1 <, operator 2 <=, "
                 "operator 3 =, operator 4 >=, operator 5 >, function 1 bttextcmp(text, text)",
                 {c.opclass});
  exec_formatted(pg, "create index %I on public.%I ((lower(%I)) public.%I)", {c.op_index, c.table, c.column, c.opclass});
  exec_formatted(pg, "comment on table public.%I is %L", {c.table, c.doc + "\nand a second line"});
  exec_formatted(pg, "create table public.%I (id int)", {c.dropped});
}

// What the catalog holds after make_hostile_catalog, read back by inspect.
Schema inspected(TestDb& db) {
  Connection conn = connect(db.url());
  return inspect(conn.get()).schema;
}

}  // namespace

TEST_CASE("injection: hostile names, labels, defaults and doc comments from the DSL, in every format (pg15)") {
  Corpus c;
  std::string after_dsl = hostile_dsl(c);
  std::vector<Scripts> formats = offline_formats(after_dsl);
  // The headers did carry the names: escaped, inside their comment lines.
  CHECK(formats[0].up.find("--   create table public.\"evil\\nDROP TABLE victim; --\"\n") != std::string::npos);
  CHECK(formats[3].down->find("-- undo: create table public.\"evil\\nDROP TABLE victim; --\"\n") != std::string::npos);
  apply_every_format(Server::pg15, formats, load_ok(victim_dsl()), load_ok(after_dsl), make_victim);
}

TEST_CASE("injection: a hostile hypertable and time column, in every format (tsdb)") {
  std::string table = "ht\nDROP TABLE victim; --", time = "ts\r\\! touch pwned";
  std::string after_dsl = victim_dsl() + fmt::format(
                                             "extension timescaledb\n\ntable {} {{\n  {} timestamptz\n  v int?\n\n"
                                             "  hypertable on {} {{\n    chunk_interval 1 day\n  }}\n}}\n",
                                             dsl_name(table), dsl_name(time), dsl_name(time));
  std::vector<Scripts> formats = offline_formats(after_dsl);
  CHECK(formats[0].up.find("as a hypertable on \"ts\\r\\\\! touch pwned\"") != std::string::npos);
  apply_every_format(Server::tsdb, formats, load_ok(victim_dsl()), load_ok(after_dsl), make_victim);
}

TEST_CASE("injection: hostile objects in the live catalog reach plan --db, in every format (pg15)") {
  Corpus c;
  // The declaration keeps the table but changes its default, check, comment and enum (a hostile label is
  // added), and leaves out the opclass index (its DOWN writes the catalog's operator class back) and a table.
  std::string declared_dsl =
      fmt::format("enum {} {{ {}, {}, {} }}\n\n{}/// {}\ntable {} {{\n  id int primary key\n  {} text? default {}\n"
                  "  {} {}?\n  doc jsonb?\n\n  check {} (id > 1)\n  index {} ({})\n}}\n",
                  dsl_name(c.enum_name), dsl_string(c.label), dsl_string(c.label2), dsl_string(c.new_label),
                  victim_dsl(), c.doc, dsl_name(c.table), dsl_name(c.column), dsl_string(c.default_text),
                  dsl_name(c.enum_column), dsl_name(c.enum_name), dsl_name(c.check), dsl_name(c.index),
                  dsl_name(c.column));
  Schema declared = load_ok(declared_dsl);
  TempDir dir;
  std::string file = dir.write("schema.dsl", declared_dsl);
  Schema before;
  std::vector<Scripts> formats;
  {
    TestDb db(Server::pg15);
    make_hostile_catalog(db, c);
    before = inspected(db);
    REQUIRE(before.table("public", c.table));
    REQUIRE(before.table("public", c.table)->indexes.size() == 2);
    formats = plan_formats({"plan", file, "--db", db.url(), "--allow-destructive"}, dir);
  }
  const std::string& up = formats[0].up;
  CHECK(up.find("--   drop table public.\"gone\\n\\\\! touch pwned\\n\"  [DESTRUCTIVE") != std::string::npos);
  CHECK(up.find("--   drop index \"opx\\nDROP TABLE victim; --\" on public.\"evil\\nDROP TABLE victim; --\"") !=
        std::string::npos);
  CHECK(up.find("touch pwned\\nDROP TABLE victim; --' to enum") != std::string::npos);
  CHECK(up.find("to 'x\\nDROP TABLE victim; --''); DROP TABLE victim; --'") != std::string::npos);
  CHECK(formats[1].down->find(" \"ops\nDROP TABLE victim; --\");") != std::string::npos);  // quoted opclass
  apply_every_format(Server::pg15, formats, before, declared, [&](TestDb& db) { make_hostile_catalog(db, c); });
}

TEST_CASE("injection: an operator class that is not a name is refused by check, located, and nothing is planned") {
  TempDir dir;
  std::string file = dir.write(
      "schema.dsl", "table docs {\n  id int primary key\n  d jsonb\n\n"
                    "  index using gin (d \"jsonb_path_ops); DROP TABLE victim; --\")\n}\n");
  for (std::vector<std::string> args : {std::vector<std::string>{"check", file}, {"plan", file, "--from", file}}) {
    RunResult r = test::run_schemac(args, dir.path.string());
    CHECK(r.exit_code == 1);
    CHECK(r.out == "");
    CHECK_MESSAGE(r.err.find(file + ":5:3: error: operator class \"jsonb_path_ops); DROP TABLE victim; --\" in index "
                                    "on \"docs\" is not a name") != std::string::npos,
                  r.err);
  }
}
