#include "allot/api/audit/handlers.h"

#include <charconv>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/api/shared/respond.h"
#include "allot/api/shared/state.h"
#include "allot/app/identity/audit_service.h"
#include "allot/base/date.h"

namespace allot::api::audit_api {

namespace {

using nlohmann::json;

std::optional<std::int64_t> parse_int(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

app::AuditService service(RequestContext& context) {
  return app::AuditService(context.state.services.store, context.state.services.clock);
}

json entry_json(const app::AuditEntry& entry) {
  json people = json::array();
  std::string_view text = entry.people;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    if (comma != 0) {
      if (auto id = parse_int(text.substr(0, comma))) people.push_back(*id);
    }
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return {{"id", entry.id},
          {"at", app::format_timestamp(entry.at)},
          {"user", entry.actor},
          {"agency", entry.agency},
          {"roles", entry.roles},
          {"action", entry.action},
          {"subject", entry.subject},
          {"people", std::move(people)},
          {"detail", entry.detail},
          {"reason", entry.reason},
          {"seq", entry.seq},
          {"hash", entry.hash}};
}

// The query: person (an id), user, action, from and to (dates, to inclusive),
// before (an id, for the next page) and limit (1..1000, default 100).
Result<app::AuditQuery> read_query(const HttpRequest& request) {
  app::AuditQuery query;
  Issues issues;
  for (const auto& [key, value] : query_params(request.query)) {
    if (key == "person" || key == "before") {
      const auto id = parse_int(value);
      if (!id || *id < 1) {
        issues.push_back({ErrorCode::kInvalidValue, key, fmt::format("found \"{}\"; expected a positive whole number", value)});
      } else {
        (key == "person" ? query.person : query.before_id) = *id;
      }
    } else if (key == "user") {
      if (!value.empty()) query.actor = value;
    } else if (key == "action") {
      if (!value.empty()) query.action = value;
    } else if (key == "from" || key == "to") {
      std::optional<Date> date = Date::parse(value);
      if (!date) {
        issues.push_back({ErrorCode::kInvalidValue, key, fmt::format("found \"{}\"; expected a date YYYY-MM-DD", value)});
      } else if (key == "from") {
        query.since = app::Timestamp(std::chrono::sys_days(date->ymd()));
      } else {
        query.until = app::Timestamp(std::chrono::sys_days(date->plus_days(1).ymd()));
      }
    } else if (key == "limit") {
      const auto limit = parse_int(value);
      if (!limit || *limit < 1 || *limit > 1000) {
        issues.push_back({ErrorCode::kInvalidValue, key, fmt::format("found \"{}\"; expected 1 to 1000", value)});
      } else {
        query.limit = static_cast<int>(*limit);
      }
    } else {
      issues.push_back({ErrorCode::kInvalidValue, key, "not a filter; expected person, user, action, from, to, before or limit"});
    }
  }
  if (!issues.empty()) return fail(std::move(issues));
  return query;
}

std::string query_text(const app::AuditQuery& query) {
  std::string text = "audit search";
  if (query.person) text += fmt::format(" person={}", *query.person);
  if (query.actor) text += fmt::format(" user={:?}", *query.actor);
  if (query.action) text += fmt::format(" action={:?}", *query.action);
  if (query.since) text += " from=" + app::format_timestamp(*query.since);
  if (query.until) text += " until=" + app::format_timestamp(*query.until);
  if (query.before_id) text += fmt::format(" before={}", *query.before_id);
  return text;
}

}  // namespace

HttpResponse list_entries(RequestContext& context) {
  Result<app::AuditQuery> query = read_query(context.request);
  if (!query) return failure(query.error(), "the query is not valid");
  app::AuditService audit = service(context);
  Result<std::vector<app::AuditEntry>> entries = audit.list(*query);
  if (!entries) return failure(entries.error(), "");
  // Who looked at who looked: the search itself is audited, with the people it named.
  std::vector<app::Id> people;
  if (query->person) people.push_back(*query->person);
  const app::Principal principal = context.principal->principal();
  if (auto audited = audit.record(principal, "search", "audit", query_text(*query), people); !audited) {
    return failure(audited.error(), "");
  }
  json rows = json::array();
  for (const app::AuditEntry& entry : *entries) rows.push_back(entry_json(entry));
  json body = {{"entries", std::move(rows)}};
  if (static_cast<int>(entries->size()) == query->limit && !entries->empty()) {
    body["next_before"] = entries->back().id;
  } else {
    body["next_before"] = nullptr;
  }
  return json_response(200, body);
}

HttpResponse verify_chain(RequestContext& context) {
  app::AuditService audit = service(context);
  Result<app::AuditChainReport> report = audit.verify();
  if (!report) return failure(report.error(), "");
  if (auto audited = audit.record(context.principal->principal(), "verify", "audit",
                                  report->ok ? "chain verified" : "chain broken");
      !audited) {
    return failure(audited.error(), "");
  }
  return json_response(200, {{"ok", report->ok},
                             {"entries", report->entries},
                             {"before_chain", report->before_chain},
                             {"head_seq", report->head_seq},
                             {"head_hash", report->head_hash},
                             {"problems", report->problems}});
}

}  // namespace allot::api::audit_api
