#include "allot/app/access/access_service.h"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "allot/app/access/permissions.h"
#include "allot/app/access/repositories.h"
#include "allot/app/identity/repositories.h"
#include "allot/app/journey/repositories.h"

namespace allot::app {

const AccessLimits& access_limits() {
  static const AccessLimits limits;
  return limits;
}

const std::vector<std::string>& care_team_roles() {
  static const std::vector<std::string> roles = {
      "lead_agency",  "allocated_worker",   "allocated_team",     "nhs_professional",
      "provider",     "support_planning",   "carers_support",
  };
  return roles;
}

std::string access_person_subject(Id person_id) { return fmt::format("person:{}", person_id); }

namespace {

const AccessPolicy& policy() { return AccessPolicy::standard(); }

Result<Unit> as_unit(const Result<tl::monostate>& allowed) {
  if (!allowed) return fail(allowed.error());
  return Unit{};
}

Result<Agency> agency_by_code(Transaction& tx, const std::string& code, const std::string& field) {
  if (code.empty()) return fail(ErrorCode::kInvalidValue, field, "must name an agency by its code");
  Result<Agency> agency = tx.get<AgencyRepository>().find_by_code(code);
  if (!agency) return fail(ErrorCode::kInvalidValue, field, fmt::format("no agency has the code \"{}\"", code));
  return agency;
}

Issues text_issue(std::string_view text, std::string_view field, std::size_t min, std::size_t max) {
  if (text.size() < min || text.size() > max) {
    return {{ErrorCode::kInvalidValue, std::string(field),
             fmt::format("must be {} to {} characters; found {}", min, max, text.size())}};
  }
  return {};
}

}  // namespace

Date AccessService::today() const {
  return Date(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(clock_.now())));
}

CareTeamViewer AccessService::viewer(const Principal& principal) const {
  bool panel = false;
  for (Role role : principal.roles) panel = panel || policy().reach_of(role) == Reach::kCareTeamOrPanel;
  return CareTeamViewer{principal.user_id, principal.agency_id, today(), panel};
}

PersonVisibility AccessService::visibility(const Principal& principal, std::string_view action) const {
  const Permission* permission = policy().find(action);
  PersonVisibility visibility;
  visibility.none = true;
  if (permission == nullptr) return visibility;
  bool care_team = false;
  bool own = false;
  for (Role role : permission->roles) {
    if (!principal.has_role(role)) continue;
    const Reach reach = policy().reach_of(role);
    care_team = care_team || reach == Reach::kCareTeam || reach == Reach::kCareTeamOrPanel;
    own = own || reach == Reach::kOwnRecord;
  }
  if (care_team) {
    visibility.none = false;
    visibility.viewer = viewer(principal);
  } else if (own && principal.person_id) {
    visibility.none = false;
    visibility.only = *principal.person_id;
  }
  return visibility;
}

Result<PersonAccess> AccessService::person_access(Transaction& tx, const Principal& principal, Id person_id) const {
  return tx.get<AccessRepository>().person_access(person_id, viewer(principal), clock_.now());
}

Result<PersonAccess> AccessService::person_access(const Principal& principal, Id person_id) {
  return in_transaction(store_, Access::kRead,
                        [&](Transaction& tx) { return person_access(tx, principal, person_id); });
}

Result<Unit> AccessService::check_person(Transaction& tx, const Principal& principal, std::string_view action,
                                         Id person_id) const {
  Result<PersonAccess> access = person_access(tx, principal, person_id);
  if (!access) return fail(access.error());
  return as_unit(policy().check(principal, action, Subject{person_id, &*access}));
}

Result<std::vector<CareTeamMember>> AccessService::care_team(const Principal& principal, Id person_id) {
  auto members = in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<CareTeamMember>> {
    if (auto allowed = check_person(tx, principal, "access.read_care_team", person_id); !allowed) {
      return fail(allowed.error());
    }
    return tx.get<AccessRepository>().members(person_id);
  });
  if (!members) return members;
  if (auto audited = audit_.record(principal, "read", access_person_subject(person_id), "care team"); !audited) {
    return fail(audited.error());
  }
  return members;
}

Result<CareTeamMember> AccessService::add_member(const Principal& principal, Id person_id,
                                                 const CareTeamRequest& request) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<CareTeamMember> {
    if (auto allowed = check_person(tx, principal, "access.manage_care_team", person_id); !allowed) {
      return fail(allowed.error());
    }
    Issues issues;
    const auto& roles = care_team_roles();
    if (std::find(roles.begin(), roles.end(), request.team_role) == roles.end()) {
      issues.push_back({ErrorCode::kInvalidValue, "team_role",
                        fmt::format("found \"{}\"; expected one of {}", request.team_role, fmt::join(roles, ", "))});
    }
    Result<Agency> agency = agency_by_code(tx, request.agency, "agency");
    if (!agency) issues.insert(issues.end(), agency.error().begin(), agency.error().end());
    std::optional<Id> user_id;
    if (request.username) {
      Result<UserCredentials> user = tx.get<UserRepository>().find_credentials(*request.username);
      if (!user) {
        issues.push_back({ErrorCode::kInvalidValue, "username", fmt::format("no user \"{}\"", *request.username)});
      } else if (agency && user->user.agency_id != agency->id) {
        issues.push_back({ErrorCode::kInvalidValue, "username",
                          fmt::format("{} does not work for {}", *request.username, request.agency)});
      } else {
        user_id = user->user.id;
      }
    }
    const Date starts = request.starts_on.value_or(today());
    if (request.ends_on && *request.ends_on < starts) {
      issues.push_back({ErrorCode::kInvalidValue, "ends_on", "must not be before starts_on"});
    }
    if (!issues.empty()) return fail(std::move(issues));
    Result<CareTeamMember> added = tx.get<AccessRepository>().add_member(
        NewCareTeamMember{person_id, agency->id, user_id, request.team_role, starts, request.ends_on},
        principal.actor(), clock_.now());
    if (!added) return added;
    if (auto audited = audit_.record_in(tx, principal, "care_team_add", access_person_subject(person_id),
                                        fmt::format("{} {} as {}", request.agency, request.username.value_or(""),
                                                    request.team_role));
        !audited) {
      return fail(audited.error());
    }
    return added;
  });
}

Result<CareTeamMember> AccessService::end_member(const Principal& principal, Id person_id, Id member_id,
                                                 std::string_view reason) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<CareTeamMember> {
    if (auto allowed = check_person(tx, principal, "access.manage_care_team", person_id); !allowed) {
      return fail(allowed.error());
    }
    if (Issues issues = text_issue(reason, "reason", 3, 500); !issues.empty()) return fail(std::move(issues));
    Result<std::vector<CareTeamMember>> members = tx.get<AccessRepository>().members(person_id);
    if (!members) return fail(members.error());
    if (std::none_of(members->begin(), members->end(), [&](const CareTeamMember& m) { return m.id == member_id; })) {
      return fail(ErrorCode::kNotFound, "member", fmt::format("person {} has no care team member {}", person_id, member_id));
    }
    Result<CareTeamMember> ended =
        tx.get<AccessRepository>().end_member(member_id, today(), reason, principal.actor(), clock_.now());
    if (!ended) return ended;
    if (auto audited = audit_.record_in(tx, principal, "care_team_end", access_person_subject(person_id),
                                        fmt::format("member {} ({}): {}", member_id, ended->agency, reason));
        !audited) {
      return fail(audited.error());
    }
    return ended;
  });
}

Result<Unit> AccessService::join(Transaction& tx, const Principal& by, Id person_id, Id agency_id,
                                 std::optional<Id> user_id, std::string_view team_role) {
  Result<bool> member = tx.get<AccessRepository>().is_member(person_id, agency_id, user_id, today());
  if (!member) return fail(member.error());
  if (*member) return Unit{};
  Result<CareTeamMember> added = tx.get<AccessRepository>().add_member(
      NewCareTeamMember{person_id, agency_id, user_id, std::string(team_role), today(), std::nullopt}, by.actor(),
      clock_.now());
  if (!added) return fail(added.error());
  return Unit{};
}

Result<std::vector<SharingConsent>> AccessService::consents(const Principal& principal, Id person_id) {
  auto consents = in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<SharingConsent>> {
    if (auto allowed = check_person(tx, principal, "access.read_care_team", person_id); !allowed) {
      return fail(allowed.error());
    }
    return tx.get<AccessRepository>().consents(person_id);
  });
  if (!consents) return consents;
  if (auto audited = audit_.record(principal, "read", access_person_subject(person_id), "consent to share"); !audited) {
    return fail(audited.error());
  }
  return consents;
}

Result<SharingConsent> AccessService::record_consent(const Principal& principal, Id person_id,
                                                     const ConsentRequest& request) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<SharingConsent> {
    if (auto allowed = check_person(tx, principal, "access.manage_care_team", person_id); !allowed) {
      return fail(allowed.error());
    }
    Issues issues;
    if (request.decision != "given" && request.decision != "withdrawn") {
      issues.push_back({ErrorCode::kInvalidValue, "decision",
                        fmt::format("found \"{}\"; expected given or withdrawn", request.decision)});
    }
    Issues note = text_issue(request.note, "note", 0, 1000);
    issues.insert(issues.end(), note.begin(), note.end());
    Result<Agency> agency = agency_by_code(tx, request.agency, "agency");
    if (!agency) issues.insert(issues.end(), agency.error().begin(), agency.error().end());
    if (!issues.empty()) return fail(std::move(issues));
    Result<SharingConsent> recorded = tx.get<AccessRepository>().record_consent(
        person_id, agency->id, request.decision, request.note, principal.actor(), clock_.now());
    if (!recorded) return recorded;
    if (auto audited = audit_.record_in(tx, principal, "consent_" + request.decision,
                                        access_person_subject(person_id),
                                        fmt::format("sharing with {}: {}", request.agency, request.note));
        !audited) {
      return fail(audited.error());
    }
    return recorded;
  });
}

Result<std::vector<SharingAgreement>> AccessService::agreements(const Principal& principal) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<SharingAgreement>> {
    if (auto allowed = policy().check(principal, "access.read_rules"); !allowed) return fail(allowed.error());
    return tx.get<AccessRepository>().agreements();
  });
}

Result<SharingAgreement> AccessService::add_agreement(const Principal& principal, const AgreementRequest& request) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<SharingAgreement> {
    if (auto allowed = policy().check(principal, "access.manage_agreements"); !allowed) return fail(allowed.error());
    Issues issues = text_issue(request.reference, "reference", 1, 200);
    Issues purpose = text_issue(request.purpose, "purpose", 1, 2000);
    issues.insert(issues.end(), purpose.begin(), purpose.end());
    Result<Agency> agency = agency_by_code(tx, request.agency, "agency");
    if (!agency) issues.insert(issues.end(), agency.error().begin(), agency.error().end());
    const Date starts = request.starts_on.value_or(today());
    if (request.ends_on && *request.ends_on < starts) {
      issues.push_back({ErrorCode::kInvalidValue, "ends_on", "must not be before starts_on"});
    }
    if (!issues.empty()) return fail(std::move(issues));
    Result<SharingAgreement> added = tx.get<AccessRepository>().add_agreement(
        agency->id, request.reference, request.purpose, starts, request.ends_on, principal.actor(), clock_.now());
    if (!added) return added;
    if (auto audited = audit_.record_in(tx, principal, "agreement_add", fmt::format("agreement:{}", added->id),
                                        fmt::format("{}: {}", request.agency, request.reference));
        !audited) {
      return fail(audited.error());
    }
    return added;
  });
}

Result<SharingAgreement> AccessService::end_agreement(const Principal& principal, Id agreement_id,
                                                      std::string_view reason) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<SharingAgreement> {
    if (auto allowed = policy().check(principal, "access.manage_agreements"); !allowed) return fail(allowed.error());
    if (Issues issues = text_issue(reason, "reason", 3, 500); !issues.empty()) return fail(std::move(issues));
    Result<SharingAgreement> ended =
        tx.get<AccessRepository>().end_agreement(agreement_id, today(), reason, principal.actor(), clock_.now());
    if (!ended) return ended;
    if (auto audited = audit_.record_in(tx, principal, "agreement_end", fmt::format("agreement:{}", agreement_id),
                                        std::string(reason));
        !audited) {
      return fail(audited.error());
    }
    return ended;
  });
}

Result<Unit> AccessService::link_account(const Principal& principal, Id person_id, std::string_view username,
                                         std::string_view relationship) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<Unit> {
    if (auto allowed = check_person(tx, principal, "access.link_account", person_id); !allowed) return allowed;
    Issues issues;
    if (relationship != "self" && relationship != "representative") {
      issues.push_back({ErrorCode::kInvalidValue, "relationship",
                        fmt::format("found \"{}\"; expected self or representative", relationship)});
    }
    Result<UserCredentials> user = tx.get<UserRepository>().find_credentials(username);
    if (!user) {
      issues.push_back({ErrorCode::kInvalidValue, "username", fmt::format("no user \"{}\"", username)});
    } else if (user->user.roles != std::vector<Role>{Role::kPerson}) {
      issues.push_back({ErrorCode::kInvalidValue, "username",
                        fmt::format("{} must hold the person role and no other to be linked to a record", username)});
    }
    if (!issues.empty()) return fail(std::move(issues));
    if (auto linked = tx.get<AccessRepository>().link_account(user->user.id, person_id, relationship,
                                                               principal.actor(), clock_.now());
        !linked) {
      return linked;
    }
    if (auto audited = audit_.record_in(tx, principal, "account_link", access_person_subject(person_id),
                                        fmt::format("{} ({})", username, relationship));
        !audited) {
      return fail(audited.error());
    }
    return Unit{};
  });
}

Result<std::optional<Id>> AccessService::account_person(Id user_id) {
  return in_transaction(store_, Access::kRead,
                        [&](Transaction& tx) { return tx.get<AccessRepository>().account_person(user_id); });
}

Result<BreakGlassGrant> AccessService::break_glass(const Principal& principal, Id person_id, std::string_view reason) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<BreakGlassGrant> {
    if (auto allowed = policy().check(principal, "access.break_glass", Subject{person_id}); !allowed) {
      return fail(allowed.error());
    }
    const bool may = std::any_of(principal.roles.begin(), principal.roles.end(), [](Role role) {
      const auto reaches = role_reaches();
      return std::any_of(reaches.begin(), reaches.end(),
                         [&](const RoleReach& rule) { return rule.role == role && rule.may_break_glass; });
    });
    if (!may) return fail(ErrorCode::kForbidden, "", "none of your roles may break glass");
    const AccessLimits& limits = access_limits();
    if (Issues issues = text_issue(reason, "reason", static_cast<std::size_t>(limits.break_glass_reason_min), 1000);
        !issues.empty()) {
      return fail(std::move(issues));
    }
    if (Result<PersonRecord> person = tx.get<PersonRepository>().get(person_id); !person) return fail(person.error());
    BreakGlassGrant grant;
    grant.person_id = person_id;
    grant.user_id = principal.user_id;
    grant.username = principal.username;
    grant.agency = principal.agency;
    grant.roles = audit_roles_text(principal.roles);
    grant.reason = std::string(reason);
    grant.granted_at = clock_.now();
    grant.expires_at = grant.granted_at + std::chrono::hours(limits.break_glass_hours);
    Result<BreakGlassGrant> granted = tx.get<AccessRepository>().grant_break_glass(grant);
    if (!granted) return granted;
    NewAuditEntry entry{principal.actor(), "break_glass", access_person_subject(person_id),
                        fmt::format("until {}", format_timestamp(grant.expires_at)), audit_roles_text(principal.roles),
                        people_text({person_id}), std::string(reason)};
    if (auto audited = tx.get<AuditRepository>().append(entry, clock_.now()); !audited) return fail(audited.error());
    return granted;
  });
}

Result<std::vector<BreakGlassGrant>> AccessService::break_glass_grants(const Principal& principal,
                                                                       std::optional<Date> since) {
  const Date from = since.value_or(today().plus_days(-30));
  auto grants = in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<BreakGlassGrant>> {
    if (auto allowed = policy().check(principal, "access.review_break_glass"); !allowed) return fail(allowed.error());
    return tx.get<AccessRepository>().break_glass_grants(Timestamp(std::chrono::sys_days(from.ymd())), 1000);
  });
  if (!grants) return grants;
  std::vector<Id> people;
  for (const BreakGlassGrant& grant : *grants) people.push_back(grant.person_id);
  if (auto audited = audit_.record(principal, "search", "break_glass", fmt::format("since {}", from.to_string()), people);
      !audited) {
    return fail(audited.error());
  }
  return grants;
}

Result<std::vector<UnusualVolume>> AccessService::unusual_volumes(const Principal& principal, std::optional<Date> day) {
  const Date on = day.value_or(today());
  auto found = in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<UnusualVolume>> {
    if (auto allowed = policy().check(principal, "access.read_volumes"); !allowed) return fail(allowed.error());
    return tx.get<AccessRepository>().unusual_volumes(Timestamp(std::chrono::sys_days(on.ymd())),
                                                      Timestamp(std::chrono::sys_days(on.plus_days(1).ymd())),
                                                      access_limits().unusual_people_per_hour);
  });
  if (!found) return found;
  if (auto audited = audit_.record(principal, "search", "audit", fmt::format("unusual volumes on {}", on.to_string()));
      !audited) {
    return fail(audited.error());
  }
  return found;
}

}  // namespace allot::app
