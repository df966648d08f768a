#pragma once
// Each module's commands register themselves on the one `allot` binary. A command
// reads files, calls the domain, prints, and sets the process exit code.

#include <CLI/CLI.hpp>

namespace allot::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;      // a bug or broken environment
inline constexpr int kExitInvalidInput = 2;  // bad input: every problem printed

void add_ras_commands(CLI::App& app, int& exit_code);   // allot ras check|score|calibrate|simulate
void add_gen_commands(CLI::App& app, int& exit_code);   // allot gen population
void add_solve_commands(CLI::App& app, int& exit_code);  // allot solve, allot bench (visit scheduling engine)

void add_serve_commands(CLI::App& app, int& exit_code);  // allot serve
void add_db_commands(CLI::App& app, int& exit_code);     // allot db backup|restore|check|migrate
void add_charging_commands(CLI::App& app, int& exit_code);  // allot charging contribution, allot programmes check

}  // namespace allot::cli
