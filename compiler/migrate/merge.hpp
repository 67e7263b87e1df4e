#pragma once
// Three-way merge of declared states, for `schemac migrate rebase`: the change a migration made to the state it
// was planned on (`base` -> `theirs`), applied on top of the state that precedes it now (`ours`), the way a
// version-control merge combines two branches. Objects are matched by name: schemas, extensions, enums and
// tables; inside a table that both sides changed, columns, constraints, indexes and queries, and the table's own
// settings (comment, hypertable, renames) each as one value. An object that only one side changed takes that
// side's version; one that both changed differently is a conflict, named, and nothing is guessed.

#include <string>
#include <vector>

#include "model/model.hpp"

namespace schemac {

struct MergeResult {
  Schema schema;
  std::vector<std::string> conflicts;  // "column public.t.x: changed differently on both sides", sorted
};

// The inputs are complete (checked) models; source places are not compared (each state comes from its own
// file). The result keeps `ours`' order and puts what only `theirs` added after it, in `theirs`' order.
MergeResult merge_schemas(Schema base, Schema ours, Schema theirs);

}  // namespace schemac
