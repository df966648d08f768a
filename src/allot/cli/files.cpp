#include "allot/cli/files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "allot/ras/rulebook_json.h"

namespace allot::cli {

Result<std::string> read_text_file(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return fail(ErrorCode::kNotFound, path, std::string("cannot open: ") + std::strerror(errno));
  std::string text;
  // Size the buffer once for regular files: populations run to hundreds of megabytes.
  if (std::fseek(file, 0, SEEK_END) == 0) {
    const long size = std::ftell(file);
    if (size > 0) text.reserve(static_cast<std::size_t>(size));
    std::fseek(file, 0, SEEK_SET);
  }
  char buffer[1 << 16];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, got);
  const bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (failed) return fail(ErrorCode::kInternal, path, "read failed");
  return text;
}

Result<nlohmann::json> read_json_file(const std::string& path) {
  auto text = read_text_file(path);
  if (!text) return fail(text.error());
  return ras::parse_json_text(*text, path);
}

Result<bool> write_text_file(const std::string& path, std::string_view text) {
  const std::string temporary = path + ".tmp";
  std::FILE* file = std::fopen(temporary.c_str(), "wb");
  if (file == nullptr) return fail(ErrorCode::kInternal, path, std::string("cannot write: ") + std::strerror(errno));
  const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
  const bool closed = std::fclose(file) == 0;
  if (!written || !closed || std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return fail(ErrorCode::kInternal, path, "write failed");
  }
  return true;
}

void print_issues(std::string_view heading, const Issues& issues) {
  std::cerr << heading << " (" << issues.size() << (issues.size() == 1 ? " problem" : " problems") << "):\n";
  for (const Issue& issue : issues) {
    std::cerr << "  error: " << (issue.path.empty() ? "" : issue.path + ": ") << issue.message << "\n";
  }
}

}  // namespace allot::cli
