#pragma once
// Time enters Allot only through a Clock passed in by the caller, so the domain
// never reads the system clock and tests can fix time (DESIGN.md).

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace allot::app {

// An instant in UTC, to the millisecond. Stored as ISO 8601 UTC text
// ("2026-11-22T05:10:45.123Z"), whose fixed width makes text order time order.
using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

// "2026-11-22T05:10:45.123Z". Thread-safe.
std::string format_timestamp(Timestamp at);
// Parses exactly the form format_timestamp writes; nothing for anything else.
std::optional<Timestamp> parse_timestamp(std::string_view text);

class Clock {
 public:
  virtual ~Clock() = default;
  // The current instant. Implementations must be safe to call from several threads.
  virtual Timestamp now() const = 0;
};

// The real clock (std::chrono::system_clock). Thread-safe.
class SystemClock final : public Clock {
 public:
  Timestamp now() const override;
};

// A clock that reads `start` when made and runs on in real time from there
// (steady_clock), so a server started at a fixed instant writes the same dates on
// any day while sessions and time-outs still pass. Thread-safe.
class StartedClock final : public Clock {
 public:
  explicit StartedClock(Timestamp start);
  Timestamp now() const override;

 private:
  Timestamp start_;
  std::chrono::steady_clock::time_point started_;
};

// A clock that shows a set instant until told otherwise; for tests. Thread-safe.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(Timestamp at) : at_(at) {}
  Timestamp now() const override;
  void set(Timestamp at);
  void advance(std::chrono::milliseconds by);

 private:
  mutable std::mutex mutex_;
  Timestamp at_;
};

}  // namespace allot::app
