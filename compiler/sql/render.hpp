#pragma once
// SQL text for one object or one alteration. diff decides what to change and in which order; render only says
// how one step is written. Every statement ends with `;`, every name goes through quote.hpp, tables are always
// written schema-qualified (including public) so a migration does not depend on search_path, and the output is
// deterministic: the same model gives the same bytes.

#include <string>
#include <vector>

#include "model/model.hpp"
#include "model/span.hpp"

namespace schemac {

// --- small pieces ---------------------------------------------------------------------------------------------

// s.t, always qualified.
std::string table_ref(const Table& t);
// 's.t' as a regclass text literal, for TimescaleDB's functions.
std::string regclass_literal(const Table& t);
// INTERVAL '1 day 02:00:00' for time spans, a bare integer for integer time columns.
std::string span_sql(const Span& s);
// "name type [GENERATED ...] [DEFAULT ...] [NOT NULL]", as in CREATE TABLE and ADD COLUMN.
std::string column_def_sql(const Column& c);
// The body of a constraint after its name: PRIMARY KEY (a, b), FOREIGN KEY (a) REFERENCES s.r (id) ON DELETE ...
std::string constraint_body_sql(const Constraint& c);
// `col DESC NULLS LAST`: an ORDER BY item, the nulls order only where it is not the one the direction implies.
std::string order_item_sql(const OrderItem& o);
// ` (START WITH 100 INCREMENT BY 5 CYCLE)` after AS IDENTITY; "" without options.
std::string identity_options_sql(const IdentityOptions& o);
std::string alter_identity_options_sql(const Table& t, const Column& c, const IdentityOptions& from);
// ALTER TABLE t SET (a = 1), RESET (b): one statement for a table's storage parameters.
std::string set_storage_sql(const Table& t, const std::vector<std::pair<std::string, std::string>>& set,
                            const std::vector<std::string>& reset);
// ALTER TABLE t SET UNLOGGED / SET LOGGED.
std::string set_persistence_sql(const Table& t, bool unlogged);
// The inside of WITH (...): `fillfactor = 70, autovacuum_enabled = off`.
std::string storage_parameters_sql(const std::vector<std::pair<std::string, std::string>>& params);

// --- schemas, extensions, enums -------------------------------------------------------------------------------

std::string create_schema_sql(const std::string& name);
std::string drop_schema_sql(const std::string& name);
std::string create_extension_sql(const Extension& e);
std::string drop_extension_sql(const Extension& e);
// A migration's UP may find the extension already there (an offline plan cannot know; images often preinstall
// TimescaleDB), and its DOWN must then leave it: the UP creates it only when missing and marks it so with a
// comment, and the DOWN drops it only when it carries that mark.
std::string create_extension_marked_sql(const Extension& e);
std::string drop_extension_if_marked_sql(const Extension& e);
std::string create_enum_sql(const Enum& e);
std::string drop_enum_sql(const Enum& e);
// ALTER TYPE s.e ADD VALUE 'v' BEFORE 'w' (or AFTER 'u' when nothing follows it).
std::string add_enum_value_sql(const Enum& e, const std::string& value, const std::string& anchor, bool before);
std::string rename_enum_sql(const std::string& schema, const std::string& from, const std::string& to);

// CREATE SEQUENCE s.q AS int START WITH 100 ...: only what differs from PostgreSQL's defaults is written.
std::string create_sequence_sql(const Sequence& q);
std::string drop_sequence_sql(const Sequence& q);
std::string rename_sequence_sql(const std::string& schema, const std::string& from, const std::string& to);
// ALTER SEQUENCE ... AS ... INCREMENT BY ...: from `from`'s type and options to `to`'s; the current value stays.
std::string alter_sequence_sql(const Sequence& from, const Sequence& to);
// nextval('s.q') as the catalog prints it (the name qualified outside public), with or without ::regclass.
std::string nextval_sql(const std::string& schema, const std::string& name, bool regclass_cast);
std::string comment_on_sequence_sql(const Sequence& q, const std::string& text);

// A column that uses an enum, for the statements that move it to a recreated type.
struct EnumUse {
  const Table* table;
  const Column* column;
};
// PostgreSQL cannot drop or reorder enum values: check that every column that uses the type holds only labels of
// `e` (a guard per column that fails, changing nothing, otherwise), rename the type away, create it again with
// `values`, move every column over through text (dropping and restoring defaults that mention the old type),
// drop the old type.
std::vector<std::string> recreate_enum_sql(const Enum& e, const std::vector<EnumUse>& uses);

// --- tables and columns ---------------------------------------------------------------------------------------

// CREATE TABLE with one column per line, then the table's primary key, unique and check constraints and the
// foreign keys in `fks` (those whose target already exists), one per line.
std::string create_table_sql(const Table& t, const std::vector<const Constraint*>& fks);
std::string drop_table_sql(const Table& t);
std::string rename_table_sql(const std::string& schema, const std::string& from, const std::string& to);
std::string add_column_sql(const Table& t, const Column& c);
std::string drop_column_sql(const Table& t, const std::string& column);
std::string rename_column_sql(const Table& t, const std::string& from, const std::string& to);
// ALTER COLUMN ... TYPE, from `from` to c.type (serial kinds are written as their integer type), with USING when
// PostgreSQL's assignment cast is not the conversion the rule in types.hpp makes.
// `with_collation`: also says the column's COLLATE ("default" when it has none), for a change of collation.
std::string alter_column_type_sql(const Table& t, const Column& c, const Type& from, bool with_collation = false);
// The DO block that runs before a change from `from` to `to` that is not a widening (types.hpp): it locks the
// table, and raises, naming the column, when a row holds a value that does not convert or does not convert back
// to the same value.
std::string type_change_guard_sql(const Table& t, const std::string& column, const Type& from, const Type& to);
std::string set_not_null_sql(const Table& t, const Column& c, bool not_null);
std::string set_default_sql(const Table& t, const Column& c);  // DROP DEFAULT when c has none
std::string add_identity_sql(const Table& t, const Column& c);
std::string set_identity_sql(const Table& t, const Column& c);  // ALWAYS <-> BY DEFAULT
std::string drop_identity_sql(const Table& t, const Column& c);
// Moves the column's sequence past the largest value in the table, so new rows do not collide with old ones.
std::string sync_sequence_sql(const Table& t, const Column& c);
std::string drop_expression_sql(const Table& t, const Column& c);

// --- constraints and indexes ----------------------------------------------------------------------------------

std::string add_constraint_sql(const Table& t, const Constraint& c, bool not_valid);
std::string validate_constraint_sql(const Table& t, const Constraint& c);
std::string drop_constraint_sql(const Table& t, const std::string& name);
// Renaming a primary key or unique constraint renames its index too (and the other way round).
std::string rename_constraint_sql(const Table& t, const std::string& from, const std::string& to);

enum class IndexMode {
  plain,                 // CREATE INDEX: blocks writes while it builds
  concurrently,          // CREATE INDEX CONCURRENTLY: plain tables, outside a transaction
  transaction_per_chunk  // WITH (timescaledb.transaction_per_chunk): hypertables, non-unique, outside a transaction
};
std::string create_index_sql(const Table& t, const Index& ix, IndexMode mode);
std::string drop_index_sql(const Table& t, const std::string& name, bool concurrently);
std::string rename_index_sql(const std::string& schema, const std::string& from, const std::string& to);

// --- comments -------------------------------------------------------------------------------------------------

// COMMENT ON <what> IS 'text' (IS NULL when text is empty). `what` is e.g. "TABLE s.t".
std::string comment_sql(const std::string& what, const std::string& text);
std::string comment_on_table_sql(const Table& t, const std::string& text);
std::string comment_on_column_sql(const Table& t, const std::string& column, const std::string& text);
std::string comment_on_constraint_sql(const Table& t, const std::string& name, const std::string& text);
std::string comment_on_index_sql(const Table& t, const std::string& name, const std::string& text);
std::string comment_on_enum_sql(const Enum& e, const std::string& text);
std::string comment_on_schema_sql(const std::string& name, const std::string& text);
// Every comment a freshly created table carries: the table's, its columns' and its constraints'.
std::vector<std::string> table_comments_sql(const Table& t);

// A foreign key of another table that points at a table being rebuilt.
struct InboundFk {
  const Table* table;
  const Constraint* fk;
};
// There is no API that turns a hypertable back into a plain table: move it aside (with its index, constraint
// and sequence names, which live in the schema's namespace), create `t` as a plain table, copy the rows, drop the
// old one, then restore sequences, indexes, the inbound foreign keys and comments. `t` is the table as it must
// stand afterwards, with the same name as the hypertable.
std::vector<std::string> rebuild_plain_table_sql(const Table& t, const std::vector<InboundFk>& inbound);

// --- TimescaleDB ----------------------------------------------------------------------------------------------

// Every TimescaleDB function is called through `ts`, the extension's schema as a prefix ("ts." or "" for one
// on the search path): the extension may live in a schema of its own (`extension timescaledb schema ts`).
std::string timescale_prefix(const Extension* timescaledb);

// SELECT create_hypertable('s.t', by_range('ts', INTERVAL '30 minutes'), create_default_indexes => false
//                          [, migrate_data => true]);
// The default time index is never created: the declaration lists the indexes it wants.
std::string create_hypertable_sql(const Table& t, bool migrate_data, const std::string& ts);
// The whole hypertable: create_hypertable, then add_dimension for each extra dimension in order, then
// set_integer_now_func when it has one.
std::vector<std::string> make_hypertable_sql(const Table& t, bool migrate_data, const std::string& ts);
// SELECT add_dimension('s.t', by_hash('symbol_id', 4)) / by_range('day', INTERVAL '1 day').
std::string add_dimension_sql(const Table& t, const Dimension& d, const std::string& ts);
// SELECT set_number_partitions('s.t', 8, 'symbol_id'): the hash dimension `d` gets d.partitions (new chunks only).
std::string set_number_partitions_sql(const Table& t, const Dimension& d, const std::string& ts);
// SELECT set_integer_now_func('s.t', 'public.counters_now'[, replace_if_exists => true]) with t's integer_now.
std::string set_integer_now_sql(const Table& t, const Hypertable& h, bool replace, const std::string& ts);
// set_chunk_time_interval of the time column, or of the extra range dimension `dimension`.
std::string set_chunk_interval_sql(const Table& t, const Span& interval, const std::string& ts,
                                   const std::string& dimension = "");
std::string add_retention_policy_sql(const Table& t, const Span& drop_after, const std::string& ts);
std::string remove_retention_policy_sql(const Table& t, const std::string& ts);
// ALTER TABLE s.t SET (timescaledb.compress, timescaledb.compress_segmentby = '...', compress_orderby = '...').
// `every_setting` writes empty settings too (segmentby '' and the default order), for changing settings.
std::string enable_compression_sql(const Table& t, const Compression& c, bool every_setting = false);
std::string disable_compression_sql(const Table& t);
// Compressed chunks block turning compression off and changing its settings.
std::string decompress_all_sql(const Table& t, const std::string& ts);
std::string add_compression_policy_sql(const Table& t, const Span& after, const std::string& ts);
std::string remove_compression_policy_sql(const Table& t, const std::string& ts);
// The Apache-edition alternative to a retention policy: drop_chunks every hour from pg_cron.
std::string cron_job_name(const Table& t);
std::string cron_schedule_retention_sql(const Table& t, const Span& drop_after, const std::string& ts);
std::string cron_unschedule_sql(const Table& t);
// Whether a pg_cron job's command is the drop_chunks that cron_schedule_retention_sql schedules for `t` (any
// interval), so inspect reads back only the jobs schemac made.
bool is_cron_retention_command(std::string_view command, const Table& t, const std::string& ts);

}  // namespace schemac
