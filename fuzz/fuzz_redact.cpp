// libFuzzer target for the URL redactor: whatever the shape of a connection string, the password libpq would
// take from it never appears in redact_url's output. libpq's own parser (PQconninfoParse) says what the password
// is, the same way the redactor must find it.
#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "catalog/connect.hpp"

namespace {

// The password libpq reads from `url`, or "" when it has none, parses nothing, or the same text is also public:
// part of another keyword's value (a user named like the password may be shown), of a keyword's name or of
// the scheme ("ssword" is in "password=***", "res:" in "postgres://").
std::string parsed_password(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  PQfreemem(error);
  if (!options) return "";
  std::string password;
  for (PQconninfoOption* o = options; o->keyword; ++o)
    if (o->val && std::string(o->keyword) == "password") password = o->val;
  for (PQconninfoOption* o = options; o->keyword; ++o)
    if ((o->val && std::string(o->keyword) != "password" && std::string(o->val).find(password) != std::string::npos) ||
        (std::string(o->keyword) + "=***").find(password) != std::string::npos)
      password.clear();
  for (const char* shape : {"postgresql://", "postgres://", ":***@", "?password=***&"})
    if (std::string(shape).find(password) != std::string::npos) password.clear();
  PQconninfoFree(options);
  return password;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string url(reinterpret_cast<const char*>(data), size);
  if (url.find('\0') != std::string::npos) return 0;  // a C string cannot carry it to libpq
  std::string shown = schemac::redact_url(url);
  std::string password = parsed_password(url);
  // Short passwords occur by chance in any text ("a", "12"), and ones with punctuation can be spelt by the
  // separators the redactor writes between other values ("st::],[c:" across two hosts): the property is sound
  // for six letters or digits and more.
  bool alnum = std::all_of(password.begin(), password.end(), [](unsigned char c) { return std::isalnum(c); });
  if (alnum && password.size() >= 6 && shown.find(password) != std::string::npos) {
    std::fprintf(stderr, "fuzz_redact: the password \"%s\" appears in the redacted form of \"%s\": \"%s\"\n",
                 password.c_str(), url.c_str(), shown.c_str());
    std::abort();
  }
  return 0;
}
