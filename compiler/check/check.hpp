#pragma once
// The check stage: completes a Schema as the parser built it and reports every semantic error.
//
// Completion (in place): canonical type names, enums resolved to their schema, PostgreSQL's default name for
// every unnamed constraint and index, foreign keys without target columns pointed at the target's primary
// key, NullsOrder normalised, untyped query parameters typed from the columns they are compared with, and
// NOT NULL set where the server forces it (primary key and hypertable time columns, with a warning).
//
// Decisions the rules follow (see check.cpp for the reasons):
// - A table or enum outside `public` needs its schema declared with `schema s { }` (possibly empty).
// - Built-in type names are matched case-insensitively; enum names exactly. An enum may not be named like a
//   lower-case built-in type.
// - Foreign keys that reference a hypertable are errors (TimescaleDB needs 2.16+; schemac cannot yet rebuild a
//   referenced hypertable on DOWN).
// - A type name that is neither built in nor a declared enum is an error, unless an extension that provides it
//   is declared (vector, citext, hstore, postgis, ltree), or an extension schemac knows nothing about is declared
//   and the name is not a likely typo of a known type.
// - Retention and compression policies on an integer time column are errors: they need an integer_now
//   function, which schemac does not manage yet.

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/model.hpp"
#include "model/suggest.hpp"

namespace schemac {

// Completes `s` and returns every problem found, sorted by place. The model is complete only when the result
// has no errors; with errors it is completed as far as possible (later stages must not run on it).
Diagnostics check(Schema& s);

}  // namespace schemac
