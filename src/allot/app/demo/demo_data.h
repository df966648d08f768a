#pragma once
// Demo data for a first run: the example rulebooks, one agency of each kind and
// one user per role, so a new installation can be tried at once.
//
// Files are read by the caller (CLI or server); this layer takes their text.

#include <string>
#include <vector>

#include "allot/app/shared/clock.h"
#include "allot/app/identity/password.h"
#include "allot/app/shared/store.h"
#include "allot/base/issue.h"

namespace allot::app {

struct DemoRulebookFile {
  std::string source;    // where it came from, for error paths: "data/rulebooks/ras.json"
  std::string document;  // the JSON text
};

struct DemoDataInput {
  std::vector<DemoRulebookFile> rulebooks;
  // The password every demo user gets; empty means generate a random one.
  std::string password;
  PasswordCost password_cost = PasswordCost::kInteractive;
};

struct DemoAccount {
  std::string username;  // the role's name: "assessor", "analyst", ...
  std::string role;
  std::string agency;    // agency code
};

struct DemoDataReport {
  bool loaded = false;   // false: the database was not empty, nothing changed
  std::string password;  // the demo users' password (print it on start); empty if not loaded
  std::vector<DemoAccount> accounts;
  std::vector<std::string> rulebooks;  // "id v1"
  int people = 0;          // demo people's records (not counting carers)
  int carers = 0;
  int panel_meetings = 0;
};

// On an empty database (no agencies, users or rulebooks), loads everything in one
// transaction; on any other database changes nothing and reports loaded = false.
// Every bad rulebook is reported at once (paths start with the file's source);
// then nothing is loaded. kConflict if two files carry the same id and version.
// Thread-safe (one transaction); a concurrent second call finds the database
// non-empty or fails with a database error, and loads nothing.
// With the example rulebooks (example-adults and example-carers version 1), also
// loads a council's caseload (load_demo_journey) in the same transaction.
Result<DemoDataReport> load_demo_data(Store& store, const Clock& clock, const DemoDataInput& input);

// Adds a few hundred demo people inside `tx`, across client groups, localities and
// every stage of the journey (contacts, enablement, assessed with indicative
// budgets, plans awaiting sign-off or the Resource Allocation Group, agreed
// budgets with reviews due, closed cases), carers with first-stage and full
// assessments, and panel meetings with decisions. Deterministic: the same people
// every time, dated back from clock.now(). Adds nobody, and returns `report`
// unchanged, when the example rulebooks are not published in `tx`.
Result<DemoDataReport> load_demo_journey(Store& store, Transaction& tx, const Clock& clock, DemoDataReport report);

}  // namespace allot::app
