#pragma once
// What care teams, consent and break glass need from a database (errors and
// thread-safety as in app/shared/store.h). Reached through Transaction::get<...>().
// Every table is append-only: an ending or a withdrawal is a row of its own.

#include <optional>
#include <vector>

#include "allot/app/access/records.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/shared/store.h"

namespace allot::app {

class AccessRepository {
 public:
  virtual ~AccessRepository() = default;
  // kNotFound for an unknown person, agency or user.
  virtual Result<CareTeamMember> add_member(const NewCareTeamMember& member, const Actor& by, Timestamp now) = 0;
  // kNotFound for an unknown member; kConflict if it was already ended.
  virtual Result<CareTeamMember> end_member(Id member_id, Date on, std::string_view reason, const Actor& by,
                                            Timestamp now) = 0;
  // Every membership of the person's care team, current and past, oldest first.
  virtual Result<std::vector<CareTeamMember>> members(Id person_id) = 0;
  // True if the agency (or the user) has a membership from `on` or earlier that has not ended.
  virtual Result<bool> is_member(Id person_id, Id agency_id, std::optional<Id> user_id, Date on) = 0;

  virtual Result<SharingAgreement> add_agreement(Id agency_id, std::string_view reference, std::string_view purpose,
                                                 Date starts_on, std::optional<Date> ends_on, const Actor& by,
                                                 Timestamp now) = 0;
  virtual Result<SharingAgreement> end_agreement(Id agreement_id, Date on, std::string_view reason, const Actor& by,
                                                 Timestamp now) = 0;
  virtual Result<std::vector<SharingAgreement>> agreements() = 0;

  virtual Result<SharingConsent> record_consent(Id person_id, Id agency_id, std::string_view decision,
                                                std::string_view note, const Actor& by, Timestamp now) = 0;
  virtual Result<std::vector<SharingConsent>> consents(Id person_id) = 0;

  virtual Result<BreakGlassGrant> grant_break_glass(const BreakGlassGrant& grant) = 0;
  // Grants from `since`, newest first, at most `limit`.
  virtual Result<std::vector<BreakGlassGrant>> break_glass_grants(Timestamp since, int limit) = 0;

  // What the care team rules say about this viewer and this person at `now`.
  virtual Result<PersonAccess> person_access(Id person_id, const CareTeamViewer& viewer, Timestamp now) = 0;

  // Audit entries naming people between two times: (user, agency, at, person ids).
  virtual Result<std::vector<UnusualVolume>> unusual_volumes(Timestamp since, Timestamp until, int threshold) = 0;

  // Links a person's own account to their record; kConflict if the account is linked already.
  virtual Result<Unit> link_account(Id user_id, Id person_id, std::string_view relationship, const Actor& by,
                                    Timestamp now) = 0;
  // The record an account is linked to, if any.
  virtual Result<std::optional<Id>> account_person(Id user_id) = 0;

  // Demo data: the agency joins, as `team_role`, the care team of every person the
  // condition selects ("all", "mental_health", "home_care"). Returns how many.
  virtual Result<int> add_agency_to_people(std::string_view selection, Id agency_id, std::string_view team_role,
                                           Date starts_on, const Actor& by, Timestamp now) = 0;
};

}  // namespace allot::app
