#pragma once
// The code-generation templates: the ones compiled into the binary (templates/*.mustache, by
// cmake/embed_templates.cmake) and a user's directory that overrides them by file name.

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace schemac::codegen {

// Template name (the file name without .mustache: "table.hpp") -> text.
const std::map<std::string, std::string>& builtin_templates();

// The built-in templates, each replaced by `dir`/NAME.mustache when that file exists, so a user overrides only
// what they want to change. A .mustache file in `dir` that names no template is an error (a typo would
// otherwise be ignored silently). Throws FileError (model/files.hpp) for a file it cannot read, and
// std::runtime_error naming the file for an unknown one.
std::map<std::string, std::string> load_templates(const std::optional<std::filesystem::path>& dir);

// The template with each standalone section, inverted-section, closing or comment tag (a line holding only
// that tag) moved to the end of the line before, which is the Mustache spec's standalone rule: the tag's line leaves no
// trace. kainjow-mustache 4 leaves a blank line where a section it skips stood alone, so the rule is applied
// here, before it parses.
std::string join_standalone_tags(const std::string& text);

}  // namespace schemac::codegen
