#include "allot/app/ras/permissions.h"

namespace allot::app {

std::span<const Permission> ras_permissions() {
  // Reading published rulebooks and scoring answers are public (the calculator).
  // A new version goes live only through governance: an analyst drafts and
  // proposes it, and a commissioner (who answers for the council's spending on
  // care) approves it; never the person who proposed it (rulebook_governance.cpp).
  static const std::vector<Permission> kPermissions = {
      {"rulebooks.draft", {Role::kAnalyst, Role::kAdministrator}, "store a rulebook as a draft version"},
      {"rulebooks.validate", {Role::kAnalyst, Role::kAdministrator}, "check a rulebook document"},
      {"rulebooks.calibrate", {Role::kAnalyst}, "set the value of a point from a sample"},
      {"rulebooks.simulate", {Role::kAnalyst}, "run a rulebook over a population"},
      {"rulebooks.read_drafts", {Role::kAnalyst, Role::kCommissioner, Role::kAdministrator},
       "read draft rulebook versions and a rulebook's history"},
      {"rulebooks.propose", {Role::kAnalyst}, "propose a draft version with its effective date and simulation"},
      {"rulebooks.approve", {Role::kCommissioner}, "approve or reject a proposed rulebook version"},
  };
  return kPermissions;
}

}  // namespace allot::app
