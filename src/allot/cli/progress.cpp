#include "allot/cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace allot::cli {

Progress::Progress(std::string label, std::int64_t total, std::string unit)
    : label_(std::move(label)),
      total_(total),
      unit_(std::move(unit)),
      enabled_(isatty(STDERR_FILENO) == 1),
      started_(std::chrono::steady_clock::now()),
      last_drawn_(started_) {}

Progress::~Progress() { finish(); }

void Progress::update(std::int64_t done) {
  if (!enabled_ || finished_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_drawn_ < std::chrono::milliseconds(100) && done < total_) return;
  last_drawn_ = now;
  const double seconds = std::chrono::duration<double>(now - started_).count();
  const int percent = total_ > 0 ? static_cast<int>(100 * done / total_) : 0;
  std::fprintf(stderr, "\r%s: %3d%% (%lld of %lld %s, %.1f s)", label_.c_str(), percent, static_cast<long long>(done),
               static_cast<long long>(total_), unit_.c_str(), seconds);
  std::fflush(stderr);
}

void Progress::finish() {
  if (!enabled_ || finished_) return;
  finished_ = true;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
}

}  // namespace allot::cli
