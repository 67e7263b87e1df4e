#pragma once
// A change of a plan as a typed value: what it is about (its Target), the model values before and after (its
// facts), and the SQL render wrote from them to do it (`up`) and to undo it (`down`), with its hazards. Like
// Atlas's schema.Change under migrate.Change: later stages (the reports, lint, docs, the runner's messages) read
// the facts instead of parsing SQL or descriptions.

#include <string>
#include <variant>
#include <vector>

#include "model/model.hpp"

namespace schemac {

// The strongest table lock a change takes, weakest first.
enum class Lock {
  none,
  share_update_exclusive,  // CREATE INDEX CONCURRENTLY, VALIDATE CONSTRAINT: reads and writes continue
  share,                   // CREATE INDEX: blocks writes
  share_row_exclusive,     // ADD FOREIGN KEY: blocks writes on both tables
  access_exclusive         // most ALTER TABLE forms, DROP: blocks reads and writes
};
const char* lock_name(Lock l);  // "ACCESS EXCLUSIVE", ...

// The object a change is about, named as the model names it (unquoted). Hypertable settings, retention and
// compression are about their table; a comment is about the object it is on; a rename is about the object under
// its new name.
struct Target {
  enum class Kind { schema, extension, enum_type, sequence, table, column, constraint, index };
  Kind kind = Kind::table;
  std::string schema;  // empty for schemas and extensions
  std::string table;   // the table of a column, constraint or index; empty otherwise
  std::string name;
  // Quoted and qualified: "s", s.t, s.t.col, s.t.constraint, s.index (an index is named in its schema).
  std::string quoted() const;
  bool operator==(const Target&) const = default;

  static Target of_schema(const std::string& name) { return {Kind::schema, "", "", name}; }
  static Target of_extension(const std::string& name) { return {Kind::extension, "", "", name}; }
  static Target of_enum(const Enum& e) { return {Kind::enum_type, e.schema, "", e.name}; }
  static Target of_sequence(const Sequence& q) { return {Kind::sequence, q.schema, "", q.name}; }
  static Target of_table(const Table& t) { return {Kind::table, t.schema, "", t.name}; }
  static Target of_column(const Table& t, const std::string& c) { return {Kind::column, t.schema, t.name, c}; }
  static Target of_constraint(const Table& t, const std::string& k) {
    return {Kind::constraint, t.schema, t.name, k};
  }
  static Target of_index(const Table& t, const std::string& ix) { return {Kind::index, t.schema, t.name, ix}; }
};
const char* target_kind_name(Target::Kind k);  // "schema", "enum", ... (stable: used in JSON output)

// A model value before or after a change. Which alternative a kind carries:
//   schemas, extensions, enums, sequences, tables, columns, constraints, indexes: the object (none on the side where it does
//     not exist; a column change carries the whole column on both sides);
//   renames: the old and the new name (std::string);
//   comments: the old and the new text (std::string);
//   hypertable conversions: Hypertable; chunk interval, retention and compression policy: Span (the chunk
//     interval TimescaleDB's default when none is declared); compression settings: Compression; an extra
//     dimension's partitions or interval: Dimension; integer_now: the function's qualified name (std::string,
//     none on the side without one).
using Fact = std::variant<std::monostate, std::string, Namespace, Extension, Enum, Sequence, Table, Column, Constraint, Index,
                          Hypertable, Compression, Span, Dimension>;

struct Change {
  enum class Kind {
    create_schema, drop_schema,
    create_extension, drop_extension,
    create_enum, drop_enum, rename_enum, add_enum_values, recreate_enum,
    create_sequence, drop_sequence, rename_sequence, alter_sequence,
    create_table, drop_table, rename_table, set_storage, set_persistence,
    add_column, drop_column, rename_column, alter_column_type, alter_nullability, alter_default,
    alter_identity, alter_generated,
    add_constraint, drop_constraint, validate_constraint, rename_constraint,
    create_index, drop_index, rename_index,
    comment,
    create_hypertable, drop_hypertable,  // make a table a hypertable / rebuild it as a plain table
    set_chunk_interval,
    alter_dimension,  // set_number_partitions of a hash dimension, set_chunk_time_interval of a range one
    set_integer_now,
    add_retention, change_retention, remove_retention,
    enable_compression, change_compression, disable_compression,
    add_compression_policy, change_compression_policy, remove_compression_policy,
  };
  Kind kind = Kind::comment;
  Target target;
  Fact from, to;            // the facts: see Fact
  std::string description;  // one line for humans: "add column public.t.price (numeric(20,8))"
  std::vector<std::string> up;    // statements in execution order
  std::vector<std::string> down;  // statements in execution order (undoing `up`)
  bool destructive = false;       // UP can lose data
  // DOWN brings back the structure UP removed but not its data (a dropped column or table comes back empty or
  // filled, never with its old values). `down_note` says so, and how the rows are filled, in the DOWN script.
  bool irreversible_data = false;
  std::string down_note;
  bool transactional = true;      // false: a statement (UP or DOWN) must run outside a transaction block
  // Runs in a transaction of its own: what came before commits first and nothing after joins it (VALIDATE
  // CONSTRAINT, so the long scan holds only its weak lock and none of the locks of the changes around it).
  bool own_transaction = false;
  Lock lock = Lock::none;
  bool rewrites = false;  // UP rewrites or copies the whole table
  std::string note;       // lock/rewrite hazard or side effect worth a reviewer's attention; may be empty

  std::string object() const { return target.quoted(); }
};

const char* kind_name(Change::Kind k);  // "create_table", ... (stable: used in JSON output)

// The same change the other way round: what was UP becomes DOWN, `from` becomes `to`.
Change inverse(Change c, Change::Kind kind, std::string description);

}  // namespace schemac
