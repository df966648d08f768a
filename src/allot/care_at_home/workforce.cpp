#include "allot/care_at_home/workforce.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include <fmt/format.h>

namespace allot::care_at_home {

std::string degrees_text(std::int64_t micro) {
  const std::int64_t magnitude = micro < 0 ? -micro : micro;
  return fmt::format("{}{}.{:06}", micro < 0 ? "-" : "", magnitude / 1'000'000, magnitude % 1'000'000);
}

std::optional<std::int64_t> parse_degrees(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (whole.empty() || whole.size() > 3 || fraction.size() > 6 || (dot != std::string_view::npos && fraction.empty())) {
    return std::nullopt;
  }
  std::int64_t degrees = 0;
  if (auto [end, error] = std::from_chars(whole.data(), whole.data() + whole.size(), degrees);
      error != std::errc{} || end != whole.data() + whole.size()) {
    return std::nullopt;
  }
  std::int64_t micro = 0;
  for (std::size_t index = 0; index < 6; ++index) {
    const char digit = index < fraction.size() ? fraction[index] : '0';
    if (digit < '0' || digit > '9') return std::nullopt;
    micro = micro * 10 + (digit - '0');
  }
  const std::int64_t value = degrees * 1'000'000 + micro;
  return negative ? -value : value;
}

Issues check_point(const GeoPoint& point, const std::string& path) {
  Issues issues;
  if (point.latitude_micro < -90'000'000 || point.latitude_micro > 90'000'000) {
    issues.push_back({ErrorCode::kInvalidValue, path + ".latitude", "a latitude is between -90 and 90 degrees"});
  }
  if (point.longitude_micro < -180'000'000 || point.longitude_micro > 180'000'000) {
    issues.push_back({ErrorCode::kInvalidValue, path + ".longitude", "a longitude is between -180 and 180 degrees"});
  }
  return issues;
}

const char* travel_mode_name(TravelMode mode) {
  switch (mode) {
    case TravelMode::kCar: return "car";
    case TravelMode::kWalk: return "walk";
    case TravelMode::kBicycle: return "bicycle";
    case TravelMode::kPublicTransport: return "public_transport";
  }
  return "car";
}

std::optional<TravelMode> parse_travel_mode(std::string_view name) {
  for (TravelMode mode : {TravelMode::kCar, TravelMode::kWalk, TravelMode::kBicycle, TravelMode::kPublicTransport}) {
    if (name == travel_mode_name(mode)) return mode;
  }
  return std::nullopt;
}

double metres_per_minute(TravelMode mode) {
  switch (mode) {
    case TravelMode::kCar: return 500;
    case TravelMode::kWalk: return 80;
    case TravelMode::kBicycle: return 250;
    case TravelMode::kPublicTransport: return 200;
  }
  return 500;
}

Issues check_shifts(const std::vector<Shift>& shifts, const std::string& path) {
  Issues issues;
  for (std::size_t index = 0; index < shifts.size(); ++index) {
    const Shift& shift = shifts[index];
    const std::string at = fmt::format("{}[{}]", path, index);
    if (shift.day_of_week < 0 || shift.day_of_week > 6) {
      issues.push_back({ErrorCode::kInvalidValue, at + ".day", "a day is 0 (Monday) to 6 (Sunday)"});
    }
    if (shift.start_minute < 0 || shift.end_minute > 24 * 60 || shift.start_minute >= shift.end_minute) {
      issues.push_back({ErrorCode::kInvalidValue, at, "a shift starts before it ends, within the day"});
      continue;
    }
    for (std::size_t other = 0; other < index; ++other) {
      const Shift& earlier = shifts[other];
      if (earlier.day_of_week == shift.day_of_week && earlier.start_minute < shift.end_minute &&
          shift.start_minute < earlier.end_minute) {
        issues.push_back({ErrorCode::kInvalidValue, at, fmt::format("overlaps shift {} on the same day", other)});
        break;
      }
    }
  }
  return issues;
}

}  // namespace allot::care_at_home
