#include "connect.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "text.hpp"

namespace schemac {

namespace {

constexpr std::string_view kMask = "***";

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

bool is_secret_key(std::string_view key) {
  std::string k;
  for (char c : key) k += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return k == "password" || k == "sslpassword";
}

// A postgres:// URI: the password in user:password@ and password= / sslpassword= query parameters.
std::string redact_uri(std::string_view url) {
  size_t scheme_end = url.find("://") + 3;
  std::string_view rest = url.substr(scheme_end);
  size_t q = rest.find('?');
  std::string_view authority_and_path = rest.substr(0, q);
  std::string out(url.substr(0, scheme_end));
  // The last '@' before the query ends the user info; taking the last one also covers a password with an
  // unencoded '@' or '/' in it, so nothing of it can leak.
  size_t at = authority_and_path.rfind('@');
  if (at != std::string_view::npos) {
    std::string_view userinfo = authority_and_path.substr(0, at);
    size_t colon = userinfo.find(':');
    if (colon != std::string_view::npos) {
      out += userinfo.substr(0, colon + 1);
      out += kMask;
    } else {
      out += userinfo;
    }
    out += authority_and_path.substr(at);
  } else {
    out += authority_and_path;
  }
  if (q == std::string_view::npos) return out;
  out += '?';
  std::string_view query = rest.substr(q + 1);
  bool first = true;
  while (true) {
    size_t amp = query.find('&');
    std::string_view param = query.substr(0, amp);
    size_t eq = param.find('=');
    if (!first) out += '&';
    first = false;
    if (eq != std::string_view::npos && is_secret_key(param.substr(0, eq))) {
      out += param.substr(0, eq + 1);
      out += kMask;
    } else {
      out += param;
    }
    if (amp == std::string_view::npos) break;
    query = query.substr(amp + 1);
  }
  return out;
}

// A key=value conninfo string, values bare or 'single quoted' with backslash escapes (libpq's rules).
std::string redact_conninfo(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    while (i < s.size() && is_space(s[i])) ++i;
    size_t key_begin = i;
    while (i < s.size() && s[i] != '=' && !is_space(s[i])) ++i;
    std::string_view key = s.substr(key_begin, i - key_begin);
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size() || s[i] != '=') {  // a stray word (libpq will refuse it): keep it, go on redacting
      out += s.substr(start, i - start);
      continue;
    }
    ++i;
    while (i < s.size() && is_space(s[i])) ++i;
    size_t value_begin = i;
    if (i < s.size() && s[i] == '\'') {
      ++i;
      while (i < s.size() && s[i] != '\'') i += (s[i] == '\\' && i + 1 < s.size()) ? 2 : 1;
      if (i < s.size()) ++i;
    } else {
      while (i < s.size() && !is_space(s[i])) i += (s[i] == '\\' && i + 1 < s.size()) ? 2 : 1;
    }
    out += s.substr(start, value_begin - start);
    if (is_secret_key(key))
      out += kMask;
    else
      out += s.substr(value_begin, i - value_begin);
  }
  return out;
}

std::string first_line(std::string_view msg) { return trim(msg.substr(0, msg.find('\n'))); }

// 90624 -> "9.6.24", 120005 -> "12.5".
std::string version_text(int v) {
  if (v >= 100000) return fmt::format("{}.{}", v / 10000, v % 10000);
  return fmt::format("{}.{}.{}", v / 10000, v / 100 % 100, v % 100);
}

bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

// Unescapes a double-quoted .env value body.
std::string unescape_double(std::string_view body) {
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\\' && i + 1 < body.size()) {
      char n = body[++i];
      out += n == 'n' ? '\n' : n == 't' ? '\t' : n;
    } else {
      out += body[i];
    }
  }
  return out;
}

std::string dotenv_value(std::string_view raw) {
  std::string v = trim(raw);
  if (v.empty()) return v;
  char q = v[0];
  if (q == '"' || q == '\'') {
    size_t close = std::string::npos;
    for (size_t i = 1; i < v.size(); ++i) {
      if (q == '"' && v[i] == '\\') {
        ++i;
        continue;
      }
      if (v[i] == q) {
        close = i;
        break;
      }
    }
    if (close != std::string::npos) {
      std::string_view body = std::string_view(v).substr(1, close - 1);
      return q == '"' ? unescape_double(body) : std::string(body);
    }
  }
  // A bare value ends at " #" (a comment); a '#' inside a word (a URL fragment, a password) is kept.
  size_t hash = v.find(" #");
  if (hash == std::string::npos) hash = v.find("\t#");
  return trim(std::string_view(v).substr(0, hash));
}

}  // namespace

std::map<std::string, std::string> parse_dotenv(std::string_view text) {
  std::map<std::string, std::string> vars;
  std::istringstream in{std::string(text)};
  std::string line;
  while (std::getline(in, line)) {
    std::string l = trim(line);
    if (l.empty() || l[0] == '#') continue;
    if (l.rfind("export ", 0) == 0) l = trim(std::string_view(l).substr(7));
    size_t eq = l.find('=');
    if (eq == std::string::npos) continue;
    std::string key = trim(std::string_view(l).substr(0, eq));
    if (key.empty()) continue;
    vars[key] = dotenv_value(std::string_view(l).substr(eq + 1));
  }
  return vars;
}

std::optional<ResolvedUrl> resolve_url(const std::optional<std::string>& flag, const char* env_value,
                                       std::string_view dotenv_text, const std::string& dotenv_name) {
  if (flag && !flag->empty()) return ResolvedUrl{*flag, "--db"};
  if (env_value && *env_value) return ResolvedUrl{env_value, "DATABASE_URL"};
  auto vars = parse_dotenv(dotenv_text);
  auto it = vars.find("DATABASE_URL");
  if (it != vars.end() && !it->second.empty()) return ResolvedUrl{it->second, dotenv_name};
  return std::nullopt;
}

std::optional<ResolvedUrl> resolve_url(const std::optional<std::string>& flag, const std::filesystem::path& dir) {
  std::string dotenv;
  std::filesystem::path path = dir / ".env";
  if (!(flag && !flag->empty()) && !std::getenv("DATABASE_URL")) {
    std::ifstream in(path);
    if (in) {
      std::ostringstream ss;
      ss << in.rdbuf();
      dotenv = ss.str();
    }
  }
  return resolve_url(flag, std::getenv("DATABASE_URL"), dotenv, path.string());
}

std::string redact_url(std::string_view url) {
  if (starts_with_ci(url, "postgresql://") || starts_with_ci(url, "postgres://")) return redact_uri(url);
  return redact_conninfo(url);
}

DbError connect_error(std::string_view msg, const std::string& url) {
  using K = DbError::Kind;
  std::string where = redact_url(url);
  if (contains(msg, "Connection refused") || contains(msg, "No such file or directory"))
    return {K::refused, fmt::format("cannot connect to {}: connection refused", where),
            "is the server running, and listening on that host and port?"};
  if (contains(msg, "could not translate host name"))
    return {K::unknown_host, fmt::format("cannot connect to {}: unknown host", where),
            "check the host name in the URL"};
  if (contains(msg, "password authentication failed") || contains(msg, "no password supplied") ||
      contains(msg, "authentication failed") || (contains(msg, "role \"") && contains(msg, "does not exist")))
    return {K::auth, fmt::format("cannot connect to {}: authentication failed ({})", where, first_line(msg)),
            "check the user name and password (a password may also come from ~/.pgpass or PGPASSWORD)"};
  if (contains(msg, "database \"") && contains(msg, "does not exist"))
    return {K::unknown_database, fmt::format("cannot connect to {}: the database does not exist", where),
            "create it (createdb) or fix the database name in the URL"};
  if (contains(msg, "permission denied"))
    return {K::permission, fmt::format("cannot connect to {}: permission denied ({})", where, first_line(msg)),
            "grant the role CONNECT on the database, or connect as another role"};
  if (contains(msg, "invalid connection option") || contains(msg, "missing \"=\"") ||
      contains(msg, "invalid URI") || contains(msg, "unterminated quoted string"))
    return {K::other, fmt::format("invalid database URL {}: {}", where, first_line(msg)),
            "use postgresql://user@host:port/dbname or host=... dbname=..."};
  return {K::other, fmt::format("cannot connect to {}: {}", where, first_line(msg))};
}

DbError query_error(const PGresult* res, PGconn* conn, std::string_view what) {
  using K = DbError::Kind;
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string msg = primary ? primary : first_line(PQerrorMessage(conn));
  if (state && std::string_view(state) == "42501")
    return {K::permission, fmt::format("permission denied while {}: {}", what, msg),
            "connect as a role that may read these objects (for example their owner)"};
  return {K::query, fmt::format("{} failed: {}", what, msg)};
}

void require_supported_server(int version, const std::string& url) {
  if (version >= kMinServerVersion) return;
  throw DbError(DbError::Kind::old_server,
                fmt::format("the server at {} runs PostgreSQL {}; schemac supports PostgreSQL 13 to 17",
                            redact_url(url), version_text(version)),
                "upgrade the server, or point --db at a newer one");
}

Connection connect(const std::string& url) {
  Connection conn(PQconnectdb(url.c_str()));
  if (!conn) throw DbError(DbError::Kind::other, "cannot connect: out of memory");
  if (PQstatus(conn.get()) != CONNECTION_OK) throw connect_error(PQerrorMessage(conn.get()), url);
  // Server notices (NOTICE from DROP ... IF EXISTS, DEBUG lines of a server configured to send them) are not
  // schemac's output: errors come back as results and are reported with their context.
  PQsetNoticeProcessor(conn.get(), [](void*, const char*) {}, nullptr);
  require_supported_server(PQserverVersion(conn.get()), url);
  return conn;
}

}  // namespace schemac
