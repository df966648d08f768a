#include "allot/app/care_at_home/package_names.h"

#include "allot/app/access/access_service.h"
#include "allot/app/care_at_home/permissions.h"
#include "allot/app/journey/repositories.h"

namespace allot::app {

namespace {

bool is_allot_id(const std::string& reference) {
  return !reference.empty() && reference.size() <= 18 && reference.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

std::string name_on_record(Transaction& tx, const std::string& reference) {
  if (!is_allot_id(reference)) return std::string();
  auto person = tx.get<PersonRepository>().get(std::stoll(reference));
  if (!person) return std::string();
  return person->index.given_name + " " + person->index.family_name;
}

PackageNames::PackageNames(Transaction& tx, Store& store, const Clock& clock, const Principal& by)
    : tx_(tx), store_(store), clock_(clock), by_(by), names_(sees_people_names(by)) {}

std::string PackageNames::visible(const NewPackage& package) {
  if (!names_ || package.person_name.empty()) return std::string();
  if (!is_allot_id(package.person_reference)) return package.person_name;
  return may_read_person(std::stoll(package.person_reference)) ? package.person_name : std::string();
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
