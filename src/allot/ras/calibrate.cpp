#include "allot/ras/calibrate.h"

#include "allot/ras/score.h"

namespace allot::ras {

const char* calibration_method_name(CalibrationMethod method) {
  return method == CalibrationMethod::kFit ? "fit" : "sample";
}

Result<Calibration> calibrate_point_value(const Rulebook& rulebook, const std::vector<SampleCase>& sample,
                                          const CalibrationRequest& request) {
  Issues issues;
  if (rulebook.allocation.method != AllocationMethod::kPoints) {
    issues.push_back({ErrorCode::kInvalidValue, "allocation.method",
                      std::string("calibration sets the value of a point, so needs a points rulebook; this one uses ") +
                          allocation_method_name(rulebook.allocation.method)});
  }
  if (sample.empty()) issues.push_back({ErrorCode::kMissingField, "sample", "the sample has no people"});
  if (request.budget.pence() <= 0) {
    issues.push_back({ErrorCode::kInvalidValue, "budget_pence", "must be above 0; found " + std::to_string(request.budget.pence())});
  }
  if (request.top_slice_percent < Fraction(0) || request.top_slice_percent >= Fraction(100)) {
    issues.push_back({ErrorCode::kInvalidValue, "top_slice_percent",
                      "must be at least 0 and below 100; found " + request.top_slice_percent.to_string()});
  }
  if (request.method == CalibrationMethod::kSample && request.population <= 0) {
    issues.push_back({ErrorCode::kInvalidValue, "population",
                      "must be the number of people using services, above 0; found " + std::to_string(request.population)});
  }
  if (!issues.empty()) return fail(std::move(issues));

  const CompiledRulebook compiled(rulebook);
  const Int128 denominator = compiled.adjusted_points_denominator();
  // Adjusted points are numerator / denominator; sums stay exact in integers.
  Int128 sum_points = 0;
  Int128 sum_points_times_cost = 0;
  Int128 sum_points_squared = 0;
  for (const SampleCase& person : sample) {
    const Int128 points = compiled.adjusted_points_numerator(person.chosen.data());
    sum_points += points;
    sum_points_times_cost += points * person.current_annual.pence();
    sum_points_squared += points * points;
  }
  if (sum_points == 0) {
    return fail(ErrorCode::kInvalidValue, "sample", "every person in the sample scores 0 points, so a point has no value");
  }

  Calibration result;
  result.method = request.method;
  result.sample_size = static_cast<std::int64_t>(sample.size());
  result.mean_adjusted_points = Fraction::of(sum_points, denominator * static_cast<Int128>(sample.size()));
  result.budget = request.budget;
  result.top_slice_percent = request.top_slice_percent;
  const Fraction protection = Fraction(request.budget.pence()) * request.top_slice_percent / Fraction(100);
  result.protection_fund = Money::from_pence(round_half_away(protection.numerator(), protection.denominator()));
  result.distributable = request.budget - result.protection_fund;

  if (request.method == CalibrationMethod::kSample) {
    result.projected_total_points = result.mean_adjusted_points * Fraction(request.population);
    // Rounded down so that, at the projected points, allocations never exceed the
    // budget left after the top-slice (seed 003).
    const Fraction value = Fraction(request.budget.pence()) * (Fraction(100) - request.top_slice_percent) / Fraction(100) /
                           result.projected_total_points;
    result.pence_per_point = Money::from_pence(floor_div(value.numerator(), value.denominator()));
  } else {
    // Least squares through the origin: value = sum(x y) / sum(x^2), x in adjusted points.
    result.pence_per_point = Money::from_pence(round_half_away(sum_points_times_cost * denominator, sum_points_squared));
    if (request.population > 0) result.projected_total_points = result.mean_adjusted_points * Fraction(request.population);
  }
  const Fraction allocation = result.projected_total_points * Fraction(result.pence_per_point.pence());
  result.projected_allocation = Money::from_pence(round_half_away(allocation.numerator(), allocation.denominator()));

  result.calibrated = rulebook;
  result.calibrated.version = rulebook.version + 1;
  result.calibrated.allocation.pence_per_point = result.pence_per_point;
  const CompiledRulebook recalibrated(result.calibrated);
  for (const SampleCase& person : sample) {
    const CompiledRulebook::Amounts amounts = recalibrated.score(person.chosen.data());
    if (person.current_annual < amounts.lower_annual) {
      ++result.above_range;
    } else if (person.current_annual > amounts.upper_annual) {
      ++result.below_range;
    } else {
      ++result.within_range;
    }
  }
  return result;
}

nlohmann::json calibration_to_json(const Calibration& calibration) {
  return {{"method", calibration_method_name(calibration.method)},
          {"rulebook_id", calibration.calibrated.id},
          {"calibrated_version", calibration.calibrated.version},
          {"sample_size", calibration.sample_size},
          {"mean_adjusted_points", calibration.mean_adjusted_points.to_double()},
          {"projected_total_points", calibration.projected_total_points.to_double()},
          {"budget_pence", calibration.budget.pence()},
          {"top_slice_percent", calibration.top_slice_percent.to_double()},
          {"protection_fund_pence", calibration.protection_fund.pence()},
          {"distributable_pence", calibration.distributable.pence()},
          {"pence_per_point", calibration.pence_per_point.pence()},
          {"projected_allocation_pence", calibration.projected_allocation.pence()},
          {"sample_above_range", calibration.above_range},
          {"sample_within_range", calibration.within_range},
          {"sample_below_range", calibration.below_range}};
}

}  // namespace allot::ras
