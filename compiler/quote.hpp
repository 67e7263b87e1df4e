#pragma once
// SQL quoting in one place: every identifier and literal any stage writes into SQL goes through here.

#include <string>
#include <string_view>

namespace schemac {

// An identifier as PostgreSQL's quote_ident() writes it: bare when it is lower-case, starts with a letter or
// underscore, and is not a keyword that needs quoting; otherwise double-quoted with inner quotes doubled.
std::string quote_ident(std::string_view name);

// schema.name, with "public." left out only when `omit_public` is set.
std::string quote_qualified(std::string_view schema, std::string_view name, bool omit_public = false);

// A string literal as quote_literal() writes it (standard_conforming_strings on): 'it''s'. A backslash makes
// it an E'' literal with backslashes doubled, so the text means the same whatever the server setting.
std::string quote_literal(std::string_view text);

// A dollar-quoted string ($schemac$body$schemac$, for a DO block's body) whose tag is chosen so that nothing in
// `body` can end it.
std::string quote_dollar(std::string_view body);

// True for words that PostgreSQL 13-17 reserve in some position (every keyword category but "unreserved").
bool is_sql_keyword(std::string_view word);

}  // namespace schemac
