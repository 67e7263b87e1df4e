#include "schemac/redact.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <memory>

namespace schemac::db {
namespace {

constexpr std::string_view kMask = "***";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool token_end(char c) { return is_space(c) || c == '"' || c == '\'' || c == '<' || c == '>'; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

size_t find_nocase(const std::string& hay, std::string_view needle, size_t from) {
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && lower(hay[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string::npos;
}

// user:password@ after each "://": the password runs from the first ':' of the authority to its last '@' (a
// password may hold an unencoded '@'), within one whitespace-free token.
void mask_userinfo(std::string& s) {
  for (size_t at = s.find("://"); at != std::string::npos; at = s.find("://", at + 3)) {
    const size_t start = at + 3;
    size_t end = start;
    while (end < s.size() && !token_end(s[end])) ++end;
    const size_t last_at = s.rfind('@', end == 0 ? 0 : end - 1);
    if (last_at == std::string::npos || last_at < start) continue;
    const size_t colon = s.find(':', start);
    if (colon == std::string::npos || colon > last_at) continue;
    s.replace(colon + 1, last_at - colon - 1, kMask);
  }
}

// password=value, password = 'quoted \' value', ?password=value&...
void mask_settings(std::string& s) {
  for (size_t at = find_nocase(s, "password", 0); at != std::string::npos; at = find_nocase(s, "password", at + 1)) {
    size_t i = at + 8;
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size() || s[i] != '=') continue;
    ++i;
    while (i < s.size() && is_space(s[i])) ++i;
    size_t end = i;
    if (end < s.size() && s[end] == '\'') {
      ++end;
      while (end < s.size() && s[end] != '\'') end += s[end] == '\\' ? 2 : 1;
      end = std::min(end + 1, s.size());
    } else {
      while (end < s.size() && !is_space(s[end]) && s[end] != '&' && s[end] != '"') ++end;
    }
    s.replace(i, end - i, kMask);
  }
}

std::string percent_decode(std::string_view v) {
  auto hex = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '%' && i + 2 < v.size() && hex(v[i + 1]) >= 0 && hex(v[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(v[i + 1]) * 16 + hex(v[i + 2])));
      i += 2;
    } else {
      out.push_back(v[i]);
    }
  }
  return out;
}

}  // namespace

std::string redact(std::string_view text, const std::vector<std::string>& secrets) {
  std::string s(text);
  // Longest first, so a secret that contains another is replaced whole.
  std::vector<std::string> sorted = secrets;
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const std::string& secret : sorted) {
    if (secret.size() < 3) continue;
    for (size_t at = s.find(secret); at != std::string::npos; at = s.find(secret, at + kMask.size()))
      s.replace(at, secret.size(), kMask);
  }
  mask_userinfo(s);
  mask_settings(s);
  return s;
}

std::vector<std::string> secrets_of(std::string_view url) {
  std::vector<std::string> out;
  auto add = [&](std::string v) {
    if (!v.empty() && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(std::move(v));
  };
  // As libpq reads it.
  const std::string text(url);
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(text.c_str(), &err);
  if (err) PQfreemem(err);
  if (opts) {
    for (PQconninfoOption* o = opts; o->keyword; ++o)
      if (o->val && (std::string_view(o->keyword) == "password" || std::string_view(o->keyword) == "sslpassword"))
        add(o->val);
    PQconninfoFree(opts);
  }
  // As written, and percent-decoded, from the URI's userinfo: libpq may refuse the URL and quote pieces of it.
  const size_t scheme = text.find("://");
  if (scheme != std::string::npos) {
    size_t end = scheme + 3;
    while (end < text.size() && !is_space(text[end])) ++end;
    const size_t last_at = text.rfind('@', end - 1);
    const size_t colon = text.find(':', scheme + 3);
    if (last_at != std::string::npos && last_at > scheme && colon != std::string::npos && colon < last_at) {
      const std::string raw = text.substr(colon + 1, last_at - colon - 1);
      add(raw);
      add(percent_decode(raw));
    }
  }
  // password=... as written (unquoted form up to a separator).
  for (size_t at = find_nocase(text, "password", 0); at != std::string::npos; at = find_nocase(text, "password", at + 1)) {
    size_t i = at + 8;
    while (i < text.size() && is_space(text[i])) ++i;
    if (i >= text.size() || text[i] != '=') continue;
    ++i;
    while (i < text.size() && is_space(text[i])) ++i;
    size_t end = i;
    while (end < text.size() && !is_space(text[end]) && text[end] != '&') ++end;
    add(text.substr(i, end - i));
    add(percent_decode(text.substr(i, end - i)));
  }
  return out;
}

}  // namespace schemac::db
