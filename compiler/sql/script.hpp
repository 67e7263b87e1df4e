#pragma once
// The migration script format: how an UP or DOWN script is laid out (what `plan --format sql`, `migrate new` and
// the JSON "up"/"down" hold) and how a runner reads it back. The format is written and read here only.
//
// A script is a sequence of sections, each opened by a marker line of its own:
//
//   -- schemac:section 1 transactional
//   BEGIN;
//   ...statements...
//   COMMIT;
//
//   -- schemac:section 2 no-transaction
//   CREATE INDEX CONCURRENTLY ...;
//
// Sections are numbered 1, 2, 3... A transactional section is one transaction: BEGIN, its statements, COMMIT.
// Consecutive transactional steps share one section, so a plan without statements that refuse a transaction
// block is one transaction. A no-transaction section holds exactly one statement, which runs on its own in
// autocommit (CREATE INDEX CONCURRENTLY, ALTER TYPE ... ADD VALUE, TimescaleDB calls that refuse a transaction
// block). So `psql -v ON_ERROR_STOP=1 -f FILE` stops at the first failure with every section before it applied
// and nothing of the failing one, and a runner can run each transactional section in a transaction of its own
// together with its history record.

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"

namespace schemac {

inline constexpr std::string_view kSectionMarker = "-- schemac:section";

// One step of a script: the `--` lines that say what it does (made inert by comment_text when rendered) and its
// statements in execution order, each a complete SQL statement ending in `;`.
struct ScriptStep {
  std::vector<std::string> comments;
  std::vector<std::string> statements;
  bool transactional = true;  // false: each statement needs a section of its own, outside a transaction block
  bool alone = false;         // transactional, in a section of its own: the steps before it commit first
};

// The script of `steps` in order, in sections as above, with a note at the top saying how to apply it. Empty when
// no step has a statement.
std::string render_script(const std::vector<ScriptStep>& steps);

struct Section {
  int number = 0;
  bool transactional = true;
  Loc loc;                              // its marker line
  std::vector<std::string> statements;  // without BEGIN and COMMIT, each without its final `;`
  std::vector<Loc> statement_locs;      // where each statement starts
};

// Splits a script into its sections with the PostgreSQL parser (libpg_query), so that a `;` or a marker-like
// line inside a string, a dollar-quoted body or a comment is never mistaken for a boundary. A malformed script
// is refused with located errors in `diags` (file:line:col, the problem and the fix): SQL the parser rejects, a
// statement outside a section, sections out of order, a transactional section without BEGIN or COMMIT, BEGIN or
// other transaction control inside a section, a no-transaction section without exactly one statement, an
// unknown `-- schemac:` marker. The sections are returned as far as they could be read.
std::vector<Section> split_script(const std::string& file, std::string_view text, Diagnostics& diags);

}  // namespace schemac
