#pragma once
// Rows that fit a schema, generated from its column types alone, for the live tests that apply migrations to
// tables holding data (files_apply_test.cpp).
//
// Row i of every table gets the same value for columns of the same type (ints i+1, text 'r<i+1>', timestamps
// on day i+1 of 2024...), so a foreign key column finds its target row when both have the same type, and
// unique and primary keys hold. Identity, serial and generated columns are left to the server. An enum column
// gets the first label that `keep` still has, so that a migration removing labels has rows it can keep.
#include <optional>
#include <string>

#include "model/model.hpp"

namespace schemac::test {

// The value of row `i` for a column of type `t` as an SQL expression; nullopt for a type it cannot make.
std::optional<std::string> row_value_sql(const Schema& s, const Type& t, int i, const Schema* keep = nullptr);

// INSERT statements for `rows` rows in every table of `s`, after SET session_replication_role = replica so that
// foreign keys (cycles included) do not decide the order: the values match anyway. One text for one session.
std::string insert_rows_sql(const Schema& s, int rows, const Schema* keep = nullptr);

}  // namespace schemac::test
