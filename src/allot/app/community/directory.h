#pragma once
// The directory of community opportunities' use cases: add and change entries
// (each change a new version, attributed and kept), import them from a
// spreadsheet, search them by locality, kind and client group, and read an
// entry's history. An entry without coordinates is placed from the council's
// gazetteer by its postcode, so it can be drawn on the map.
//
// Spreadsheet columns (a header row, then one row per entry, names as below in
// any order): name, kind, description, locality, address, postcode, latitude,
// longitude, opening_times, contact, client_groups (codes separated by ";"),
// charge_pence (empty or 0 for free), charge_note. docs/api.md lists them.
//
// Thread-safety: safe from several threads; Store and Clock outlive the service.

#include <string>
#include <vector>

#include "allot/app/community/records.h"
#include "allot/app/shared/principal.h"
#include "allot/app/shared/store.h"

namespace allot::app {

class CommunityDirectory {
 public:
  CommunityDirectory(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Needs community.read.
  Result<std::vector<CommunityOpportunity>> search(const Principal& by, const CommunitySearch& search);
  // Needs community.read; kNotFound for an unknown id.
  Result<CommunityOpportunity> get(const Principal& by, Id id);
  // Every version, newest first. Needs community.read.
  Result<std::vector<CommunityOpportunity>> history(const Principal& by, Id id);
  // Every problem at once (check_community_details), then kept as version 1.
  // Needs community.manage; audited as "add_community_opportunity".
  Result<CommunityOpportunity> add(const Principal& by, const CommunityDetails& details);
  // A new version after `expected_version` (kConflict if someone else changed it
  // first). Needs community.manage; audited as "change_community_opportunity".
  Result<CommunityOpportunity> change(const Principal& by, Id id, int expected_version, const CommunityDetails& details);
  // Every row checked and every problem reported ("directory.csv:3: kind: ...")
  // before anything is kept; then all are added in one transaction.
  Result<std::vector<CommunityOpportunity>> import_rows(const Principal& by,
                                                        const std::vector<std::vector<std::string>>& rows,
                                                        const std::string& source_name);

  // Adds inside the caller's transaction (demo data).
  static Result<CommunityOpportunity> add_in(Transaction& tx, const Actor& by, Timestamp now, CommunityDetails details);

 private:
  Store& store_;
  const Clock& clock_;
};

// Every problem with an entry's details, paths as in the API ("client_groups[1]").
// Normalises the postcode and coordinates it is given.
Issues check_community_details(CommunityDetails& details);

}  // namespace allot::app
