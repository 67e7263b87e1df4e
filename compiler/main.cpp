// schemac command line: CLI11 wiring only; every command's work lives in its stage.
#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
  CLI::App app{"schemac: schema-as-code compiler for PostgreSQL and TimescaleDB"};
  app.require_subcommand(1);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
