#pragma once
// Calibration sets the value of a point for a points rulebook.
//
// The Derby method (seed 003): score a desktop sample of current cases; their
// mean adjusted points times the number of people using services gives the
// projected total points; hold back a top-slice of the budget (15% in Derby) as
// a protection fund for people whose budget would not keep current services;
// the value of a point is the rest of the budget divided by the projected points,
// rounded down so allocations never exceed the distributable budget.
//
// The fit method sets the value of a point by least squares through the origin
// against the sample's current annual costs, rounded to the penny.

#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "allot/base/fraction.h"
#include "allot/base/issue.h"
#include "allot/base/money.h"
#include "allot/ras/population_csv.h"
#include "allot/ras/rulebook.h"

namespace allot::ras {

enum class CalibrationMethod { kSample, kFit };
const char* calibration_method_name(CalibrationMethod method);

struct CalibrationRequest {
  CalibrationMethod method = CalibrationMethod::kSample;
  Money budget;                   // the community care budget for the year
  Fraction top_slice_percent;     // 0 <= T < 100
  std::int64_t population = 0;    // people using services
};

struct Calibration {
  CalibrationMethod method = CalibrationMethod::kSample;
  std::int64_t sample_size = 0;
  Fraction mean_adjusted_points;
  Fraction projected_total_points;  // mean x population
  Money budget;
  Fraction top_slice_percent;
  Money protection_fund;            // budget x T / 100, rounded
  Money distributable;              // budget - protection fund
  Money pence_per_point;            // the calibrated value of a point
  Money projected_allocation;       // value of a point x projected points, rounded
  // The sample re-scored at the calibrated value against its current costs.
  std::int64_t above_range = 0;     // current < lower
  std::int64_t within_range = 0;
  std::int64_t below_range = 0;     // current > upper
  Rulebook calibrated;              // the next version with the new value of a point
};

// Refuses (with every reason) a rulebook that is not a points rulebook, an empty
// sample, a sample with no points, and requests out of range.
Result<Calibration> calibrate_point_value(const Rulebook& rulebook, const std::vector<SampleCase>& sample,
                                          const CalibrationRequest& request);

nlohmann::json calibration_to_json(const Calibration& calibration);

}  // namespace allot::ras
