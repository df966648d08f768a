#include "allot/app/ras/demo_rulebooks.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/app/ras/repositories.h"
#include "allot/ras/population_csv.h"
#include "allot/ras/rulebook_json.h"
#include "allot/ras/simulate.h"
#include "allot/ras/synthetic_population.h"

namespace allot::app {

namespace {

constexpr const char* kRulebookId = "example-adults";
constexpr std::int64_t kRecalibratedPencePerPoint = 15756;  // £157.56, down from £250.00
constexpr std::int64_t kPopulation = 2000;
const Actor kAnalyst{"analyst", "demo-council"};

Date first_of_next_month(Timestamp now) {
  const std::chrono::year_month_day today(std::chrono::floor<std::chrono::days>(now));
  const std::chrono::year_month next = std::chrono::year_month(today.year(), today.month()) + std::chrono::months(1);
  return Date(std::chrono::year_month_day(next.year(), next.month(), std::chrono::day(1)));
}

}  // namespace

Result<int> load_demo_rulebook_governance(Transaction& tx, const Clock& clock) {
  auto& published = tx.get<RulebookRepository>();
  Result<RulebookVersion> latest = published.latest(kRulebookId);
  if (!latest) {
    if (latest.error().front().code == ErrorCode::kNotFound) return 0;
    return tl::unexpected<Issues>(latest.error());
  }
  Result<nlohmann::json> parsed = ras::parse_json_text(latest->document, kRulebookId);
  Result<ras::Rulebook> rulebook = parsed ? ras::parse_rulebook(*parsed) : fail(std::move(parsed.error()));
  if (!rulebook) return tl::unexpected<Issues>(rulebook.error());
  if (rulebook->allocation.method != ras::AllocationMethod::kPoints) return 0;

  const Timestamp now = clock.now();
  const Date effective_from = first_of_next_month(now);
  ras::Rulebook recalibrated = *rulebook;
  recalibrated.version = latest->version + 1;
  recalibrated.effective_from = effective_from;
  recalibrated.allocation.pence_per_point = Money::from_pence(kRecalibratedPencePerPoint);
  recalibrated.description = (recalibrated.description.empty() ? "" : recalibrated.description + " ") +
                             "Value of a point £157.56 set by Derby-method calibration from a sample of 180 people.";
  const std::string document = ras::rulebook_to_json(recalibrated).dump(2);

  // Who gains and who loses: the draft run over a synthetic population whose
  // current costs follow the version in force, as the analyst would have run it
  // over the council's own.
  std::string population;
  ras::generate_population(*rulebook, ras::SyntheticPopulationOptions{kPopulation, 17},
                           [&](std::string_view chunk) { population.append(chunk); });
  ras::CompiledRulebook compiled(recalibrated);
  ras::SimulationAccumulator accumulator;
  const ras::PopulationReadSummary read =
      ras::read_population_csv(recalibrated, population, "demo-population.csv", [&](const ras::PopulationRow& row) {
        accumulator.add(row.client_group, compiled.score(row.chosen), row.current_annual);
      });
  if (read.bad_rows > 0 || !read.issues.empty()) return tl::unexpected<Issues>(read.issues);
  nlohmann::json simulation = ras::simulation_to_json(accumulator.report(recalibrated));
  simulation["rulebook"] = {{"id", kRulebookId}, {"version", recalibrated.version}, {"draft", true}};

  const Timestamp drafted_at = now - std::chrono::hours(26);
  const Timestamp proposed_at = now - std::chrono::hours(2);
  DraftVersion draft{kRulebookId,        latest->version + 1,       recalibrated.title, DraftOrigin::kCalibration,
                     document,           DraftStatus::kProposed,    effective_from,     simulation.dump(),
                     kAnalyst.username,  drafted_at,                kAnalyst.username,  1};
  auto& drafts = tx.get<DraftVersionRepository>();
  if (Result<DraftVersion> added = drafts.add(draft); !added) return tl::unexpected<Issues>(added.error());
  const RulebookStep steps[] = {
      {0, kRulebookId, draft.version, GovernanceStep::kDrafted, kAnalyst, drafted_at, std::nullopt,
       fmt::format("calibrated from version {}", latest->version)},
      {0, kRulebookId, draft.version, GovernanceStep::kProposed, kAnalyst, proposed_at, effective_from, ""},
  };
  for (const RulebookStep& step : steps) {
    if (Result<RulebookStep> kept = drafts.add_step(step); !kept) return tl::unexpected<Issues>(kept.error());
  }
  return draft.version;
}

}  // namespace allot::app
