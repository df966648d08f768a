#include "allot/app/journey/people.h"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "allot/app/access/access_service.h"
#include "allot/app/access/repositories.h"
#include "allot/app/identity/repositories.h"
#include "allot/app/shared/concurrency.h"
#include "allot/journey_io/documents.h"

namespace allot::app {
namespace {

// The problems with a person's details: those found reading them, then
// journey::check_person's. A field that did not read (a date of birth that is not
// a date, a name of only spaces) was reported while reading, so it is not
// reported again; a row_version that did not read is reported last.
Issues check_details(const journey::PersonDetails& details, const Issues& read, Date today) {
  const auto is_version = [](const Issue& issue) { return issue.path == "row_version"; };
  Issues issues;
  std::copy_if(read.begin(), read.end(), std::back_inserter(issues), [&](const Issue& issue) { return !is_version(issue); });
  for (Issue& issue : journey::check_person(details, builtin_code_lists(), today)) {
    const bool reported = std::any_of(read.begin(), read.end(), [&](const Issue& found) { return found.path == issue.path; });
    if (!reported) issues.push_back(std::move(issue));
  }
  std::copy_if(read.begin(), read.end(), std::back_inserter(issues), is_version);
  return issues;
}

// At most this many records are looked at as possible duplicates.
constexpr int kMostDuplicatesLooked = 200;

// The records kept that `details` (normalised) may duplicate, other than `self`.
Result<std::vector<DuplicateCandidate>> find_duplicates(Transaction& tx, const journey::PersonDetails& details,
                                                        std::optional<Id> self) {
  Result<std::vector<PersonRecord>> records =
      tx.get<PersonRepository>().possible_duplicates(details.nhs_number, details.date_of_birth, kMostDuplicatesLooked);
  if (!records) return fail(records.error());
  std::vector<DuplicateCandidate> found;
  for (const PersonRecord& record : *records) {
    if (self && record.id == *self) continue;
    Result<journey::Person> person = JourneyCore::person_of(record);
    if (!person) return fail(person.error());
    std::vector<journey::DuplicateMatch> matched = journey::duplicate_matches(details, person->details);
    if (!matched.empty()) found.push_back({std::move(*person), std::move(matched)});
  }
  return found;
}

bool matches_nhs_number(const DuplicateCandidate& candidate) {
  return std::find(candidate.matched_on.begin(), candidate.matched_on.end(), journey::DuplicateMatch::kNhsNumber) !=
         candidate.matched_on.end();
}

std::string full_name(const journey::PersonDetails& details) { return details.given_name + " " + details.family_name; }

// The candidates the principal may not read (off their care teams, no break
// glass) keep only their id, the team that holds them and the agencies on their
// care team today: enough to avoid a duplicate and to know whom to ask.
Result<Unit> limit_to_care_teams(Transaction& tx, const Principal& principal, const AccessService& access,
                                 std::vector<DuplicateCandidate>& candidates, Date today) {
  for (DuplicateCandidate& candidate : candidates) {
    const Id id = candidate.person.id;
    Result<PersonAccess> known = access.person_access(tx, principal, id);
    if (!known) return fail(known.error());
    if (AccessPolicy::standard().allows(principal, "people.read", Subject{id, &*known, RecordPart::kIdentity})) continue;
    candidate.visible = false;
    candidate.team = candidate.person.details.team;
    Result<std::vector<CareTeamMember>> members = tx.get<AccessRepository>().members(id);
    if (!members) return fail(members.error());
    for (const CareTeamMember& member : *members) {
      const bool current = member.starts_on <= today && !(member.ended_on && *member.ended_on <= today) &&
                           !(member.ends_on && *member.ends_on < today);
      if (!current) continue;
      Result<Agency> agency = tx.get<AgencyRepository>().get(member.agency_id);
      const std::string name = agency ? agency->name : member.agency;
      if (std::find(candidate.held_by.begin(), candidate.held_by.end(), name) == candidate.held_by.end()) {
        candidate.held_by.push_back(name);
      }
    }
    journey::Person only_id;
    only_id.id = id;
    candidate.person = std::move(only_id);
  }
  return Unit{};
}

// Who holds a record the user may not read, in words: "South adults team (Demo City Council)".
std::string holder_words(const DuplicateCandidate& other) {
  std::string words = other.team.empty() ? "another team" : other.team;
  if (!other.held_by.empty()) words += fmt::format(" ({})", fmt::join(other.held_by, ", "));
  return words;
}

// `typed`: the NHS number as given (normalised), which the user already knows.
Issue nhs_number_taken(const DuplicateCandidate& other, const std::string& typed) {
  if (!other.visible) {
    return {ErrorCode::kConflict, "nhs_number",
            fmt::format("NHS number {} is already on a record held by {} (person {}), whose care team you are not on; "
                        "an NHS number belongs to one record, so ask them",
                        typed, holder_words(other), other.person.id)};
  }
  return {ErrorCode::kConflict, "nhs_number",
          fmt::format("NHS number {} is already on the record of {} (person {}); an NHS number belongs to one record, "
                      "so open that record instead",
                      typed, full_name(other.person.details), other.person.id)};
}

// What a search asked for, as the audit log keeps it ("who looked up NHS number X").
std::string search_text(const PersonQuery& query) {
  std::string text = "list";
  auto add = [&](const char* name, const std::optional<std::string>& value) {
    if (value) text += fmt::format(" {}={:?}", name, *value);
  };
  add("q", query.text);
  add("stage", query.stage);
  add("locality", query.locality);
  add("team", query.team);
  add("client_group", query.client_group);
  if (query.review_due_by) text += " review_due_by=" + query.review_due_by->to_string();
  if (query.awaiting_panel_only) text += " awaiting_panel";
  if (query.agreed_budget_only) text += " agreed_budget";
  if (query.carers_only) text += " carers";
  text += fmt::format(" limit={} offset={}", query.limit, query.offset);
  return text;
}

}  // namespace

Result<std::vector<DuplicateCandidate>> People::duplicates(const Principal& principal,
                                                            const journey::PersonDetails& details,
                                                            std::optional<Id> self) {
  const journey::PersonDetails normalised = journey::normalise_person(details);
  Result<std::vector<DuplicateCandidate>> found = core_.read([&](Transaction& tx) -> Result<std::vector<DuplicateCandidate>> {
    if (auto allowed = JourneyCore::check(principal, "people.read"); !allowed) return fail(allowed.error());
    Result<std::vector<DuplicateCandidate>> candidates = find_duplicates(tx, normalised, self);
    if (!candidates) return candidates;
    if (auto limited = limit_to_care_teams(tx, principal, core_.access(), *candidates, core_.today()); !limited) {
      return fail(limited.error());
    }
    return candidates;
  });
  if (!found) return found;
  // A search across everyone's records: the audit log keeps what was looked up and
  // every record returned, whether or not the user could read it.
  std::vector<Id> returned;
  for (const DuplicateCandidate& candidate : *found) returned.push_back(candidate.person.id);
  std::string what = "possible duplicates";
  if (!normalised.nhs_number.empty()) what += fmt::format(" nhs_number={:?}", normalised.nhs_number);
  if (normalised.date_of_birth) what += " date_of_birth=" + normalised.date_of_birth->to_string();
  if (auto audited = core_.audit_search(principal, what, returned); !audited) return fail(audited.error());
  return found;
}

Result<journey::Person> People::create(const Principal& principal,
                                       const journey::Parsed<journey::PersonDetails>& details) {
  return create(principal, journey::Parsed<journey::NewPerson>{journey::NewPerson{details.command, {}}, details.issues});
}

Result<journey::PersonList> People::list(const Principal& principal, const PersonQuery& query) {
  Result<journey::PersonList> list = core_.read([&](Transaction& tx) -> Result<journey::PersonList> {
    if (auto allowed = JourneyCore::check(principal, "people.read"); !allowed) return fail(allowed.error());
    // Only the people this user may see (their care teams), counted and paged.
    PersonQuery visible = query;
    visible.visible = core_.access().visibility(principal, "people.read");
    Result<PersonPage> page = tx.get<PersonRepository>().list(visible);
    if (!page) return fail(page.error());
    journey::PersonList people;
    people.total = page->total;
    for (const PersonRecord& record : page->people) {
      Result<journey::Person> person = JourneyCore::person_of(record);
      if (!person) return fail(person.error());
      people.people.push_back(journey::summarise(*person));
    }
    return people;
  });
  if (!list) return list;
  std::vector<Id> returned;
  for (const journey::PersonSummary& summary : list->people) returned.push_back(summary.id);
  if (auto audited = core_.audit_search(principal, search_text(query), returned); !audited) return fail(audited.error());
  return list;
}

Result<journey::Person> People::get(const Principal& principal, Id person_id) {
  Result<journey::Person> shown = core_.read([&](Transaction& tx) -> Result<journey::Person> {
    if (auto allowed = JourneyCore::check(principal, "people.read", person_id); !allowed) return fail(allowed.error());
    Result<LoadedPerson> loaded = core_.load(tx, person_id);
    if (!loaded) return fail(loaded.error());
    // Only the parts of the record the policy lets this principal's roles see.
    // Whether the care team lets them reach the record at all the api has asked
    // (Api::check_care_team) before this runs.
    Result<std::optional<PersonAccess>> access = core_.reach(tx, principal, person_id);
    if (!access) return fail(access.error());
    return only_parts(loaded->person, AccessPolicy::standard().parts_of(
                                          principal, "people.read", Subject{person_id, *access ? &**access : nullptr}));
  });
  if (!shown) return shown;
  if (auto audited = core_.audit_read(principal, person_subject(person_id), "record"); !audited) {
    return fail(audited.error());
  }
  return shown;
}

journey::Person only_parts(journey::Person person, std::span<const RecordPart> parts) {
  const auto sees = [&](RecordPart part) { return std::find(parts.begin(), parts.end(), part) != parts.end(); };
  journey::CaseState& state = person.state;
  if (!sees(RecordPart::kIdentity)) person.details = journey::PersonDetails{};
  if (!sees(RecordPart::kAssessment)) {
    // How the budget was worked out names the assessment's answers.
    if (state.indicative_budget) {
      state.indicative_budget->derivation.clear();
      state.indicative_budget->eligibility_reasons.clear();
    }
    state.carer.reset();
  }
  if (!sees(RecordPart::kMoney)) {
    state.indicative_budget.reset();
    state.agreed_budget.reset();
    state.protection.reset();
    state.previous_package_annual.reset();
  }
  if (!sees(RecordPart::kPlan)) {
    state.enablement.reset();
    state.sign_off.reset();
    state.plan_version.reset();
  }
  return person;
}

Result<journey::Person> People::create(const Principal& principal,
                                       const journey::Parsed<journey::NewPerson>& command) {
  return core_.write([&](Transaction& tx) -> Result<journey::Person> {
    if (auto allowed = JourneyCore::check(principal, "people.write"); !allowed) return fail(allowed.error());
    Issues issues = check_details(command.command.details, command.issues, core_.today());
    if (!issues.empty()) return fail(std::move(issues));
    const journey::PersonDetails person = journey::normalise_person(command.command.details);
    // One person, one record (journey/duplicates.h), checked in the transaction
    // that adds the record.
    Result<std::vector<DuplicateCandidate>> candidates = find_duplicates(tx, person, std::nullopt);
    if (!candidates) return fail(candidates.error());
    if (auto limited = limit_to_care_teams(tx, principal, core_.access(), *candidates, core_.today()); !limited) {
      return fail(limited.error());
    }
    const std::vector<std::int64_t>& confirmed = command.command.different_from;
    for (const DuplicateCandidate& candidate : *candidates) {
      if (matches_nhs_number(candidate)) issues.push_back(nhs_number_taken(candidate, person.nhs_number));
    }
    for (const DuplicateCandidate& candidate : *candidates) {
      if (matches_nhs_number(candidate)) continue;
      if (std::find(confirmed.begin(), confirmed.end(), candidate.person.id) != confirmed.end()) continue;
      std::string how;
      for (const journey::DuplicateMatch match : candidate.matched_on) {
        how += (how.empty() ? "" : " and ") + std::string(journey::duplicate_match_words(match));
      }
      if (!candidate.visible) {
        issues.push_back({ErrorCode::kConflict, "different_from",
                          fmt::format("a record held by {} (person {}), whose care team you are not on, has {}: this "
                                      "may be the same person; ask them, or confirm this is a different person by "
                                      "giving {} in different_from",
                                      holder_words(candidate), candidate.person.id, how, candidate.person.id)});
        continue;
      }
      issues.push_back({ErrorCode::kConflict, "different_from",
                        fmt::format("{}, born {} (person {}), has {}: this may be the same person; open that record, "
                                    "or confirm this is a different person by giving {} in different_from",
                                    full_name(candidate.person.details),
                                    candidate.person.details.date_of_birth ? candidate.person.details.date_of_birth->to_string() : "",
                                    candidate.person.id, how, candidate.person.id)});
    }
    journey::DifferentPersonConfirmed confirmation;
    for (std::size_t other_idx = 0; other_idx < confirmed.size(); ++other_idx) {
      const auto candidate = std::find_if(candidates->begin(), candidates->end(), [&](const DuplicateCandidate& found) {
        return found.person.id == confirmed[other_idx] && !matches_nhs_number(found);
      });
      if (candidate == candidates->end()) {
        issues.push_back({ErrorCode::kInvalidValue, fmt::format("different_from[{}]", other_idx),
                          fmt::format("person {} is not a likely duplicate of these details; leave it out",
                                      confirmed[other_idx])});
        continue;
      }
      confirmation.other_ids.push_back(candidate->person.id);
      // The new record's history must not name someone its readers may not see.
      confirmation.other_names.push_back(candidate->visible ? full_name(candidate->person.details)
                                                            : "a record held by " + holder_words(*candidate));
    }
    if (!issues.empty()) return fail(std::move(issues));
    if (person.cares_for) {
      Result<PersonRecord> cared_for = tx.get<PersonRepository>().get(*person.cares_for);
      if (!cared_for) {
        return fail(ErrorCode::kUnknownReference, "cares_for", fmt::format("there is no person {}", *person.cares_for));
      }
      if (cared_for->index.cares_for) {
        return fail(ErrorCode::kInvalidValue, "cares_for", "names a carer's record; name the person cared for");
      }
    }
    const journey::CaseState state = journey::new_case_state(person);
    Result<PersonRecord> record = tx.get<PersonRepository>().add(
        JourneyCore::index_of(person, state), journey_io::details_to_json(person).dump(),
        journey_io::case_state_to_json(state).dump(), core_.now());
    if (!record) return fail(record.error());
    // The agency that opens the record leads the person's care team, so its
    // workers see it (app/access): without a member no one but break glass would.
    if (principal.agency_id != 0) {
      Result<CareTeamMember> lead = tx.get<AccessRepository>().add_member(
          NewCareTeamMember{record->id, principal.agency_id, std::nullopt, "lead_agency", core_.today(), std::nullopt},
          principal.actor(), core_.now());
      if (!lead) return fail(lead.error());
    }
    std::vector<journey::Event> events{journey::person_created(person)};
    if (!confirmation.other_ids.empty()) {
      events.push_back(journey::Event{journey::EventType::kRequest, "", confirmation, ""});
    }
    if (auto recorded = core_.record_events(tx, principal, record->id, events); !recorded) {
      return fail(recorded.error());
    }
    if (auto audited = core_.audit_change(tx, principal, "create", person_subject(record->id), "person"); !audited) {
      return fail(audited.error());
    }
    return JourneyCore::person_of(*record);
  });
}

Result<journey::Person> People::update(const Principal& principal, Id person_id,
                                       const journey::Parsed<journey::UpdatePerson>& command) {
  return core_.write([&](Transaction& tx) -> Result<journey::Person> {
    if (auto allowed = JourneyCore::check(principal, "people.write", person_id); !allowed) return fail(allowed.error());
    Issues issues = check_details(command.command.details, command.issues, core_.today());
    if (!issues.empty()) return fail(std::move(issues));
    Result<LoadedPerson> loaded = core_.load(tx, person_id);
    if (!loaded) return fail(loaded.error());
    const std::int64_t read_version = *command.command.row_version;
    if (loaded->record.row_version != read_version) {
      return fail({stale_version_issue(fmt::format("people/{}", person_id), read_version, loaded->record.row_version)});
    }
    journey::PersonDetails details = journey::normalise_person(command.command.details);
    // Whom a carer cares for is part of the carer's record, not of these details.
    details.cares_for = loaded->person.details.cares_for;
    // An NHS number belongs to one record.
    if (!details.nhs_number.empty() && details.nhs_number != loaded->person.details.nhs_number) {
      Result<std::vector<DuplicateCandidate>> candidates = find_duplicates(tx, details, person_id);
      if (!candidates) return fail(candidates.error());
      if (auto limited = limit_to_care_teams(tx, principal, core_.access(), *candidates, core_.today()); !limited) {
        return fail(limited.error());
      }
      for (const DuplicateCandidate& candidate : *candidates) {
        if (matches_nhs_number(candidate)) return fail({nhs_number_taken(candidate, details.nhs_number)});
      }
    }
    const journey::Event changed = journey::details_changed(loaded->person.details, details);
    return core_.save(tx, principal, *loaded, details, loaded->person.state, {changed}, "details");
  });
}

}  // namespace allot::app
