#pragma once
// File access for commands: the domain does no I/O, so commands read files here
// and hand the text in.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "allot/base/issue.h"

namespace allot::cli {

// The whole file, or an issue naming the path and the reason.
Result<std::string> read_text_file(const std::string& path);

// Reads and parses a JSON file; syntax errors carry "path:line:column".
Result<nlohmann::json> read_json_file(const std::string& path);

// Writes the whole file atomically (a temporary file renamed into place), so a
// failed write never leaves half a file.
Result<bool> write_text_file(const std::string& path, std::string_view text);

// Prints issues to stderr as "error: path: message" lines, after a heading.
void print_issues(std::string_view heading, const Issues& issues);

}  // namespace allot::cli
