#pragma once
// How a plan is shown: as an SQL script (what `migrate new` writes), as JSON for tools, and as Markdown for a
// pull-request comment. All three are deterministic functions of the Plan. Names and text from the plan cannot
// change the structure of any of them: comment lines and Markdown cells go through comment_text (quote.hpp),
// Markdown code blocks get a fence their body cannot close, and JSON is written by nlohmann-json.

#include <string>

#include "model/json.hpp"
#include "plan/diff.hpp"

namespace schemac {

// A plan with an error diagnostic (destructive changes without --allow-destructive, a setting the edition cannot
// do) is refused, and no form shows any of its SQL, so that `plan > up.sql` can never apply what was refused:
// plan_sql is empty, plan_json has "refused": true, the diagnostics and no statements, plan_markdown the reasons.
bool refused(const Plan& plan);

// The header every migration file and `plan --format sql` starts with: what changes, in words.
std::string plan_header(const Plan& plan, const std::string& title);

std::string plan_sql(const Plan& plan, const std::string& title);   // header + UP script
std::string plan_json(const Plan& plan);
// One change as plan_json lists it: kind, object, target, from, to, description, flags, statements.
Json change_json(const Change& c);                            // {"up", "down", "refused", "changes", "diagnostics"}
std::string plan_markdown(const Plan& plan, const std::string& title);

}  // namespace schemac
