// Care team memberships, endings, sharing agreements, consent and break-glass
// grants: every table append-only, the current state read from the history.
#include <map>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "allot/app/access/repositories.h"
#include "allot/storage/access/access_storage.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

std::string care_team_condition(std::string_view person, std::string_view awaiting, int user, int agency, int day) {
  // A membership counts while it has started, not reached its end date and not
  // been ended; a partner agency (not a council) counts only while an information
  // sharing agreement with it is in force and the person's latest decision about
  // sharing with it is consent given, so a withdrawal ends access at once.
  std::string condition = fmt::format(
      "EXISTS (SELECT 1 FROM care_team_members m JOIN agencies g ON g.id = m.agency_id "
      "WHERE m.person_id = {0} AND m.starts_on <= ${3} AND (m.ends_on IS NULL OR m.ends_on >= ${3}) "
      "AND NOT EXISTS (SELECT 1 FROM care_team_endings e WHERE e.member_id = m.id AND e.ended_on <= ${3}) "
      "AND (m.user_id = ${1} OR (m.user_id IS NULL AND m.agency_id = ${2})) "
      "AND (g.kind = 'council' OR (EXISTS (SELECT 1 FROM sharing_agreements s WHERE s.agency_id = m.agency_id "
      "AND s.starts_on <= ${3} AND (s.ends_on IS NULL OR s.ends_on >= ${3}) AND NOT EXISTS (SELECT 1 FROM "
      "sharing_agreement_endings x WHERE x.agreement_id = s.id AND x.ended_on <= ${3})) "
      "AND (SELECT c.decision FROM sharing_consents c WHERE c.person_id = m.person_id AND c.agency_id = m.agency_id "
      "ORDER BY c.id DESC LIMIT 1) = 'given')))",
      person, user, agency, day);
  if (!awaiting.empty()) condition = fmt::format("({} OR {} = 1)", condition, awaiting);
  return condition;
}

namespace {

using app::Id;

constexpr const char* kMemberColumns =
    "m.id, m.person_id, m.agency_id, g.code, g.kind, m.user_id, COALESCE(u.username, ''), m.team_role, m.starts_on, "
    "m.ends_on, m.added_by, m.added_by_agency, m.added_at, e.ended_on, COALESCE(e.reason, ''), "
    "COALESCE(e.ended_by, ''), e.ended_at";
constexpr const char* kMemberFrom =
    " FROM care_team_members m JOIN agencies g ON g.id = m.agency_id LEFT JOIN users u ON u.id = m.user_id "
    "LEFT JOIN care_team_endings e ON e.member_id = m.id";

std::optional<Date> optional_date(const SqlResult& result, std::size_t row, std::size_t column) {
  if (result.is_null(row, column)) return std::nullopt;
  return read_date(result, row, column);
}

app::CareTeamMember read_member(const SqlResult& r, std::size_t row) {
  app::CareTeamMember m;
  m.id = r.integer(row, 0);
  m.person_id = r.integer(row, 1);
  m.agency_id = r.integer(row, 2);
  m.agency = r.text(row, 3);
  m.agency_kind = r.text(row, 4);
  if (!r.is_null(row, 5)) m.user_id = r.integer(row, 5);
  m.username = r.text(row, 6);
  m.team_role = r.text(row, 7);
  m.starts_on = read_date(r, row, 8);
  m.ends_on = optional_date(r, row, 9);
  m.added_by = r.text(row, 10);
  m.added_by_agency = r.text(row, 11);
  m.added_at = read_timestamp(r, row, 12);
  m.ended_on = optional_date(r, row, 13);
  m.end_reason = r.text(row, 14);
  m.ended_by = r.text(row, 15);
  m.ended_at = read_optional_timestamp(r, row, 16);
  return m;
}

constexpr const char* kAgreementColumns =
    "s.id, s.agency_id, g.code, s.reference, s.purpose, s.starts_on, s.ends_on, s.recorded_by, s.recorded_by_agency, "
    "s.recorded_at, x.ended_on, COALESCE(x.reason, ''), COALESCE(x.ended_by, '')";
constexpr const char* kAgreementFrom =
    " FROM sharing_agreements s JOIN agencies g ON g.id = s.agency_id "
    "LEFT JOIN sharing_agreement_endings x ON x.agreement_id = s.id";

app::SharingAgreement read_agreement(const SqlResult& r, std::size_t row) {
  app::SharingAgreement a;
  a.id = r.integer(row, 0);
  a.agency_id = r.integer(row, 1);
  a.agency = r.text(row, 2);
  a.reference = r.text(row, 3);
  a.purpose = r.text(row, 4);
  a.starts_on = read_date(r, row, 5);
  a.ends_on = optional_date(r, row, 6);
  a.recorded_by = r.text(row, 7);
  a.recorded_by_agency = r.text(row, 8);
  a.recorded_at = read_timestamp(r, row, 9);
  a.ended_on = optional_date(r, row, 10);
  a.end_reason = r.text(row, 11);
  a.ended_by = r.text(row, 12);
  return a;
}

app::BreakGlassGrant read_grant(const SqlResult& r, std::size_t row) {
  app::BreakGlassGrant g;
  g.id = r.integer(row, 0);
  g.person_id = r.integer(row, 1);
  g.user_id = r.integer(row, 2);
  g.username = r.text(row, 3);
  g.agency = r.text(row, 4);
  g.roles = r.text(row, 5);
  g.reason = r.text(row, 6);
  g.granted_at = read_timestamp(r, row, 7);
  g.expires_at = read_timestamp(r, row, 8);
  return g;
}

// The ids in an audit entry's people (",12,40,") and subject ("person:12").
void add_people(std::set<Id>& into, const std::string& people, const std::string& subject) {
  std::size_t at = 0;
  while (at < people.size()) {
    const std::size_t comma = people.find(',', at);
    const std::string part = people.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
    if (!part.empty()) into.insert(std::stoll(part));
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  if (subject.rfind("person:", 0) == 0 && subject.size() > 7 &&
      subject.find_first_not_of("0123456789", 7) == std::string::npos) {
    into.insert(std::stoll(subject.substr(7)));
  }
}

class SqlAccess final : public app::AccessRepository {
 public:
  explicit SqlAccess(SqlConnection& connection) : db_(connection) {}

  Result<app::CareTeamMember> add_member(const app::NewCareTeamMember& member, const app::Actor& by,
                                         app::Timestamp now) override {
    if (db_.query("SELECT 1 FROM people WHERE id = $1", {sql_int(member.person_id)}).empty()) {
      return not_found("person", fmt::format("no person has id {}", member.person_id));
    }
    SqlResult inserted = db_.query(
        "INSERT INTO care_team_members (person_id, agency_id, user_id, team_role, starts_on, ends_on, added_by, "
        "added_by_agency, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        {sql_int(member.person_id), sql_int(member.agency_id),
         member.user_id ? sql_int(*member.user_id) : SqlValue{SqlNull{}}, sql_text(member.team_role),
         sql_date(member.starts_on), sql_optional_date(member.ends_on), sql_text(by.username), sql_text(by.agency),
         sql_timestamp(now)});
    return member_by_id(inserted.integer(0, 0));
  }

  Result<app::CareTeamMember> end_member(Id member_id, Date on, std::string_view reason, const app::Actor& by,
                                         app::Timestamp now) override {
    Result<app::CareTeamMember> member = member_by_id(member_id);
    if (!member) return member;
    if (member->ended_on) return fail(ErrorCode::kConflict, "member", fmt::format("member {} has already ended", member_id));
    db_.query("INSERT INTO care_team_endings (member_id, ended_on, reason, ended_by, ended_by_agency, ended_at) "
              "VALUES ($1, $2, $3, $4, $5, $6)",
              {sql_int(member_id), sql_date(on), sql_text(reason), sql_text(by.username), sql_text(by.agency),
               sql_timestamp(now)});
    return member_by_id(member_id);
  }

  Result<std::vector<app::CareTeamMember>> members(Id person_id) override {
    SqlResult result = db_.query(
        fmt::format("SELECT {}{} WHERE m.person_id = $1 ORDER BY m.id", kMemberColumns, kMemberFrom), {sql_int(person_id)});
    std::vector<app::CareTeamMember> all;
    for (std::size_t row = 0; row < result.rows.size(); ++row) all.push_back(read_member(result, row));
    return all;
  }

  Result<bool> is_member(Id person_id, Id agency_id, std::optional<Id> user_id, Date on) override {
    SqlResult result = db_.query(
        "SELECT 1 FROM care_team_members m WHERE m.person_id = $1 AND m.agency_id = $2 AND "
        "((m.user_id IS NULL AND $3 = 0) OR m.user_id = $3) AND m.starts_on <= $4 AND "
        "(m.ends_on IS NULL OR m.ends_on >= $4) AND NOT EXISTS (SELECT 1 FROM care_team_endings e "
        "WHERE e.member_id = m.id AND e.ended_on <= $4)",
        {sql_int(person_id), sql_int(agency_id), sql_int(user_id.value_or(0)), sql_date(on)});
    return !result.empty();
  }

  Result<app::SharingAgreement> add_agreement(Id agency_id, std::string_view reference, std::string_view purpose,
                                              Date starts_on, std::optional<Date> ends_on, const app::Actor& by,
                                              app::Timestamp now) override {
    SqlResult inserted = db_.query(
        "INSERT INTO sharing_agreements (agency_id, reference, purpose, starts_on, ends_on, recorded_by, "
        "recorded_by_agency, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        {sql_int(agency_id), sql_text(reference), sql_text(purpose), sql_date(starts_on), sql_optional_date(ends_on),
         sql_text(by.username), sql_text(by.agency), sql_timestamp(now)});
    return agreement_by_id(inserted.integer(0, 0));
  }

  Result<app::SharingAgreement> end_agreement(Id agreement_id, Date on, std::string_view reason, const app::Actor& by,
                                              app::Timestamp now) override {
    Result<app::SharingAgreement> agreement = agreement_by_id(agreement_id);
    if (!agreement) return agreement;
    if (agreement->ended_on) {
      return fail(ErrorCode::kConflict, "agreement", fmt::format("agreement {} has already ended", agreement_id));
    }
    db_.query("INSERT INTO sharing_agreement_endings (agreement_id, ended_on, reason, ended_by, ended_by_agency, "
              "ended_at) VALUES ($1, $2, $3, $4, $5, $6)",
              {sql_int(agreement_id), sql_date(on), sql_text(reason), sql_text(by.username), sql_text(by.agency),
               sql_timestamp(now)});
    return agreement_by_id(agreement_id);
  }

  Result<std::vector<app::SharingAgreement>> agreements() override {
    SqlResult result = db_.query(fmt::format("SELECT {}{} ORDER BY s.id", kAgreementColumns, kAgreementFrom), {});
    std::vector<app::SharingAgreement> all;
    for (std::size_t row = 0; row < result.rows.size(); ++row) all.push_back(read_agreement(result, row));
    return all;
  }

  Result<app::SharingConsent> record_consent(Id person_id, Id agency_id, std::string_view decision,
                                             std::string_view note, const app::Actor& by, app::Timestamp now) override {
    if (db_.query("SELECT 1 FROM people WHERE id = $1", {sql_int(person_id)}).empty()) {
      return not_found("person", fmt::format("no person has id {}", person_id));
    }
    SqlResult inserted = db_.query(
        "INSERT INTO sharing_consents (person_id, agency_id, decision, note, recorded_by, recorded_by_agency, "
        "recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        {sql_int(person_id), sql_int(agency_id), sql_text(decision), sql_text(note), sql_text(by.username),
         sql_text(by.agency), sql_timestamp(now)});
    const Id id = inserted.integer(0, 0);
    Result<std::vector<app::SharingConsent>> all = consents(person_id);
    if (!all) return fail(all.error());
    for (const app::SharingConsent& consent : *all) {
      if (consent.id == id) return consent;
    }
    return fail(ErrorCode::kInternal, "consent", "the consent just recorded does not read back");
  }

  Result<std::vector<app::SharingConsent>> consents(Id person_id) override {
    SqlResult r = db_.query(
        "SELECT c.id, c.person_id, c.agency_id, g.code, c.decision, c.note, c.recorded_by, c.recorded_by_agency, "
        "c.recorded_at FROM sharing_consents c JOIN agencies g ON g.id = c.agency_id WHERE c.person_id = $1 "
        "ORDER BY c.id",
        {sql_int(person_id)});
    std::vector<app::SharingConsent> all;
    for (std::size_t row = 0; row < r.rows.size(); ++row) {
      all.push_back(app::SharingConsent{r.integer(row, 0), r.integer(row, 1), r.integer(row, 2), r.text(row, 3),
                                        r.text(row, 4), r.text(row, 5), r.text(row, 6), r.text(row, 7),
                                        read_timestamp(r, row, 8)});
    }
    return all;
  }

  Result<app::BreakGlassGrant> grant_break_glass(const app::BreakGlassGrant& grant) override {
    SqlResult inserted = db_.query(
        "INSERT INTO break_glass_grants (person_id, user_id, username, agency, roles, reason, granted_at, expires_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        {sql_int(grant.person_id), sql_int(grant.user_id), sql_text(grant.username), sql_text(grant.agency),
         sql_text(grant.roles), sql_text(grant.reason), sql_timestamp(grant.granted_at),
         sql_timestamp(grant.expires_at)});
    app::BreakGlassGrant stored = grant;
    stored.id = inserted.integer(0, 0);
    return stored;
  }

  Result<std::vector<app::BreakGlassGrant>> break_glass_grants(app::Timestamp since, int limit) override {
    SqlResult result = db_.query(
        "SELECT id, person_id, user_id, username, agency, roles, reason, granted_at, expires_at FROM "
        "break_glass_grants WHERE granted_at >= $1 ORDER BY id DESC LIMIT $2",
        {sql_timestamp(since), sql_int(limit)});
    std::vector<app::BreakGlassGrant> all;
    for (std::size_t row = 0; row < result.rows.size(); ++row) all.push_back(read_grant(result, row));
    return all;
  }

  Result<app::PersonAccess> person_access(Id person_id, const app::CareTeamViewer& viewer,
                                          app::Timestamp now) override {
    app::PersonAccess access;
    SqlResult member = db_.query(
        fmt::format("SELECT CASE WHEN {} THEN 1 ELSE 0 END, COALESCE((SELECT awaiting_panel FROM people WHERE id = $1), 0)",
                    care_team_condition("$1", "", 2, 3, 4)),
        {sql_int(person_id), sql_int(viewer.user_id), sql_int(viewer.agency_id), sql_date(viewer.on)});
    access.on_care_team = member.integer(0, 0) == 1;
    access.awaiting_panel = viewer.panel && member.integer(0, 1) == 1;
    SqlResult grant = db_.query(
        "SELECT reason FROM break_glass_grants WHERE person_id = $1 AND user_id = $2 AND expires_at > $3 "
        "ORDER BY id DESC LIMIT 1",
        {sql_int(person_id), sql_int(viewer.user_id), sql_timestamp(now)});
    if (!grant.empty()) {
      access.break_glass = true;
      access.break_glass_reason = grant.text(0, 0);
    }
    return access;
  }

  Result<std::vector<app::UnusualVolume>> unusual_volumes(app::Timestamp since, app::Timestamp until,
                                                          int threshold) override {
    SqlResult result = db_.query(
        "SELECT actor, agency, at, people, subject FROM audit_log WHERE at >= $1 AND at < $2 AND "
        "action IN ('read', 'search') AND (people <> '' OR subject LIKE 'person:%') ORDER BY id",
        {sql_timestamp(since), sql_timestamp(until)});
    // (user, hour) -> agency and the distinct people read.
    std::map<std::pair<std::string, std::string>, std::pair<std::string, std::set<Id>>> hours;
    for (std::size_t row = 0; row < result.rows.size(); ++row) {
      const std::string at = app::format_timestamp(read_timestamp(result, row, 2));
      auto& [agency, people] = hours[{result.text(row, 0), at.substr(0, 13)}];
      agency = result.text(row, 1);
      add_people(people, result.text(row, 3), result.text(row, 4));
    }
    std::vector<app::UnusualVolume> found;
    for (const auto& [key, value] : hours) {
      if (static_cast<int>(value.second.size()) <= threshold) continue;
      std::optional<app::Timestamp> hour = app::parse_timestamp(key.second + ":00:00.000Z");
      found.push_back(app::UnusualVolume{key.first, value.first, hour.value_or(since),
                                         static_cast<int>(value.second.size())});
    }
    return found;
  }

  Result<app::Unit> link_account(Id user_id, Id person_id, std::string_view relationship, const app::Actor& by,
                            app::Timestamp now) override {
    if (!db_.query("SELECT 1 FROM person_accounts WHERE user_id = $1", {sql_int(user_id)}).empty()) {
      return fail(ErrorCode::kConflict, "username", "this account is already linked to a record");
    }
    db_.query("INSERT INTO person_accounts (user_id, person_id, relationship, linked_by, linked_by_agency, linked_at) "
              "VALUES ($1, $2, $3, $4, $5, $6)",
              {sql_int(user_id), sql_int(person_id), sql_text(relationship), sql_text(by.username), sql_text(by.agency),
               sql_timestamp(now)});
    return app::Unit{};
  }

  Result<std::optional<Id>> account_person(Id user_id) override {
    SqlResult result = db_.query("SELECT person_id FROM person_accounts WHERE user_id = $1", {sql_int(user_id)});
    if (result.empty()) return std::optional<Id>{};
    return std::optional<Id>{result.integer(0, 0)};
  }

  Result<int> add_agency_to_people(std::string_view selection, Id agency_id, std::string_view team_role,
                                   Date starts_on, const app::Actor& by, app::Timestamp now) override {
    std::string where;
    if (selection == "all") {
      where = "1 = 1";
    } else if (selection == "mental_health") {
      where = "p.client_group = 'mental_health'";
    } else if (selection == "home_care") {
      where = "p.has_agreed_budget = 1 AND p.client_group NOT IN ('mental_health', 'carer')";
    } else {
      return fail(ErrorCode::kInvalidValue, "selection", fmt::format("no selection \"{}\"", selection));
    }
    SqlResult inserted = db_.query(
        fmt::format("INSERT INTO care_team_members (person_id, agency_id, user_id, team_role, starts_on, ends_on, "
                    "added_by, added_by_agency, added_at) SELECT p.id, $1, NULL, $2, $3, NULL, $4, $5, $6 FROM people p "
                    "WHERE {} AND NOT EXISTS (SELECT 1 FROM care_team_members m WHERE m.person_id = p.id AND "
                    "m.agency_id = $1 AND m.user_id IS NULL)",
                    where),
        {sql_int(agency_id), sql_text(team_role), sql_date(starts_on), sql_text(by.username), sql_text(by.agency),
         sql_timestamp(now)});
    if (team_role != "lead_agency") {
      // A partner's demo memberships come with the person's consent to share, as
      // they would be recorded at the assessment.
      db_.query("INSERT INTO sharing_consents (person_id, agency_id, decision, note, recorded_by, recorded_by_agency, "
                "recorded_at) SELECT m.person_id, m.agency_id, 'given', 'recorded at assessment', $2, $3, $4 "
                "FROM care_team_members m WHERE m.agency_id = $1 AND NOT EXISTS (SELECT 1 FROM sharing_consents c "
                "WHERE c.person_id = m.person_id AND c.agency_id = m.agency_id)",
                {sql_int(agency_id), sql_text(by.username), sql_text(by.agency), sql_timestamp(now)});
    }
    return static_cast<int>(inserted.changed);
  }

 private:
  Result<app::CareTeamMember> member_by_id(Id id) {
    SqlResult result = db_.query(fmt::format("SELECT {}{} WHERE m.id = $1", kMemberColumns, kMemberFrom), {sql_int(id)});
    if (result.empty()) return not_found("member", fmt::format("no care team member has id {}", id));
    return read_member(result, 0);
  }

  Result<app::SharingAgreement> agreement_by_id(Id id) {
    SqlResult result =
        db_.query(fmt::format("SELECT {}{} WHERE s.id = $1", kAgreementColumns, kAgreementFrom), {sql_int(id)});
    if (result.empty()) return not_found("agreement", fmt::format("no sharing agreement has id {}", id));
    return read_agreement(result, 0);
  }

  SqlConnection& db_;
};

}  // namespace

void register_access_repositories(RepositoryRegistry& registry) { registry.add<app::AccessRepository, SqlAccess>(); }

}  // namespace allot::storage
