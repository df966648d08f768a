#include "allot/care_at_home/framework.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "allot/base/json_reader.h"

namespace allot::care_at_home {
namespace {

// "3 Mar 2026": dates in reasons are read by commissioners, not parsed.
std::string uk_date(const Date& date) {
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return fmt::format("{} {} {}", date.day(), kMonths[date.month() - 1], date.year());
}

// The reasons one gate is not met, or none.
std::vector<std::string> gate_reasons(const FrameworkRules& rules, const std::vector<Inspection>& latest, int min_grade,
                                      const std::string& gate) {
  std::vector<std::string> reasons;
  const auto needed = static_cast<std::size_t>(rules.inspections_considered);
  if (latest.size() < needed) {
    reasons.push_back(fmt::format("{} needs {} inspections; {} recorded", gate, needed, latest.size()));
  }
  for (const Inspection& inspection : latest) {
    for (const std::string& theme : rules.themes) {
      const auto found = inspection.grades.find(theme);
      if (found == inspection.grades.end()) {
        reasons.push_back(fmt::format("{} was not graded on {}; {} needs every theme graded", theme,
                                      uk_date(inspection.date), gate));
      } else if (found->second < min_grade) {
        reasons.push_back(fmt::format("{} was graded {} on {}; {} needs {} or above", theme, grade_words(found->second),
                                      uk_date(inspection.date), gate, min_grade));
      }
    }
  }
  return reasons;
}

}  // namespace

FrameworkRules seed_002_rules() {
  FrameworkRules rules;
  rules.themes = {"Quality of care and support", "Quality of staffing", "Quality of management and leadership"};
  return rules;
}

Issues check_rules(const FrameworkRules& rules) {
  Issues issues;
  if (rules.themes.empty()) issues.push_back({ErrorCode::kMissingField, "themes", "name at least one quality theme"});
  std::set<std::string> seen;
  for (std::size_t index = 0; index < rules.themes.size(); ++index) {
    const std::string& theme = rules.themes[index];
    const std::string path = fmt::format("themes[{}]", index);
    if (theme.find_first_not_of(" \t") == std::string::npos) {
      issues.push_back({ErrorCode::kInvalidValue, path, "a theme needs a name"});
    } else if (!seen.insert(theme).second) {
      issues.push_back({ErrorCode::kDuplicate, path, fmt::format("\"{}\" is named twice", theme)});
    }
  }
  if (rules.inspections_considered < 1 || rules.inspections_considered > 10) {
    issues.push_back({ErrorCode::kInvalidValue, "inspections_considered",
                      fmt::format("expected 1 to 10 inspections; found {}", rules.inspections_considered)});
  }
  for (const auto& [path, grade] : {std::pair<const char*, int>{"admission_min_grade", rules.admission_min_grade},
                                    std::pair<const char*, int>{"uplift_min_grade", rules.uplift_min_grade}}) {
    if (grade < kLowestGrade || grade > kHighestGrade) {
      issues.push_back({ErrorCode::kInvalidValue, path, fmt::format("expected a grade from 1 to 6; found {}", grade)});
    }
  }
  if (rules.uplift_min_grade < rules.admission_min_grade) {
    issues.push_back({ErrorCode::kInvalidValue, "uplift_min_grade",
                      fmt::format("the grade for uplifts ({}) is below the grade for admission ({})",
                                  rules.uplift_min_grade, rules.admission_min_grade)});
  }
  return issues;
}

Issues check_inspection(const FrameworkRules& rules, const Inspection& inspection, const std::string& path) {
  Issues issues;
  const std::string grades_path = field_path(path, "grades");
  for (const std::string& theme : rules.themes) {
    if (!inspection.grades.contains(theme)) {
      issues.push_back({ErrorCode::kMissingField, grades_path, fmt::format("no grade for {}", theme)});
    }
  }
  for (const auto& [theme, grade] : inspection.grades) {
    const std::string grade_path = field_path(grades_path, theme);
    if (std::find(rules.themes.begin(), rules.themes.end(), theme) == rules.themes.end()) {
      issues.push_back({ErrorCode::kUnknownReference, grade_path, fmt::format("\"{}\" is not a theme of the framework", theme)});
    } else if (grade < kLowestGrade || grade > kHighestGrade) {
      issues.push_back({ErrorCode::kInvalidValue, grade_path, fmt::format("expected a grade from 1 to 6; found {}", grade)});
    }
  }
  return issues;
}

FrameworkStanding evaluate(const FrameworkRules& rules, std::vector<Inspection> inspections) {
  std::stable_sort(inspections.begin(), inspections.end(),
                   [](const Inspection& left, const Inspection& right) { return left.date > right.date; });
  if (inspections.size() > static_cast<std::size_t>(rules.inspections_considered)) {
    inspections.resize(static_cast<std::size_t>(rules.inspections_considered));
  }
  FrameworkStanding standing;
  standing.reasons = gate_reasons(rules, inspections, rules.admission_min_grade, "admission");
  standing.admitted = standing.reasons.empty();
  std::vector<std::string> uplift = gate_reasons(rules, inspections, rules.uplift_min_grade,
                                                 "uplifts and the personal budget model");
  standing.uplift_and_personal_budget = standing.admitted && uplift.empty();
  // Once admission fails, the reasons already say why the higher gate fails too.
  if (standing.admitted) standing.reasons = std::move(uplift);
  return standing;
}

Consequence consequence_of(const FrameworkRules& rules, const std::vector<Inspection>& recorded,
                           const Inspection& new_inspection, const PackagesByModel& packages) {
  Consequence consequence;
  consequence.before = evaluate(rules, recorded);
  std::vector<Inspection> after = recorded;
  after.push_back(new_inspection);
  consequence.after = evaluate(rules, after);
  std::vector<std::string> changes;
  const FrameworkStanding& was = consequence.before;
  const FrameworkStanding& now = consequence.after;
  if (was.admitted && !now.admitted) {
    changes.emplace_back("leaves the framework");
    consequence.packages_affected = packages.time_and_task + packages.personal_budget;
  } else if (!was.admitted && now.admitted) {
    changes.emplace_back("joins the framework");
  }
  if (was.uplift_and_personal_budget && !now.uplift_and_personal_budget) {
    changes.emplace_back("loses personal budget model eligibility");
    if (now.admitted) consequence.packages_affected = packages.personal_budget;
  } else if (!was.uplift_and_personal_budget && now.uplift_and_personal_budget) {
    changes.emplace_back("gains personal budget model eligibility");
  }
  if (changes.empty()) {
    consequence.summary = "no change to its place on the framework";
    return consequence;
  }
  for (const std::string& change : changes) {
    consequence.summary += (consequence.summary.empty() ? "" : "; ") + change;
  }
  if (consequence.packages_affected > 0) {
    consequence.summary += fmt::format("; {} package{} affected", consequence.packages_affected,
                                       consequence.packages_affected == 1 ? "" : "s");
  }
  return consequence;
}

std::string grade_words(int grade) {
  static const char* const kWords[] = {"unsatisfactory", "weak", "adequate", "good", "very good", "excellent"};
  if (grade < kLowestGrade || grade > kHighestGrade) return std::to_string(grade);
  return fmt::format("{} ({})", grade, kWords[grade - 1]);
}

}  // namespace allot::care_at_home
