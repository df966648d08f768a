#include "allot/app/journey/reads.h"

#include <iterator>

namespace allot::app {
namespace {

journey::RecordedEvent recorded(const PersonEvent& event) {
  return journey::RecordedEvent{event.id,    event.kind,  event.event_type, event.outcome, event.at,
                                event.actor, event.agency, event.reason,    event.payload};
}

// Records matching a query, read as typed values.
Result<std::vector<journey::Person>> people_matching(Transaction& tx, const PersonQuery& query) {
  Result<PersonPage> page = tx.get<PersonRepository>().list(query);
  if (!page) return fail(page.error());
  std::vector<journey::Person> people;
  for (const PersonRecord& record : page->people) {
    Result<journey::Person> person = JourneyCore::person_of(record);
    if (!person) return fail(person.error());
    people.push_back(std::move(*person));
  }
  return people;
}

}  // namespace

Result<std::vector<journey::RecordedEvent>> JourneyReads::timeline(const Principal& principal, Id person_id) {
  Result<std::vector<PersonEvent>> events = core_.read([&](Transaction& tx) -> Result<std::vector<PersonEvent>> {
    if (auto allowed = JourneyCore::check(principal, "people.read", person_id); !allowed) return fail(allowed.error());
    if (auto person = tx.get<PersonRepository>().get(person_id); !person) return fail(person.error());
    return tx.get<PersonEventRepository>().for_person(person_id);
  });
  if (!events) return fail(events.error());
  if (auto audited = core_.audit_read(principal, person_subject(person_id), "timeline"); !audited) {
    return fail(audited.error());
  }
  std::vector<journey::RecordedEvent> history;
  for (const PersonEvent& event : *events) history.push_back(recorded(event));
  return history;
}

Result<journey::ReviewsDue> JourneyReads::reviews_due(const Principal& principal, std::optional<Date> by) {
  const Date until = by ? *by : core_.today().plus_days(core_.config().reviews_due_days);
  Result<std::vector<journey::Person>> people = core_.read([&](Transaction& tx) -> Result<std::vector<journey::Person>> {
    if (auto allowed = JourneyCore::check(principal, "reviews.read"); !allowed) return fail(allowed.error());
    PersonQuery query;
    query.review_due_by = until;
    query.limit = 10000;
    query.visible = core_.access().visibility(principal, "reviews.read");
    return people_matching(tx, query);
  });
  if (!people) return fail(people.error());
  std::vector<Id> returned;
  for (const journey::Person& person : *people) returned.push_back(person.id);
  if (auto audited = core_.audit_search(principal, "reviews due", returned); !audited) return fail(audited.error());
  journey::ReviewsDue due{until, {}};
  for (const journey::Person& person : *people) due.reviews.push_back(journey::review_due_row(person));
  journey::sort_reviews(due.reviews);
  return due;
}

Result<journey::BudgetDrift> JourneyReads::budget_drift(const Principal& principal, const DriftQuery& filter) {
  Result<std::vector<journey::Person>> people = core_.read([&](Transaction& tx) -> Result<std::vector<journey::Person>> {
    if (auto allowed = JourneyCore::check(principal, "budgets.read_drift"); !allowed) return fail(allowed.error());
    PersonQuery query;
    query.agreed_budget_only = true;
    query.client_group = filter.client_group;
    query.locality = filter.locality;
    query.team = filter.team;
    query.limit = 10000;
    query.visible = core_.access().visibility(principal, "budgets.read_drift");
    // Every page, so the totals never stop at a page's end.
    std::vector<journey::Person> all;
    for (;;) {
      Result<std::vector<journey::Person>> page = people_matching(tx, query);
      if (!page) return fail(page.error());
      const std::size_t count = page->size();
      all.insert(all.end(), std::make_move_iterator(page->begin()), std::make_move_iterator(page->end()));
      if (count < static_cast<std::size_t>(query.limit)) break;
      query.offset += query.limit;
    }
    return all;
  });
  if (!people) return fail(people.error());
  std::vector<Id> returned;
  for (const journey::Person& person : *people) returned.push_back(person.id);
  if (auto audited = core_.audit_search(principal, "budget drift", returned); !audited) return fail(audited.error());
  return journey::budget_drift(*people);
}

}  // namespace allot::app
