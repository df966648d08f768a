#pragma once
// The care at home provider framework's quality gates (seed 002, 3.13): a
// provider is admitted with Care Inspectorate grade 3 or above at each of its
// last two inspections, and with grade 4 or above at the last two it can be
// considered for uplifts and work with people on the personal budget model. The
// gates are data (FrameworkRules), so a council can set its own; seed 002's are
// the default. No I/O.

#include <map>
#include <string>
#include <vector>

#include "allot/base/date.h"
#include "allot/base/issue.h"

namespace allot::care_at_home {

// Care Inspectorate grades: 1 unsatisfactory, 2 weak, 3 adequate, 4 good,
// 5 very good, 6 excellent.
inline constexpr int kLowestGrade = 1;
inline constexpr int kHighestGrade = 6;

struct FrameworkRules {
  // The quality themes every inspection grades.
  std::vector<std::string> themes;
  int inspections_considered = 2;  // the most recent inspections that count
  int admission_min_grade = 3;     // in every theme at each of them, to be on the framework
  int uplift_min_grade = 4;        // in every theme at each of them, for uplifts and the personal budget model
};

// Seed 002's rules over the Care Inspectorate's themes for care at home.
FrameworkRules seed_002_rules();

// Every problem with a set of rules: themes named once and not blank, at least
// one inspection considered, grades within 1 to 6, uplift at or above admission.
Issues check_rules(const FrameworkRules& rules);

struct Inspection {
  Date date;
  std::map<std::string, int> grades;  // theme -> grade
};

// Every problem with an inspection under these rules: each theme graded once,
// from 1 to 6, and no theme the rules do not have. Paths start at `path`.
Issues check_inspection(const FrameworkRules& rules, const Inspection& inspection, const std::string& path);

struct FrameworkStanding {
  bool admitted = false;                  // on the framework: may be offered time and task packages
  bool uplift_and_personal_budget = false;  // may be considered for uplifts and work on the personal budget model
  // Why, in plain words, one line per gate not met ("Quality of staffing was
  // graded 2 (weak) on 3 Mar 2026; admission needs 3 or above").
  std::vector<std::string> reasons;
};

// The standing the rules give a provider with these inspections (any order).
// Fewer inspections than the rules consider means a gate is not met yet.
FrameworkStanding evaluate(const FrameworkRules& rules, std::vector<Inspection> inspections);

// What recording one more inspection would change, shown before it is saved.
struct Consequence {
  FrameworkStanding before;
  FrameworkStanding after;
  int packages_affected = 0;  // the provider's packages whose model the change touches
  std::string summary;        // "loses personal budget model eligibility; 12 packages affected"
};

struct PackagesByModel {
  int time_and_task = 0;
  int personal_budget = 0;
};

Consequence consequence_of(const FrameworkRules& rules, const std::vector<Inspection>& recorded,
                           const Inspection& new_inspection, const PackagesByModel& packages);

// "3 (adequate)".
std::string grade_words(int grade);

}  // namespace allot::care_at_home
