#pragma once
// PostgreSQL's default names for constraints, indexes and sequences, so a declaration that names nothing
// matches what the server created, and print can leave out names that are the default.

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "model/model.hpp"

namespace schemac {

inline constexpr size_t kMaxIdentifierBytes = 63;  // NAMEDATALEN - 1

// makeObjectName(): "name1_name2_label", shortening name1/name2 (the longer first) to fit 63 bytes.
std::string make_object_name(std::string_view name1, std::string_view name2, std::string_view label);

// The name PostgreSQL gives the constraint at position `index` of t.constraints when it has none, taking the
// names of the constraints before it into account (it appends 1, 2, ... on a clash, as the server does).
std::string default_constraint_name(const Table& t, size_t index);
// Gives every unnamed constraint its default name, in declaration order so each sees the names before it, as
// the server does (check completes a model with it; print finds which names it may leave out).
void name_unnamed_constraints(Table& t);

using NameSet = std::unordered_set<std::string>;

// Likewise for t.indexes[index]; indexes share one namespace with tables and other indexes in a schema, so
// `taken` holds relation names already used in the schema.
std::string default_index_name(const Table& t, size_t index, const NameSet& taken);

// Names every unnamed index of `tables` (one schema's, in declaration order) as the server would when they are
// created in that order: each default avoids `taken` (the schema's table names and the indexes behind its
// primary keys and unique constraints), every written index name, and the defaults chosen before it.
void assign_index_names(const std::vector<Table*>& tables, NameSet taken);

// The names the server tries in turn for an unnamed index of `t`: table_keys_idx (pass 0), table_keys_idx1, ...
std::string index_name_candidate(const Table& t, const Index& ix, int pass);

// The index create_hypertable() makes unless told not to: table_time_idx (or that name with a number, after a
// clash) on (time DESC). It belongs to the hypertable: pull leaves it out and diff never drops it undeclared.
bool is_timescale_default_index(const Table& t, const Index& ix);

// The sequence behind a serial or identity column: table_column_seq.
std::string default_sequence_name(std::string_view table, std::string_view column);

// The columns an SQL expression mentions, in order of first appearance, among `candidates`.
std::vector<std::string> referenced_columns(std::string_view expr, const std::vector<std::string>& candidates);

// The name PostgreSQL uses for an index key when naming the index: the column, the outermost function
// name of an expression, or "expr".
std::string index_key_name(const IndexKey& k);

}  // namespace schemac
