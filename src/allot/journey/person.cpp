#include "allot/journey/person.h"

#include <cctype>

#include "allot/base/free_text.h"
#include "allot/journey/nhs_number.h"

namespace allot::journey {

bool CodeList::contains(std::string_view code) const {
  for (const auto& [entry_code, label] : entries) {
    if (entry_code == code) return true;
  }
  return false;
}

std::string CodeList::codes_text() const {
  std::string out;
  for (const auto& [code, label] : entries) out += (out.empty() ? "" : ", ") + code;
  return out;
}

const CodeList* CodeLists::find(std::string_view name) const {
  const auto found = lists.find(name);
  return found == lists.end() ? nullptr : &found->second;
}

Result<CodeLists> parse_code_lists(const nlohmann::json& document) {
  if (!document.is_object()) return fail(ErrorCode::kWrongType, "", "code lists must be an object of lists");
  Issues issues;
  CodeLists codes;
  for (const auto& [name, list] : document.items()) {
    if (!list.is_array()) continue;
    CodeList& target = codes.lists[name];
    for (std::size_t entry_idx = 0; entry_idx < list.size(); ++entry_idx) {
      const nlohmann::json& entry = list[entry_idx];
      const std::string path = name + "[" + std::to_string(entry_idx) + "]";
      if (!entry.is_object() || !entry.contains("code") || !entry["code"].is_string() || !entry.contains("label") ||
          !entry["label"].is_string()) {
        issues.push_back({ErrorCode::kWrongType, path, "expected {\"code\": text, \"label\": text}"});
        continue;
      }
      const std::string code = entry["code"].get<std::string>();
      if (target.contains(code)) issues.push_back({ErrorCode::kDuplicate, path, "code \"" + code + "\" appears twice"});
      target.entries.emplace_back(code, entry["label"].get<std::string>());
    }
  }
  if (!issues.empty()) return fail(std::move(issues));
  return codes;
}

std::optional<std::string> normalise_postcode(std::string_view text) {
  std::string compact;
  for (const char ch : text) {
    if (ch == ' ') continue;
    if (!std::isalnum(static_cast<unsigned char>(ch))) return std::nullopt;
    compact += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  // Outward code of 2 to 4 characters starting with a letter; inward code a digit
  // and two letters ("LS1 4AP", "EC1A 1BB", "M1 1AE").
  if (compact.size() < 5 || compact.size() > 7) return std::nullopt;
  const std::string inward = compact.substr(compact.size() - 3);
  const std::string outward = compact.substr(0, compact.size() - 3);
  if (!std::isdigit(static_cast<unsigned char>(inward[0])) || !std::isalpha(static_cast<unsigned char>(inward[1])) ||
      !std::isalpha(static_cast<unsigned char>(inward[2])) || !std::isalpha(static_cast<unsigned char>(outward[0]))) {
    return std::nullopt;
  }
  bool has_digit = false;
  for (const char ch : outward) has_digit |= std::isdigit(static_cast<unsigned char>(ch)) != 0;
  if (!has_digit) return std::nullopt;
  return outward + " " + inward;
}

Issues check_person(const PersonDetails& person, const CodeLists& codes, Date today) {
  Issues issues;
  // A name of only spaces is no name.
  if (is_blank(person.given_name)) issues.push_back({ErrorCode::kMissingField, "given_name", "is required"});
  if (is_blank(person.family_name)) issues.push_back({ErrorCode::kMissingField, "family_name", "is required"});
  if (!person.date_of_birth) {
    issues.push_back({ErrorCode::kMissingField, "date_of_birth", "is required"});
  } else if (*person.date_of_birth > today) {
    issues.push_back({ErrorCode::kInvalidValue, "date_of_birth",
                      "is in the future: " + person.date_of_birth->to_string()});
  } else if (person.date_of_birth->year() < today.year() - 125) {
    issues.push_back({ErrorCode::kInvalidValue, "date_of_birth", "is more than 125 years ago: " + person.date_of_birth->to_string()});
  }
  if (!person.nhs_number.empty()) {
    if (const std::string problem = nhs_number_problem(person.nhs_number); !problem.empty()) {
      issues.push_back({ErrorCode::kInvalidValue, "nhs_number", problem});
    }
  }
  if (!person.postcode.empty() && !normalise_postcode(person.postcode)) {
    issues.push_back({ErrorCode::kInvalidValue, "postcode",
                      "found \"" + person.postcode + "\"; expected a UK postcode such as LS1 4AP"});
  }
  if (person.latitude.has_value() != person.longitude.has_value()) {
    issues.push_back({ErrorCode::kInvalidValue, "latitude", "a map location needs both latitude and longitude"});
  }
  if (person.latitude && (*person.latitude < -90 || *person.latitude > 90)) {
    issues.push_back({ErrorCode::kInvalidValue, "latitude", "must be from -90 to 90"});
  }
  if (person.longitude && (*person.longitude < -180 || *person.longitude > 180)) {
    issues.push_back({ErrorCode::kInvalidValue, "longitude", "must be from -180 to 180"});
  }
  const std::pair<const char*, const std::string*> coded[] = {
      {"primary_support_reason", &person.primary_support_reason},
      {"client_group", &person.client_group},
      {"accommodation_status", &person.accommodation_status},
      {"employment_status", &person.employment_status}};
  for (const auto& [list_name, value] : coded) {
    const bool required = std::string_view(list_name) == "primary_support_reason" || std::string_view(list_name) == "client_group";
    if (value->empty()) {
      if (required) issues.push_back({ErrorCode::kMissingField, list_name, "is required"});
      continue;
    }
    const CodeList* list = codes.find(list_name);
    if (list == nullptr) {
      issues.push_back({ErrorCode::kInternal, list_name, "no code list of this name is loaded"});
    } else if (!list->contains(*value)) {
      issues.push_back({ErrorCode::kUnknownReference, list_name,
                        "unknown code \"" + *value + "\"; expected one of " + list->codes_text()});
    }
  }
  return issues;
}

PersonDetails normalise_person(PersonDetails person) {
  if (auto nhs_number = normalise_nhs_number(person.nhs_number)) person.nhs_number = *nhs_number;
  if (auto postcode = normalise_postcode(person.postcode)) person.postcode = *postcode;
  return person;
}

}  // namespace allot::journey
