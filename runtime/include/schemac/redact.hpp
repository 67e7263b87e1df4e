#pragma once
// Passwords out of every message the runtime produces. libpq's connection errors can quote parts of the
// connection string (an option it cannot read, a bad port), and a URL shown for context carries user:password@,
// so every message built from either goes through redact() first. The runtime keeps its own small copy of this
// rule (the compiler's catalog/connect.cpp has a fuller one) because it must not link the compiler.
#include <string>
#include <string_view>
#include <vector>

namespace schemac::db {

// `text` with passwords replaced by ***: the password of every user:password@ in a URI, the value of every
// password=... (conninfo setting or URI query parameter, quoted or not, any case), and every one of `secrets`
// wherever it occurs. Secrets of one or two characters are left alone: scrubbing them would mangle the words
// around them, and they are not secret anyway.
std::string redact(std::string_view text, const std::vector<std::string>& secrets = {});

// The passwords a connection string carries, both as written and as libpq decodes them (percent-decoding,
// conninfo quotes), for redact().
std::vector<std::string> secrets_of(std::string_view url);

}  // namespace schemac::db
