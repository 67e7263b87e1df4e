#pragma once
// What each `schemac` subcommand does, separate from main.cpp's flag wiring so tests can call them.
// Every function returns the process exit code: 0 ok, 1 error, 2 "changes pending" / "not formatted".

#include <iosfwd>
#include <string>
#include <vector>

namespace schemac {

struct Io {
  std::ostream& out;
  std::ostream& err;
};

int cmd_check(const std::string& file, Io io);

struct FmtArgs {
  std::string file = "schema.dsl";
  bool check = false;  // report instead of rewriting
};
int cmd_fmt(const FmtArgs& a, Io io);

}  // namespace schemac
