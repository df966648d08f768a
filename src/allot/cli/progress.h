#pragma once
// Progress for long commands: a line on stderr redrawn in place, only when stderr
// is a terminal, so pipes, files and CI stay quiet.

#include <chrono>
#include <cstdint>
#include <string>

namespace allot::cli {

class Progress {
 public:
  Progress(std::string label, std::int64_t total, std::string unit);
  ~Progress();
  void update(std::int64_t done);
  void finish();

 private:
  std::string label_;
  std::int64_t total_;
  std::string unit_;
  bool enabled_;
  bool finished_ = false;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_drawn_;
};

}  // namespace allot::cli
