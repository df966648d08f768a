#include "allot/app/care_at_home/package_names.h"

#include "allot/app/access/access_service.h"
#include "allot/app/care_at_home/permissions.h"
#include "allot/app/journey/repositories.h"

namespace allot::app {

PackageNames::PackageNames(Transaction& tx, Store& store, const Clock& clock, const Principal& by)
    : tx_(tx), store_(store), clock_(clock), by_(by), names_(sees_people_names(by)) {}

std::string PackageNames::visible(const NewPackage& package) {
  if (!names_ || package.person_name.empty()) return std::string();
  const std::string& reference = package.person_reference;
  const bool allot_id = !reference.empty() && reference.size() <= 18 &&
                        reference.find_first_not_of("0123456789") == std::string::npos;
  if (!allot_id) return package.person_name;
  return may_read_person(std::stoll(reference)) ? package.person_name : std::string();
}

bool PackageNames::may_read_person(Id person_id) {
  const auto known = readable_.find(person_id);
  if (known != readable_.end()) return known->second;
  bool readable = false;
  if (tx_.get<PersonRepository>().get(person_id)) {
    const AccessService access(store_, clock_);
    const Result<PersonAccess> care_team = access.person_access(tx_, by_, person_id);
    readable = care_team && AccessPolicy::standard().allows(by_, "people.read", Subject{person_id, &*care_team, {}});
  }
  readable_[person_id] = readable;
  return readable;
}

}  // namespace allot::app
