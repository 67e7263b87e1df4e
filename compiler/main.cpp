// schemac command line: CLI11 wiring only; every command's work lives in commands.cpp and the stages.
#include <CLI/CLI.hpp>

#include <iostream>

#include "commands.hpp"

int main(int argc, char** argv) {
  using namespace schemac;
  CLI::App app{"schemac: schema-as-code compiler for PostgreSQL and TimescaleDB"};
  app.set_version_flag("--version", SCHEMAC_VERSION);
  app.require_subcommand(1);
  Io io{std::cout, std::cerr};
  int rc = 0;

  std::string check_file = "schema.dsl";
  auto* check = app.add_subcommand("check", "Parse and validate a schema; errors as file:line:col");
  check->add_option("FILE", check_file, "schema file (default ./schema.dsl, - for stdin)");
  check->callback([&] { rc = cmd_check(check_file, io); });

  FmtArgs fmt_args;
  auto* fmt = app.add_subcommand("fmt", "Rewrite a schema in canonical layout (comments kept)");
  fmt->add_option("FILE", fmt_args.file, "schema file (default ./schema.dsl, - for stdin to stdout)");
  fmt->add_flag("--check", fmt_args.check, "change nothing; exit 2 if the file is not formatted");
  fmt->callback([&] { rc = cmd_fmt(fmt_args, io); });

  CLI11_PARSE(app, argc, argv);
  return rc;
}
