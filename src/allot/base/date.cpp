#include "allot/base/date.h"

#include <charconv>
#include <cstdio>

namespace allot {
namespace {

std::optional<int> digits(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = digits(text.substr(0, 4));
  const auto month = digits(text.substr(5, 2));
  const auto day = digits(text.substr(8, 2));
  if (!year || !month || !day) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
                                        std::chrono::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok()) return std::nullopt;
  return Date(ymd);
}

std::string Date::to_string() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year(), month(), day());
  return buffer;
}

Date Date::plus_days(int days) const {
  return Date(std::chrono::year_month_day(std::chrono::sys_days(ymd_) + std::chrono::days(days)));
}

int Date::days_until(Date later) const {
  return static_cast<int>((std::chrono::sys_days(later.ymd_) - std::chrono::sys_days(ymd_)).count());
}

int Date::financial_year_start() const { return month() >= 4 ? year() : year() - 1; }

std::string Date::financial_year_label() const {
  const int start = financial_year_start();
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%d/%02d", start, (start + 1) % 100);
  return buffer;
}

}  // namespace allot
