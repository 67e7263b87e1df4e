#pragma once
// What pull prints of an expression the server rewrote: PostgreSQL stores `side in ('BUY', 'SELL')` on a varchar
// column as `(side)::text = ANY ((ARRAY['BUY'::character varying, 'SELL'::character varying])::text[])`. Both
// mean the same and the server turns the first back into the second, so pull prints the first.
#include <string>

#include "model/model.hpp"

namespace schemac {

// `col = ANY (ARRAY[c1, ...])` -> `col IN (c1, ...)` and `col <> ALL (ARRAY[...])` -> `col NOT IN (...)`, when the
// whole expression is one such test of a column (maybe cast) against string constants (maybe cast). Anything
// else comes back unchanged.
std::string readable_expression(const std::string& expr);

// readable_expression on every check constraint of `s`: what pull prints.
void readable_checks(Schema& s);

}  // namespace schemac
