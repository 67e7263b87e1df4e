#include "model/json.hpp"

#include "model/span.hpp"
#include "model/timescale.hpp"
#include "model/types.hpp"

namespace schemac {

namespace {

const char* identity_name(Identity i) {
  switch (i) {
    case Identity::none: return "none";
    case Identity::always: return "always";
    case Identity::by_default: return "by_default";
  }
  return "none";
}

const char* constraint_kind_name(Constraint::Kind k) {
  switch (k) {
    case Constraint::Kind::primary_key: return "primary_key";
    case Constraint::Kind::unique: return "unique";
    case Constraint::Kind::foreign_key: return "foreign_key";
    case Constraint::Kind::check: return "check";
    case Constraint::Kind::exclusion: return "exclusion";
  }
  return "check";
}

const char* fk_action_name(FkAction a) {
  switch (a) {
    case FkAction::no_action: return "no_action";
    case FkAction::restrict: return "restrict";
    case FkAction::cascade: return "cascade";
    case FkAction::set_null: return "set_null";
    case FkAction::set_default: return "set_default";
  }
  return "no_action";
}

// Only an order that differs from the one the direction implies is named, as the model keeps it.
void add_order(Json& j, bool desc, NullsOrder nulls) {
  j["desc"] = desc;
  if (nulls != NullsOrder::implied) j["nulls"] = nulls == NullsOrder::first ? "first" : "last";
}

template <class T>
Json list_of(const std::vector<T>& items) {
  Json out = Json::array();
  for (auto& x : items) out.push_back(json_of(x));
  return out;
}

Json optional_text(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

}  // namespace

Json json_of(const Namespace& n) { return {{"name", n.name}, {"comment", n.comment}}; }

Json json_of(const Extension& e) { return {{"name", e.name}, {"schema", e.schema}}; }

Json json_of(const Enum& e) {
  return {{"schema", e.schema}, {"name", e.name}, {"values", e.values}, {"comment", e.comment}};
}

Json json_of(const Sequence& q) {
  Json options = Json::object();
  for (const IdentityOptionField& f : kIdentityOptionFields)
    if (const std::optional<int64_t>& v = q.options.*(f.member)) options[std::string(f.dsl)] = *v;
  options["cycle"] = q.options.cycle;
  return {{"schema", q.schema}, {"name", q.name}, {"type", sql_type(q.type, false)}, {"options", options},
          {"comment", q.comment}};
}

Json json_of(const Column& c) {
  return {{"name", c.name},
          {"type", sql_type(c.type, false)},
          {"nullable", c.nullable},
          {"default", optional_text(c.default_expr)},
          {"identity", identity_name(c.identity)},
          {"generated", optional_text(c.generated_expr)},
          {"comment", c.comment}};
}

static Json json_of_keys(const std::vector<IndexKey>& keys) {
  Json out = Json::array();
  for (auto& key : keys) {
    Json k = key.expr.empty() ? Json{{"column", key.column}} : Json{{"expr", key.expr}};
    add_order(k, key.desc, key.nulls);
    if (!key.opclass.empty()) k["opclass"] = key.opclass;
    if (!key.collation.empty()) k["collation"] = key.collation;
    if (!key.op.empty()) k["operator"] = key.op;
    out.push_back(std::move(k));
  }
  return out;
}

Json json_of(const Constraint& k) {
  Json j = {{"name", k.name}, {"kind", constraint_kind_name(k.kind)}};
  if (k.kind == Constraint::Kind::check) j["check"] = k.check_expr;
  else if (k.kind == Constraint::Kind::exclusion)
    j["exclude"] = {{"method", k.method}, {"elements", json_of_keys(k.elements)}, {"where", k.where}};
  else j["columns"] = k.columns;
  if (k.kind == Constraint::Kind::foreign_key) {
    j["references"] = {{"schema", k.ref_schema}, {"table", k.ref_table}, {"columns", k.ref_columns}};
    j["on_delete"] = fk_action_name(k.on_delete);
    j["on_update"] = fk_action_name(k.on_update);
  }
  j["not_valid"] = k.not_valid;
  j["comment"] = k.comment;
  return j;
}

Json json_of(const Index& ix) {
  return {{"name", ix.name},   {"unique", ix.unique},   {"method", ix.method}, {"keys", json_of_keys(ix.keys)},
          {"include", ix.include}, {"where", ix.where}, {"comment", ix.comment}};
}

Json json_of(const Span& s) { return s.is_integer ? Json(s.integer) : Json(span_text(s)); }

Json json_of(const Compression& c) {
  Json order = Json::array();
  for (auto& o : c.order_by) {
    Json item = {{"column", o.column}};
    add_order(item, o.desc, o.nulls);
    order.push_back(std::move(item));
  }
  return {{"segment_by", c.segment_by},
          {"order_by", std::move(order)},
          {"after", c.after ? json_of(*c.after) : Json(nullptr)}};
}

Json json_of(const Dimension& d) {
  if (d.kind == Dimension::Kind::hash) return {{"column", d.column}, {"kind", "hash"}, {"partitions", d.partitions}};
  return {{"column", d.column}, {"kind", "range"}, {"interval", json_of(d.interval)}};
}

Json json_of(const Hypertable& h) {
  return {{"time_column", h.time_column},
          {"chunk_interval", h.chunk_interval ? json_of(*h.chunk_interval) : Json(nullptr)},
          {"retention", h.retention ? json_of(*h.retention) : Json(nullptr)},
          {"compression", h.compression ? json_of(*h.compression) : Json(nullptr)},
          {"dimensions", list_of(h.dimensions)},
          {"integer_now", h.integer_now.empty() ? Json(nullptr) : Json(integer_now_ref(h))}};
}

Json json_of(const Table& t) {
  return {{"schema", t.schema},
          {"name", t.name},
          {"columns", list_of(t.columns)},
          {"constraints", list_of(t.constraints)},
          {"indexes", list_of(t.indexes)},
          {"hypertable", t.hypertable ? json_of(*t.hypertable) : Json(nullptr)},
          {"comment", t.comment}};
}

std::string dump_json(const Json& j) { return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"; }

}  // namespace schemac
