#include "allot/app/ras/permissions.h"

namespace allot::app {

std::span<const Permission> ras_permissions() {
  // Reading published rulebooks and scoring answers are public (the calculator).
  static const std::vector<Permission> kPermissions = {
      {"rulebooks.publish", {Role::kAnalyst, Role::kAdministrator}, "publish a rulebook version"},
      {"rulebooks.validate", {Role::kAnalyst, Role::kAdministrator}, "check a rulebook document"},
      {"rulebooks.calibrate", {Role::kAnalyst}, "set the value of a point from a sample"},
      {"rulebooks.simulate", {Role::kAnalyst}, "run a rulebook over a population"},
  };
  return kPermissions;
}

}  // namespace allot::app
