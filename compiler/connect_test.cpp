#include "connect.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "inspect.hpp"

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
  auto dir = std::filesystem::temp_directory_path() / "schemac_connect_test_dotenv";
  std::filesystem::create_directories(dir);
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
  std::filesystem::remove_all(dir);
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

TEST_CASE("redact_url: URIs") {
  CHECK(redact_url("postgresql://alice:s3cret@db.example:5432/app") == "postgresql://alice:***@db.example:5432/app");
  CHECK(redact_url("postgres://alice:s3cret@localhost/app?sslmode=require") ==
        "postgres://alice:***@localhost/app?sslmode=require");
  CHECK(redact_url("postgresql://alice@localhost/app") == "postgresql://alice@localhost/app");
  CHECK(redact_url("postgresql://localhost/app") == "postgresql://localhost/app");
  CHECK(redact_url("postgresql:///app?host=/tmp&password=s3cret&user=bob") ==
        "postgresql:///app?host=/tmp&password=***&user=bob");
  CHECK(redact_url("postgresql://h/app?sslpassword=k3y") == "postgresql://h/app?sslpassword=***");
  CHECK(redact_url("POSTGRESQL://a:b@h/d") == "POSTGRESQL://a:***@h/d");
  // A password holding '@', '/' or ':' (written unencoded) still disappears entirely.
  auto odd = redact_url("postgresql://alice:p@ss/w:rd@h1:5432,h2/app");
  CHECK(odd == "postgresql://alice:***@h1:5432,h2/app");
  CHECK(odd.find("ss/w") == std::string::npos);
  CHECK(redact_url("postgresql://alice:p%40ss@h/app") == "postgresql://alice:***@h/app");
}

TEST_CASE("redact_url: conninfo strings") {
  CHECK(redact_url("host=h port=5432 password=s3cret dbname=app") == "host=h port=5432 password=*** dbname=app");
  CHECK(redact_url("host=h password = s3cret dbname=app") == "host=h password = *** dbname=app");
  CHECK(redact_url("host=h password='s3 cr\\'et' dbname=app") == "host=h password=*** dbname=app");
  CHECK(redact_url("password=s3cret") == "password=***");
  CHECK(redact_url("host=h PASSWORD=x sslpassword='y z'") == "host=h PASSWORD=*** sslpassword=***");
  CHECK(redact_url("host=h dbname='my db'") == "host=h dbname='my db'");
  CHECK(redact_url("host=h password=a\\ b dbname=app") == "host=h password=*** dbname=app");
  CHECK(redact_url("") == "");
  CHECK(redact_url("stray word password=s3cret") == "stray word password=***");
  CHECK(redact_url("host=h password=") == "host=h password=***");
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
  CHECK(std::string(auth.what()).find("authentication failed") != std::string::npos);

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

  for (const DbError* e : {&refused, &auth, &role, &db, &perm, &host}) {
    CHECK(std::string(e->what()).find("s3cret") == std::string::npos);
    CHECK(std::string(e->what()).find('\n') == std::string::npos);
  }
}

TEST_CASE("connect: a string libpq cannot read is an invalid URL, shown without its password") {
  try {
    connect("nonsense password=s3cret");
    FAIL("connected");
  } catch (const DbError& e) {
    CHECK(std::string(e.what()).rfind("invalid database URL nonsense password=***", 0) == 0);
    CHECK(std::string(e.what()).find("s3cret") == std::string::npos);
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
