#pragma once
// A provider's workforce as allocation sees it (seed 002, 3.9: providers form
// clusters and travel less): staff bases with a place, carers with skills,
// weekly shifts and a way of travelling. Coordinates are whole micro-degrees so
// they are exact in storage and JSON. No I/O.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "allot/base/issue.h"

namespace allot::care_at_home {

struct GeoPoint {
  std::int64_t latitude_micro = 0;   // -90,000,000 .. 90,000,000
  std::int64_t longitude_micro = 0;  // -180,000,000 .. 180,000,000
  bool operator==(const GeoPoint&) const = default;
};

// "55.948100" from 55948100 micro-degrees, and back (up to 6 decimals; none when
// the text is not a decimal number).
std::string degrees_text(std::int64_t micro);
std::optional<std::int64_t> parse_degrees(std::string_view text);

// Every problem with a point, at `path`.latitude / `path`.longitude.
Issues check_point(const GeoPoint& point, const std::string& path);

// One weekly working period: day 0 Monday .. 6 Sunday, minutes after midnight.
struct Shift {
  int day_of_week = 0;
  int start_minute = 0;
  int end_minute = 0;
  bool operator==(const Shift&) const = default;
};

enum class TravelMode { kCar, kWalk, kBicycle, kPublicTransport };
const char* travel_mode_name(TravelMode mode);  // "car", "walk", "bicycle", "public_transport"
std::optional<TravelMode> parse_travel_mode(std::string_view name);
// Road metres a minute for the mode (car 30 km/h, bicycle 15, public transport
// 12 with waiting, walking 4.8): the travel model's speed.
double metres_per_minute(TravelMode mode);

// Every problem with a week of shifts at `path`[i]: days 0 to 6, start before
// end within the day, no two overlapping on one day.
Issues check_shifts(const std::vector<Shift>& shifts, const std::string& path);

}  // namespace allot::care_at_home
