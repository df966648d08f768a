#include "allot/app/ras/rulebook_service.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/app/shared/access_policy.h"

namespace allot::app {

namespace {

using nlohmann::json;

const char* json_type_name(const json& value) {
  if (value.is_string()) return "a string";
  if (value.is_number_integer()) return "an integer";
  if (value.is_number()) return "a number";
  if (value.is_boolean()) return "a boolean";
  if (value.is_array()) return "an array";
  if (value.is_object()) return "an object";
  return "null";
}

}  // namespace

Result<RulebookHeader> read_rulebook_header(std::string_view document) {
  const json parsed = json::parse(document, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return fail(ErrorCode::kMalformed, "", "is not valid JSON");
  if (!parsed.is_object()) return fail(ErrorCode::kMalformed, "", "must be a JSON object");
  Issues issues;
  RulebookHeader header;
  auto field = [&](const char* name) -> const json* {
    auto found = parsed.find(name);
    if (found == parsed.end()) {
      issues.push_back({ErrorCode::kMissingField, name, "is required"});
      return nullptr;
    }
    return &*found;
  };
  auto non_empty_string = [&](const char* name, std::string& out) {
    const json* value = field(name);
    if (!value) return;
    if (!value->is_string()) {
      issues.push_back({ErrorCode::kWrongType, name, fmt::format("must be a string; found {}", json_type_name(*value))});
    } else if (value->get<std::string>().empty()) {
      issues.push_back({ErrorCode::kInvalidValue, name, "must not be empty"});
    } else {
      out = value->get<std::string>();
    }
  };
  non_empty_string("id", header.id);
  if (const json* version = field("version")) {
    if (!version->is_number_integer()) {
      issues.push_back({ErrorCode::kWrongType, "version",
                        fmt::format("must be an integer; found {}", json_type_name(*version))});
    } else if (version->get<std::int64_t>() < 1 || version->get<std::int64_t>() > 1'000'000) {
      issues.push_back({ErrorCode::kInvalidValue, "version",
                        fmt::format("must be between 1 and 1000000; found {}", version->get<std::int64_t>())});
    } else {
      header.version = version->get<int>();
    }
  }
  non_empty_string("title", header.title);
  std::string effective_from;
  non_empty_string("effective_from", effective_from);
  if (!effective_from.empty()) {
    auto date = Date::parse(effective_from);
    if (!date) {
      issues.push_back({ErrorCode::kInvalidValue, "effective_from",
                        fmt::format("\"{}\" is not a date; expected YYYY-MM-DD", effective_from)});
    } else {
      header.effective_from = *date;
    }
  }
  if (!issues.empty()) return fail(std::move(issues));
  return header;
}

Result<std::string> with_rulebook_version(std::string_view document, int version) {
  json parsed = json::parse(document, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) return fail(ErrorCode::kMalformed, "", "must be a JSON object");
  parsed["version"] = version;
  return parsed.dump(2);
}

Result<RulebookVersion> RulebookService::publish(std::string_view document, const Principal& by) {
  Result<RulebookHeader> header = read_rulebook_header(document);
  if (!header) return tl::unexpected<Issues>(header.error());
  const Timestamp now = clock_.now();
  RulebookVersion rulebook{header->id,           header->version, header->title, header->effective_from,
                           std::string(document), by.username,     now};
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<RulebookVersion> {
    if (Result<tl::monostate> allowed = AccessPolicy::standard().check(by, "rulebooks.draft"); !allowed) {
      return tl::unexpected<Issues>(std::move(allowed.error()));
    }
    Result<Unit> published = tx.get<app::RulebookRepository>().publish(rulebook);
    if (!published) return tl::unexpected<Issues>(published.error());
    Result<AuditEntry> audited = tx.get<app::AuditRepository>().append(
        NewAuditEntry{by.actor(), "publish_rulebook", fmt::format("rulebook:{}/{}", rulebook.rulebook_id, rulebook.version),
                      rulebook.title},
        now);
    if (!audited) return tl::unexpected<Issues>(audited.error());
    return rulebook;
  });
}

Result<int> RulebookService::next_version(std::string_view rulebook_id) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<int> {
    Result<RulebookVersion> latest = tx.get<app::RulebookRepository>().latest(rulebook_id);
    if (!latest && latest.error().front().code != ErrorCode::kNotFound) return tl::unexpected<Issues>(latest.error());
    Result<int> drafted = tx.get<app::DraftVersionRepository>().highest_version(rulebook_id);
    if (!drafted) return tl::unexpected<Issues>(drafted.error());
    return std::max(latest ? latest->version : 0, *drafted) + 1;
  });
}

Result<RulebookVersion> RulebookService::get(std::string_view rulebook_id, int version) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) { return tx.get<app::RulebookRepository>().get(rulebook_id, version); });
}

Result<RulebookVersion> RulebookService::latest(std::string_view rulebook_id) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) { return tx.get<app::RulebookRepository>().latest(rulebook_id); });
}

Result<std::vector<RulebookSummary>> RulebookService::list() {
  Result<std::vector<RulebookVersion>> versions =
      in_transaction(store_, Access::kRead, [&](Transaction& tx) { return tx.get<app::RulebookRepository>().list_versions(); });
  if (!versions) return tl::unexpected<Issues>(versions.error());
  const Date on = today();
  std::vector<RulebookSummary> summaries;
  const RulebookVersion* in_force = nullptr;  // of the rulebook being gathered
  for (const RulebookVersion& version : *versions) {
    if (summaries.empty() || summaries.back().id != version.rulebook_id) {
      summaries.push_back(RulebookSummary{version.rulebook_id, "", 0, {}, std::nullopt});
      in_force = nullptr;
    }
    RulebookSummary& summary = summaries.back();
    summary.title = version.title;
    summary.latest_version = version.version;
    summary.versions.push_back(
        {version.version, version.title, version.effective_from, version.published_at, version.published_by});
    // As RulebookRepository::in_force: the latest to start by today, the higher
    // version on a tie (versions come in ascending order).
    if (version.effective_from <= on && (in_force == nullptr || version.effective_from >= in_force->effective_from)) {
      summary.in_force_version = version.version;
      in_force = &version;
    }
  }
  return summaries;
}

Result<RulebookDraft> RulebookService::save_draft(std::string_view rulebook_id, std::string_view document,
                                                  std::optional<std::int64_t> expected_row_version, const Principal& by) {
  const json parsed = json::parse(document, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) return fail(ErrorCode::kMalformed, "", "must be a JSON object");
  auto id = parsed.find("id");
  if (id == parsed.end() || !id->is_string() || id->get<std::string>() != rulebook_id) {
    return fail(ErrorCode::kInvalidValue, "id", fmt::format("must be \"{}\", the draft's rulebook id", rulebook_id));
  }
  const Timestamp now = clock_.now();
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<RulebookDraft> {
    if (Result<tl::monostate> allowed = AccessPolicy::standard().check(by, "rulebooks.draft"); !allowed) {
      return tl::unexpected<Issues>(std::move(allowed.error()));
    }
    return tx.get<app::RulebookRepository>().save_draft(rulebook_id, document, expected_row_version, by.username, now);
  });
}

Result<RulebookDraft> RulebookService::get_draft(std::string_view rulebook_id) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) { return tx.get<app::RulebookRepository>().get_draft(rulebook_id); });
}

Result<Unit> RulebookService::discard_draft(std::string_view rulebook_id, std::int64_t expected_row_version) {
  return store_.run(Access::kWrite, [&](Transaction& tx) {
    return tx.get<app::RulebookRepository>().discard_draft(rulebook_id, expected_row_version);
  });
}

Result<ScoreRecord> RulebookService::record_score(const NewScore& score, const Actor& by) {
  Issues issues;
  if (json::parse(score.answers, nullptr, false).is_discarded()) {
    issues.push_back({ErrorCode::kInvalidValue, "answers", "is not valid JSON"});
  }
  if (json::parse(score.result, nullptr, false).is_discarded()) {
    issues.push_back({ErrorCode::kInvalidValue, "result", "is not valid JSON"});
  }
  if (!issues.empty()) return fail(std::move(issues));
  const Timestamp now = clock_.now();
  return in_transaction(store_, Access::kWrite,
                        [&](Transaction& tx) { return tx.get<app::ScoreRepository>().add(score, by.username, now); });
}

Result<ScoreRecord> RulebookService::get_score(Id score_id) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) { return tx.get<app::ScoreRepository>().get(score_id); });
}

Result<std::vector<ScoreRecord>> RulebookService::scores_for(std::string_view rulebook_id, std::optional<int> version,
                                                             int limit) {
  if (limit < 1 || limit > 1000) {
    return fail(ErrorCode::kInvalidValue, "limit", "must be between 1 and 1000; found " + std::to_string(limit));
  }
  return in_transaction(store_, Access::kRead,
                        [&](Transaction& tx) { return tx.get<app::ScoreRepository>().list_for_rulebook(rulebook_id, version, limit); });
}

}  // namespace allot::app
