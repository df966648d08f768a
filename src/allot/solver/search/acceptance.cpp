#include "allot/solver/search/acceptance.h"

#include <algorithm>
#include <cmath>

namespace allot::solver::search {
namespace {

constexpr double kStartTemperature = 3.0;  // in average arcs per visit
constexpr double kEndTemperature = 0.03;

}  // namespace

Annealing::Annealing(const Cost& start, int visit_count) {
  const double scale = start.objective / std::max(1, visit_count + start.routes_used);
  start_temperature_ = kStartTemperature * scale;
  end_temperature_ = kEndTemperature * scale;
}

double Annealing::temperature(double fraction) const {
  return start_temperature_ * std::pow(end_temperature_ / start_temperature_, fraction);
}

bool Annealing::accepts(const Cost& candidate, const Cost& current, double temperature, bool rank_routes,
                        std::mt19937_64& random) const {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const bool same_fleet = !rank_routes || candidate.routes_used == current.routes_used;
  // the random draw is made only when the threshold decides
  return candidate.unassigned_priority < current.unassigned_priority - 1e-9 ||
         (candidate.unassigned_priority <= current.unassigned_priority + 1e-9 &&
          (same_fleet ? candidate.objective < current.objective - temperature * std::log(std::max(1e-300, unit(random)))
                      : candidate.routes_used < current.routes_used));
}

AbsenceCounts::LeftOut AbsenceCounts::left_out(const std::vector<char>& routed) const {
  LeftOut out;
  for (int visit = 0; visit < static_cast<int>(absence_.size()); ++visit)
    if (!routed[visit]) {
      ++out.visits;
      out.absences += absence_[visit];
    }
  return out;
}

void AbsenceCounts::count(const std::vector<char>& routed) {
  for (int visit = 0; visit < static_cast<int>(absence_.size()); ++visit)
    if (!routed[visit]) ++absence_[visit];
}

}  // namespace allot::solver::search
