#include "allot/app/programmes/demo_programmes.h"

#include <fmt/format.h>

#include "allot/app/programmes/repositories.h"
#include "allot/app/shared/audit_log.h"
#include "allot/programmes/programme.h"

namespace allot::app {

std::string_view embedded_seed_001_programme();  // generated from data/programmes/seed-001-jip-programme.csv

Result<Id> load_demo_programmes(Transaction& tx, const Clock& clock) {
  constexpr const char* kSource = "seed-001-jip-programme.csv";
  auto rows = programmes::parse_csv(embedded_seed_001_programme(), kSource);
  if (!rows) return tl::unexpected<Issues>(rows.error());
  auto programme = programmes::read_programme(*rows, kSource);
  if (!programme) return tl::unexpected<Issues>(programme.error());
  const Actor by{"finance_officer", "demo-council"};
  auto added = tx.get<ProgrammeRepository>().add(*programme, kSource, by, clock.now());
  if (!added) return tl::unexpected<Issues>(added.error());
  auto audited = tx.get<AuditRepository>().append(
      NewAuditEntry{by, "import_programme", fmt::format("programme:{}", added->id),
                    fmt::format("{} from {} (demo data)", added->name, kSource)},
      clock.now());
  if (!audited) return tl::unexpected<Issues>(audited.error());
  return added->id;
}

}  // namespace allot::app
