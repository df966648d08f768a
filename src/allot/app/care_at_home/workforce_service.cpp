#include "allot/app/care_at_home/workforce_service.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "allot/app/care_at_home/repositories.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/shared/audit_log.h"

namespace allot::app {

namespace {

template <typename T>
tl::unexpected<Issues> pass(const Result<T>& result) {
  return tl::unexpected<Issues>(result.error());
}

const char* const kDayNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

bool blank(const std::string& text) { return text.find_first_not_of(" \t") == std::string::npos; }

std::string trimmed(std::string text) {
  text.erase(0, text.find_first_not_of(" \t"));
  text.erase(text.find_last_not_of(" \t") + 1);
  return text;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(separator, start), text.size());
    std::string item = trimmed(text.substr(start, end - start));
    if (!item.empty()) items.push_back(std::move(item));
    start = end + 1;
  }
  return items;
}

std::optional<int> clock_minutes(const std::string& text) {
  if (text.size() != 5 || text[2] != ':' || !std::isdigit(static_cast<unsigned char>(text[0])) ||
      !std::isdigit(static_cast<unsigned char>(text[1])) || !std::isdigit(static_cast<unsigned char>(text[3])) ||
      !std::isdigit(static_cast<unsigned char>(text[4]))) {
    return std::nullopt;
  }
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 24 || minutes > 59 || (hours == 24 && minutes != 0)) return std::nullopt;
  return hours * 60 + minutes;
}

}  // namespace

std::optional<std::vector<care_at_home::Shift>> parse_shifts(const std::string& text) {
  std::vector<care_at_home::Shift> shifts;
  for (const std::string& item : split(text, ';')) {
    // "Mon 07:00-14:30"
    if (item.size() != 15 || item[3] != ' ' || item[9] != '-') return std::nullopt;
    const auto day = std::find(std::begin(kDayNames), std::end(kDayNames), item.substr(0, 3));
    const auto start = clock_minutes(item.substr(4, 5));
    const auto end = clock_minutes(item.substr(10, 5));
    if (day == std::end(kDayNames) || !start || !end) return std::nullopt;
    shifts.push_back({static_cast<int>(day - std::begin(kDayNames)), *start, *end});
  }
  return shifts;
}

std::string shifts_text(const std::vector<care_at_home::Shift>& shifts) {
  std::string text;
  for (const care_at_home::Shift& shift : shifts) {
    if (!text.empty()) text += "; ";
    text += fmt::format("{} {:02}:{:02}-{:02}:{:02}", kDayNames[std::clamp(shift.day_of_week, 0, 6)], shift.start_minute / 60,
                        shift.start_minute % 60, shift.end_minute / 60, shift.end_minute % 60);
  }
  return text;
}

Result<Unit> check_provider_scope(const Principal& by, const ProviderRecord& provider) {
  if (by.has_role(Role::kCommissioner) || by.has_role(Role::kFinanceOfficer) || by.has_role(Role::kAnalyst)) return Unit{};
  if (by.has_role(Role::kProviderUser) && !provider.details.agency_code.empty() &&
      by.agency == provider.details.agency_code) {
    return Unit{};
  }
  return fail(ErrorCode::kForbidden, "provider",
              fmt::format("{} is not your organisation's provider", provider.details.name));
}

Issues check_new_base(const NewBase& base) {
  Issues issues;
  if (blank(base.name)) issues.push_back({ErrorCode::kMissingField, "name", "a base needs a name"});
  if (base.name.size() > 200) issues.push_back({ErrorCode::kInvalidValue, "name", "a name is at most 200 characters"});
  for (Issue& issue : care_at_home::check_point(base.location, "location")) issues.push_back(std::move(issue));
  return issues;
}

Issues check_new_carer(const NewCarer& carer) {
  Issues issues;
  if (blank(carer.name)) issues.push_back({ErrorCode::kMissingField, "name", "a carer needs a name"});
  if (carer.name.size() > 200) issues.push_back({ErrorCode::kInvalidValue, "name", "a name is at most 200 characters"});
  if (carer.skills.size() > 30) issues.push_back({ErrorCode::kInvalidValue, "skills", "at most 30 skills"});
  for (std::size_t index = 0; index < carer.skills.size(); ++index) {
    if (blank(carer.skills[index]) || carer.skills[index].size() > 100) {
      issues.push_back({ErrorCode::kInvalidValue, fmt::format("skills[{}]", index), "a skill is 1 to 100 characters"});
    }
  }
  if (carer.shifts.empty()) issues.push_back({ErrorCode::kMissingField, "shifts", "name at least one shift"});
  if (carer.shifts.size() > 28) issues.push_back({ErrorCode::kInvalidValue, "shifts", "at most 28 shifts a week"});
  for (Issue& issue : care_at_home::check_shifts(carer.shifts, "shifts")) issues.push_back(std::move(issue));
  return issues;
}

Result<Workforce> WorkforceService::workforce(const Principal& by, Id provider_id) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<Workforce> {
    if (auto allowed = AccessPolicy::standard().check(by, "workforce.read"); !allowed) return pass(allowed);
    auto provider = tx.get<ProviderRepository>().get(provider_id);
    if (!provider) return pass(provider);
    if (auto scoped = check_provider_scope(by, *provider); !scoped) return pass(scoped);
    auto bases = tx.get<BaseRepository>().all();
    if (!bases) return pass(bases);
    auto carers = tx.get<CarerRepository>().for_provider(provider_id);
    if (!carers) return pass(carers);
    Workforce workforce{*provider, {}, std::move(*carers)};
    for (BaseRecord& base : *bases) {
      if (base.details.provider_id == provider_id) workforce.bases.push_back(std::move(base));
    }
    return workforce;
  });
}

Result<BaseRecord> WorkforceService::add_base(const Principal& by, const NewBase& base) {
  if (Issues issues = check_new_base(base); !issues.empty()) return fail(std::move(issues));
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<BaseRecord> {
    if (auto allowed = AccessPolicy::standard().check(by, "workforce.manage"); !allowed) return pass(allowed);
    auto provider = tx.get<ProviderRepository>().get(base.provider_id);
    if (!provider) return pass(provider);
    if (auto scoped = check_provider_scope(by, *provider); !scoped) return pass(scoped);
    const Timestamp now = clock_.now();
    auto added = tx.get<BaseRepository>().add(base, by.actor(), now);
    if (!added) return pass(added);
    auto audited = tx.get<AuditRepository>().append(
        NewAuditEntry{by.actor(), "add_provider_base", fmt::format("provider:{}", base.provider_id), base.name}, now);
    if (!audited) return pass(audited);
    return added;
  });
}

Result<CarerRecord> WorkforceService::add_carer(const Principal& by, const NewCarer& carer) {
  if (Issues issues = check_new_carer(carer); !issues.empty()) return fail(std::move(issues));
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<CarerRecord> {
    if (auto allowed = AccessPolicy::standard().check(by, "workforce.manage"); !allowed) return pass(allowed);
    auto provider = tx.get<ProviderRepository>().get(carer.provider_id);
    if (!provider) return pass(provider);
    if (auto scoped = check_provider_scope(by, *provider); !scoped) return pass(scoped);
    auto bases = tx.get<BaseRepository>().all();
    if (!bases) return pass(bases);
    if (std::none_of(bases->begin(), bases->end(), [&](const BaseRecord& base) {
          return base.id == carer.base_id && base.details.provider_id == carer.provider_id;
        })) {
      return fail(ErrorCode::kUnknownReference, "base_id",
                  fmt::format("{} has no base with id {}", provider->details.name, carer.base_id));
    }
    const Timestamp now = clock_.now();
    auto added = tx.get<CarerRepository>().add(carer, by.actor(), now);
    if (!added) return pass(added);
    auto audited = tx.get<AuditRepository>().append(
        NewAuditEntry{by.actor(), "add_carer", fmt::format("carer:{}", added->id),
                      fmt::format("{} for provider {}", carer.name, carer.provider_id)},
        now);
    if (!audited) return pass(audited);
    return added;
  });
}

Result<std::vector<CarerRecord>> WorkforceService::import_rows(const Principal& by, Id provider_id,
                                                               const std::vector<std::vector<std::string>>& rows,
                                                               const std::string& source_name) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<std::vector<CarerRecord>> {
    if (auto allowed = AccessPolicy::standard().check(by, "workforce.manage"); !allowed) return pass(allowed);
    auto provider = tx.get<ProviderRepository>().get(provider_id);
    if (!provider) return pass(provider);
    if (auto scoped = check_provider_scope(by, *provider); !scoped) return pass(scoped);
    const std::string source = source_name.empty() ? "carers" : source_name;
    if (rows.empty()) return fail(ErrorCode::kMissingField, source + ":1", "the file is empty; expected a header row");
    static const std::vector<std::string> kColumns = {"name",   "base",   "base_latitude", "base_longitude",
                                                      "skills", "shifts", "travel_mode"};
    std::map<std::string, std::size_t> column;
    Issues issues;
    for (std::size_t index = 0; index < rows.front().size(); ++index) {
      const std::string name = trimmed(rows.front()[index]);
      if (std::find(kColumns.begin(), kColumns.end(), name) == kColumns.end()) {
        issues.push_back({ErrorCode::kInvalidValue, source + ":1",
                          fmt::format("unknown column \"{}\"; expected name, base, base_latitude, base_longitude, "
                                      "skills, shifts, travel_mode",
                                      name)});
      } else if (!column.emplace(name, index).second) {
        issues.push_back({ErrorCode::kDuplicate, source + ":1", fmt::format("column \"{}\" appears twice", name)});
      }
    }
    for (const char* needed : {"name", "base", "shifts"}) {
      if (!column.contains(needed)) issues.push_back({ErrorCode::kMissingField, source + ":1", fmt::format("no column {}", needed)});
    }
    if (!issues.empty()) return fail(std::move(issues));
    auto bases = tx.get<BaseRepository>().all();
    if (!bases) return pass(bases);
    std::map<std::string, Id> base_ids;  // the provider's bases by name
    for (const BaseRecord& base : *bases) {
      if (base.details.provider_id == provider_id) base_ids[base.details.name] = base.id;
    }
    auto existing = tx.get<CarerRepository>().for_provider(provider_id);
    if (!existing) return pass(existing);
    std::map<std::string, std::size_t> first_row;
    for (const CarerRecord& carer : *existing) first_row.emplace(carer.details.name, 0);
    std::map<std::string, NewBase> new_bases;
    std::vector<std::pair<NewCarer, std::string>> carers;  // with the base's name
    for (std::size_t row_index = 1; row_index < rows.size(); ++row_index) {
      const std::vector<std::string>& row = rows[row_index];
      const std::string at = fmt::format("{}:{}", source, row_index + 1);
      if (std::all_of(row.begin(), row.end(), [](const std::string& cell) { return blank(cell); })) continue;
      auto cell = [&](const char* name) -> std::string {
        const auto found = column.find(name);
        return found != column.end() && found->second < row.size() ? trimmed(row[found->second]) : std::string();
      };
      NewCarer carer;
      carer.provider_id = provider_id;
      carer.name = cell("name");
      carer.skills = split(cell("skills"), ';');
      const std::string mode = cell("travel_mode");
      if (!mode.empty()) {
        if (auto parsed = care_at_home::parse_travel_mode(mode)) {
          carer.travel_mode = *parsed;
        } else {
          issues.push_back({ErrorCode::kInvalidValue, at,
                            fmt::format("travel_mode: expected car, walk, bicycle or public_transport; found \"{}\"", mode)});
        }
      }
      if (auto shifts = parse_shifts(cell("shifts"))) {
        carer.shifts = *shifts;
      } else {
        issues.push_back({ErrorCode::kInvalidValue, at,
                          fmt::format("shifts: expected days and times like \"Mon 07:00-14:30; Tue 16:30-22:00\"; found \"{}\"",
                                      cell("shifts"))});
        carer.shifts = {{0, 0, 1}};  // keeps the other checks' messages about this row's other cells
      }
      for (Issue& issue : check_new_carer(carer)) issues.push_back({issue.code, at, issue.path + ": " + issue.message});
      const std::string base = cell("base");
      if (base.empty()) {
        issues.push_back({ErrorCode::kMissingField, at, "base: name the carer's base"});
      } else if (!base_ids.contains(base) && !new_bases.contains(base)) {
        const auto latitude = care_at_home::parse_degrees(cell("base_latitude"));
        const auto longitude = care_at_home::parse_degrees(cell("base_longitude"));
        if (!latitude || !longitude) {
          issues.push_back({ErrorCode::kInvalidValue, at,
                            fmt::format("base_latitude, base_longitude: \"{}\" is a new base, so give its latitude and "
                                        "longitude in decimal degrees",
                                        base)});
        } else {
          NewBase added{provider_id, base, care_at_home::GeoPoint{*latitude, *longitude}};
          for (Issue& issue : check_new_base(added)) issues.push_back({issue.code, at, issue.path + ": " + issue.message});
          new_bases.emplace(base, added);
        }
      }
      if (const auto [earlier, inserted] = first_row.emplace(carer.name, row_index + 1); !inserted) {
        issues.push_back({ErrorCode::kDuplicate, at,
                          earlier->second == 0 ? fmt::format("the provider already has a carer called \"{}\"", carer.name)
                                               : fmt::format("\"{}\" is also on row {}", carer.name, earlier->second)});
      }
      carers.emplace_back(std::move(carer), base);
    }
    if (carers.empty() && issues.empty()) issues.push_back({ErrorCode::kMissingField, source + ":2", "no carers in the file: only a header"});
    if (!issues.empty()) return fail(std::move(issues));
    const Timestamp now = clock_.now();
    for (const auto& [name, base] : new_bases) {
      auto added = tx.get<BaseRepository>().add(base, by.actor(), now);
      if (!added) return pass(added);
      base_ids[name] = added->id;
    }
    std::vector<CarerRecord> added_all;
    for (auto& [carer, base] : carers) {
      carer.base_id = base_ids.at(base);
      auto added = tx.get<CarerRepository>().add(carer, by.actor(), now);
      if (!added) return pass(added);
      auto audited = tx.get<AuditRepository>().append(
          NewAuditEntry{by.actor(), "add_carer", fmt::format("carer:{}", added->id),
                        fmt::format("{} for provider {} (imported from {})", carer.name, provider_id, source)},
          now);
      if (!audited) return pass(audited);
      added_all.push_back(std::move(*added));
    }
    return added_all;
  });
}

}  // namespace allot::app
