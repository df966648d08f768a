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

// A file's bytes mapped into memory read-only: a population of hundreds of
// megabytes is read without copying it. Falls back to reading the file into memory
// where it cannot be mapped (a pipe, say). The text lives as long as the object.
class MappedFile {
 public:
  static Result<MappedFile> open(const std::string& path);
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&&) = delete;
  MappedFile(const MappedFile&) = delete;
  ~MappedFile();
  std::string_view text() const { return mapped_ != nullptr ? std::string_view(mapped_, size_) : std::string_view(read_); }

 private:
  MappedFile() = default;
  const char* mapped_ = nullptr;
  std::size_t size_ = 0;
  std::string read_;
};

// Reads and parses a JSON file; syntax errors carry "path:line:column".
Result<nlohmann::json> read_json_file(const std::string& path);

// Writes the whole file atomically (a temporary file renamed into place), so a
// failed write never leaves half a file.
Result<bool> write_text_file(const std::string& path, std::string_view text);

// Prints issues to stderr as "error: path: message" lines, after a heading.
void print_issues(std::string_view heading, const Issues& issues);

}  // namespace allot::cli
