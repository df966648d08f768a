#pragma once
// Which people's names a caller may see on packages. A package made from a
// support plan is for a person on record: their name shows only to those who
// may read that record (the care team's rules, app/access), so a commissioner
// placing the care sees the reference. A package that came from another system
// (the demo county's) carries a name no record guards: it shows to the roles
// with allocation.names. Everyone else gets the reference alone.
//
// Thread-safety: one per transaction, on the caller's thread.

#include <map>
#include <string>

#include "allot/app/care_at_home/records.h"
#include "allot/app/shared/principal.h"
#include "allot/app/shared/store.h"

namespace allot::app {

// The name on record of the person a package reference names (an Allot person
// id), "" for a reference from another system: packages carry it when made.
std::string name_on_record(Transaction& tx, const std::string& reference);

class PackageNames {
 public:
  PackageNames(Transaction& tx, Store& store, const Clock& clock, const Principal& by);

  // The name `by` may see on the package: "" when none.
  std::string visible(const NewPackage& package);
  // Clears the package's name unless `by` may see it.
  void hide_unless_visible(NewPackage& package) { package.person_name = visible(package); }

 private:
  bool may_read_person(Id person_id);

  Transaction& tx_;
  Store& store_;
  const Clock& clock_;
  const Principal& by_;
  bool names_ = false;
  std::map<Id, bool> readable_;
};

}  // namespace allot::app
