// Connection errors from a real server never show the password, whatever shape the URL has. The test servers trust
// loopback connections (scripts/db.sh), so a wrong password cannot fail there: the failures here are the ones a
// server does give (unknown database, unknown role, a role that may not log in), each reached with a hostile
// password in the URL, and a successful connection proves libpq read that password where we said it was.
#include <doctest/doctest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <cstdlib>
#include <map>
#include <string>

#include "catalog/connect.hpp"
#include "testdb.hpp"

using schemac::DbError;
using schemac::test::Server;
using schemac::test::TestDb;

namespace {

// host, port and user of a conninfo string, as libpq reads them.
std::map<std::string, std::string> settings(const std::string& url) {
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(url.c_str(), &err);
  PQfreemem(err);
  REQUIRE(opts != nullptr);
  std::map<std::string, std::string> out;
  for (PQconninfoOption* o = opts; o->keyword; ++o)
    if (o->val) out[o->keyword] = o->val;
  PQconninfoFree(opts);
  return out;
}

// A URI to `db` on the server of `url`, as `user`, with the password written as it stands (already encoded).
std::string uri(const std::string& url, const std::string& user, const std::string& encoded_password,
                const std::string& db) {
  auto s = settings(url);
  return "postgresql://" + user + ":" + encoded_password + "@" + s["host"] + ":" + s["port"] + "/" + db +
         "?sslmode=disable&connect_timeout=10";
}

// The DbError connect() throws for `url`; fails the test when it connects.
DbError failure(const std::string& url) {
  try {
    schemac::connect(url);
  } catch (const DbError& e) {
    return e;
  }
  FAIL("connected");
  return DbError(DbError::Kind::other, "");
}

void check_hidden(const DbError& e, const std::string& secret) {
  std::string what = e.what();
  CAPTURE(what);
  CHECK(what.find(secret) == std::string::npos);
  CHECK(e.hint.find(secret) == std::string::npos);
  CHECK(what.find('\n') == std::string::npos);
}

}  // namespace

TEST_CASE("pg15: a hostile password is read by libpq where redact_url hides it, and connects") {
  TestDb db(Server::pg15);
  auto s = settings(db.url());
  // Under trust the password is ignored, but libpq must still parse the URL into this user and database.
  for (std::string encoded : {"s3c%3Fret", "a%26b%3Dc", "p%40ss%2Fw%3Ard", "s3c?ret"}) {
    std::string url = uri(db.url(), s["user"], encoded, db.database());
    CAPTURE(schemac::redact_url(url));
    auto conn = schemac::connect(url);
    CHECK(std::string(PQdb(conn.get())) == db.database());
    CHECK(schemac::redact_url(url).find(encoded) == std::string::npos);
  }
  auto conn = schemac::connect(db.url() + " password='it\\'s s3cret'");
  CHECK(std::string(PQdb(conn.get())) == db.database());
}

TEST_CASE("pg15: an unknown database, with the password in the URL, is one clear line without it") {
  TestDb db(Server::pg15);
  auto s = settings(db.url());
  DbError uri_form = failure(uri(db.url(), s["user"], "s3c%3Fret", "no_such_db_" + std::to_string(::getpid())));
  CHECK(uri_form.kind == DbError::Kind::unknown_database);
  check_hidden(uri_form, "s3c?ret");
  CHECK(std::string(uri_form.what()).find(s["host"] + ":" + s["port"] + "/no_such_db_") != std::string::npos);

  DbError conninfo = failure(db.url() + " dbname=no_such_db password='s3 cret'");
  CHECK(conninfo.kind == DbError::Kind::unknown_database);
  check_hidden(conninfo, "s3 cret");
  CHECK(std::string(conninfo.what()).find("dbname=no_such_db") != std::string::npos);
}

TEST_CASE("pg15: the server's own message is scrubbed of the password by value") {
  TestDb db(Server::pg15);
  auto s = settings(db.url());
  // The server quotes the role name; here the role name is the password, so it must not come through.
  DbError role = failure(uri(db.url(), "s3cret_as_role", "s3cret_as_role", db.database()));
  CHECK(role.kind == DbError::Kind::auth);
  check_hidden(role, "s3cret_as_role");
  CHECK(std::string(role.what()).find("role \"***\" does not exist") != std::string::npos);

  // A password from PGPASSWORD, which the URL does not hold, is scrubbed just the same.
  const char* saved = std::getenv("PGPASSWORD");
  std::string saved_value = saved ? saved : "";
  setenv("PGPASSWORD", "from_env_s3cret", 1);
  DbError env = failure(uri(db.url(), "from_env_s3cret", "", db.database()));
  if (saved) setenv("PGPASSWORD", saved_value.c_str(), 1);
  else unsetenv("PGPASSWORD");
  check_hidden(env, "from_env_s3cret");
}

TEST_CASE("pg15: a role that may not log in is an authentication failure without the password") {
  TestDb db(Server::pg15);
  std::string role = "schemac_nologin_" + std::to_string(::getpid());
  db.exec("CREATE ROLE " + role + " NOLOGIN");
  auto s = settings(db.url());
  DbError e = failure(uri(db.url(), role, "n0login%26s3cret", db.database()));
  db.exec("DROP ROLE " + role);
  CHECK(e.kind == DbError::Kind::auth);
  check_hidden(e, "n0login&s3cret");
  check_hidden(e, "n0login");
  CHECK(std::string(e.what()).find("is not permitted to log in") != std::string::npos);
}

TEST_CASE("pg15: schemac pull with a hostile URL to a live server prints no password") {
  TestDb db(Server::pg15);
  auto s = settings(db.url());
  auto r = schemac::test::run_schemac({"pull", "--db", uri(db.url(), s["user"], "pu11%40s3cret", "no_such_db")});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("the database does not exist") != std::string::npos);
  CHECK(r.err.find("pu11") == std::string::npos);
  auto ok = schemac::test::run_schemac({"pull", "--db", uri(db.url(), s["user"], "pu11%40s3cret", db.database())});
  CHECK(ok.exit_code == 0);
  CHECK(ok.err.find("pu11") == std::string::npos);
}
