// Handlers for a rulebook's governance: uploading a draft version, reading drafts,
// simulating one, proposing it, approving or rejecting it, the history, and the
// version in force on a date (app/ras/rulebook_governance.cpp does the work).
#include <algorithm>
#include <charconv>
#include <memory>

#include <fmt/format.h>

#include "allot/api/ras/handlers.h"
#include "allot/api/shared/respond.h"
#include "allot/api/shared/state.h"
#include "allot/ras/rulebook_json.h"

namespace allot::api::ras_api {
namespace {

std::optional<int> version_of(const RequestContext& context) {
  const std::string& text = context.param("v");
  int version = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), version);
  if (error != std::errc{} || end != text.data() + text.size() || version < 1) return std::nullopt;
  return version;
}

HttpResponse no_such_draft(const RequestContext& context) {
  return error_response(404, ErrorCode::kNotFound,
                        fmt::format("rulebook \"{}\" has no draft version {}", context.param("id"), context.param("v")),
                        {{ErrorCode::kNotFound, "rulebook", "no such draft version"}});
}

// A refusal whose first problem says it all (the proposer deciding, a step out
// of turn) reads as that problem; every problem is listed as usual.
HttpResponse governance_refusal(const RequestContext& context, const Issues& issues, std::string_view message) {
  if (has_issue(issues, ErrorCode::kNotFound) && !issues.empty() && issues.front().path == "rulebook") {
    return no_such_draft(context);
  }
  if (has_issue(issues, ErrorCode::kForbidden) || has_issue(issues, ErrorCode::kConflict)) {
    return failure(issues, issues.front().message);
  }
  return failure(issues, message);
}

nlohmann::json optional_date(const std::optional<Date>& date) {
  return date ? nlohmann::json(date->to_string()) : nlohmann::json(nullptr);
}

nlohmann::json draft_summary(const app::DraftVersion& draft) {
  return {{"id", draft.rulebook_id},
          {"version", draft.version},
          {"title", draft.title},
          {"origin", app::draft_origin_name(draft.origin)},
          {"status", app::draft_status_name(draft.status)},
          {"effective_from", optional_date(draft.effective_from)},
          {"created_by", draft.created_by},
          {"created_at", app::format_timestamp(draft.created_at)},
          {"proposed_by", draft.proposed_by.empty() ? nlohmann::json(nullptr) : nlohmann::json(draft.proposed_by)},
          {"row_version", draft.row_version}};
}

nlohmann::json draft_json(const app::DraftVersion& draft) {
  nlohmann::json out = draft_summary(draft);
  out["document"] = nlohmann::json::parse(draft.document, nullptr, false);
  out["simulation"] =
      draft.simulation.empty() ? nlohmann::json(nullptr) : nlohmann::json::parse(draft.simulation, nullptr, false);
  return out;
}

}  // namespace

HttpResponse upload_rulebook(RequestContext& context) {
  Result<nlohmann::json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the body is not valid JSON");
  Result<ras::Rulebook> rulebook = ras::parse_rulebook(*body);
  if (!rulebook) return failure(rulebook.error(), "the rulebook is not valid");
  Result<app::DraftVersion> draft = context.state.services.rulebooks.add_draft(
      context.request.body, app::DraftOrigin::kUpload, "uploaded", context.principal->principal());
  if (!draft) return governance_refusal(context, draft.error(), "the rulebook cannot be stored as a draft");
  HttpResponse response = json_response(201, draft_summary(*draft));
  response.set_header("Location", fmt::format("/api/v1/rulebooks/{}/drafts/{}", draft->rulebook_id, draft->version));
  return response;
}

HttpResponse list_drafts(RequestContext& context) {
  Result<std::vector<app::DraftVersion>> drafts = context.state.services.rulebooks.drafts(context.principal->principal());
  if (!drafts) return failure(drafts.error(), "");
  nlohmann::json list = nlohmann::json::array();
  for (const app::DraftVersion& draft : *drafts) list.push_back(draft_summary(draft));
  return json_response(200, {{"drafts", std::move(list)}});
}

HttpResponse get_draft(RequestContext& context) {
  const std::optional<int> version = version_of(context);
  if (!version) return no_such_draft(context);
  Result<app::DraftVersion> draft =
      context.state.services.rulebooks.draft(context.param("id"), *version, context.principal->principal());
  if (!draft) return governance_refusal(context, draft.error(), "");
  return json_response(200, draft_json(*draft));
}

HttpResponse start_draft_simulation(RequestContext& context) {
  const std::optional<int> version = version_of(context);
  if (!version) return no_such_draft(context);
  Result<app::DraftVersion> draft =
      context.state.services.rulebooks.draft(context.param("id"), *version, context.principal->principal());
  if (!draft) return governance_refusal(context, draft.error(), "");
  Result<nlohmann::json> document = ras::parse_json_text(draft->document, "rulebook");
  Result<ras::Rulebook> rulebook = document ? ras::parse_rulebook(*document) : fail(std::move(document.error()));
  if (!rulebook) {
    return internal_error(fmt::format("stored draft {} v{} does not parse: {}", draft->rulebook_id, draft->version,
                                      format_issues(rulebook.error())));
  }
  return submit_simulation(context, std::make_shared<const ras::Rulebook>(std::move(*rulebook)), /*draft=*/true);
}

HttpResponse propose_draft(RequestContext& context) {
  const std::optional<int> version = version_of(context);
  if (!version) return no_such_draft(context);
  Result<nlohmann::json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the body is not valid JSON");
  if (Issues issues = not_an_object(*body); !issues.empty()) {
    return failure(issues, "expected {\"effective_from\": \"YYYY-MM-DD\", \"simulation_job_id\": \"...\"}");
  }
  FieldReader reader{*body, {}};
  const std::optional<std::string> effective_text = reader.text("effective_from");
  const std::optional<std::string> job_id = reader.text("simulation_job_id");
  std::optional<Date> effective_from;
  if (effective_text) {
    effective_from = Date::parse(*effective_text);
    const Date today = context.state.services.rulebooks.today();
    if (!effective_from) {
      reader.issues.push_back({ErrorCode::kInvalidValue, "effective_from",
                               fmt::format("\"{}\" is not a date; expected YYYY-MM-DD", *effective_text)});
    } else if (*effective_from < today) {
      // Checked again by the service; here so that every problem is listed at once.
      reader.issues.push_back({ErrorCode::kInvalidValue, "effective_from",
                               fmt::format("must be today ({}) or later", today.to_string())});
    }
  }
  // The simulation must be a finished run of this very draft, by someone of the
  // proposer's agency, so the gains and losses shown are the draft's own.
  std::string simulation;
  if (job_id) {
    const std::optional<JobSnapshot> job = context.state.jobs.get(*job_id);
    const std::string id = context.param("id");
    if (!job || job->kind != "simulation" || job->agency != context.principal->agency.code) {
      reader.issues.push_back({ErrorCode::kUnknownReference, "simulation_job_id", "names no simulation"});
    } else if (job->status != JobStatus::kDone || !job->result) {
      reader.issues.push_back({ErrorCode::kInvalidValue, "simulation_job_id",
                               fmt::format("the simulation has not finished well (it is {})", job_status_name(job->status))});
    } else {
      const nlohmann::json& of = (*job->result).value("rulebook", nlohmann::json::object());
      if (of.value("id", "") != id || of.value("version", 0) != *version || !of.value("draft", false)) {
        reader.issues.push_back({ErrorCode::kInvalidValue, "simulation_job_id",
                                 fmt::format("the simulation ran another rulebook; simulate draft version {} of \"{}\"",
                                             *version, id)});
      } else {
        simulation = job->result->dump();
      }
    }
  }
  if (!reader.issues.empty()) return failure(reader.issues, "the proposal is not valid");
  Result<app::DraftVersion> proposed = context.state.services.rulebooks.propose(
      context.param("id"), *version, *effective_from, simulation, context.principal->principal());
  if (!proposed) return governance_refusal(context, proposed.error(), "the proposal is not valid");
  return json_response(200, draft_json(*proposed));
}

HttpResponse approve_draft(RequestContext& context) {
  const std::optional<int> version = version_of(context);
  if (!version) return no_such_draft(context);
  Result<app::RulebookVersion> approved =
      context.state.services.rulebooks.approve(context.param("id"), *version, context.principal->principal());
  if (!approved) return governance_refusal(context, approved.error(), "the version cannot be approved");
  const Date today = context.state.services.rulebooks.today();
  return json_response(200, {{"id", approved->rulebook_id},
                             {"version", approved->version},
                             {"status", "approved"},
                             {"effective_from", approved->effective_from.to_string()},
                             {"approved_by", approved->published_by},
                             {"in_force_now", approved->effective_from <= today}});
}

HttpResponse reject_draft(RequestContext& context) {
  const std::optional<int> version = version_of(context);
  if (!version) return no_such_draft(context);
  Result<nlohmann::json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the body is not valid JSON");
  if (Issues issues = not_an_object(*body); !issues.empty()) return failure(issues, "expected {\"reason\": \"...\"}");
  FieldReader reader{*body, {}};
  const std::optional<std::string> reason = reader.text("reason");
  if (!reader.issues.empty()) return failure(reader.issues, "the rejection is not valid");
  Result<app::DraftVersion> rejected = context.state.services.rulebooks.reject(context.param("id"), *version, *reason,
                                                                                context.principal->principal());
  if (!rejected) return governance_refusal(context, rejected.error(), "the rejection is not valid");
  return json_response(200, draft_json(*rejected));
}

HttpResponse rulebook_history(RequestContext& context) {
  const std::string id = context.param("id");
  Result<std::vector<app::RulebookStep>> steps =
      context.state.services.rulebooks.history(id, context.principal->principal());
  if (!steps) return failure(steps.error(), "");
  Result<std::vector<app::RulebookSummary>> summaries = context.state.services.rulebooks.list();
  if (!summaries) return failure(summaries.error(), "");
  nlohmann::json history = nlohmann::json::array();
  // Versions published without governance (a council's first rulebooks, loaded
  // with the demo data) appear as "published".
  for (const app::RulebookSummary& summary : *summaries) {
    if (summary.id != id) continue;
    for (const auto& published : summary.versions) {
      const bool governed = std::any_of(steps->begin(), steps->end(), [&](const app::RulebookStep& step) {
        return step.version == published.version;
      });
      if (governed) continue;
      history.push_back({{"version", published.version},
                         {"step", "published"},
                         {"by", published.published_by},
                         {"agency", nullptr},
                         {"at", app::format_timestamp(published.published_at)},
                         {"effective_from", published.effective_from.to_string()},
                         {"note", ""}});
    }
  }
  for (const app::RulebookStep& step : *steps) {
    history.push_back({{"version", step.version},
                       {"step", app::governance_step_name(step.step)},
                       {"by", step.by.username},
                       {"agency", step.by.agency},
                       {"at", app::format_timestamp(step.at)},
                       {"effective_from", optional_date(step.effective_from)},
                       {"note", step.note}});
  }
  // Oldest first: timestamps are fixed-width UTC text, so text order is time order.
  std::stable_sort(history.begin(), history.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
    return a["at"].get<std::string>() < b["at"].get<std::string>();
  });
  if (history.empty()) {
    return error_response(404, ErrorCode::kNotFound, fmt::format("there is no rulebook \"{}\"", id),
                          {{ErrorCode::kNotFound, "rulebook", "no such rulebook"}});
  }
  return json_response(200, {{"id", id}, {"history", std::move(history)}});
}

HttpResponse rulebook_in_force(RequestContext& context) {
  const std::string id = context.param("id");
  Date on = context.state.services.rulebooks.today();
  const std::string& query = context.request.query;
  if (!query.empty()) {
    std::optional<Date> asked;
    if (query.rfind("on=", 0) == 0) asked = Date::parse(query.substr(3));
    if (!asked) {
      return error_response(422, ErrorCode::kInvalidValue, "the date is not valid",
                            {{ErrorCode::kInvalidValue, "on", "must be a date, YYYY-MM-DD (?on=2026-12-01)"}});
    }
    on = *asked;
  }
  Result<std::optional<app::RulebookVersion>> found = context.state.services.rulebooks.in_force(id, on);
  if (!found) return failure(found.error(), "");
  if (!*found) {
    return error_response(404, ErrorCode::kNotFound,
                          fmt::format("no version of rulebook \"{}\" is in force on {}", id, on.to_string()),
                          {{ErrorCode::kNotFound, "rulebook", "none in force on that date"}});
  }
  return json_response(200, {{"id", id},
                             {"on", on.to_string()},
                             {"version", (*found)->version},
                             {"title", (*found)->title},
                             {"effective_from", (*found)->effective_from.to_string()}});
}

}  // namespace allot::api::ras_api
