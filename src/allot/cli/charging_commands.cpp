// allot charging contribution: a weekly contribution with its derivation.
// allot programmes check: a grant programme spreadsheet (CSV) against its stated totals.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "allot/charging/contribution.h"
#include "allot/charging/rules.h"
#include "allot/cli/commands.h"
#include "allot/cli/files.h"
#include "allot/programmes/csv.h"
#include "allot/programmes/programme.h"

namespace allot::cli {

void add_charging_commands(CLI::App& app, int& exit_code) {
  auto* charging = app.add_subcommand("charging", "Charging: what a person pays towards their care (Care Act s26)");
  charging->require_subcommand(1);
  auto* command = charging->add_subcommand("contribution", "Work out a weekly contribution from charging rules and a financial assessment");
  auto rules_path = std::make_shared<std::string>();
  auto assessment_path = std::make_shared<std::string>();
  auto weekly_cost = std::make_shared<std::int64_t>(0);
  auto as_json = std::make_shared<bool>(false);
  command->add_option("RULES", *rules_path, "Charging rules JSON file")->required();
  command->add_option("ASSESSMENT", *assessment_path, "Financial assessment JSON file")->required();
  command->add_option("--weekly-cost-pence", *weekly_cost, "The weekly cost of care in pence")->required();
  command->add_flag("--json", *as_json, "Print the result as JSON");
  command->callback([=, &exit_code] {
    auto rules_document = read_json_file(*rules_path);
    if (!rules_document) {
      print_issues("allot: cannot read the charging rules", rules_document.error());
      exit_code = kExitInvalidInput;
      return;
    }
    auto rules = charging::parse_charging_rules(*rules_document);
    if (!rules) {
      print_issues("allot: " + *rules_path + " are not valid charging rules", rules.error());
      exit_code = kExitInvalidInput;
      return;
    }
    auto body = read_json_file(*assessment_path);
    auto assessment = body ? charging::parse_financial_assessment(*body, *rules) : fail(body.error());
    if (!assessment) {
      print_issues("allot: " + *assessment_path + " is not a valid financial assessment", assessment.error());
      exit_code = kExitInvalidInput;
      return;
    }
    auto calculation = charging::calculate_contribution(*rules, *assessment, Money::from_pence(*weekly_cost));
    if (!calculation) {
      print_issues("allot: the contribution cannot be worked out", calculation.error());
      exit_code = kExitInvalidInput;
      return;
    }
    if (*as_json) {
      std::cout << charging::calculation_to_json(*calculation).dump(2) << "\n";
    } else {
      std::cout << fmt::format("Weekly contribution under {} (version {})\n", rules->title, rules->version);
      std::cout << fmt::format("  Cost of care:              {} a week\n", format_pounds(calculation->weekly_cost));
      std::cout << fmt::format("  The person pays:           {} a week\n", format_pounds(calculation->contribution));
      std::cout << fmt::format("  The council and NHS pay:   {} a week\n\n", format_pounds(calculation->public_share));
      std::cout << "How it was worked out:\n";
      for (const std::string& line : calculation->derivation) std::cout << "  " << line << "\n";
    }
    exit_code = kExitOk;
  });

  auto* programmes_command = app.add_subcommand("programmes", "Grant programmes funded by several sources over several years");
  programmes_command->require_subcommand(1);
  auto* check = programmes_command->add_subcommand("check", "Check a programme spreadsheet (CSV) against its stated totals and report it");
  auto csv_path = std::make_shared<std::string>();
  auto check_json = std::make_shared<bool>(false);
  check->add_option("CSV", *csv_path, "Programme CSV file (docs/programmes.md)")->required();
  check->add_flag("--json", *check_json, "Print the report as JSON");
  check->callback([=, &exit_code] {
    auto text = read_text_file(*csv_path);
    auto rows = text ? programmes::parse_csv(*text, *csv_path) : fail(text.error());
    auto programme = rows ? programmes::read_programme(*rows, *csv_path) : fail(rows.error());
    if (!programme) {
      print_issues("allot: " + *csv_path + " was not accepted", programme.error());
      exit_code = kExitInvalidInput;
      return;
    }
    auto report = programmes::programme_report(programme->programme, programme->lines, programme->totals);
    if (!report) {
      print_issues("allot: the programme cannot be reported", report.error());
      exit_code = kExitInvalidInput;
      return;
    }
    if (*check_json) {
      std::cout << report->dump(2) << "\n";
    } else {
      std::cout << fmt::format("{}: {} lines; all {} stated totals agree\n", programme->programme, programme->lines.size(),
                               programme->totals.size());
      for (const auto& year : (*report)["years"]) {
        const auto& amount = (*report)["by_year"][year.get<std::string>()];
        std::cout << fmt::format("\n{}: {} ({} confirmed, {} to be confirmed)\n", year.get<std::string>(),
                                 format_pounds(Money::from_pence(amount["total_pence"].get<std::int64_t>())),
                                 format_pounds(Money::from_pence(amount["confirmed_pence"].get<std::int64_t>())),
                                 format_pounds(Money::from_pence(amount["tbc_pence"].get<std::int64_t>())));
        for (const auto& source : (*report)["by_source"]) {
          std::cout << fmt::format("  {:<24} {:>14}\n", source["source"].get<std::string>(),
                                   format_pounds(Money::from_pence(
                                       source["years"][year.get<std::string>()]["total_pence"].get<std::int64_t>())));
        }
        for (const auto& workstream : (*report)["by_workstream"]) {
          std::cout << fmt::format("  {:<40} {:>14}\n", workstream["workstream"].get<std::string>(),
                                   format_pounds(Money::from_pence(
                                       workstream["years"][year.get<std::string>()]["total_pence"].get<std::int64_t>())));
        }
      }
    }
    exit_code = kExitOk;
  });
}

}  // namespace allot::cli
