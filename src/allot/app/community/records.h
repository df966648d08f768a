#pragma once
// The directory of community opportunities (seed 000 item 1, seed 002 3.14):
// non-paid support such as groups, activities, lunch clubs and social firms,
// with where and when they meet, whom they are for and what they cost. Each
// change is a new version of the entry, attributed and kept; the entry reads as
// its latest version.

#include <optional>
#include <string>
#include <vector>

#include "allot/app/shared/actor.h"
#include "allot/app/shared/clock.h"
#include "allot/base/money.h"

namespace allot::app {

// The kinds of opportunity, as the API names them.
inline const std::vector<std::string>& community_kinds() {
  static const std::vector<std::string> kKinds = {"group",        "activity",   "lunch_club",
                                                  "social_firm",  "befriending", "day_opportunity"};
  return kKinds;
}

// The client groups an opportunity welcomes (the journey's client group codes,
// with carers, who have no client group of their own there).
inline const std::vector<std::string>& community_client_groups() {
  static const std::vector<std::string> kGroups = {"older_people",        "learning_disability", "physical_disability",
                                                   "mental_health",       "sensory_impairment",  "children",
                                                   "carers"};
  return kGroups;
}

// Most a session may cost and still be on the directory: it lists free or
// small-charge support, not paid services (those are the framework's).
inline constexpr std::int64_t kMaxCommunityChargePence = 5'000;

struct CommunityDetails {
  std::string name;
  std::string kind;
  std::string description;
  std::string locality;          // the demo county's locality ("North") or the council's own names
  std::string address;
  std::string postcode;          // normalised ("DE22 1AB") or empty
  std::string latitude;          // decimal degrees as text, as the gazetteer keeps them; empty if not known
  std::string longitude;
  std::string opening_times;     // "Tuesdays 10:00 to 12:00"
  std::string contact;           // a phone number, an email address or a person to ask
  std::vector<std::string> client_groups;  // empty: open to everyone
  Money charge;                  // per session; zero is free
  std::string charge_note;       // "per session", "for lunch"
  bool operator==(const CommunityDetails&) const = default;
};

struct CommunityOpportunity {
  Id id = 0;
  int version = 0;               // 1 when added, one more at each change
  CommunityDetails details;
  std::string located_by;        // "given" (coordinates entered) or "postcode" (from the gazetteer) or ""
  std::string changed_by;        // who wrote this version
  std::string agency;
  Timestamp changed_at;
  std::string added_by;          // who wrote version 1
  Timestamp added_at;
};

// What the directory is searched by; empty fields match everything.
struct CommunitySearch {
  std::string locality;
  std::string kind;
  std::string client_group;      // entries open to everyone match any group
  std::string text;              // in the name or description, case-insensitive
};

}  // namespace allot::app
