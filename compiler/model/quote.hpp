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

// An operator class as the model keeps it: `name`, or `schema.name` for one outside the search path (check
// allows no dot inside either part). Each part goes through quote_ident.
std::string quote_opclass(std::string_view opclass);

// An operator as the model keeps it: `&&`, or `schema.&&` for one outside pg_catalog, written
// OPERATOR(schema.&&). Characters outside PostgreSQL's operator set are refused (check reports them first); the
// result can hold nothing else, so no operator text can end the statement.
bool is_operator_name(std::string_view op);
std::string quote_operator(std::string_view op);

// Text made safe for one line of a comment: what every `-- ...` line of generated SQL, every Markdown cell and
// every other one-line human text in an output is written through. Nothing in the result can end the line or
// open or close a comment: ASCII control characters become \n, \r, \t or \xHH; C1 controls, U+2028/U+2029,
// the bidirectional controls and U+FEFF become \uHHHH (they end lines or reorder text in editors and
// terminals); bytes that are not UTF-8 become \xHH; a / or * that touches the other gets a backslash before it,
// so no /* or */ is left; and a backslash is doubled, so every escape reads back one way.
std::string comment_text(std::string_view text);

// A dollar-quoted string ($schemac$body$schemac$, for a DO block's body) whose tag is chosen so that nothing in
// `body` can end it.
std::string quote_dollar(std::string_view body);

// A storage parameter's value that both the language and SQL read unquoted: a number (`70`, `0.01`) or a word
// (`off`, `on`); anything else is written as a string literal.
bool bare_storage_value(std::string_view v);

// True for words that PostgreSQL 13-17 reserve in some position (every keyword category but "unreserved").
bool is_sql_keyword(std::string_view word);

}  // namespace schemac
