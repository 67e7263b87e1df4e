#pragma once
// The one Schema model every stage shares. parse builds it from schema.dsl, inspect builds it from a live
// catalog, the snapshot reader builds it from migrations/; check completes and validates it; diff, print and
// codegen only read it. Nothing here knows about syntax trees or libpq.
//
// Conventions that every producer must follow so that two models compare equal when they mean the same:
// - Names are stored unquoted, exactly as PostgreSQL stores them (case-sensitive).
// - Objects keep declaration order (print relies on it); diff sorts by name for determinism.
// - After check, every constraint and index has its name (PostgreSQL's default naming where none was written),
//   column types are canonical (see Type), and NullsOrder is never the implied default.
// - == compares every member, source places and comments included (merge.cpp clears the places first).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace schemac {

// A place in a source file; line 0 means "not from a file" (inspected from a database).
struct Loc {
  std::string file;
  uint32_t line = 0;  // 1-based
  uint32_t col = 0;   // 1-based, in characters (code points) as editors count them, not bytes
  bool known() const { return line != 0; }
  bool operator==(const Loc&) const = default;
};

// Ordinary `//` comments, kept so fmt can put them back. Doc comments (`///`) are not trivia: they are the
// object's `comment` and become COMMENT ON.
struct Trivia {
  std::vector<std::string> before;  // whole-line comments above the object, text after `//`
  std::string after;                // a comment at the end of the object's last line
  // How many of `before` come before a blank line in the source (a file header, a section banner): fmt keeps
  // one blank line after them so they do not read as the object's own comment. 0 = none.
  size_t detached = 0;
  bool operator==(const Trivia&) const = default;
};

// A column type. `name` is the canonical DSL spelling of a built-in type (the list and its aliases are in
// types.cpp); anything else is a user enum (schema set) or an extension type (passed through, e.g. vector).
struct Type {
  std::string schema;        // set for enums and schema-qualified extension types; empty for built-ins
  std::string name;
  std::vector<int64_t> mods;  // numeric(20,8) -> {20, 8}; varchar(50) -> {50}; vector(1536) -> {1536}
  int array_dims = 0;         // text[] -> 1
  bool operator==(const Type&) const = default;
};

enum class Identity { none, always, by_default };

// An identity's sequence options; each is unset while it is PostgreSQL's default for the column's type.
struct IdentityOptions {
  std::optional<int64_t> start, increment, minvalue, maxvalue, cache;
  bool cycle = false;
  bool empty() const { return !start && !increment && !minvalue && !maxvalue && !cache && !cycle; }
  bool operator==(const IdentityOptions&) const = default;
};

// The valued options in the order the DSL and SQL write them (CYCLE, a flag, comes last in both): the language's
// keyword, SQL's words, the member. parse, print and render all read this one list.
struct IdentityOptionField {
  std::string_view dsl, sql;
  std::optional<int64_t> IdentityOptions::*member;
};
inline constexpr IdentityOptionField kIdentityOptionFields[] = {
    {"start", "START WITH", &IdentityOptions::start},     {"increment", "INCREMENT BY", &IdentityOptions::increment},
    {"minvalue", "MINVALUE", &IdentityOptions::minvalue}, {"maxvalue", "MAXVALUE", &IdentityOptions::maxvalue},
    {"cache", "CACHE", &IdentityOptions::cache},
};

struct Column {
  std::string name;
  Type type;
  bool nullable = false;                     // NOT NULL is the default in the language
  std::string collation;                     // COLLATE: empty = the type's default
  std::optional<std::string> default_expr;   // SQL text
  Identity identity = Identity::none;
  IdentityOptions identity_options;
  std::optional<std::string> generated_expr;  // GENERATED ALWAYS AS (expr) STORED
  std::string comment;
  std::vector<std::string> renamed_from;     // @renamed_from(old): earlier names, newest first
  Loc loc;
  Trivia trivia;
  bool operator==(const Column&) const = default;
};

enum class FkAction { no_action, restrict, cascade, set_null, set_default };

enum class NullsOrder { implied, first, last };  // implied = ASC NULLS LAST / DESC NULLS FIRST

// The model keeps only a nulls order that differs from the one the direction implies.
NullsOrder normalize_nulls(bool desc, NullsOrder nulls);
// The same for a catalog's flags (pg_index.indoption, compression settings).
inline NullsOrder nulls_order(bool desc, bool nulls_first) {
  return normalize_nulls(desc, nulls_first ? NullsOrder::first : NullsOrder::last);
}

struct IndexKey {
  std::string column;  // a plain column, or
  std::string expr;    // an expression (SQL text, without the surrounding parentheses)
  bool desc = false;
  NullsOrder nulls = NullsOrder::implied;
  std::string opclass;  // e.g. jsonb_path_ops; empty = the type's default
  std::string collation;  // COLLATE for this key; empty = the column's (or expression's) own
  std::string op;         // an exclusion constraint's key: the operator it is compared WITH (=, &&); else empty
  bool operator==(const IndexKey&) const = default;
};

struct Constraint {
  enum class Kind { primary_key, unique, foreign_key, check, exclusion };
  Kind kind = Kind::check;
  std::string name;                  // empty until check assigns PostgreSQL's default
  std::vector<std::string> columns;  // primary key, unique, foreign key (local side)
  std::string check_expr;            // check: SQL text without the outer parentheses
  // exclusion: EXCLUDE USING method (keys WITH operators) WHERE (predicate); the keys are an index's, each with
  // the operator in IndexKey::op
  std::string method = "btree";
  std::vector<IndexKey> elements;
  std::string where;
  std::string ref_schema = "public";  // foreign key target
  std::string ref_table;
  std::vector<std::string> ref_columns;  // empty in the DSL means the target's primary key
  FkAction on_delete = FkAction::no_action;
  FkAction on_update = FkAction::no_action;
  bool not_valid = false;            // inspected: created NOT VALID and never validated
  bool deferrable = false;           // primary key, unique, foreign key, exclusion: DEFERRABLE
  bool initially_deferred = false;   // with deferrable: INITIALLY DEFERRED
  bool match_full = false;           // foreign key: MATCH FULL (MATCH SIMPLE is the default)
  bool no_inherit = false;           // check: NO INHERIT
  bool nulls_not_distinct = false;   // unique: NULLS NOT DISTINCT (PostgreSQL 15+)
  bool inline_form = false;          // written on the column line; print decides layout, diff ignores it
  std::string comment;
  Loc loc;
  Trivia trivia;

  // Backed by an index of the constraint's name (which takes that name among the schema's relations).
  bool index_backed() const { return kind == Kind::primary_key || kind == Kind::unique || kind == Kind::exclusion; }
  bool operator==(const Constraint&) const = default;
};

struct Index {
  std::string name;  // empty until check assigns PostgreSQL's default
  bool unique = false;
  std::string method = "btree";
  std::vector<IndexKey> keys;
  std::vector<std::string> include;
  std::string where;     // partial-index predicate, SQL text
  bool nulls_not_distinct = false;  // unique: NULLS NOT DISTINCT (PostgreSQL 15+)
  // WITH (name = value, ...): storage parameters in the order written (it means nothing: diff ignores it), values
  // as pg_class.reloptions spells them.
  std::vector<std::pair<std::string, std::string>> storage;
  bool invalid = false;  // inspected: a failed CREATE INDEX CONCURRENTLY left it behind
  std::string comment;
  Loc loc;
  Trivia trivia;
  bool operator==(const Index&) const = default;
};

// A span of time as PostgreSQL's interval keeps it, or a plain integer for integer time columns.
// Two spans are equal when PostgreSQL's interval equality says so (1 month = 30 days, 1 day = 24 hours).
struct Span {
  bool is_integer = false;
  int64_t integer = 0;
  int64_t months = 0;
  int64_t days = 0;
  int64_t micros = 0;
  int64_t total_micros() const { return (months * 30 + days) * 86'400'000'000LL + micros; }
  bool operator==(const Span& o) const {
    return is_integer == o.is_integer && (is_integer ? integer == o.integer : total_micros() == o.total_micros());
  }
};

struct OrderItem {
  std::string column;
  bool desc = false;
  NullsOrder nulls = NullsOrder::implied;
  bool operator==(const OrderItem&) const = default;
};

struct Compression {
  std::vector<std::string> segment_by;
  std::vector<OrderItem> order_by;
  std::optional<Span> after;  // compression policy; none = compression enabled without a policy
  bool operator==(const Compression&) const = default;
};

// A partitioning dimension beyond the time column (add_dimension): hash (space) partitioning into a number of
// partitions, or range partitioning by an interval, as TimescaleDB's by_hash and by_range say them.
struct Dimension {
  enum class Kind { hash, range };
  Kind kind = Kind::hash;
  std::string column;
  int64_t partitions = 0;  // hash
  Span interval;           // range: the span of each slice (a plain integer for an integer column)
  Loc loc;
  // The same partitioning, wherever it was written (diff compares dimensions with this).
  bool same(const Dimension& o) const {
    return kind == o.kind && column == o.column &&
           (kind == Kind::hash ? partitions == o.partitions : interval == o.interval);
  }
  bool operator==(const Dimension&) const = default;
};

struct Hypertable {
  std::string time_column;
  std::optional<Span> chunk_interval;  // none = TimescaleDB's default (7 days)
  std::optional<Span> retention;       // drop chunks older than this
  std::optional<Compression> compression;
  std::vector<Dimension> dimensions;   // in the order they were added; TimescaleDB numbers them so
  // set_integer_now_func: the function that says "now" for an integer time column (policies need it). schemac
  // names it and does not manage it. Empty name = none.
  std::string integer_now_schema = "public";
  std::string integer_now;
  Loc loc;
  Trivia trivia;  // comments above the block; comments inside its braces are kept here too (printed above it)
  bool operator==(const Hypertable&) const = default;
};

struct QueryParam {
  std::string name;
  std::optional<Type> type;  // none = inferred by check from the column it is compared with
  Loc loc;
  bool operator==(const QueryParam&) const = default;
};

// A typed read query over one table: the generator turns it into a function.
struct Query {
  std::string name;
  std::vector<QueryParam> params;
  bool many = false;                 // -> many | -> one
  std::vector<std::string> columns;  // result columns; empty = the whole record
  std::string where;                 // SQL text with :param placeholders
  std::vector<OrderItem> order_by;
  std::string limit;                 // a number or :param; empty = none
  std::string comment;
  Loc loc;
  Trivia trivia;
  bool operator==(const Query&) const = default;
};

struct Table {
  std::string schema = "public";
  std::string name;
  std::vector<Column> columns;
  std::vector<Constraint> constraints;
  std::vector<Index> indexes;
  std::optional<Hypertable> hypertable;
  std::vector<Query> queries;
  bool unlogged = false;  // UNLOGGED: not written to the WAL, emptied after a crash, not replicated
  // WITH (fillfactor = 90, autovacuum_vacuum_scale_factor = 0.01, ...): storage parameters, as for Index.
  std::vector<std::pair<std::string, std::string>> storage;
  std::string comment;
  std::vector<std::string> renamed_from;
  Loc loc;
  Trivia trivia;
  std::vector<std::string> tail_comments;  // comments before the closing brace

  std::vector<std::string> column_names() const;
  const Column* column(const std::string& n) const;
  Column* column(const std::string& n);
  const Constraint* primary_key() const;
  bool operator==(const Table&) const = default;
};

struct Enum {
  std::string schema = "public";
  std::string name;
  std::vector<std::string> values;
  std::string comment;
  std::vector<std::string> renamed_from;
  Loc loc;
  Trivia trivia;
  bool operator==(const Enum&) const = default;
};

// A sequence of its own (CREATE SEQUENCE), for defaults that draw from it: `default nextval('order_numbers')`.
// Sequences behind serial and identity columns belong to their column and are not listed here.
struct Sequence {
  std::string schema = "public";
  std::string name;
  Type type{"", "bigint", {}, 0};  // smallint, integer or bigint (AS type)
  IdentityOptions options;         // as an identity's: unset while it is the default for the type
  std::string comment;
  std::vector<std::string> renamed_from;
  Loc loc;
  Trivia trivia;
  bool operator==(const Sequence&) const = default;
};

struct Extension {
  std::string name;
  std::string schema;  // empty = the extension's default
  Loc loc;
  Trivia trivia;
  bool operator==(const Extension&) const = default;
};

// A `schema NAME { ... }` block; "public" is implicit and never listed.
struct Namespace {
  std::string name;
  std::string comment;
  Loc loc;
  Trivia trivia;
  std::vector<std::string> tail_comments;
  bool operator==(const Namespace&) const = default;
};

struct Schema {
  std::vector<Extension> extensions;
  std::vector<Namespace> namespaces;
  std::vector<Enum> enums;
  std::vector<Sequence> sequences;
  std::vector<Table> tables;
  std::vector<std::string> tail_comments;  // comments at the end of the file

  const Table* table(const std::string& schema, const std::string& name) const;
  Table* table(const std::string& schema, const std::string& name);
  const Enum* find_enum(const std::string& schema, const std::string& name) const;
  const Sequence* find_sequence(const std::string& schema, const std::string& name) const;
  const Namespace* find_namespace(const std::string& name) const;
  const Extension* find_extension(const std::string& name) const;
};

// Lookup by (schema, name) in O(1) for passes that ask once per table or reference: Schema::table is a
// linear scan, which made check and diff quadratic in the number of tables. The first of duplicate
// names wins, as with Schema::table. Valid while the vector is not resized and nothing is renamed.
template <class T>
class NameIndex {
 public:
  template <class Vec>
  explicit NameIndex(Vec& items) {
    by_name_.reserve(items.size());
    for (auto& o : items) by_name_.emplace(key(o.schema, o.name), &o);
  }
  T* find(const std::string& schema, const std::string& name) const {
    auto it = by_name_.find(key(schema, name));
    return it == by_name_.end() ? nullptr : it->second;
  }

 private:
  static std::string key(const std::string& schema, const std::string& name) { return schema + '\0' + name; }
  std::unordered_map<std::string, T*> by_name_;
};

}  // namespace schemac
