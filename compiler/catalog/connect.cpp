#include "catalog/connect.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "model/text.hpp"

namespace schemac {

namespace {

constexpr std::string_view kMask = "***";
constexpr std::string_view kUrlForms = "use postgresql://user@host:port/dbname or host=... port=... dbname=...";

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && to_lower(s.substr(0, prefix.size())) == prefix;
}

bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

struct Setting {
  std::string key, value;
  bool secret = false;  // libpq hides it (dispchar '*'): password, sslpassword
};

struct UrlProblem {
  std::string what, hint;
};

// libpq's own reading of a URL (PQconninfoParse runs the parser PQconnectdb runs), so that what is shown and what
// is hidden are decided by what libpq will do with the string, not by a second parser that can disagree with it.
struct Reading {
  std::string scheme;                // "postgresql://" or "postgres://" when libpq reads a URI
  std::vector<Setting> settings;     // in libpq's order, only those the URL sets
  std::vector<std::string> secrets;  // the values of the secret settings, to scrub from any text by value
  std::optional<UrlProblem> problem; // set when the URL cannot be read safely: then nothing of it is shown
};

struct OptionsFree {
  void operator()(PQconninfoOption* o) const { PQconninfoFree(o); }
};
using Options = std::unique_ptr<PQconninfoOption, OptionsFree>;

void add_secret(Reading& r, const char* value) {
  if (value && *value && std::find(r.secrets.begin(), r.secrets.end(), value) == r.secrets.end())
    r.secrets.emplace_back(value);
}

// libpq's parse errors quote the text they stumble on, which can be the password, so each one is put in words
// of our own instead, with its fix.
UrlProblem parse_problem(std::string_view libpq_message) {
  static const std::pair<std::string_view, UrlProblem> known[] = {
      {"invalid percent-encoded token", {"a % is not followed by two hexadecimal digits", "write a % as %25"}},
      {"forbidden value %00", {"it contains %00 (a zero byte)", "remove the %00"}},
      {"end of string reached when looking for matching \"]\"",
       {"an IPv6 host's [ is not closed", "write an IPv6 host in brackets, e.g. postgresql://[::1]:5432/db"}},
      {"IPv6 host address may not be empty",
       {"the IPv6 host in [] is empty", "write an IPv6 host in brackets, e.g. postgresql://[::1]:5432/db"}},
      {"unexpected character",
       {"an unexpected character follows the host (libpq expects :port, /dbname or ?parameters)",
        "write @ / ? : in a user name or password as %40 %2F %3F %3A"}},
      {"extra key/value separator",
       {"a query parameter has a second =", "write = and & inside a value as %3D and %26"}},
      {"missing key/value separator",
       {"a query parameter has no =", "parameters are key=value joined by &; write an & inside a value as %26"}},
      {"invalid URI query parameter",
       {"a query parameter is not one libpq knows",
        "check the names against libpq's list (https://www.postgresql.org/docs/current/libpq-connect.html)"}},
      {"invalid connection option",
       {"a setting is not one libpq knows",
        "check the names against libpq's list (https://www.postgresql.org/docs/current/libpq-connect.html)"}},
      {"missing \"=\" after",
       {"a word in it is not key=value",
        "separate key=value settings with spaces and quote a value with spaces: password='a b'"}},
      {"unterminated quoted string",
       {"a ' quote is not closed", "close the quote; inside quotes write ' and \\ as \\' and \\\\"}},
  };
  for (auto& [prefix, problem] : known)
    if (libpq_message.starts_with(prefix)) return problem;
  return {"libpq cannot read it", std::string(kUrlForms)};
}

// libpq takes the first '@' before any '/' as the end of user:password. Another '@' before the query means the
// user meant it to be part of the password (an unencoded '@' or '/' in it), and libpq would read part of the
// password as the host, port or database, where nothing would hide it.
bool password_spills_into_host(std::string_view after_scheme) {
  size_t end = after_scheme.find_first_of("@/");
  size_t rest = end != std::string_view::npos && after_scheme[end] == '@' ? end + 1 : 0;
  std::string_view authority_and_path = after_scheme.substr(rest);
  return contains(authority_and_path.substr(0, authority_and_path.find('?')), "@");
}

bool looks_like_uri(std::string_view s) {
  std::string t = trim(s);
  return starts_with_ci(t, "postgresql://") || starts_with_ci(t, "postgres://");
}

// The settings libpq reads from `text`; nullopt with libpq's complaint in `err` when it reads none.
std::optional<std::vector<Setting>> libpq_settings(const std::string& text, std::string& err) {
  char* message = nullptr;
  Options opts(PQconninfoParse(text.c_str(), &message));
  err = message ? message : "";
  PQfreemem(message);
  if (!opts) return std::nullopt;
  std::vector<Setting> out;
  for (PQconninfoOption* o = opts.get(); o->keyword; ++o)
    if (o->val) out.push_back(Setting{o->keyword, o->val, o->dispchar && o->dispchar[0] == '*'});
  return out;
}

// A database name written as a whole connection string: libpq does not expand it in a conninfo string, and the
// server quotes it back in "database ... does not exist", but the user meant its password as one. Its secrets are
// secrets too, and all of it is one when libpq cannot read it. One level only: deeper nesting is all secret.
void add_nested_secrets(Reading& r, const std::string& dbname) {
  if (!looks_like_uri(dbname) && !contains(dbname, "=")) return;
  std::string err;
  auto inner = libpq_settings(dbname, err);
  bool deeper = inner && std::any_of(inner->begin(), inner->end(), [](const Setting& s) {
    return s.key == "dbname" && (looks_like_uri(s.value) || contains(s.value, "="));
  });
  if (!inner || deeper) return add_secret(r, dbname.c_str());
  for (auto& s : *inner)
    if (s.secret) add_secret(r, s.value.c_str());
}

Reading read_url(std::string_view url) {
  Reading r;
  for (std::string_view scheme : {"postgresql://", "postgres://"})
    if (url.starts_with(scheme) && r.scheme.empty()) r.scheme = scheme;
  // libpq reads a URI only with the scheme in lower case at the very start; anything else it reads as key=value
  // text and fails on, quoting all of it.
  if (r.scheme.empty() && looks_like_uri(url)) {
    r.problem = UrlProblem{"it starts like a URI, but libpq reads one only when it starts with postgresql:// in "
                           "lower case, with nothing in front",
                           "remove any spaces in front and write the scheme in lower case"};
    return r;
  }
  std::string err;
  auto settings = libpq_settings(std::string(url), err);
  if (!settings) {
    r.problem = parse_problem(err);
    return r;
  }
  if (!r.scheme.empty() && password_spills_into_host(url.substr(r.scheme.size()))) {
    r.problem = UrlProblem{"it has an @ that libpq would not read as the end of the user name and password",
                           "write @ / ? : in a user name or password as %40 %2F %3F %3A"};
    return r;
  }
  r.settings = std::move(*settings);
  for (auto& s : r.settings) {
    if (s.secret) add_secret(r, s.value.c_str());
    if (s.key == "dbname") add_nested_secrets(r, s.value);
  }
  return r;
}

// The secrets libpq ended up using, which can also come from PGPASSWORD or a service file.
void add_connection_secrets(PGconn* conn, Reading& r) {
  Options opts(PQconninfo(conn));
  if (!opts) return;
  for (PQconninfoOption* o = opts.get(); o->keyword; ++o)
    if (o->dispchar && o->dispchar[0] == '*') add_secret(r, o->val);
}

// `text` with every secret replaced by ***, longest first so that one inside another cannot leave a part.
std::string scrub(std::string text, std::vector<std::string> secrets) {
  std::sort(secrets.begin(), secrets.end(), [](auto& a, auto& b) { return a.size() > b.size(); });
  for (auto& secret : secrets)
    for (size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + kMask.size()))
      text.replace(at, secret.size(), kMask);
  return text;
}

// Control characters as \xHH: a value or a server message must not break the one-line error or reach the
// terminal as an escape sequence.
std::string printable(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) out += fmt::format("\\x{:02x}", c);
    else out += static_cast<char>(c);
  }
  return out;
}

// What is shown of a setting: *** for a secret, and for any value with a secret inside it (a user name that
// equals the password would give the password away).
std::string shown_value(const Setting& s, const Reading& r) {
  if (s.secret) return std::string(kMask);
  for (auto& secret : r.secrets)
    if (contains(s.value, secret)) return std::string(kMask);
  return s.value;
}

const Setting* find(const Reading& r, std::string_view key) {
  for (auto& s : r.settings)
    if (s.key == key) return &s;
  return nullptr;
}

// Percent-encodes all but unreserved characters and `keep` (so libpq reads the text back as the same value).
std::string pct(std::string_view value, std::string_view keep = {}) {
  if (value == kMask) return std::string(kMask);
  std::string out;
  for (char c : value) {
    unsigned char u = static_cast<unsigned char>(c);
    bool plain = u < 0x80 && (std::isalnum(u) || std::string_view("-._~").find(c) != std::string_view::npos);
    if (plain || keep.find(c) != std::string_view::npos)
      out += c;
    else
      out += fmt::format("%{:02X}", u);
  }
  return out;
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t comma; (comma = s.find(',', start)) != std::string::npos; start = comma + 1)
    out.push_back(s.substr(start, comma - start));
  out.push_back(s.substr(start));
  return out;
}

// host1:port1,host2:port2 for the URI's authority; empty when the hosts cannot go there (Unix socket paths,
// ports that do not pair with the hosts, a masked value), and then they go into the query.
std::string authority(const Reading& r) {
  const Setting* host = find(r, "host");
  const Setting* port = find(r, "port");
  if (!host || shown_value(*host, r) == kMask || (port && shown_value(*port, r) == kMask)) return {};
  auto hosts = split_commas(host->value);
  auto ports = port ? split_commas(port->value) : std::vector<std::string>(hosts.size());
  if (ports.size() != hosts.size()) return {};
  std::string out;
  for (size_t i = 0; i < hosts.size(); ++i) {
    const std::string& h = hosts[i];
    if (h.empty() || h[0] == '/' || h[0] == '@') return {};
    if (i) out += ',';
    out += contains(h, ":") ? "[" + pct(h, ":") + "]" : pct(h);
    if (!ports[i].empty()) out += ":" + pct(ports[i]);
  }
  return out;
}

std::string render_uri(const Reading& r) {
  std::string out = r.scheme;
  const Setting* user = find(r, "user");
  const Setting* password = find(r, "password");
  if (user) out += pct(shown_value(*user, r));
  if (password) out += std::string(":") + std::string(kMask);
  if (user || password) out += '@';
  std::string hosts = authority(r);
  out += hosts;
  if (const Setting* db = find(r, "dbname")) out += "/" + pct(shown_value(*db, r));
  char sep = '?';
  for (auto& s : r.settings) {
    if (s.key == "user" || s.key == "password" || s.key == "dbname") continue;
    if (!hosts.empty() && (s.key == "host" || s.key == "port")) continue;
    out += sep + s.key + "=" + pct(shown_value(s, r), "/:,@");
    sep = '&';
  }
  return out;
}

// libpq's quoting: a value that is empty or holds a space, a quote or a backslash goes in '' with \ escapes.
std::string conninfo_value(const std::string& v) {
  if (v == kMask) return v;
  bool plain = !v.empty() && v.find_first_of(" \t\n\r\f\v'\\") == std::string::npos;
  if (plain) return printable(v);
  std::string out = "'";
  for (char c : v) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return printable(out + "'");
}

// Where first (host, port, database, user), as a reader looks for them, then the rest in libpq's order.
std::string render_conninfo(const Reading& r) {
  static constexpr std::string_view lead[] = {"host", "hostaddr", "port", "dbname", "user"};
  std::vector<const Setting*> order;
  for (std::string_view key : lead)
    if (const Setting* s = find(r, key)) order.push_back(s);
  for (auto& s : r.settings)
    if (std::find(std::begin(lead), std::end(lead), s.key) == std::end(lead)) order.push_back(&s);
  std::string out;
  for (const Setting* s : order) {
    if (!out.empty()) out += ' ';
    out += s->key + "=" + conninfo_value(shown_value(*s, r));
  }
  return out;
}

std::string render(const Reading& r) {
  if (r.problem) return "<a connection string libpq cannot read; not shown, it may hold a password>";
  return r.scheme.empty() ? render_conninfo(r) : render_uri(r);
}

DbError bad_url(const UrlProblem& p) {
  return DbError(DbError::Kind::bad_url,
                 fmt::format("invalid database URL (not shown, it may hold a password): {}", p.what), p.hint);
}

std::string first_line(std::string_view msg) { return trim(msg.substr(0, msg.find('\n'))); }

// libpq's first line without its "connection to server at "h", port 5432 failed: " prefix (the message names the
// server already), secrets scrubbed by value and control characters escaped.
std::string libpq_reason(std::string_view msg, const Reading& r) {
  std::string line = first_line(msg);
  size_t failed = line.find(" failed: ");
  if (line.starts_with("connection to server ") && failed != std::string::npos) line.erase(0, failed + 9);
  return printable(scrub(line, r.secrets));
}

// Where libpq tried, as its message says ("server at "127.0.0.1", port 5432"), for a URL that names no host.
std::string libpq_target(std::string_view msg, const Reading& r) {
  std::string line = first_line(msg);
  size_t failed = line.find(" failed: ");
  if (find(r, "host") || find(r, "hostaddr") || !line.starts_with("connection to ") || failed == std::string::npos)
    return {};
  return " (" + printable(scrub(line.substr(14, failed - 14), r.secrets)) + ")";
}

DbError connection_error(std::string_view raw, const Reading& r) {
  using K = DbError::Kind;
  if (r.problem) return bad_url(*r.problem);
  // Sorted by libpq's own words; only what is shown is scrubbed (a one-letter password would mangle the words).
  std::string_view msg = raw;
  std::string where = render(r) + libpq_target(msg, r);
  std::string reason = libpq_reason(msg, r);
  if (contains(msg, "Connection refused") || contains(msg, "No such file or directory"))
    return {K::refused, fmt::format("cannot connect to {}: connection refused", where),
            "is the server running, and listening on that host and port?"};
  if (contains(msg, "could not translate host name"))
    return {K::unknown_host, fmt::format("cannot connect to {}: unknown host", where),
            "check the host name in the URL"};
  if (contains(msg, "password authentication failed") || contains(msg, "no password supplied") ||
      contains(msg, "authentication failed") || (contains(msg, "role \"") && contains(msg, "does not exist")) ||
      contains(msg, "is not permitted to log in"))
    return {K::auth, fmt::format("cannot connect to {}: authentication failed ({})", where, reason),
            "check the user name and password (a password may also come from ~/.pgpass or PGPASSWORD)"};
  if (contains(msg, "database \"") && contains(msg, "does not exist"))
    return {K::unknown_database, fmt::format("cannot connect to {}: the database does not exist", where),
            "create it (createdb) or fix the database name in the URL"};
  if (contains(msg, "permission denied"))
    return {K::permission, fmt::format("cannot connect to {}: permission denied ({})", where, reason),
            "grant the role CONNECT on the database, or connect as another role"};
  return {K::other, fmt::format("cannot connect to {}: {}", where, reason),
          "check the settings in the URL (https://www.postgresql.org/docs/current/libpq-connect.html) and the "
          "server's log"};
}

// 90624 -> "9.6.24", 120005 -> "12.5".
std::string version_text(int v) {
  if (v >= 100000) return fmt::format("{}.{}", v / 10000, v % 10000);
  return fmt::format("{}.{}.{}", v / 10000, v / 100 % 100, v % 100);
}

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

std::string redact_url(std::string_view url) { return render(read_url(url)); }

DbError connect_error(std::string_view msg, const std::string& url) { return connection_error(msg, read_url(url)); }

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
  Reading r = read_url(url);
  if (r.problem) throw bad_url(*r.problem);  // not even tried: libpq's own complaint would quote the URL
  Connection conn(PQconnectdb(url.c_str()));
  if (!conn) throw DbError(DbError::Kind::other, "cannot connect: out of memory");
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    add_connection_secrets(conn.get(), r);
    throw connection_error(PQerrorMessage(conn.get()), r);
  }
  // Server notices (NOTICE from DROP ... IF EXISTS, DEBUG lines of a server configured to send them) are not
  // schemac's output: errors come back as results and are reported with their context.
  PQsetNoticeProcessor(conn.get(), [](void*, const char*) {}, nullptr);
  require_supported_server(PQserverVersion(conn.get()), url);
  return conn;
}

}  // namespace schemac
