#include "allot/api/shared/log.h"

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace allot::api {

void log_line(std::string_view line) {
  static std::mutex mutex;
  const auto now = std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
  std::string text = fmt::format("{:%Y-%m-%dT%H:%M:%S}Z {}\n", now, line);
  std::lock_guard lock(mutex);
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
}

}  // namespace allot::api
