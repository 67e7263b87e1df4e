#pragma once
// Connecting to PostgreSQL: which URL to use (--db, then $DATABASE_URL, then DATABASE_URL in ./.env), how to
// show it without its password, and one clear message per way a connection can fail.
//
// Errors are thrown as DbError, whose what() is a complete one-line message for the user (the URL in it has
// its password removed); `hint` says what to do about it.

#include <libpq-fe.h>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace schemac {

struct DbError : std::runtime_error {
  enum class Kind {
    no_url, bad_url, refused, unknown_host, auth, unknown_database, permission, old_server, query, other
  };
  Kind kind;
  std::string hint;
  DbError(Kind k, const std::string& message, std::string h = {})
      : std::runtime_error(message), kind(k), hint(std::move(h)) {}
};

struct ResolvedUrl {
  std::string url;
  std::string source;  // "--db", "DATABASE_URL" or the path of the .env file
};

// KEY=VALUE lines of a .env file: `export ` prefixes, `#` comment lines and trailing ` # comments` on bare
// values, 'single' (literal) and "double" (\" \\ \n escapes) quoted values. Later keys win.
std::map<std::string, std::string> parse_dotenv(std::string_view text);

// The URL to use: `flag` when given, else `env_value` ($DATABASE_URL) when set and non-empty, else
// DATABASE_URL from `dotenv_text`. nullopt when there is none.
std::optional<ResolvedUrl> resolve_url(const std::optional<std::string>& flag, const char* env_value,
                                       std::string_view dotenv_text, const std::string& dotenv_name = ".env");

// The same, reading the real environment and `dir`/.env (a missing .env is no error).
std::optional<ResolvedUrl> resolve_url(const std::optional<std::string>& flag,
                                       const std::filesystem::path& dir = ".");

// `url` as libpq reads it (PQconninfoParse), rebuilt in the same form (a postgresql:// URI or key=value
// settings) from libpq's settings, with every secret one (password, sslpassword: what libpq itself hides) shown
// as ***, and so is any other value the secret occurs in. Nothing of the text is copied, so no spelling of the
// URL (`pass%77ord=`, quotes and escapes, unencoded ? or @) can carry a password through. A string libpq cannot
// read, or one where libpq would read part of the password as the host (an unencoded @ or /), is shown as a
// fixed text with nothing of the string in it.
std::string redact_url(std::string_view url);

struct PgConnClose {
  void operator()(PGconn* c) const { PQfinish(c); }
};
using Connection = std::unique_ptr<PGconn, PgConnClose>;

inline constexpr int kMinServerVersion = 130000;

// Throws DbError(old_server) for servers before PostgreSQL 13 (`version` as PQserverVersion gives it).
void require_supported_server(int version, const std::string& url);

// Opens a connection and checks the server is PostgreSQL 13 or later; throws DbError otherwise. A URL redact_url
// would not show is refused (bad_url) without trying, with what is wrong in our words, never libpq's (which
// quote the URL).
Connection connect(const std::string& url);

// The DbError for a failed connection attempt: one line naming the server as redact_url shows it, a reason, and
// a hint. libpq's message is only quoted with every secret scrubbed from it by value (exposed for tests).
DbError connect_error(std::string_view libpq_message, const std::string& url);

// The DbError for a failed query: permission problems get their own kind; `what` says what was being done.
DbError query_error(const PGresult* res, PGconn* conn, std::string_view what);

}  // namespace schemac
