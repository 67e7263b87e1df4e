#pragma once
// The checked Schema model to C++ headers over the runtime (runtime/include/schemac/): one header per table
// (its record, descriptor, insert/insert_many/copy_into/find and one function per declared query), one for every
// enum of the schema, and one support header they share. One header per table, not one per schema, so that a
// change to one table recompiles only the code that uses that table.
//
// Layout of DIR: support.hpp, enums.hpp, and per table NAME.hpp (a table of another SQL schema in a directory
// of that schema's name: market/ticks.hpp). C++ names: everything in namespace `root` (default `gen`); a table
// is a namespace of its own (gen::exchanges::Row, gen::exchanges::insert), a non-public SQL schema a namespace
// between them (gen::market::ticks::Row); SQL names become identifiers through names.hpp.

#include <string>
#include <vector>

#include <map>

#include "model/diagnostic.hpp"
#include "model/model.hpp"

namespace schemac::codegen {

struct GeneratedFile {
  std::string path;  // relative to the output directory, '/'-separated
  std::string text;
};

struct GenerateOptions {
  std::string command;      // the command line the DO-NOT-EDIT header names
  std::string root = "gen";  // the root C++ namespace
};

struct Generated {
  std::vector<GeneratedFile> files;  // sorted by path
  Diagnostics diags;                 // a column or parameter whose type the runtime lacks, a bad template
  bool ok() const { return !has_errors(diags); }
};

// `templates`: name -> text (templates.hpp). The schema must have passed check (types canonical, names set,
// query parameter types inferred).
Generated generate(const Schema& s, const std::map<std::string, std::string>& templates, const GenerateOptions& o);

}  // namespace schemac::codegen
