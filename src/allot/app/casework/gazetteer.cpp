#include "allot/app/casework/gazetteer.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

#include "allot/app/casework/repositories.h"
#include "allot/app/journey/journey_core.h"
#include "allot/app/journey/repositories.h"
#include "allot/app/shared/access_policy.h"
#include "allot/app/shared/audit_log.h"
#include "allot/base/fraction.h"
#include "allot/journey/person.h"
#include "allot/programmes/csv.h"

namespace allot::app {

namespace {

template <typename T>
tl::unexpected<Issues> pass(const Result<T>& result) {
  return tl::unexpected<Issues>(result.error());
}

constexpr const char* kColumns[] = {"uprn", "postcode", "address", "latitude", "longitude"};

std::string lower_trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  const std::size_t last = text.find_last_not_of(" \t\r\n");
  std::string out(text.substr(first, last - first + 1));
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  const std::size_t last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

// Decimal degrees within ±limit, kept as the text given; a problem otherwise.
std::optional<std::string> degrees_problem(const std::string& text, int limit) {
  if (text.empty()) return "is empty";
  auto value = Fraction::parse(text);
  if (!value) return fmt::format("\"{}\" is not a decimal number of degrees", text);
  if (*value < Fraction(-limit) || Fraction(limit) < *value) {
    return fmt::format("{} is outside -{} to {} degrees", text, limit, limit);
  }
  return std::nullopt;
}

// Lower-case words of letters and digits: "12, Osmaston Road" and "12 osmaston road" match.
std::string address_key(std::string_view address) {
  std::string key;
  bool gap = false;
  for (const char c : address) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      if (gap && !key.empty()) key += ' ';
      key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      gap = false;
    } else {
      gap = true;
    }
  }
  return key;
}

}  // namespace

Result<std::vector<GazetteerAddress>> read_gazetteer_csv(std::string_view text, std::string_view source_name) {
  auto rows = programmes::parse_csv(text, source_name);
  if (!rows) return pass(rows);
  Issues issues;
  const std::string source(source_name);
  if (rows->empty()) {
    return fail(ErrorCode::kMissingField, source,
                "the file is empty; the first row names the columns uprn, postcode, address, latitude, longitude");
  }
  std::map<std::string, std::size_t> column;
  for (std::size_t index = 0; index < rows->front().size(); ++index) {
    const std::string name = lower_trimmed(rows->front()[index]);
    if (std::find(std::begin(kColumns), std::end(kColumns), name) == std::end(kColumns)) {
      issues.push_back({ErrorCode::kInvalidValue, source,
                        fmt::format("column {} is \"{}\"; the columns are uprn, postcode, address, latitude, longitude",
                                    index + 1, rows->front()[index])});
    } else if (!column.emplace(name, index).second) {
      issues.push_back({ErrorCode::kDuplicate, source, fmt::format("the column \"{}\" appears twice", name)});
    }
  }
  for (const char* required : {"address", "latitude", "longitude"}) {
    if (!column.contains(required)) {
      issues.push_back({ErrorCode::kMissingField, source, fmt::format("there is no \"{}\" column", required)});
    }
  }
  if (!column.contains("uprn") && !column.contains("postcode")) {
    issues.push_back({ErrorCode::kMissingField, source, "give a \"postcode\" column, a \"uprn\" column or both"});
  }
  if (!issues.empty()) return fail(std::move(issues));
  auto cell = [&](const programmes::Row& row, const char* name) -> std::string {
    const auto found = column.find(name);
    if (found == column.end() || found->second >= row.size()) return "";
    return trimmed(row[found->second]);
  };
  std::vector<GazetteerAddress> addresses;
  std::set<std::string> uprns;
  for (std::size_t row_index = 1; row_index < rows->size(); ++row_index) {
    const programmes::Row& row = (*rows)[row_index];
    const std::string path = fmt::format("{}:{}", source, row_index + 1);
    if (std::all_of(row.begin(), row.end(), [](const std::string& value) { return trimmed(value).empty(); })) continue;
    if (row.size() > rows->front().size()) {
      issues.push_back({ErrorCode::kInvalidValue, path,
                        fmt::format("has {} cells but the header names {} columns", row.size(), rows->front().size())});
      continue;
    }
    GazetteerAddress address;
    address.line = static_cast<int>(row_index + 1);
    address.uprn = cell(row, "uprn");
    address.address = cell(row, "address");
    address.latitude = cell(row, "latitude");
    address.longitude = cell(row, "longitude");
    const std::string postcode = cell(row, "postcode");
    if (!postcode.empty()) {
      if (auto normal = journey::normalise_postcode(postcode)) {
        address.postcode = *normal;
      } else {
        issues.push_back({ErrorCode::kInvalidValue, path, fmt::format("postcode \"{}\" is not a UK postcode", postcode)});
      }
    }
    if (postcode.empty() && address.uprn.empty()) {
      issues.push_back({ErrorCode::kMissingField, path, "give a postcode, a UPRN or both"});
    }
    if (!address.uprn.empty()) {
      if (address.uprn.size() > 12 ||
          !std::all_of(address.uprn.begin(), address.uprn.end(), [](unsigned char c) { return std::isdigit(c); })) {
        issues.push_back({ErrorCode::kInvalidValue, path,
                          fmt::format("UPRN \"{}\" must be a number of up to 12 digits", address.uprn)});
      } else if (!uprns.insert(address.uprn).second) {
        issues.push_back({ErrorCode::kDuplicate, path, fmt::format("UPRN {} appears on an earlier row", address.uprn)});
      }
    }
    if (address.address.empty()) issues.push_back({ErrorCode::kMissingField, path, "address is empty"});
    if (auto problem = degrees_problem(address.latitude, 90)) {
      issues.push_back({ErrorCode::kInvalidValue, path, "latitude " + *problem});
    }
    if (auto problem = degrees_problem(address.longitude, 180)) {
      issues.push_back({ErrorCode::kInvalidValue, path, "longitude " + *problem});
    }
    addresses.push_back(std::move(address));
  }
  if (addresses.empty() && issues.empty()) {
    issues.push_back({ErrorCode::kMissingField, source, "the file has a header but no addresses"});
  }
  if (!issues.empty()) return fail(std::move(issues));
  return addresses;
}

Result<GazetteerImport> Gazetteer::import_in(Transaction& tx, const Actor& by, Timestamp now, std::string_view text,
                                             std::string_view source_name) {
  auto addresses = read_gazetteer_csv(text, source_name);
  if (!addresses) return pass(addresses);
  Result<GazetteerImport> added = tx.get<GazetteerRepository>().add(source_name, *addresses, by, now);
  if (!added) return added;
  Result<AuditEntry> audited = tx.get<AuditRepository>().append(
      NewAuditEntry{by, "import_gazetteer", fmt::format("gazetteer:{}", added->id),
                    fmt::format("{} addresses from {}", added->addresses, source_name)},
      now);
  if (!audited) return pass(audited);
  return added;
}

Result<GazetteerImport> Gazetteer::import_csv(const Principal& by, std::string_view text, std::string_view source_name) {
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<GazetteerImport> {
    if (auto allowed = AccessPolicy::standard().check(by, "addresses.import"); !allowed) return pass(allowed);
    return import_in(tx, by.actor(), clock_.now(), text, source_name);
  });
}

Result<std::optional<GazetteerImport>> Gazetteer::latest(const Principal& by) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::optional<GazetteerImport>> {
    if (auto allowed = AccessPolicy::standard().check(by, "addresses.read"); !allowed) return pass(allowed);
    return tx.get<GazetteerRepository>().latest();
  });
}

Result<std::vector<GazetteerAddress>> Gazetteer::find(const Principal& by, std::string_view postcode,
                                                      std::string_view uprn) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<GazetteerAddress>> {
    if (auto allowed = AccessPolicy::standard().check(by, "addresses.read"); !allowed) return pass(allowed);
    std::string normal;
    if (!trimmed(postcode).empty()) {
      auto checked = journey::normalise_postcode(postcode);
      if (!checked) {
        return fail(ErrorCode::kInvalidValue, "postcode", fmt::format("\"{}\" is not a UK postcode", postcode));
      }
      normal = *checked;
    }
    if (normal.empty() && trimmed(uprn).empty()) return fail(ErrorCode::kMissingField, "postcode", "give a postcode or a UPRN");
    return tx.get<GazetteerRepository>().find(normal, trimmed(uprn));
  });
}

Result<std::optional<Location>> Gazetteer::locate(const Principal& by, Id person_id) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::optional<Location>> {
    if (auto allowed = AccessPolicy::standard().check(by, "notes.read", Subject{person_id}); !allowed) {
      return pass(allowed);
    }
    return locate_in(tx, person_id);
  });
}

Result<std::optional<Location>> Gazetteer::locate_in(Transaction& tx, Id person_id) {
  Result<PersonRecord> record = tx.get<PersonRepository>().get(person_id);
  if (!record) return pass(record);
  Result<journey::Person> person = JourneyCore::person_of(*record);
  if (!person) return pass(person);
  const auto postcode = journey::normalise_postcode(person->details.postcode);
  if (!postcode) return std::optional<Location>();
  Result<std::vector<GazetteerAddress>> found = tx.get<GazetteerRepository>().find(*postcode, "");
  if (!found) return pass(found);
  if (found->empty()) return std::optional<Location>();
  const std::string wanted = address_key(person->details.address);
  const GazetteerAddress* best = nullptr;
  for (const GazetteerAddress& address : *found) {
    const std::string key = address_key(address.address);
    if (!wanted.empty() && (key == wanted || key.starts_with(wanted + " "))) {
      best = &address;
      break;
    }
  }
  const bool by_address = best != nullptr;
  if (best == nullptr) best = &found->front();
  return std::optional<Location>(
      Location{best->latitude, best->longitude, by_address ? "address" : "postcode", best->address, best->uprn});
}

}  // namespace allot::app
