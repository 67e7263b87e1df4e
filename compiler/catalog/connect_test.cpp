#include "catalog/connect.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "catalog/inspect.hpp"
#include "temp_dir.hpp"

using namespace schemac;

TEST_CASE("resolve_url: --db, then $DATABASE_URL, then .env") {
  std::string_view dotenv = "DATABASE_URL=postgresql://from-dotenv/db\n";
  auto r = resolve_url(std::string("postgresql://from-flag/db"), "postgresql://from-env/db", dotenv);
  REQUIRE(r);
  CHECK(r->url == "postgresql://from-flag/db");
  CHECK(r->source == "--db");

  r = resolve_url(std::nullopt, "postgresql://from-env/db", dotenv);
  REQUIRE(r);
  CHECK(r->url == "postgresql://from-env/db");
  CHECK(r->source == "DATABASE_URL");

  r = resolve_url(std::nullopt, nullptr, dotenv, "/p/.env");
  REQUIRE(r);
  CHECK(r->url == "postgresql://from-dotenv/db");
  CHECK(r->source == "/p/.env");

  // Empty values count as not given.
  r = resolve_url(std::string(), "", dotenv);
  REQUIRE(r);
  CHECK(r->source == ".env");
  CHECK_FALSE(resolve_url(std::nullopt, nullptr, "OTHER=1\n"));
  CHECK_FALSE(resolve_url(std::nullopt, nullptr, ""));
}

TEST_CASE("resolve_url reads .env from the given directory") {
  test::TempDir tmp;
  const std::filesystem::path& dir = tmp.path;
  std::ofstream(dir / ".env") << "# local settings\nexport DATABASE_URL=\"host=x dbname=y\"\n";
  const char* saved = std::getenv("DATABASE_URL");
  std::string saved_value = saved ? saved : "";
  unsetenv("DATABASE_URL");
  auto r = resolve_url(std::nullopt, dir);
  REQUIRE(r);
  CHECK(r->url == "host=x dbname=y");
  CHECK(r->source == (dir / ".env").string());
  CHECK_FALSE(resolve_url(std::nullopt, dir / "missing"));
  if (saved) setenv("DATABASE_URL", saved_value.c_str(), 1);
}

TEST_CASE("parse_dotenv") {
  auto vars = parse_dotenv(
      "# comment\n"
      "\n"
      "A=plain\n"
      "  B = spaced  \n"
      "export C=exported\n"
      "D=\"double \\\"quoted\\\" # not a comment\"\n"
      "E='single $literal \\n'\n"
      "F=value # trailing comment\n"
      "G=pass#word\n"
      "H=\n"
      "not a line\n"
      "A=later wins\n"
      "I=postgresql://u:p@h/db?sslmode=disable\r\n");
  CHECK(vars["A"] == "later wins");
  CHECK(vars["B"] == "spaced");
  CHECK(vars["C"] == "exported");
  CHECK(vars["D"] == "double \"quoted\" # not a comment");
  CHECK(vars["E"] == "single $literal \\n");
  CHECK(vars["F"] == "value");
  CHECK(vars["G"] == "pass#word");
  CHECK(vars["H"] == "");
  CHECK(vars["I"] == "postgresql://u:p@h/db?sslmode=disable");
  CHECK(vars.count("not a line") == 0);
}

TEST_CASE("redact_url: URIs are rebuilt from libpq's reading, in the same form") {
  CHECK(redact_url("postgresql://alice:s3cret@db.example:5432/app") == "postgresql://alice:***@db.example:5432/app");
  CHECK(redact_url("postgres://alice:s3cret@localhost/app?sslmode=require") ==
        "postgres://alice:***@localhost/app?sslmode=require");
  CHECK(redact_url("postgresql://alice@localhost/app") == "postgresql://alice@localhost/app");
  CHECK(redact_url("postgresql://localhost/app") == "postgresql://localhost/app");
  // A Unix socket directory cannot be the authority: it goes to the query, as libpq reads it back.
  CHECK(redact_url("postgresql:///app?host=/tmp&password=s3cret&user=bob") == "postgresql://bob:***@/app?host=/tmp");
  CHECK(redact_url("postgresql://h/app?sslpassword=k3y") == "postgresql://h/app?sslpassword=***");
  CHECK(redact_url("postgresql://[::1]:5433,h2:5434/app") == "postgresql://[::1]:5433,h2:5434/app");
  CHECK(redact_url("postgresql://alice:p%40ss@h/app") == "postgresql://alice:***@h/app");
  // The key is decoded by libpq, so `pass%77ord` is the password.
  CHECK(redact_url("postgresql://h/app?pass%77ord=s3cret") == "postgresql://:***@h/app");
  // A value holding the password is masked too: here the user name gives it away.
  CHECK(redact_url("postgresql://bob:bob@h/app") == "postgresql://***:***@h/app");
  // Decoded control characters are encoded again, so nothing breaks the line.
  CHECK(redact_url("postgresql://h/a%0Ab") == "postgresql://h/a%0Ab");
}

TEST_CASE("redact_url: key=value strings are rebuilt, host port dbname user first") {
  CHECK(redact_url("host=h port=5432 password=s3cret dbname=app") == "host=h port=5432 dbname=app password=***");
  CHECK(redact_url("host=h password = s3cret dbname=app") == "host=h dbname=app password=***");
  CHECK(redact_url("host=h password='s3 cr\\'et' dbname='my db'") == "host=h dbname='my db' password=***");
  CHECK(redact_url("host=h password=a\\ b dbname=app") == "host=h dbname=app password=***");
  CHECK(redact_url("host=h password=") == "host=h password=***");
  CHECK(redact_url("dbname='it\\'s'") == "dbname='it\\'s'");
  CHECK(redact_url("") == "");
}

TEST_CASE("redact_url: what libpq cannot read is not shown at all") {
  std::string hidden = redact_url("stray word password=s3cret");
  CHECK(hidden.find("s3cret") == std::string::npos);
  CHECK(hidden.find("stray") == std::string::npos);
  CHECK(redact_url("POSTGRESQL://a:b@h/d") == hidden);
  // libpq would read `ss/w:rd@h1` as host, port and database: the intended password is not shown either.
  CHECK(redact_url("postgresql://alice:p@ss/w:rd@h1:5432,h2/app") == hidden);
}

namespace {

struct Hostile {
  const char* url;
  std::vector<std::string> secrets;  // none of these may appear in any output
};

// Every shape of URL the issue found leaking, each pointing at a closed port on loopback when libpq can read it.
const std::vector<Hostile>& hostile_urls() {
  static const std::vector<Hostile> all = {
      {"postgresql://alice:s3cr%zzet@127.0.0.1:1/app", {"s3cr", "zzet"}},
      {"postgresql://alice:s3cr%00et@127.0.0.1:1/app", {"s3cr", "00et"}},
      {"postgresql://alice:s3cret@[::1:1/app", {"s3cret"}},
      {"postgresql://alice:s3cret@[]:1/app", {"s3cret"}},
      {"POSTGRESQL://alice:s3cret@127.0.0.1:1/app", {"s3cret"}},
      {" postgresql://alice:s3cret@127.0.0.1:1/app", {"s3cret"}},
      {"\tPostgres://alice:s3cret@127.0.0.1:1/app", {"s3cret"}},
      {"postgresql://alice:s3c?ret@127.0.0.1:1/app", {"s3c?ret", "s3c", "?ret"}},
      {"postgresql://127.0.0.1:1/app?pass%77ord=s3cret", {"s3cret"}},
      {"postgresql://127.0.0.1:1/app?PASSWORD=s3cret", {"s3cret"}},
      {"postgresql://127.0.0.1:1/app?password=s3cr&et=1", {"s3cr"}},
      {"postgresql://127.0.0.1:1/app?password=s3cr=et", {"s3cr", "=et"}},
      {"postgresql://127.0.0.1:1/app?password=s3cr%26et", {"s3cr&et", "s3cr", "%26et"}},
      {"postgresql://alice:p@ss@127.0.0.1:1/app", {"p@ss", "ss@"}},
      {"postgresql://alice:p/ss@127.0.0.1:1/app", {"p/ss", "ss@"}},
      {"postgresql://alice:s3cret@127.0.0.1:1/app?password=0th3r", {"s3cret", "0th3r"}},
      {"postgresql://s3cret:s3cret@127.0.0.1:1/s3cret", {"s3cret"}},
      {"postgresql://%61lice:s3%63ret@127.0.0.1:1/app", {"s3cret", "s3%63ret"}},
      {"postgresql://alice:s3cret@127.0.0.1:s3cret/app", {"s3cret"}},
      {"postgresql://alice:s3cret@127.0.0.1:1/app?sslmode=s3cret", {"s3cret"}},
      {"postgresql://alice:s3cret@127.0.0.1:1,127.0.0.1:2/app", {"s3cret"}},
      {"postgres://alice:s3cret@127.0.0.1:1", {"s3cret"}},
      {"host=127.0.0.1 port=1 password='s3 cret' dbname=app", {"s3 cret", "cret"}},
      {"host=127.0.0.1 port=1 password='s3\\'cr\\\\et' dbname=app", {"s3'cr", "cr\\et", "cr\\\\et"}},
      {"host=127.0.0.1 port=1 password = 's3cret' dbname=app", {"s3cret"}},
      {"host=127.0.0.1 port=1 password=s3\\ cret dbname=app", {"s3 cret", "cret"}},
      {"host=127.0.0.1 port=1 password='s3cret", {"s3cret"}},
      {"host=127.0.0.1 port=1 password=s3cret dbname=app stray", {"s3cret"}},
      {"host=127.0.0.1 port=1 pasword=s3cret dbname=app", {"s3cret"}},
      {"host=127.0.0.1 port=1 sslpassword=k3ysecret dbname=app", {"k3ysecret"}},
      {"host=127.0.0.1 port=1 password=s3cret dbname=s3cret user=s3cret", {"s3cret"}},
      // libpq does not expand a dbname here, but the password the user wrote in it is still one.
      {"host=127.0.0.1 port=1 dbname=postgresql://alice:s3cret@h/app", {"s3cret"}},
      {"host=127.0.0.1 port=1 dbname='host=h password=s3cret'", {"s3cret"}},
      {"host=127.0.0.1 port=1 dbname='password=s3cr%zzet x'", {"s3cr"}},
      {"host=127.0.0.1 port=1 dbname='dbname=\\'password=s3cret\\''", {"s3cret"}},
  };
  return all;
}

void check_hidden(const std::string& text, const Hostile& h) {
  for (auto& secret : h.secrets) {
    CAPTURE(secret);
    CHECK(text.find(secret) == std::string::npos);
  }
}

}  // namespace

TEST_CASE("redact_url never shows a password, whatever the URL's shape") {
  for (auto& h : hostile_urls()) {
    std::string url = h.url;
    CAPTURE(url);
    std::string shown = redact_url(h.url);
    CAPTURE(shown);
    check_hidden(shown, h);
    CHECK(shown.find('\n') == std::string::npos);
  }
}

TEST_CASE("connect: every failure with a hostile URL is one line naming the server, never the password") {
  for (auto& h : hostile_urls()) {
    std::string url = h.url;
    CAPTURE(url);
    try {
      connect(std::string(h.url) + (std::string_view(h.url).starts_with("host=") ? " connect_timeout=5" : ""));
      FAIL("connected");
    } catch (const DbError& e) {
      std::string what = e.what();
      CAPTURE(what);
      check_hidden(what, h);
      check_hidden(e.hint, h);
      CHECK(what.find('\n') == std::string::npos);
      CHECK_FALSE(e.hint.empty());
      // What libpq can read it tried, and the message says where; what it cannot read it never tried.
      if (e.kind != DbError::Kind::bad_url) CHECK(what.find("127.0.0.1") != std::string::npos);
      else CHECK(what.rfind("invalid database URL (not shown, it may hold a password): ", 0) == 0);
    }
  }
}

TEST_CASE("connect: each unreadable URL says what is wrong and how to fix it, in its own words") {
  auto problem = [](const char* url) {
    try {
      connect(url);
    } catch (const DbError& e) {
      CHECK(e.kind == DbError::Kind::bad_url);
      return std::string(e.what()) + " / " + e.hint;
    }
    FAIL("connected");
    return std::string();
  };
  CHECK(problem("postgresql://a:p%zz@h/d").find("%25") != std::string::npos);
  CHECK(problem("postgresql://a:pw@[::1/d").find("[::1]") != std::string::npos);
  CHECK(problem("POSTGRESQL://a:pw@h/d").find("lower case") != std::string::npos);
  CHECK(problem(" postgresql://a:pw@h/d").find("spaces in front") != std::string::npos);
  CHECK(problem("postgresql://h/d?password=a&b").find("%26") != std::string::npos);
  CHECK(problem("postgresql://a:p@ss@h/d").find("%40") != std::string::npos);
  CHECK(problem("host=h password='a b").find("quote is not closed") != std::string::npos);
  CHECK(problem("host=h a b").find("password='a b'") != std::string::npos);
  CHECK(problem("host=h pasword=x").find("not one libpq knows") != std::string::npos);
}

TEST_CASE("connect_error: one clear message per failure, never the password") {
  std::string url = "postgresql://alice:s3cret@127.0.0.1:5432/app";
  auto refused = connect_error(
      "connection to server at \"127.0.0.1\", port 5432 failed: Connection refused\n\tIs the server running on "
      "that host and accepting TCP/IP connections?\n",
      url);
  CHECK(refused.kind == DbError::Kind::refused);
  CHECK(std::string(refused.what()) == "cannot connect to postgresql://alice:***@127.0.0.1:5432/app: connection refused");

  auto auth = connect_error(
      "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  password authentication failed for user "
      "\"alice\"\n",
      url);
  CHECK(auth.kind == DbError::Kind::auth);
  // libpq's "connection to server ... failed:" is left out: the message names the server already.
  CHECK(std::string(auth.what()) == "cannot connect to postgresql://alice:***@127.0.0.1:5432/app: authentication "
                                    "failed (FATAL:  password authentication failed for user \"alice\")");

  auto role = connect_error("connection to server at \"h\" failed: FATAL:  role \"bob\" does not exist\n", url);
  CHECK(role.kind == DbError::Kind::auth);

  auto db = connect_error("connection to server at \"h\" failed: FATAL:  database \"app\" does not exist\n", url);
  CHECK(db.kind == DbError::Kind::unknown_database);
  CHECK(std::string(db.what()) == "cannot connect to postgresql://alice:***@127.0.0.1:5432/app: the database does not exist");

  auto perm = connect_error(
      "connection to server at \"h\" failed: FATAL:  permission denied for database \"app\"\nDETAIL:  User does "
      "not have CONNECT privilege.\n",
      url);
  CHECK(perm.kind == DbError::Kind::permission);

  auto host = connect_error("could not translate host name \"nohost\" to address: Name or service not known\n", url);
  CHECK(host.kind == DbError::Kind::unknown_host);

  // Whatever libpq says is scrubbed of the password by value before any of it is shown.
  auto quoted = connect_error("invalid integer value \"s3cret\" for connection option \"port\"\n", url);
  CHECK(quoted.kind == DbError::Kind::other);
  CHECK(std::string(quoted.what()) == "cannot connect to postgresql://alice:***@127.0.0.1:5432/app: invalid integer "
                                      "value \"***\" for connection option \"port\"");

  // Failures are sorted by libpq's words before scrubbing: a one-letter password does not hide "does not exist".
  auto short_pw = connect_error("connection to server at \"h\" failed: FATAL:  database \"d\" does not exist\n",
                                "host=h dbname=d password=x");
  CHECK(short_pw.kind == DbError::Kind::unknown_database);

  // A URL without a host: the message says where libpq tried.
  auto socket = connect_error(
      "connection to server on socket \"/run/postgresql/.s.PGSQL.5432\" failed: No such file or directory\n",
      "dbname=app password=s3cret");
  CHECK(std::string(socket.what()) == "cannot connect to dbname=app password=*** (server on socket "
                                      "\"/run/postgresql/.s.PGSQL.5432\"): connection refused");

  for (const DbError* e : {&refused, &auth, &role, &db, &perm, &host, &quoted, &socket}) {
    CHECK(std::string(e->what()).find("s3cret") == std::string::npos);
    CHECK(std::string(e->what()).find('\n') == std::string::npos);
  }
}

TEST_CASE("require_supported_server: PostgreSQL 13 and later") {
  CHECK_NOTHROW(require_supported_server(130000, "host=h"));
  CHECK_NOTHROW(require_supported_server(170002, "host=h"));
  try {
    require_supported_server(120005, "host=h password=s3cret");
    FAIL("no error for PostgreSQL 12");
  } catch (const DbError& e) {
    CHECK(e.kind == DbError::Kind::old_server);
    CHECK(std::string(e.what()) ==
          "the server at host=h password=*** runs PostgreSQL 12.5; schemac supports PostgreSQL 13 to 17");
  }
  CHECK_THROWS_AS(require_supported_server(90624, "host=h"), DbError);
}

TEST_CASE("connect: a closed port is a clear 'connection refused' without the password") {
  // Port 1 on loopback has no listener on any machine that runs these tests.
  try {
    connect("postgresql://alice:s3cret@127.0.0.1:1/app?connect_timeout=5");
    FAIL("connected to port 1");
  } catch (const DbError& e) {
    CHECK(e.kind == DbError::Kind::refused);
    CHECK(std::string(e.what()).find("s3cret") == std::string::npos);
    CHECK_FALSE(e.hint.empty());
  }
}

TEST_CASE("parse_pg_array and strip_outer_parens") {
  CHECK(parse_pg_array("{}").empty());
  CHECK(parse_pg_array("{a,b}") == std::vector<std::string>{"a", "b"});
  CHECK(parse_pg_array(R"({"Mixed Case","a\"b","c,d",x\y})") ==
        std::vector<std::string>{"Mixed Case", "a\"b", "c,d", "x\\y"});
  CHECK(strip_outer_parens("(a + b)") == "a + b");
  CHECK(strip_outer_parens("((a))") == "a");
  CHECK(strip_outer_parens("(a) + (b)") == "(a) + (b)");
  CHECK(strip_outer_parens("(a = ')(')") == "a = ')('");
  CHECK(strip_outer_parens("lower(x)") == "lower(x)");
}
