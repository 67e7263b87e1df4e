#include "plan/change.hpp"

#include <utility>

#include "model/quote.hpp"

namespace schemac {

using K = Change::Kind;

std::string Target::quoted() const {
  switch (kind) {
    case Kind::schema:
    case Kind::extension: return quote_ident(name);
    case Kind::enum_type:
    case Kind::sequence:
    case Kind::table:
    case Kind::index: return quote_qualified(schema, name);
    case Kind::column:
    case Kind::constraint: return quote_qualified(schema, table) + "." + quote_ident(name);
  }
  return quote_ident(name);
}

const char* target_kind_name(Target::Kind k) {
  switch (k) {
    case Target::Kind::schema: return "schema";
    case Target::Kind::extension: return "extension";
    case Target::Kind::enum_type: return "enum";
    case Target::Kind::sequence: return "sequence";
    case Target::Kind::table: return "table";
    case Target::Kind::column: return "column";
    case Target::Kind::constraint: return "constraint";
    case Target::Kind::index: return "index";
  }
  return "table";
}

Change inverse(Change c, K kind, std::string description) {
  std::swap(c.up, c.down);
  std::swap(c.from, c.to);
  c.kind = kind;
  c.description = std::move(description);
  return c;
}

const char* lock_name(Lock l) {
  switch (l) {
    case Lock::none: return "none";
    case Lock::share_update_exclusive: return "SHARE UPDATE EXCLUSIVE";
    case Lock::share: return "SHARE";
    case Lock::share_row_exclusive: return "SHARE ROW EXCLUSIVE";
    case Lock::access_exclusive: return "ACCESS EXCLUSIVE";
  }
  return "none";
}

const char* kind_name(Change::Kind k) {
  switch (k) {
    case K::create_schema: return "create_schema";
    case K::drop_schema: return "drop_schema";
    case K::create_extension: return "create_extension";
    case K::drop_extension: return "drop_extension";
    case K::create_enum: return "create_enum";
    case K::drop_enum: return "drop_enum";
    case K::rename_enum: return "rename_enum";
    case K::add_enum_values: return "add_enum_values";
    case K::recreate_enum: return "recreate_enum";
    case K::create_sequence: return "create_sequence";
    case K::drop_sequence: return "drop_sequence";
    case K::rename_sequence: return "rename_sequence";
    case K::alter_sequence: return "alter_sequence";
    case K::create_table: return "create_table";
    case K::set_storage: return "set_storage";
    case K::set_persistence: return "set_persistence";
    case K::drop_table: return "drop_table";
    case K::rename_table: return "rename_table";
    case K::add_column: return "add_column";
    case K::drop_column: return "drop_column";
    case K::rename_column: return "rename_column";
    case K::alter_column_type: return "alter_column_type";
    case K::alter_nullability: return "alter_nullability";
    case K::alter_default: return "alter_default";
    case K::alter_identity: return "alter_identity";
    case K::alter_generated: return "alter_generated";
    case K::add_constraint: return "add_constraint";
    case K::drop_constraint: return "drop_constraint";
    case K::validate_constraint: return "validate_constraint";
    case K::rename_constraint: return "rename_constraint";
    case K::create_index: return "create_index";
    case K::drop_index: return "drop_index";
    case K::rename_index: return "rename_index";
    case K::comment: return "comment";
    case K::create_hypertable: return "create_hypertable";
    case K::drop_hypertable: return "drop_hypertable";
    case K::set_chunk_interval: return "set_chunk_interval";
    case K::alter_dimension: return "alter_dimension";
    case K::set_integer_now: return "set_integer_now";
    case K::add_retention: return "add_retention";
    case K::change_retention: return "change_retention";
    case K::remove_retention: return "remove_retention";
    case K::enable_compression: return "enable_compression";
    case K::change_compression: return "change_compression";
    case K::disable_compression: return "disable_compression";
    case K::add_compression_policy: return "add_compression_policy";
    case K::change_compression_policy: return "change_compression_policy";
    case K::remove_compression_policy: return "remove_compression_policy";
  }
  return "unknown";
}

}  // namespace schemac
