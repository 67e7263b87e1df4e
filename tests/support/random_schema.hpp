#pragma once
// A deterministic generator of random schemas and of random edits between two of them, for the live
// property test (tests/live/random_test.cpp: apply A, plan B against it, apply, compare, and back down again)
// and the fmt property test (tests/property/fmt_test.cpp). It needs no database.
//
// The generator keeps its own small model in which columns, tables and enums have stable ids, so that
// constraints, indexes and foreign keys keep pointing at the same objects when a rename changes their names.
// dsl() renders that model to a schemac::Schema and prints it with print_dsl(): the text is what a user would
// write, and the test loads it back with load_dsl_text() (parse + check), as `schemac plan` would.
//
// What it makes: tables in public and in a second schema (sometimes with a hostile name), columns of every
// built-in type family (integers, numeric(p,s), real/double, text, varchar(n), char(n), bool, time types,
// uuid, jsonb, bytea, inet, serial/bigserial, enums, text[]/int[] arrays), nullability, literal and function
// defaults, identity columns, primary keys, unique constraints, foreign keys with actions, check constraints,
// btree/hash/gin/brin indexes with desc/nulls, partial and expression keys, include columns, comments, and
// sometimes names that need quoting (keywords, upper case, spaces, double quotes, non-ASCII); constraint options
// (unique and foreign key `deferrable` / `initially deferred`, foreign key `match full`, unique `nulls not
// distinct`), table storage parameters (fillfactor, autovacuum_vacuum_scale_factor), index storage parameters
// (btree fillfactor, gin fastupdate) and COLLATE "C" on text columns. Check `no inherit` and expression keys on
// collated columns are behind flags in random_schema.cpp (known compiler bugs, see there).
//
// Edits: add/drop/rename tables, columns and enums (renames through @renamed_from), widen or change column
// types, toggle nullability, change defaults, add/drop constraints and indexes, change comments, add enum
// values, toggle constraint options, change table and index storage parameters, toggle a column's collation.

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace schemac::test {

class RandomSchema {
 public:
  explicit RandomSchema(uint64_t seed);
  ~RandomSchema();
  RandomSchema(const RandomSchema&);
  RandomSchema& operator=(const RandomSchema&);

  // Replaces the state with a new random schema of up to `max_tables` tables.
  void randomize(int max_tables = 5);
  // Applies 1 to `max_edits` random edits; renames are recorded as @renamed_from. Returns one line per edit.
  std::vector<std::string> edit(int max_edits = 4);
  // Forgets @renamed_from (the edited schema becomes the starting point of the next edit).
  void settle();

  Schema schema() const;
  std::string dsl() const;  // print_dsl(schema())

 private:
  struct State;
  std::unique_ptr<State> s_;
};

}  // namespace schemac::test
