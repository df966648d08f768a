#include "allot/cli/files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <utility>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

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

Result<MappedFile> MappedFile::open(const std::string& path) {
  MappedFile file;
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) return fail(ErrorCode::kNotFound, path, std::string("cannot open: ") + std::strerror(errno));
  struct stat status {};
  if (::fstat(descriptor, &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0) {
    void* mapped = ::mmap(nullptr, static_cast<std::size_t>(status.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0);
    if (mapped != MAP_FAILED) {
      file.mapped_ = static_cast<const char*>(mapped);
      file.size_ = static_cast<std::size_t>(status.st_size);
    }
  }
  ::close(descriptor);
  if (file.mapped_ != nullptr) return file;
  Result<std::string> text = read_text_file(path);
  if (!text) return fail(text.error());
  file.read_ = std::move(*text);
  return file;
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : mapped_(std::exchange(other.mapped_, nullptr)), size_(std::exchange(other.size_, 0)), read_(std::move(other.read_)) {}

MappedFile::~MappedFile() {
  if (mapped_ != nullptr) ::munmap(const_cast<char*>(mapped_), size_);
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
