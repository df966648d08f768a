#pragma once
// One person, one record. An NHS number belongs to one record; a record with the
// same name and date of birth, or the same date of birth and postcode, as one
// already kept is likely the same person: the one adding it is shown the records
// kept and either opens one or confirms this is a different person, and that
// confirmation is kept in the new record's history.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "allot/journey/person.h"

namespace allot::journey {

enum class DuplicateMatch { kNhsNumber, kNameAndDateOfBirth, kDateOfBirthAndPostcode };
const char* duplicate_match_id(DuplicateMatch match);  // "nhs_number", "name_and_date_of_birth", "date_of_birth_and_postcode"
const char* duplicate_match_words(DuplicateMatch match);  // "the same NHS number", ...

// How `added` matches `kept`, in the order above; empty when it does not. Both as
// normalise_person keeps them. Names match ignoring case and spaces around and
// between words; an empty NHS number, postcode or date of birth matches nothing.
std::vector<DuplicateMatch> duplicate_matches(const PersonDetails& added, const PersonDetails& kept);

// A name as it is compared: lower case, single spaces, no spaces around.
std::string name_key(std::string_view name);

}  // namespace allot::journey
