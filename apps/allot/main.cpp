// allot: the command-line tool for batch work (scoring, calibration, simulation,
// solving, imports, exports) and, later, the server.
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "allot/cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"Allot: allocate health and social care resources in line with need, transparently."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "allot 0.1.0");
  int exit_code = 0;
  allot::cli::add_ras_commands(app, exit_code);
  allot::cli::add_gen_commands(app, exit_code);
  allot::cli::add_solve_commands(app, exit_code);
  allot::cli::add_serve_commands(app, exit_code);
  allot::cli::add_db_commands(app, exit_code);
  allot::cli::add_charging_commands(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // CLI11 exits 0 for --help and 106-ish for usage errors; usage errors are bad input (2).
    const int code = app.exit(error);
    return code == 0 ? 0 : allot::cli::kExitInvalidInput;
  } catch (const std::exception& error) {
    std::cerr << "allot: internal error: " << error.what() << "\n";
    return allot::cli::kExitInternal;
  }
  return exit_code;
}
