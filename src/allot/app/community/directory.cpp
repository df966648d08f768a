#include "allot/app/community/directory.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "allot/app/casework/repositories.h"
#include "allot/app/community/repositories.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/shared/audit_log.h"
#include "allot/base/free_text.h"
#include "allot/journey/person.h"

namespace allot::app {

namespace {

template <typename T>
tl::unexpected<Issues> pass(const Result<T>& result) {
  return tl::unexpected<Issues>(result.error());
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

void check_text(Issues& issues, const char* path, const std::string& text, const FreeTextRule& rule, bool required,
                const char* what) {
  if (text.empty()) {
    if (required) issues.push_back({ErrorCode::kMissingField, path, fmt::format("an entry needs {}", what)});
    return;
  }
  if (auto problem = free_text_problem(text, rule)) issues.push_back({ErrorCode::kInvalidValue, path, *problem});
}

// Decimal degrees within [-limit, limit], kept to six places (about 10 cm).
void check_degrees(Issues& issues, const char* path, std::string& text, double limit) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    issues.push_back({ErrorCode::kInvalidValue, path, fmt::format("expected decimal degrees; found \"{}\"", text)});
  } else if (std::abs(value) > limit) {
    issues.push_back({ErrorCode::kInvalidValue, path, fmt::format("expected -{0} to {0} degrees; found {1}", limit, text)});
  } else {
    text = fmt::format("{:.6f}", value);
  }
}

// Coordinates as given, or else the gazetteer's for the postcode.
Result<std::string> locate(Transaction& tx, CommunityDetails& details) {
  if (!details.latitude.empty()) return std::string("given");
  if (details.postcode.empty()) return std::string();
  auto found = tx.get<GazetteerRepository>().find(details.postcode, "");
  if (!found) return pass(found);
  if (found->empty()) return std::string();
  details.latitude = found->front().latitude;
  details.longitude = found->front().longitude;
  return std::string("postcode");
}

bool matches(const CommunityOpportunity& entry, const CommunitySearch& search) {
  const CommunityDetails& details = entry.details;
  if (!search.locality.empty() && lower(details.locality) != lower(search.locality)) return false;
  if (!search.kind.empty() && details.kind != search.kind) return false;
  if (!search.client_group.empty() && !details.client_groups.empty() &&
      std::find(details.client_groups.begin(), details.client_groups.end(), search.client_group) ==
          details.client_groups.end()) {
    return false;
  }
  if (!search.text.empty()) {
    const std::string needle = lower(search.text);
    if (lower(details.name).find(needle) == std::string::npos &&
        lower(details.description).find(needle) == std::string::npos) {
      return false;
    }
  }
  return true;
}

Result<Unit> audit(Transaction& tx, const Actor& by, const char* action, const CommunityOpportunity& entry, Timestamp now,
                   const std::string& note = {}) {
  auto audited = tx.get<AuditRepository>().append(
      NewAuditEntry{by, action, fmt::format("community:{}", entry.id),
                    fmt::format("{} (version {}){}", entry.details.name, entry.version, note)},
      now);
  if (!audited) return pass(audited);
  return Unit{};
}

std::vector<std::string> split_list(const std::string& cell) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= cell.size()) {
    const std::size_t end = std::min(cell.find(';', start), cell.size());
    std::string item = cell.substr(start, end - start);
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    if (!item.empty()) items.push_back(std::move(item));
    start = end + 1;
  }
  return items;
}

}  // namespace

Issues check_community_details(CommunityDetails& details) {
  Issues issues;
  check_text(issues, "name", details.name, kLineText, true, "a name");
  const auto& kinds = community_kinds();
  if (details.kind.empty()) {
    issues.push_back({ErrorCode::kMissingField, "kind", "an entry needs a kind"});
  } else if (std::find(kinds.begin(), kinds.end(), details.kind) == kinds.end()) {
    issues.push_back({ErrorCode::kInvalidValue, "kind",
                      fmt::format("expected one of {}; found \"{}\"", fmt::join(kinds, ", "), details.kind)});
  }
  check_text(issues, "description", details.description, kParagraphText, false, "a description");
  check_text(issues, "locality", details.locality, kCodeText, true, "a locality");
  check_text(issues, "address", details.address, kAddressText, false, "an address");
  if (!details.postcode.empty()) {
    if (auto normal = journey::normalise_postcode(details.postcode)) {
      details.postcode = *normal;
    } else {
      issues.push_back({ErrorCode::kInvalidValue, "postcode",
                        fmt::format("expected a UK postcode such as DE22 1AB; found \"{}\"", details.postcode)});
    }
  }
  if (details.latitude.empty() != details.longitude.empty()) {
    issues.push_back({ErrorCode::kMissingField, details.latitude.empty() ? "latitude" : "longitude",
                      "give both latitude and longitude, or neither (the postcode then places the entry)"});
  } else if (!details.latitude.empty()) {
    check_degrees(issues, "latitude", details.latitude, 90);
    check_degrees(issues, "longitude", details.longitude, 180);
  }
  check_text(issues, "opening_times", details.opening_times, kLineText, true, "opening times");
  check_text(issues, "contact", details.contact, kLineText, true, "a contact");
  const auto& groups = community_client_groups();
  std::set<std::string> seen;
  for (std::size_t index = 0; index < details.client_groups.size(); ++index) {
    const std::string& group = details.client_groups[index];
    const std::string path = fmt::format("client_groups[{}]", index);
    if (std::find(groups.begin(), groups.end(), group) == groups.end()) {
      issues.push_back({ErrorCode::kInvalidValue, path,
                        fmt::format("expected one of {}; found \"{}\"", fmt::join(groups, ", "), group)});
    } else if (!seen.insert(group).second) {
      issues.push_back({ErrorCode::kDuplicate, path, "named twice"});
    }
  }
  if (details.charge.pence() < 0 || details.charge.pence() > kMaxCommunityChargePence) {
    issues.push_back({ErrorCode::kInvalidValue, "charge_pence",
                      fmt::format("the directory lists free or small-charge support: expected 0 to {} pence; found {}",
                                  kMaxCommunityChargePence, details.charge.pence())});
  }
  check_text(issues, "charge_note", details.charge_note, kLineText, false, "a note on the charge");
  return issues;
}

Result<std::vector<CommunityOpportunity>> CommunityDirectory::search(const Principal& by, const CommunitySearch& search) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<CommunityOpportunity>> {
    if (auto allowed = AccessPolicy::standard().check(by, "community.read"); !allowed) return pass(allowed);
    auto all = tx.get<CommunityRepository>().list();
    if (!all) return all;
    std::vector<CommunityOpportunity> found;
    for (CommunityOpportunity& entry : *all) {
      if (matches(entry, search)) found.push_back(std::move(entry));
    }
    return found;
  });
}

Result<CommunityOpportunity> CommunityDirectory::get(const Principal& by, Id id) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<CommunityOpportunity> {
    if (auto allowed = AccessPolicy::standard().check(by, "community.read"); !allowed) return pass(allowed);
    return tx.get<CommunityRepository>().get(id);
  });
}

Result<std::vector<CommunityOpportunity>> CommunityDirectory::history(const Principal& by, Id id) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<CommunityOpportunity>> {
    if (auto allowed = AccessPolicy::standard().check(by, "community.read"); !allowed) return pass(allowed);
    return tx.get<CommunityRepository>().history(id);
  });
}

Result<CommunityOpportunity> CommunityDirectory::add_in(Transaction& tx, const Actor& by, Timestamp now,
                                                        CommunityDetails details) {
  if (Issues issues = check_community_details(details); !issues.empty()) return fail(std::move(issues));
  auto located = locate(tx, details);
  if (!located) return pass(located);
  auto added = tx.get<CommunityRepository>().add(details, *located, by, now);
  if (!added) return added;
  if (auto audited = audit(tx, by, "add_community_opportunity", *added, now); !audited) return pass(audited);
  return added;
}

Result<CommunityOpportunity> CommunityDirectory::add(const Principal& by, const CommunityDetails& details) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<CommunityOpportunity> {
    if (auto allowed = AccessPolicy::standard().check(by, "community.manage"); !allowed) return pass(allowed);
    return add_in(tx, by.actor(), clock_.now(), details);
  });
}

Result<CommunityOpportunity> CommunityDirectory::change(const Principal& by, Id id, int expected_version,
                                                        const CommunityDetails& given) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<CommunityOpportunity> {
    if (auto allowed = AccessPolicy::standard().check(by, "community.manage"); !allowed) return pass(allowed);
    auto current = tx.get<CommunityRepository>().get(id);
    if (!current) return current;
    CommunityDetails details = given;
    if (Issues issues = check_community_details(details); !issues.empty()) return fail(std::move(issues));
    if (current->version != expected_version) {
      return fail(ErrorCode::kConflict, "expected_version",
                  fmt::format("the entry is at version {}, changed by {} since version {} was read", current->version,
                              current->changed_by, expected_version));
    }
    auto located = locate(tx, details);
    if (!located) return pass(located);
    const Timestamp now = clock_.now();
    auto changed = tx.get<CommunityRepository>().change(id, expected_version, details, *located, by.actor(), now);
    if (!changed) return changed;
    if (auto audited = audit(tx, by.actor(), "change_community_opportunity", *changed, now); !audited) return pass(audited);
    return changed;
  });
}

Result<std::vector<CommunityOpportunity>> CommunityDirectory::import_rows(const Principal& by,
                                                                          const std::vector<std::vector<std::string>>& rows,
                                                                          const std::string& source_name) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<std::vector<CommunityOpportunity>> {
    if (auto allowed = AccessPolicy::standard().check(by, "community.manage"); !allowed) return pass(allowed);
    const std::string source = source_name.empty() ? "directory" : source_name;
    if (rows.empty()) return fail(ErrorCode::kMissingField, source + ":1", "the file is empty; expected a header row");
    static const std::vector<std::string> kColumns = {"name",          "kind",    "description",   "locality",
                                                      "address",       "postcode", "latitude",     "longitude",
                                                      "opening_times", "contact", "client_groups", "charge_pence",
                                                      "charge_note"};
    std::map<std::string, std::size_t> column;
    Issues issues;
    for (std::size_t index = 0; index < rows.front().size(); ++index) {
      const std::string name = lower(rows.front()[index]);
      if (std::find(kColumns.begin(), kColumns.end(), name) == kColumns.end()) {
        issues.push_back({ErrorCode::kInvalidValue, source + ":1",
                          fmt::format("unknown column \"{}\"; expected {}", rows.front()[index], fmt::join(kColumns, ", "))});
      } else if (!column.emplace(name, index).second) {
        issues.push_back({ErrorCode::kDuplicate, source + ":1", fmt::format("column \"{}\" appears twice", name)});
      }
    }
    for (const char* needed : {"name", "kind", "locality", "opening_times", "contact"}) {
      if (!column.contains(needed)) issues.push_back({ErrorCode::kMissingField, source + ":1", fmt::format("no column {}", needed)});
    }
    if (!issues.empty()) return fail(std::move(issues));
    std::vector<CommunityDetails> entries;
    for (std::size_t row_index = 1; row_index < rows.size(); ++row_index) {
      const std::vector<std::string>& row = rows[row_index];
      if (std::all_of(row.begin(), row.end(), [](const std::string& cell) { return cell.empty(); })) continue;
      const std::string at = fmt::format("{}:{}", source, row_index + 1);
      auto cell = [&](const char* name) -> std::string {
        const auto found = column.find(name);
        return found != column.end() && found->second < row.size() ? row[found->second] : std::string();
      };
      CommunityDetails details{cell("name"),     cell("kind"),          cell("description"), cell("locality"),
                               cell("address"),  cell("postcode"),      cell("latitude"),    cell("longitude"),
                               cell("opening_times"), cell("contact"), split_list(cell("client_groups")), Money(),
                               cell("charge_note")};
      const std::string charge = cell("charge_pence");
      std::int64_t pence = 0;
      const auto [end, error] = std::from_chars(charge.data(), charge.data() + charge.size(), pence);
      if (!charge.empty() && (error != std::errc() || end != charge.data() + charge.size())) {
        issues.push_back({ErrorCode::kInvalidValue, at,
                          fmt::format("charge_pence: expected whole pence (0 or empty for free); found \"{}\"", charge)});
        pence = 0;
      }
      details.charge = Money::from_pence(pence);
      for (Issue& issue : check_community_details(details)) {
        issues.push_back({issue.code, at, issue.path + ": " + issue.message});
      }
      entries.push_back(std::move(details));
    }
    if (entries.empty() && issues.empty()) issues.push_back({ErrorCode::kMissingField, source + ":2", "no entries in the file: only a header"});
    if (!issues.empty()) return fail(std::move(issues));
    const Timestamp now = clock_.now();
    std::vector<CommunityOpportunity> added_all;
    for (CommunityDetails& details : entries) {
      auto located = locate(tx, details);
      if (!located) return pass(located);
      auto added = tx.get<CommunityRepository>().add(details, *located, by.actor(), now);
      if (!added) return pass(added);
      if (auto audited = audit(tx, by.actor(), "add_community_opportunity", *added, now, " imported from " + source);
          !audited) {
        return pass(audited);
      }
      added_all.push_back(std::move(*added));
    }
    return added_all;
  });
}

}  // namespace allot::app
