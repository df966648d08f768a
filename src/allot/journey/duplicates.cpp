#include "allot/journey/duplicates.h"

#include <cctype>

namespace allot::journey {

const char* duplicate_match_id(DuplicateMatch match) {
  switch (match) {
    case DuplicateMatch::kNhsNumber: return "nhs_number";
    case DuplicateMatch::kNameAndDateOfBirth: return "name_and_date_of_birth";
    case DuplicateMatch::kDateOfBirthAndPostcode: return "date_of_birth_and_postcode";
  }
  return "nhs_number";
}

const char* duplicate_match_words(DuplicateMatch match) {
  switch (match) {
    case DuplicateMatch::kNhsNumber: return "the same NHS number";
    case DuplicateMatch::kNameAndDateOfBirth: return "the same name and date of birth";
    case DuplicateMatch::kDateOfBirthAndPostcode: return "the same date of birth and postcode";
  }
  return "";
}

std::string name_key(std::string_view name) {
  std::string key;
  bool space = false;
  for (const char ch : name) {
    if (std::isspace(static_cast<unsigned char>(ch))) {
      space = !key.empty();
      continue;
    }
    if (space) key += ' ';
    space = false;
    key += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return key;
}

std::vector<DuplicateMatch> duplicate_matches(const PersonDetails& added, const PersonDetails& kept) {
  std::vector<DuplicateMatch> matches;
  if (!added.nhs_number.empty() && added.nhs_number == kept.nhs_number) matches.push_back(DuplicateMatch::kNhsNumber);
  if (!added.date_of_birth || added.date_of_birth != kept.date_of_birth) return matches;
  const std::string given = name_key(added.given_name);
  const std::string family = name_key(added.family_name);
  if (!given.empty() && !family.empty() && given == name_key(kept.given_name) && family == name_key(kept.family_name)) {
    matches.push_back(DuplicateMatch::kNameAndDateOfBirth);
  }
  const auto postcode = normalise_postcode(added.postcode);
  if (postcode && postcode == normalise_postcode(kept.postcode)) {
    matches.push_back(DuplicateMatch::kDateOfBirthAndPostcode);
  }
  return matches;
}

}  // namespace allot::journey
