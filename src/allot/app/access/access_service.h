#pragma once
// Care teams, consent, sharing agreements and break glass: the use cases, and
// the loader that tells the access policy (app/shared/access_policy.h) what the
// care team says about one principal and one person.
//
// Every change is attributed and kept (append-only tables) and audited; every
// refusal is returned as an Issue for the api to record.

#include <optional>
#include <string>
#include <vector>

#include "allot/app/access/records.h"
#include "allot/app/identity/audit_service.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/shared/principal.h"
#include "allot/app/shared/store.h"

namespace allot::app {

struct CareTeamRequest {
  std::string agency;                   // agency code
  std::optional<std::string> username;  // one worker of that agency
  std::string team_role;
  std::optional<Date> starts_on;        // today when absent
  std::optional<Date> ends_on;
};

struct ConsentRequest {
  std::string agency;
  std::string decision;  // "given" or "withdrawn"
  std::string note;
};

struct AgreementRequest {
  std::string agency;
  std::string reference;
  std::string purpose;
  std::optional<Date> starts_on;
  std::optional<Date> ends_on;
};

class AccessService {
 public:
  AccessService(Store& store, const Clock& clock) : store_(store), clock_(clock), audit_(store, clock) {}

  // The care team rules for this principal, on the clock's today.
  CareTeamViewer viewer(const Principal& principal) const;
  // Which people a list of `action` may return for this principal.
  PersonVisibility visibility(const Principal& principal, std::string_view action) const;
  // What the care team says about this principal and person, in the caller's
  // transaction, or in a read transaction of its own.
  Result<PersonAccess> person_access(Transaction& tx, const Principal& principal, Id person_id) const;
  Result<PersonAccess> person_access(const Principal& principal, Id person_id);

  Result<std::vector<CareTeamMember>> care_team(const Principal& principal, Id person_id);
  Result<CareTeamMember> add_member(const Principal& principal, Id person_id, const CareTeamRequest& request);
  Result<CareTeamMember> end_member(const Principal& principal, Id person_id, Id member_id, std::string_view reason);
  // Inside another use case's transaction (allocation, a new record): the worker
  // or agency joins the care team unless already on it.
  Result<Unit> join(Transaction& tx, const Principal& by, Id person_id, Id agency_id, std::optional<Id> user_id,
                    std::string_view team_role);

  Result<std::vector<SharingConsent>> consents(const Principal& principal, Id person_id);
  Result<SharingConsent> record_consent(const Principal& principal, Id person_id, const ConsentRequest& request);

  Result<std::vector<SharingAgreement>> agreements(const Principal& principal);
  Result<SharingAgreement> add_agreement(const Principal& principal, const AgreementRequest& request);
  Result<SharingAgreement> end_agreement(const Principal& principal, Id agreement_id, std::string_view reason);

  // Links a person's own account (role person) to their record; the account is
  // made by the administrator, the link by a worker on the person's care team.
  Result<Unit> link_account(const Principal& principal, Id person_id, std::string_view username,
                            std::string_view relationship);
  // The record a person's own account is linked to (for the api, each request).
  Result<std::optional<Id>> account_person(Id user_id);

  // Opens the record outside the care team for access_limits().break_glass_hours.
  Result<BreakGlassGrant> break_glass(const Principal& principal, Id person_id, std::string_view reason);
  // Grants since `since` (default: the last 30 days), for a manager to review.
  Result<std::vector<BreakGlassGrant>> break_glass_grants(const Principal& principal, std::optional<Date> since);
  // Users who read more than access_limits().unusual_people_per_hour distinct
  // people in one clock hour, on the given day (default today).
  Result<std::vector<UnusualVolume>> unusual_volumes(const Principal& principal, std::optional<Date> day);

 private:
  Date today() const;
  Result<Unit> check_person(Transaction& tx, const Principal& principal, std::string_view action, Id person_id) const;

  Store& store_;
  const Clock& clock_;
  AuditService audit_;
};

// The person's subject in the audit log: "person:ID".
std::string access_person_subject(Id person_id);

}  // namespace allot::app
