#pragma once
// A database's catalog as sorted text lines, read with PostgreSQL's own deparsers (format_type,
// pg_get_constraintdef, pg_get_indexdef, pg_get_expr, pg_get_viewdef) and never through schemac's inspect: two
// databases with the same fingerprint hold the same tables, columns, constraints, indexes, storage options,
// sequences, types, comments and TimescaleDB settings. The fidelity corpus compares a hand-written database with
// the one rebuilt from its pulled schema this way, so whatever schemac drops shows up as a differing line.
#include <string>

#include "testdb.hpp"

namespace schemac::test {

std::string catalog_fingerprint(TestDb& db);

}  // namespace schemac::test
