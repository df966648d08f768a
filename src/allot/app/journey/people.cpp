#include "allot/app/journey/people.h"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "allot/app/shared/concurrency.h"
#include "allot/journey_io/documents.h"

namespace allot::app {
namespace {

// The problems with a person's details: those found reading them, then
// journey::check_person's. A date of birth that did not read was reported while
// reading, so it is not reported again as missing; a row_version that did not
// read is reported last.
Issues check_details(const journey::PersonDetails& details, const Issues& read, Date today) {
  const auto is_version = [](const Issue& issue) { return issue.path == "row_version"; };
  Issues issues;
  std::copy_if(read.begin(), read.end(), std::back_inserter(issues), [&](const Issue& issue) { return !is_version(issue); });
  const bool bad_date_of_birth = std::any_of(read.begin(), read.end(), [](const Issue& issue) {
    return issue.path == "date_of_birth" && issue.code == ErrorCode::kInvalidValue;
  });
  for (Issue& issue : journey::check_person(details, builtin_code_lists(), today)) {
    if (bad_date_of_birth && issue.path == "date_of_birth" && issue.code == ErrorCode::kMissingField) continue;
    issues.push_back(std::move(issue));
  }
  std::copy_if(read.begin(), read.end(), std::back_inserter(issues), is_version);
  return issues;
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

Result<journey::PersonList> People::list(const Principal& principal, const PersonQuery& query) {
  Result<journey::PersonList> list = core_.read([&](Transaction& tx) -> Result<journey::PersonList> {
    if (auto allowed = JourneyCore::check(principal, "people.read"); !allowed) return fail(allowed.error());
    Result<PersonPage> page = tx.get<PersonRepository>().list(query);
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
  Result<LoadedPerson> loaded = core_.read([&](Transaction& tx) -> Result<LoadedPerson> {
    if (auto allowed = JourneyCore::check(principal, "people.read", person_id); !allowed) return fail(allowed.error());
    return core_.load(tx, person_id);
  });
  if (!loaded) return fail(loaded.error());
  if (auto audited = core_.audit_read(principal, person_subject(person_id), "record"); !audited) {
    return fail(audited.error());
  }
  return loaded->person;
}

Result<journey::Person> People::create(const Principal& principal,
                                       const journey::Parsed<journey::PersonDetails>& details) {
  return core_.write([&](Transaction& tx) -> Result<journey::Person> {
    if (auto allowed = JourneyCore::check(principal, "people.write"); !allowed) return fail(allowed.error());
    Issues issues = check_details(details.command, details.issues, core_.today());
    if (!issues.empty()) return fail(std::move(issues));
    const journey::PersonDetails person = journey::normalise_person(details.command);
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
    if (auto recorded = core_.record_events(tx, principal, record->id, {journey::person_created(person)}); !recorded) {
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
    const journey::Event changed = journey::details_changed(loaded->person.details, details);
    return core_.save(tx, principal, *loaded, details, loaded->person.state, {changed}, "details");
  });
}

}  // namespace allot::app
