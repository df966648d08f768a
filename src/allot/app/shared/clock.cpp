#include "allot/app/shared/clock.h"

#include <charconv>
#include <cstdio>

namespace allot::app {

std::string format_timestamp(Timestamp at) {
  const auto day = std::chrono::floor<std::chrono::days>(at);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss<std::chrono::milliseconds> time{at - day};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()), static_cast<int>(time.subseconds().count()));
  return text;
}

namespace {

bool read_number(std::string_view text, std::size_t offset, std::size_t width, int& out) {
  for (std::size_t idx = offset; idx < offset + width; ++idx) {
    if (text[idx] < '0' || text[idx] > '9') return false;
  }
  std::from_chars(text.data() + offset, text.data() + offset + width, out);
  return true;
}

}  // namespace

std::optional<Timestamp> parse_timestamp(std::string_view text) {
  // 2026-11-22T05:10:45.123Z
  if (text.size() != 24 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text[19] != '.' || text[23] != 'Z') {
    return std::nullopt;
  }
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, milli = 0;
  if (!read_number(text, 0, 4, year) || !read_number(text, 5, 2, month) || !read_number(text, 8, 2, day) ||
      !read_number(text, 11, 2, hour) || !read_number(text, 14, 2, minute) ||
      !read_number(text, 17, 2, second) || !read_number(text, 20, 3, milli)) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  return Timestamp{std::chrono::sys_days{ymd}} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
         std::chrono::seconds{second} + std::chrono::milliseconds{milli};
}

Timestamp SystemClock::now() const {
  return std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

Timestamp FixedClock::now() const {
  std::lock_guard lock(mutex_);
  return at_;
}

void FixedClock::set(Timestamp at) {
  std::lock_guard lock(mutex_);
  at_ = at;
}

void FixedClock::advance(std::chrono::milliseconds by) {
  std::lock_guard lock(mutex_);
  at_ += by;
}

StartedClock::StartedClock(Timestamp start) : start_(start), started_(std::chrono::steady_clock::now()) {}

Timestamp StartedClock::now() const {
  return start_ + std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started_);
}

}  // namespace allot::app
