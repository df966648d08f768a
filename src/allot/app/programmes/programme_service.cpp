#include "allot/app/programmes/programme_service.h"

#include <fmt/format.h>

#include "allot/app/programmes/repositories.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/shared/audit_log.h"

namespace allot::app {

namespace {

template <typename T>
tl::unexpected<Issues> pass(const Result<T>& result) {
  return tl::unexpected<Issues>(result.error());
}

}  // namespace

Result<ProgrammeRecord> ProgrammeService::import_rows(const Principal& by, const std::vector<programmes::Row>& rows,
                                                      const std::string& source_name) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<ProgrammeRecord> {
    if (auto allowed = AccessPolicy::standard().check(by, "programmes.manage"); !allowed) return pass(allowed);
    auto programme = programmes::read_programme(rows, source_name);
    if (!programme) return pass(programme);
    const Timestamp now = clock_.now();
    auto added = tx.get<ProgrammeRepository>().add(*programme, source_name, by.actor(), now);
    if (!added) return added;
    auto audited = tx.get<AuditRepository>().append(
        NewAuditEntry{by.actor(), "import_programme", fmt::format("programme:{}", added->id),
                      fmt::format("{} from {}: {} lines, {} stated totals", added->name, source_name,
                                  programme->lines.size(), programme->totals.size())},
        now);
    if (!audited) return pass(audited);
    return added;
  });
}

Result<std::vector<ProgrammeRecord>> ProgrammeService::list(const Principal& by) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<ProgrammeRecord>> {
    if (auto allowed = AccessPolicy::standard().check(by, "programmes.read"); !allowed) return pass(allowed);
    return tx.get<ProgrammeRepository>().list();
  });
}

Result<ProgrammeReport> ProgrammeService::report(const Principal& by, Id programme_id) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<ProgrammeReport> {
    if (auto allowed = AccessPolicy::standard().check(by, "programmes.read"); !allowed) return pass(allowed);
    auto& repository = tx.get<ProgrammeRepository>();
    auto programme = repository.get(programme_id);
    if (!programme) return pass(programme);
    auto lines = repository.lines(programme_id);
    if (!lines) return pass(lines);
    auto totals = repository.totals(programme_id);
    if (!totals) return pass(totals);
    auto report = programmes::programme_report(programme->name, *lines, *totals);
    if (!report) return pass(report);
    return ProgrammeReport{*programme, std::move(*report), std::move(*totals)};
  });
}

}  // namespace allot::app
