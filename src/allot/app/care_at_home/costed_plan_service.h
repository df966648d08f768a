#pragma once
// The personal budget model (seed 002): a package described by the person's
// outcomes and a weekly budget, for which the provider proposes a costed plan
// (what it will do, which outcomes each line serves, its weekly cost) within the
// budget, and the council agrees it or sends it back with a reason. Proposals are
// versioned and kept; the newest agreed one is the plan in force.
//
// Thread-safety: safe from several threads; Store and Clock outlive the service.

#include <string>
#include <vector>

#include "allot/app/care_at_home/records.h"
#include "allot/app/shared/principal.h"
#include "allot/app/shared/store.h"

namespace allot::app {

// A package's costed plans, each with its status: "proposed" (waiting for the
// council), "agreed", "sent_back" or "superseded" (a newer version was proposed
// before it was answered); `in_force` is the id of the newest agreed one, 0 for none.
struct CostedPlans {
  PackageRecord package;
  std::vector<CostedPlanRecord> plans;
  Id in_force = 0;
};
const char* costed_plan_status(const CostedPlanRecord& plan, const std::vector<CostedPlanRecord>& all);

// The weekly cost of a line (hours x rate, rounded once to the penny, or the
// fixed amount), and every problem with the lines at paths like
// "lines[1].outcomes[0]": a blank description, an outcome the package does not
// have, a line that is neither by the hour nor a fixed amount, negative or
// overflowing amounts, and a total over the weekly budget.
Issues cost_plan_lines(std::vector<CostedPlanLine>& lines, const NewPackage& package, Money& total);

class CostedPlanService {
 public:
  CostedPlanService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // The package's outcomes, budget and costed plans; a provider's user sees only
  // their own provider's packages (403). Needs allocation.read; audited.
  Result<CostedPlans> plans(const Principal& by, Id package_id);
  // The provider's next version of the plan: refused (422, every problem at its
  // field) as cost_plan_lines says, or when the package is not on the personal
  // budget model; 403 unless the caller's provider holds the package. Needs
  // allocation.propose; audited.
  Result<CostedPlanRecord> propose(const Principal& by, Id package_id, std::vector<CostedPlanLine> lines);
  // The council agrees the newest proposal, or sends it back with a reason
  // (required). kConflict when it is answered already or a newer version exists.
  // Needs allocation.agree; audited.
  Result<CostedPlanRecord> decide(const Principal& by, Id plan_id, bool agree, const std::string& reason);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace allot::app
