#include "allot/app/journey/journey_core.h"

// The journey scores assessments with the published RAS, so it reads rulebooks
// and records scores through the RAS capability's repositories.
#include "allot/app/ras/repositories.h"

#include <chrono>
#include <stdexcept>

#include <fmt/format.h>

#include "allot/journey_io/documents.h"
#include "allot/ras/answers.h"
#include "allot/ras/score.h"

namespace allot::app {

std::string_view embedded_cld_codes();  // generated from data/codes/cld.json

using Json = nlohmann::json;

const journey::CodeLists& builtin_code_lists() {
  static const journey::CodeLists lists = [] {
    Result<journey::CodeLists> parsed = journey::parse_code_lists(Json::parse(embedded_cld_codes()));
    if (!parsed) throw std::logic_error("data/codes/cld.json does not parse: " + format_issues(parsed.error()));
    return *parsed;
  }();
  return lists;
}

std::string person_subject(Id person_id) { return fmt::format("person:{}", person_id); }

JourneyCore::JourneyCore(Store& store, const Clock& clock, JourneyConfig config, RulebookCache* rulebooks)
    : store_(store),
      clock_(clock),
      config_(std::move(config)),
      audit_(store, clock),
      access_(store, clock),
      rulebooks_(rulebooks != nullptr ? *rulebooks : own_rulebooks_) {}

Date JourneyCore::today() const {
  return Date(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(clock_.now())));
}

Result<Unit> JourneyCore::check(const Principal& principal, std::string_view action, std::optional<Id> person_id) {
  return AccessPolicy::standard().check(principal, action, Subject{person_id});
}

Result<std::optional<PersonAccess>> JourneyCore::reach(Transaction& tx, const Principal& principal,
                                                       Id person_id) const {
  Result<PersonAccess> known = access().person_access(tx, principal, person_id);
  if (!known) return fail(known.error());
  if (!AccessPolicy::standard().allows(principal, "people.read", Subject{person_id, &*known})) {
    return std::optional<PersonAccess>{};
  }
  return std::optional<PersonAccess>{*known};
}

Result<Unit> JourneyCore::within(Transaction& tx, const std::function<Result<Unit>()>& work) {
  ambient_ = &tx;
  Result<Unit> result = work();
  ambient_ = nullptr;
  return result;
}

Result<journey::Person> JourneyCore::person_of(const PersonRecord& record) {
  const Json details_json = Json::parse(record.details, nullptr, false);
  const Json state_json = Json::parse(record.state, nullptr, false);
  Result<journey::PersonDetails> details = journey_io::details_from_json(details_json);
  Result<journey::CaseState> state = journey_io::case_state_from_json(state_json);
  if (!details || !state) {
    Issues problems = details ? Issues{} : details.error();
    if (!state) problems.insert(problems.end(), state.error().begin(), state.error().end());
    return fail(ErrorCode::kInternal, fmt::format("people/{}", record.id),
                "the stored record does not read: " + format_issues(problems));
  }
  return journey::Person{record.id, record.row_version, record.created_at, std::move(*details), std::move(*state)};
}

Result<LoadedPerson> JourneyCore::load(Transaction& tx, Id person_id) {
  Result<PersonRecord> record = tx.get<PersonRepository>().get(person_id);
  if (!record) return fail(record.error());
  Result<journey::Person> person = person_of(*record);
  if (!person) return fail(person.error());
  return LoadedPerson{std::move(*record), std::move(*person)};
}

Result<Unit> JourneyCore::record_events(Transaction& tx, const Principal& principal, Id person_id,
                                        const std::vector<journey::Event>& events) {
  for (const journey::Event& event : events) {
    NewPersonEvent recorded{person_id,
                            journey::event_kind(event.payload),
                            journey::event_type_id(event.type),
                            event.outcome,
                            journey_io::event_payload_to_json(event.payload).dump(),
                            principal.actor(),
                            event.reason};
    Result<PersonEvent> appended = tx.get<PersonEventRepository>().append(recorded, clock_.now());
    if (!appended) return fail(appended.error());
  }
  return Unit{};
}

Result<journey::Person> JourneyCore::save(Transaction& tx, const Principal& principal, const LoadedPerson& loaded,
                                          const journey::PersonDetails& details, const journey::CaseState& state,
                                          const std::vector<journey::Event>& events, std::string_view what) {
  if (auto recorded = record_events(tx, principal, loaded.record.id, events); !recorded) return fail(recorded.error());
  Result<PersonRecord> saved = tx.get<PersonRepository>().update(
      loaded.record.id, loaded.record.row_version, index_of(details, state), journey_io::details_to_json(details).dump(),
      journey_io::case_state_to_json(state).dump(), clock_.now());
  if (!saved) return fail(saved.error());
  if (auto audited = audit_change(tx, principal, "update", person_subject(loaded.record.id), what); !audited) {
    return fail(audited.error());
  }
  return person_of(*saved);
}

Result<Unit> JourneyCore::audit_read(const Principal& principal, std::string_view subject, std::string_view what) {
  return audit_.record(principal, "read", subject, what);
}

Result<Unit> JourneyCore::audit_search(const Principal& principal, std::string_view what, const std::vector<Id>& people) {
  return audit_.record(principal, "search", "people", what, people);
}

Result<Unit> JourneyCore::audit_change(Transaction& tx, const Principal& principal, std::string_view action,
                                       std::string_view subject, std::string_view what) {
  Result<AuditEntry> audited = audit_.record_in(tx, principal, action, subject, what);
  if (!audited) return fail(audited.error());
  return Unit{};
}

Result<std::optional<RecordedScore>> JourneyCore::score(Transaction& tx, const Principal& principal,
                                                        const std::string& rulebook_id, int version,
                                                        const journey::AnswerSheet& answers, Issues& issues) {
  Result<std::shared_ptr<const ras::Rulebook>> rulebook =
      rulebooks_.get(tx.get<RulebookRepository>(), rulebook_id, version);
  if (!rulebook) {
    if (rulebook.error().front().code != ErrorCode::kNotFound) return fail(rulebook.error());
    issues.push_back({ErrorCode::kUnknownReference, "rulebook_id",
                      fmt::format("rulebook \"{}\" version {} was never published", rulebook_id, version)});
    return std::optional<RecordedScore>();
  }
  // New assessments use the version in force today (rulebook governance): not a
  // version approved for a later date, nor one since replaced. Existing
  // assessments keep the version they were scored with.
  Result<RulebookVersion> in_force = tx.get<RulebookRepository>().in_force(rulebook_id, today());
  if (!in_force && in_force.error().front().code != ErrorCode::kNotFound) return fail(in_force.error());
  if (in_force && in_force->version != version) {
    issues.push_back({ErrorCode::kInvalidValue, "rulebook_version",
                      fmt::format("version {} of rulebook \"{}\" is not in force today; version {} is, from {}", version,
                                  rulebook_id, in_force->version, in_force->effective_from.to_string())});
    return std::optional<RecordedScore>();
  }
  // As ras::read_answers reports them: answers that are not text, then the
  // rulebook's own checks.
  Result<ras::AnswerSet> answer_set = ras::resolve_answers(**rulebook, answers.answers);
  if (!answers.not_text.empty() || !answer_set) {
    issues.insert(issues.end(), answers.not_text.begin(), answers.not_text.end());
    if (!answer_set) issues.insert(issues.end(), answer_set.error().begin(), answer_set.error().end());
    return std::optional<RecordedScore>();
  }
  const ras::Score score = ras::score_assessment(**rulebook, *answer_set);
  if (!issues.empty()) return std::optional<RecordedScore>();
  Result<ScoreRecord> stored = tx.get<ScoreRepository>().add(
      NewScore{rulebook_id, version, Json(answers.answers).dump(), ras::score_to_json(score).dump(), score.annual},
      principal.username, clock_.now());
  if (!stored) return fail(stored.error());
  return std::optional<RecordedScore>(RecordedScore{
      journey::IndicativeScore{score.annual, score.weekly, score.lower_annual, score.upper_annual, score.derivation},
      stored->id});
}

Result<std::vector<journey::PlanVersion>> JourneyCore::plan_versions(Transaction& tx, Id person_id) {
  Result<std::vector<PlanVersionRecord>> stored = tx.get<PlanVersionRepository>().for_person(person_id);
  if (!stored) return fail(stored.error());
  std::vector<journey::PlanVersion> plans;
  for (const PlanVersionRecord& record : *stored) {
    Result<journey::PlanVersion> plan = journey_io::plan_version_from_json(Json::parse(record.document, nullptr, false));
    if (!plan) {
      return fail(ErrorCode::kInternal, fmt::format("support_plans/{}", person_id),
                  "a stored plan version does not read: " + format_issues(plan.error()));
    }
    plans.push_back(std::move(*plan));
  }
  return plans;
}

PersonIndex JourneyCore::index_of(const journey::PersonDetails& details, const journey::CaseState& state) {
  PersonIndex index;
  index.given_name = details.given_name;
  index.family_name = details.family_name;
  index.nhs_number = details.nhs_number;
  index.client_group = details.client_group;
  index.locality = details.locality;
  index.team = details.team;
  index.stage = state.stage ? journey::stage_id(*state.stage) : "";
  index.cares_for = details.cares_for;
  index.awaiting_panel = journey::awaits_panel(state);
  index.has_agreed_budget = state.agreed_budget.has_value();
  index.review_due = journey::review_due(state);
  return index;
}

}  // namespace allot::app
