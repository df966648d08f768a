#pragma once
// Calendar dates (ISO 8601) and financial years (1 April to 31 March).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace allot {

class Date {
 public:
  Date() = default;
  explicit Date(std::chrono::year_month_day ymd) : ymd_(ymd) {}
  // "2026-04-01"; nothing for anything else, including impossible days.
  static std::optional<Date> parse(std::string_view text);

  std::chrono::year_month_day ymd() const { return ymd_; }
  int year() const { return static_cast<int>(ymd_.year()); }
  unsigned month() const { return static_cast<unsigned>(ymd_.month()); }
  unsigned day() const { return static_cast<unsigned>(ymd_.day()); }
  std::string to_string() const;  // "2026-04-01"

  Date plus_days(int days) const;
  int days_until(Date later) const;

  // The year in which this date's financial year starts: 2026-03-31 is in 2025.
  int financial_year_start() const;
  // "2025/26"
  std::string financial_year_label() const;

  auto operator<=>(const Date& other) const { return std::chrono::sys_days(ymd_) <=> std::chrono::sys_days(other.ymd_); }
  bool operator==(const Date& other) const = default;

 private:
  std::chrono::year_month_day ymd_{std::chrono::year{1970}, std::chrono::January, std::chrono::day{1}};
};

}  // namespace allot
