#pragma once
// A person's record details and the code lists they are checked against. Code
// lists (England's Client Level Data: route of access, primary support reason,
// accommodation and employment status, ...) are data a council can correct
// (data/codes/cld.json), not code.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "allot/base/date.h"
#include "allot/base/issue.h"

namespace allot::journey {

struct CodeList {
  std::vector<std::pair<std::string, std::string>> entries;  // code, label
  bool contains(std::string_view code) const;
  std::string codes_text() const;  // "a, b, c" for messages
};

struct CodeLists {
  std::map<std::string, CodeList, std::less<>> lists;
  const CodeList* find(std::string_view name) const;
};

// {"route_of_access": [{"code": "...", "label": "..."}], ...}; other top-level
// fields (such as "source") are ignored.
Result<CodeLists> parse_code_lists(const nlohmann::json& document);

struct PersonDetails {
  std::string given_name;
  std::string family_name;
  std::optional<Date> date_of_birth;
  std::string nhs_number;               // optional; checked when given
  std::string address;
  std::string postcode;                 // optional; checked when given
  std::optional<double> latitude;       // for the map
  std::optional<double> longitude;
  std::string primary_support_reason;   // code list primary_support_reason
  std::string client_group;             // code list client_group
  bool has_unpaid_carer = false;
  std::string accommodation_status;     // code list accommodation_status (optional)
  std::string employment_status;        // code list employment_status (optional)
  std::string locality;
  std::string team;
  std::optional<std::int64_t> cares_for;  // the person cared for: set on a carer's record
  bool operator==(const PersonDetails&) const = default;
};

// The details as kept: the NHS number as ten digits and the postcode in its usual
// form ("LS1 4AP"). Both must have passed check_person.
PersonDetails normalise_person(PersonDetails person);

// "LS1 4AP" from "ls14ap" or " LS1  4AP ", or nothing if it is not the shape of a
// UK postcode.
std::optional<std::string> normalise_postcode(std::string_view text);

// Every problem with a person's details; `today` bounds the date of birth.
Issues check_person(const PersonDetails& person, const CodeLists& codes, Date today);

}  // namespace allot::journey
