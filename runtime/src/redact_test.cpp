#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "schemac/redact.hpp"

using schemac::db::redact;
using schemac::db::secrets_of;

TEST_CASE("redact: the password of a URI's user:password@ is masked") {
  CHECK(redact("postgresql://alice:s3cret@db.example:5432/app") == "postgresql://alice:***@db.example:5432/app");
  CHECK(redact("postgres://alice:p@ss@host/db") == "postgres://alice:***@host/db");  // an unencoded @ inside
  CHECK(redact("postgresql://alice@host/db") == "postgresql://alice@host/db");        // no password: unchanged
  CHECK(redact("see \"postgresql://a:b1c@h/d\" here") == "see \"postgresql://a:***@h/d\" here");
  CHECK(redact("postgresql://host:5432/db") == "postgresql://host:5432/db");  // a port is not a password
}

TEST_CASE("redact: password= settings and query parameters are masked") {
  CHECK(redact("host=h password=s3cret dbname=d") == "host=h password=*** dbname=d");
  CHECK(redact("host=h PASSWORD = 'it\\'s x' dbname=d") == "host=h PASSWORD = *** dbname=d");
  CHECK(redact("postgresql://h/d?sslmode=require&password=s3cret&x=1") ==
        "postgresql://h/d?sslmode=require&password=***&x=1");
  CHECK(redact("sslpassword=keypass host=h") == "sslpassword=*** host=h");
}

TEST_CASE("redact: known secrets are scrubbed by value wherever they occur") {
  const std::string msg = "invalid integer value \"hunter2x\" for connection option \"port\"";
  CHECK(redact(msg, {"hunter2x"}).find("hunter2x") == std::string::npos);
  CHECK(redact("ab and ab", {"ab"}) == "ab and ab");  // too short to scrub
  CHECK(redact("a longsecret inside", {"secret", "longsecret"}) == "a *** inside");
}

TEST_CASE("redact: secrets_of finds the password as written and as libpq decodes it") {
  auto s = secrets_of("postgresql://alice:p%40ss%20word@host/db");
  CHECK(std::find(s.begin(), s.end(), "p%40ss%20word") != s.end());
  CHECK(std::find(s.begin(), s.end(), "p@ss word") != s.end());
  s = secrets_of("host=h password='quoted secret' dbname=d");
  CHECK(std::find(s.begin(), s.end(), "quoted secret") != s.end());
  s = secrets_of("postgresql://h/d?password=qs3cret");
  CHECK(std::find(s.begin(), s.end(), "qs3cret") != s.end());
  CHECK(secrets_of("host=h dbname=d").empty());
}
