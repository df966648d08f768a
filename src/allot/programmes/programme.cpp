#include "allot/programmes/programme.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

namespace allot::programmes {

using nlohmann::json;

namespace {

std::string trim(std::string_view text) {
  std::size_t first = 0;
  std::size_t last = text.size();
  while (first < last && std::isspace(static_cast<unsigned char>(text[first]))) ++first;
  while (last > first && std::isspace(static_cast<unsigned char>(text[last - 1]))) --last;
  return std::string(text.substr(first, last - first));
}

std::string lower(std::string text) {
  for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text;
}

bool valid_year(const std::string& year) {
  if (year.size() != 7 || year[4] != '/') return false;
  for (std::size_t at : {0, 1, 2, 3, 5, 6}) {
    if (!std::isdigit(static_cast<unsigned char>(year[at]))) return false;
  }
  const int start = std::stoi(year.substr(0, 4));
  const int end = std::stoi(year.substr(5, 2));
  return (start + 1) % 100 == end;
}

bool checked_add(std::int64_t& total, std::int64_t amount) { return !__builtin_add_overflow(total, amount, &total); }

std::string describe(const StatedTotal& total) {
  std::vector<std::string> parts;
  if (!total.workstream.empty()) parts.push_back(fmt::format("workstream \"{}\"", total.workstream));
  if (!total.project.empty()) parts.push_back(fmt::format("project \"{}\"", total.project));
  if (!total.source.empty()) parts.push_back(fmt::format("source \"{}\"", total.source));
  parts.push_back(total.financial_year.empty() ? "every year" : total.financial_year);
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : ", ") + part;
  return text;
}

constexpr const char* kColumns[] = {"record", "programme", "workstream", "project", "source", "financial_year", "amount", "status"};

}  // namespace

std::optional<Money> parse_pounds(std::string_view raw) {
  std::string text = trim(raw);
  if (text.rfind("\xC2\xA3", 0) == 0) text = text.substr(2);  // "£"
  std::string digits;
  int decimals = -1;
  for (char ch : text) {
    if (ch == ',' && decimals < 0) continue;
    if (ch == '.' && decimals < 0) {
      decimals = 0;
      continue;
    }
    if (!std::isdigit(static_cast<unsigned char>(ch))) return std::nullopt;
    if (decimals >= 0 && ++decimals > 2) return std::nullopt;
    digits += ch;
  }
  if (digits.empty() || digits.size() > 15) return std::nullopt;
  std::int64_t value = std::stoll(digits);
  const int pence_digits = decimals < 0 ? 0 : decimals;
  for (int scale = pence_digits; scale < 2; ++scale) value *= 10;
  return Money::from_pence(value);
}

Result<ProgrammeImport> read_programme(const std::vector<Row>& rows, std::string_view source_name) {
  Issues issues;
  auto at_row = [&](int row) { return fmt::format("{}:{}", source_name, row); };
  if (rows.empty()) return fail(ErrorCode::kMissingField, std::string(source_name), "is empty; expected a header row");
  std::map<std::string, std::size_t> column;
  for (std::size_t index = 0; index < rows[0].size(); ++index) {
    const std::string name = lower(trim(rows[0][index]));
    if (name.empty()) continue;
    if (std::find(std::begin(kColumns), std::end(kColumns), name) == std::end(kColumns)) {
      issues.push_back({ErrorCode::kInvalidValue, at_row(1),
                        fmt::format("column \"{}\" is not known; expected record, programme, workstream, project, "
                                    "source, financial_year, amount, status",
                                    rows[0][index])});
    } else if (!column.emplace(name, index).second) {
      issues.push_back({ErrorCode::kDuplicate, at_row(1), fmt::format("column \"{}\" appears twice", name)});
    }
  }
  for (const char* required : kColumns) {
    if (std::string_view(required) == "status") continue;
    if (!column.contains(required)) {
      issues.push_back({ErrorCode::kMissingField, at_row(1), fmt::format("column \"{}\" is missing", required)});
    }
  }
  if (!issues.empty()) return fail(std::move(issues));

  ProgrammeImport result;
  for (std::size_t index = 1; index < rows.size(); ++index) {
    const Row& row = rows[index];
    const int row_number = static_cast<int>(index) + 1;
    if (std::all_of(row.begin(), row.end(), [](const std::string& cell) { return trim(cell).empty(); })) continue;
    auto cell = [&](const char* name) -> std::string {
      auto found = column.find(name);
      if (found == column.end() || found->second >= row.size()) return "";
      return trim(row[found->second]);
    };
    auto problem = [&](ErrorCode code, std::string message) { issues.push_back({code, at_row(row_number), std::move(message)}); };

    const std::string record = lower(cell("record"));
    const std::string programme = cell("programme");
    if (programme.empty()) {
      problem(ErrorCode::kMissingField, "programme: is empty");
    } else if (result.programme.empty()) {
      result.programme = programme;
    } else if (programme != result.programme) {
      problem(ErrorCode::kInvalidValue, fmt::format("programme: \"{}\" differs from \"{}\" on the first row; import "
                                                    "one programme at a time",
                                                    programme, result.programme));
    }
    const std::string year = cell("financial_year");
    if (!year.empty() && !valid_year(year)) {
      problem(ErrorCode::kInvalidValue, fmt::format("financial_year: \"{}\" is not a financial year; expected the form "
                                                    "2008/09",
                                                    year));
    }
    std::optional<Money> amount = parse_pounds(cell("amount"));
    if (!amount) {
      problem(ErrorCode::kInvalidValue, fmt::format("amount: \"{}\" is not an amount of pounds; expected e.g. 42000 or "
                                                    "42,000.50, not negative",
                                                    cell("amount")));
    }
    if (record == "line") {
      ProgrammeLine line{row_number, cell("workstream"), cell("project"), cell("source"), year, amount.value_or(Money{}), true};
      if (line.workstream.empty()) problem(ErrorCode::kMissingField, "workstream: a line needs its workstream");
      if (line.project.empty()) problem(ErrorCode::kMissingField, "project: a line needs its project");
      if (line.source.empty()) problem(ErrorCode::kMissingField, "source: a line needs its funding source");
      if (year.empty()) problem(ErrorCode::kMissingField, "financial_year: a line needs its financial year");
      const std::string status = lower(cell("status"));
      if (status == "tbc") {
        line.confirmed = false;
      } else if (!status.empty() && status != "confirmed") {
        problem(ErrorCode::kInvalidValue,
                fmt::format("status: \"{}\" is not a status; expected confirmed, tbc or blank", cell("status")));
      }
      result.lines.push_back(std::move(line));
    } else if (record == "total") {
      result.totals.push_back(StatedTotal{row_number, cell("workstream"), cell("project"), cell("source"), year,
                                          amount.value_or(Money{})});
    } else {
      problem(ErrorCode::kInvalidValue, fmt::format("record: \"{}\" is not a record type; expected line or total",
                                                    cell("record")));
    }
  }
  if (result.lines.empty() && issues.empty()) {
    issues.push_back({ErrorCode::kMissingField, std::string(source_name), "has no lines"});
  }
  if (result.totals.empty() && issues.empty()) {
    issues.push_back({ErrorCode::kMissingField, std::string(source_name),
                      "states no totals; add at least the grand total (a \"total\" row with every other column blank) "
                      "so the import can be checked"});
  }
  if (!issues.empty()) return fail(std::move(issues));

  // Every stated total against the lines it covers.
  for (const StatedTotal& total : result.totals) {
    std::int64_t sum = 0;
    bool overflowed = false;
    for (const ProgrammeLine& line : result.lines) {
      if ((total.workstream.empty() || total.workstream == line.workstream) &&
          (total.project.empty() || total.project == line.project) &&
          (total.source.empty() || total.source == line.source) &&
          (total.financial_year.empty() || total.financial_year == line.financial_year)) {
        if (!checked_add(sum, line.amount.pence())) overflowed = true;
      }
    }
    if (overflowed) {
      issues.push_back({ErrorCode::kInvalidValue, at_row(total.row), "the lines add up to more than can be held"});
    } else if (sum != total.amount.pence()) {
      const Money found = Money::from_pence(sum);
      issues.push_back({ErrorCode::kInvalidValue, at_row(total.row),
                        fmt::format("stated total for {} is {}; the lines add up to {} (difference {})",
                                    describe(total), format_pounds(total.amount), format_pounds(found),
                                    format_pounds(found - total.amount))});
    }
  }
  if (!issues.empty()) return fail(std::move(issues));
  return result;
}

namespace {

struct Amount {
  std::int64_t confirmed = 0;
  std::int64_t tbc = 0;
  bool add(const ProgrammeLine& line) {
    return checked_add(line.confirmed ? confirmed : tbc, line.amount.pence());
  }
  json to_json() const {
    return {{"confirmed_pence", confirmed}, {"tbc_pence", tbc}, {"total_pence", confirmed + tbc}};
  }
};

// Amounts by year (and in total) for one group of lines.
struct Group {
  std::map<std::string, Amount> by_year;
  Amount total;
  bool add(const ProgrammeLine& line) { return by_year[line.financial_year].add(line) && total.add(line); }
  json to_json(const std::vector<std::string>& years) const {
    json out = json::object();
    for (const std::string& year : years) {
      auto found = by_year.find(year);
      out[year] = (found == by_year.end() ? Amount{} : found->second).to_json();
    }
    return out;
  }
};

template <typename Key>
void remember(std::vector<Key>& order, const Key& key) {
  if (std::find(order.begin(), order.end(), key) == order.end()) order.push_back(key);
}

}  // namespace

Result<json> programme_report(const std::string& programme, const std::vector<ProgrammeLine>& lines,
                              const std::vector<StatedTotal>& totals) {
  std::set<std::string> year_set;
  std::vector<std::string> sources;
  std::set<std::string> funded;
  for (const ProgrammeLine& line : lines) funded.insert(line.source);
  for (const StatedTotal& total : totals) {
    if (!total.source.empty() && funded.contains(total.source)) remember(sources, total.source);
  }
  std::vector<std::string> workstreams;
  std::vector<std::pair<std::string, std::string>> projects;
  Group all;
  std::map<std::string, Group> by_source;
  std::map<std::string, Group> by_workstream;
  std::map<std::pair<std::string, std::string>, Group> by_workstream_source;
  std::map<std::pair<std::string, std::string>, Group> by_project;
  bool ok = true;
  for (const ProgrammeLine& line : lines) {
    year_set.insert(line.financial_year);
    remember(sources, line.source);
    remember(workstreams, line.workstream);
    remember(projects, std::pair{line.workstream, line.project});
    ok = all.add(line) && ok;
    ok = by_source[line.source].add(line) && ok;
    ok = by_workstream[line.workstream].add(line) && ok;
    ok = by_workstream_source[{line.workstream, line.source}].add(line) && ok;
    ok = by_project[{line.workstream, line.project}].add(line) && ok;
  }
  // Overflow of the confirmed + tbc pair is impossible once each fits: both are
  // sums of non-negative amounts whose total was itself checked in `all`.
  if (!ok || all.total.confirmed > INT64_MAX - all.total.tbc) {
    return fail(ErrorCode::kInvalidValue, "lines", "the programme's amounts add up to more than can be held");
  }
  const std::vector<std::string> years(year_set.begin(), year_set.end());
  json report = {{"programme", programme}, {"years", years}, {"sources", sources}, {"workstreams", workstreams}};
  report["by_year"] = all.to_json(years);
  report["total"] = all.total.to_json();
  report["by_source"] = json::array();
  for (const std::string& source : sources) {
    report["by_source"].push_back({{"source", source},
                                   {"years", by_source[source].to_json(years)},
                                   {"total", by_source[source].total.to_json()}});
  }
  report["by_workstream"] = json::array();
  for (const std::string& workstream : workstreams) {
    json by_source_json = json::array();
    for (const std::string& source : sources) {
      auto found = by_workstream_source.find({workstream, source});
      if (found == by_workstream_source.end()) continue;
      by_source_json.push_back({{"source", source}, {"years", found->second.to_json(years)}, {"total", found->second.total.to_json()}});
    }
    report["by_workstream"].push_back({{"workstream", workstream},
                                       {"years", by_workstream[workstream].to_json(years)},
                                       {"total", by_workstream[workstream].total.to_json()},
                                       {"by_source", by_source_json}});
  }
  report["by_project"] = json::array();
  for (const auto& key : projects) {
    report["by_project"].push_back({{"workstream", key.first},
                                    {"project", key.second},
                                    {"years", by_project[key].to_json(years)},
                                    {"total", by_project[key].total.to_json()}});
  }
  return report;
}

}  // namespace allot::programmes
