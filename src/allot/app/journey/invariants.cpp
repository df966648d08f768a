#include "allot/app/journey/invariants.h"

#include <fmt/format.h>

#include "allot/app/journey/journey_core.h"
#include "allot/app/journey/repositories.h"
#include "allot/base/json_reader.h"
#include "allot/journey/invariants.h"
#include "allot/journey_io/documents.h"

namespace allot::app {
namespace {

constexpr int kPage = 1000;

void add_findings(const std::string& record, const Issues& issues, InvariantReport& report) {
  for (const Issue& issue : issues) report.findings.push_back({record, issue.path, issue.message});
}

// One person: the plan versions kept, then the case against them.
Result<Unit> check_person(Transaction& tx, const PersonRecord& record, InvariantReport& report) {
  const std::string who = fmt::format("person {}", record.id);
  Result<std::vector<PlanVersionRecord>> plans = tx.get<PlanVersionRepository>().for_person(record.id);
  if (!plans) return fail(plans.error());
  std::vector<int> versions;
  for (const PlanVersionRecord& stored : *plans) {
    ++report.plan_versions;
    versions.push_back(stored.version);
    const std::string where = fmt::format("{}, support plan version {}", who, stored.version);
    Result<nlohmann::json> document = parse_json(stored.document, "document");
    if (!document) {
      add_findings(where, document.error(), report);
      continue;
    }
    Result<journey::PlanVersion> plan = journey_io::plan_version_from_json(*document);
    if (!plan) {
      add_findings(where, plan.error(), report);
      continue;
    }
    add_findings(where, journey::check_plan_invariants(*plan, stored.annual), report);
  }
  Result<journey::Person> person = JourneyCore::person_of(record);
  if (!person) {
    add_findings(who, person.error(), report);
    return Unit{};
  }
  add_findings(who, journey::check_case_invariants(person->state, versions), report);
  return Unit{};
}

}  // namespace

Result<InvariantReport> check_journey_invariants(Store& store) {
  InvariantReport report;
  Result<Unit> done = store.run(Access::kRead, [&](Transaction& tx) -> Result<Unit> {
    for (int offset = 0;; offset += kPage) {
      PersonQuery query;
      query.limit = kPage;
      query.offset = offset;
      Result<PersonPage> page = tx.get<PersonRepository>().list(query);
      if (!page) return fail(page.error());
      for (const PersonRecord& record : page->people) {
        ++report.people;
        if (Result<Unit> checked = check_person(tx, record, report); !checked) return checked;
      }
      if (static_cast<int>(page->people.size()) < kPage) return Unit{};
    }
  });
  if (!done) return fail(done.error());
  return report;
}

}  // namespace allot::app
