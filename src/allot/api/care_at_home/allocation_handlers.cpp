// Staff bases and carers, packages with their place and carers, open packages,
// the ranking of providers for one, offers and the providers' answers
// (app/care_at_home/workforce_service.h, allocation_service.h).
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/api/care_at_home/handlers.h"
#include "allot/api/shared/respond.h"
#include "allot/api/shared/spreadsheet_body.h"
#include "allot/api/shared/state.h"
#include "allot/app/care_at_home/allocation_service.h"
#include "allot/app/care_at_home/plan_package_service.h"
#include "allot/app/care_at_home/workforce_service.h"
#include "allot/app/casework/gazetteer.h"
#include "allot/app/shared/access_policy.h"

namespace allot::api::care_at_home_api {

namespace {

using nlohmann::json;

app::WorkforceService workforce_service(RequestContext& context) {
  return app::WorkforceService(context.state.services.store, context.state.services.clock);
}

app::AllocationService allocation_service(RequestContext& context) {
  return app::AllocationService(context.state.services.store, context.state.services.clock);
}

HttpResponse not_found_id(const RequestContext& context, const char* what) {
  return failure({{ErrorCode::kNotFound, "id", fmt::format("there is no {} \"{}\"", what, context.param("id"))}}, "");
}

double degrees(std::int64_t micro) { return static_cast<double>(micro) / 1e6; }

json point_json(const std::optional<care_at_home::GeoPoint>& point) {
  if (!point) return nullptr;
  return {{"latitude", degrees(point->latitude_micro)}, {"longitude", degrees(point->longitude_micro)}};
}

// {"latitude": 55.95, "longitude": -2.78}: decimal degrees, at most 6 places.
std::optional<care_at_home::GeoPoint> read_point(const JsonReader& field) {
  auto object = field.object();
  if (!object) return std::nullopt;
  object->known_fields({"latitude", "longitude"});
  auto micro = [](const std::optional<Fraction>& value) -> std::optional<std::int64_t> {
    if (!value) return std::nullopt;
    return static_cast<std::int64_t>(value->numerator() * 1'000'000 / value->denominator());
  };
  auto latitude = micro(object->required("latitude").decimal({.min = Fraction(-90), .max = Fraction(90), .max_decimal_places = 6}));
  auto longitude =
      micro(object->required("longitude").decimal({.min = Fraction(-180), .max = Fraction(180), .max_decimal_places = 6}));
  if (!latitude || !longitude) return std::nullopt;
  return care_at_home::GeoPoint{*latitude, *longitude};
}

json base_json(const app::BaseRecord& base) {
  return {{"id", base.id},
          {"provider_id", base.details.provider_id},
          {"name", base.details.name},
          {"location", point_json(base.details.location)}};
}

json shifts_json(const std::vector<care_at_home::Shift>& shifts) {
  json list = json::array();
  for (const care_at_home::Shift& shift : shifts) {
    list.push_back({{"day_of_week", shift.day_of_week}, {"start_minute", shift.start_minute}, {"end_minute", shift.end_minute}});
  }
  return list;
}

json carer_json(const app::CarerRecord& carer) {
  return {{"id", carer.id},
          {"provider_id", carer.details.provider_id},
          {"base_id", carer.details.base_id},
          {"name", carer.details.name},
          {"skills", carer.details.skills},
          {"shifts", shifts_json(carer.details.shifts)},
          {"shifts_text", app::shifts_text(carer.details.shifts)},
          {"travel_mode", care_at_home::travel_mode_name(carer.details.travel_mode)}};
}

json visits_json(const std::vector<care_at_home::Visit>& visits) {
  json list = json::array();
  for (const care_at_home::Visit& visit : visits) {
    list.push_back({{"day_of_week", visit.day_of_week},
                    {"start_minute", visit.start_minute},
                    {"tolerance_minutes", visit.tolerance_minutes},
                    {"duration_minutes", visit.duration_minutes},
                    {"carers", visit.carers},
                    {"tasks", visit.tasks}});
  }
  return list;
}

json package_fields(const app::NewPackage& package) {
  return {{"person_reference", package.person_reference},
          {"person_name", package.person_name.empty() ? json(nullptr) : json(package.person_name)},
          {"client_group", package.client_group},
          {"service", package.service},
          {"model", app::package_model_name(package.model)},
          {"starts_on", package.starts_on.to_string()},
          {"area", package.area},
          {"locality", package.locality},
          {"location", point_json(package.location)},
          {"chosen_provider_id", package.chosen_provider_id == 0 ? json(nullptr) : json(package.chosen_provider_id)},
          {"carer_minutes_per_week", app::carer_minutes_of(package.visits)},
          {"visits", visits_json(package.visits)},
          {"outcomes", package.outcomes},
          {"weekly_budget_pence", package.model == app::PackageModel::kPersonalBudget
                                      ? json(package.weekly_budget.pence())
                                      : json(nullptr)}};
}

json offer_json(const app::OfferRecord& offer) {
  return {{"id", offer.id},
          {"open_package_id", offer.open_package_id},
          {"provider_id", offer.provider_id},
          {"ranking", json::parse(offer.ranking)},
          {"made_by", offer.made_by},
          {"made_at", app::format_timestamp(offer.made_at)},
          {"answer", offer.answer.empty() ? json(nullptr) : json(offer.answer)},
          {"reason", offer.answer.empty() ? json(nullptr) : json(offer.reason)},
          {"package_id", offer.package_id == 0 ? json(nullptr) : json(offer.package_id)},
          {"answered_by", offer.answer.empty() ? json(nullptr) : json(offer.answered_by)}};
}

json choice_json(const app::ProviderChoice& choice) {
  json out = {{"provider_id", choice.provider_id},
              {"provider_name", choice.provider_name},
              {"explanation", choice.explanation}};
  if (choice.offered) {
    out["rank"] = choice.rank;
    out["extra_travel_minutes_per_week"] = std::llround(choice.extra_travel_minutes);
    out["extra_travel_weekly_pence"] = choice.extra_travel_cost.pence();
    out["capacity_hours_left"] = static_cast<double>(choice.capacity_minutes_left) / 60.0;
    out["continuity_carers"] = choice.continuity_carers;
    out["chosen_by_person"] = choice.chosen_by_person;
    out["personal_budget_eligible"] = choice.personal_budget_eligible;
  }
  return out;
}

// Where an Allot person lives, from their address in the casework gazetteer, when
// the package names them by id and gives no coordinates of its own. The lookup
// is the package's own business (placing their care), not a read of their case
// notes, so it needs allocation.offer rather than a place on the care team.
std::optional<care_at_home::GeoPoint> person_location(RequestContext& context, const std::string& reference) {
  auto found = allocation_service(context).person_location(context.principal->principal(), reference);
  if (!found) return std::nullopt;
  return *found;
}

}  // namespace

HttpResponse get_workforce(RequestContext& context) {
  const std::optional<app::Id> id = context.id_param("id");
  if (!id) return not_found_id(context, "provider");
  auto workforce = workforce_service(context).workforce(context.principal->principal(), *id);
  if (!workforce) return failure(workforce.error(), "");
  json bases = json::array();
  for (const app::BaseRecord& base : workforce->bases) bases.push_back(base_json(base));
  json carers = json::array();
  for (const app::CarerRecord& carer : workforce->carers) carers.push_back(carer_json(carer));
  return json_response(200, {{"provider_id", *id}, {"provider_name", workforce->provider.details.name}, {"bases", bases},
                             {"carers", carers}});
}

HttpResponse add_base(RequestContext& context) {
  const std::optional<app::Id> id = context.id_param("id");
  if (!id) return not_found_id(context, "provider");
  Result<json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the base cannot be read");
  Issues issues;
  app::NewBase base;
  base.provider_id = *id;
  if (auto root = JsonReader(*body, issues).object()) {
    root->known_fields({"name", "location"});
    base.name = root->required("name").text({.max_length = 1000}).value_or("x");
    base.location = read_point(root->required("location")).value_or(care_at_home::GeoPoint{});
  }
  if (!issues.empty()) return failure(issues, "the base was not added");
  auto added = workforce_service(context).add_base(context.principal->principal(), base);
  if (!added) return failure(added.error(), "the base was not added");
  return json_response(201, base_json(*added));
}

HttpResponse add_carer(RequestContext& context) {
  const std::optional<app::Id> id = context.id_param("id");
  if (!id) return not_found_id(context, "provider");
  Result<json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the carer cannot be read");
  Issues issues;
  app::NewCarer carer;
  carer.provider_id = *id;
  if (auto root = JsonReader(*body, issues).object()) {
    root->known_fields({"name", "base_id", "skills", "shifts", "travel_mode"});
    carer.name = root->required("name").text({.max_length = 1000}).value_or("x");
    carer.base_id = root->required("base_id").whole({.min = 1}).value_or(0);
    if (auto skills = root->optional("skills").array({.max_items = 30})) {
      for (JsonReader& skill : *skills) {
        if (auto text = skill.text({.min_length = 1, .max_length = 100})) carer.skills.push_back(*text);
      }
    }
    if (auto shifts = root->required("shifts").array({.max_items = 28})) {
      for (JsonReader& item : *shifts) {
        auto shift = item.object();
        if (!shift) continue;
        shift->known_fields({"day_of_week", "start_minute", "end_minute"});
        carer.shifts.push_back({static_cast<int>(shift->required("day_of_week").whole({.min = 0, .max = 6}).value_or(0)),
                                static_cast<int>(shift->required("start_minute").whole({.min = 0, .max = 1440}).value_or(0)),
                                static_cast<int>(shift->required("end_minute").whole({.min = 0, .max = 1440}).value_or(1))});
      }
    }
    const std::string mode = root->optional("travel_mode").text({.max_length = 40}).value_or("car");
    if (auto parsed = care_at_home::parse_travel_mode(mode)) {
      carer.travel_mode = *parsed;
    } else {
      issues.push_back({ErrorCode::kInvalidValue, "travel_mode", "expected car, walk, bicycle or public_transport"});
    }
  }
  if (!issues.empty()) return failure(issues, "the carer was not added");
  auto added = workforce_service(context).add_carer(context.principal->principal(), carer);
  if (!added) return failure(added.error(), "the carer was not added");
  return json_response(201, carer_json(*added));
}

HttpResponse import_carers(RequestContext& context) {
  const std::optional<app::Id> id = context.id_param("id");
  if (!id) return not_found_id(context, "provider");
  auto spreadsheet = read_spreadsheet_body(context.request);
  if (!spreadsheet) return failure(spreadsheet.error(), "the file cannot be read");
  auto imported =
      workforce_service(context).import_rows(context.principal->principal(), *id, spreadsheet->rows, spreadsheet->source_name);
  if (!imported) return failure(imported.error(), "no carer was added");
  json names = json::array();
  for (const app::CarerRecord& carer : *imported) names.push_back({{"id", carer.id}, {"name", carer.details.name}});
  return json_response(201, {{"added", names}});
}

HttpResponse list_packages(RequestContext& context) {
  std::optional<app::Id> provider_id;
  if (!context.param("id").empty()) {
    provider_id = context.id_param("id");
    if (!provider_id) return not_found_id(context, "provider");
  }
  auto current = allocation_service(context).packages(context.principal->principal(), provider_id);
  if (!current) return failure(current.error(), "");
  json list = json::array();
  for (const app::PackageRecord& record : current->packages) {
    json out = package_fields(record.details);
    out["id"] = record.id;
    out["provider_id"] = record.details.provider_id;
    out["off_framework"] = record.off_framework;
    out["visit_carers"] = record.details.visit_carers;
    out["open_package_id"] = record.details.open_package_id == 0 ? json(nullptr) : json(record.details.open_package_id);
    // The newest version of its costed plan (personal budget model), null for none.
    const auto plan = current->costed_plans.find(record.id);
    out["costed_plan"] = plan == current->costed_plans.end()
                             ? json(nullptr)
                             : json({{"version", plan->second.version},
                                     {"status", plan->second.status},
                                     {"in_force", plan->second.in_force == 0 ? json(nullptr) : json(plan->second.in_force)}});
    list.push_back(std::move(out));
  }
  json providers = json::array();
  for (const app::ProviderRecord& provider : current->providers) {
    providers.push_back({{"id", provider.id}, {"name", provider.details.name}});
  }
  return json_response(200, {{"providers", providers}, {"packages", list}});
}

HttpResponse list_open_packages(RequestContext& context) {
  auto open = allocation_service(context).open_packages(context.principal->principal());
  if (!open) return failure(open.error(), "");
  json list = json::array();
  for (const app::OpenPackageView& view : *open) {
    json out = package_fields(view.package.details);
    out["id"] = view.package.id;
    out["status"] = view.status;
    out["offers"] = json::array();
    for (const app::OfferRecord& offer : view.offers) out["offers"].push_back(offer_json(offer));
    list.push_back(std::move(out));
  }
  return json_response(200, {{"open_packages", list}});
}

HttpResponse add_open_package(RequestContext& context) {
  Result<json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the package cannot be read");
  Issues issues;
  app::NewPackage package;
  if (auto root = JsonReader(*body, issues).object()) {
    root->known_fields({"person_reference", "client_group", "service", "model", "visits", "nights", "starts_on",
                        "outcomes", "weekly_budget_pence", "area",
                        "locality", "location", "chosen_provider_id"});
    read_package_fields(*root, package, issues);
    package.area = root->required("area").text({.max_length = 1000}).value_or("x");
    package.locality = root->optional("locality").text({.max_length = 1000}).value_or("");
    if (root->has("location")) package.location = read_point(root->optional("location"));
    package.chosen_provider_id = root->optional("chosen_provider_id").whole({.min = 1}).value_or(0);
  }
  if (!issues.empty()) return failure(issues, "the package was not added");
  if (!package.location) package.location = person_location(context, package.person_reference);
  auto added = allocation_service(context).add_open_package(context.principal->principal(), package);
  if (!added) return failure(added.error(), "the package was not added");
  json out = package_fields(added->details);
  out["id"] = added->id;
  out["status"] = "open";
  HttpResponse response = json_response(201, out);
  response.set_header("Location", fmt::format("/api/v1/open-packages/{}", added->id));
  return response;
}

HttpResponse request_plan_package(RequestContext& context) {
  Result<json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the package cannot be read");
  Issues issues;
  app::PlanPackageRequest request;
  if (auto root = JsonReader(*body, issues).object()) {
    request.person_id = root->required("person_id").whole({.min = 1}).value_or(0);
    root->known_fields({"person_id", "lines", "service", "model", "visits", "nights", "starts_on", "area", "locality", "location",
                        "chosen_provider_id"});
    app::NewPackage read;
    read_visits_and_nights(*root, read, issues);
    request.visits = std::move(read.visits);
    request.nights = read.nights;
    if (auto lines = root->optional("lines").array({.max_items = 100})) {
      for (JsonReader& line : *lines) {
        if (auto index = line.whole({.min = 0, .max = 10000})) request.lines.push_back(static_cast<int>(*index));
      }
    }
    request.service = root->optional("service").text({.max_length = 100}).value_or("care_at_home");
    const std::string model = root->optional("model").text({.max_length = 40}).value_or("time_and_task");
    if (model == "personal_budget") {
      request.model = app::PackageModel::kPersonalBudget;
    } else if (model != "time_and_task") {
      issues.push_back({ErrorCode::kInvalidValue, "model", "expected time_and_task or personal_budget"});
    }
    request.starts_on = root->required("starts_on").date().value_or(Date());
    request.area = root->optional("area").text({.max_length = 1000}).value_or("");
    request.locality = root->optional("locality").text({.max_length = 1000}).value_or("");
    if (root->has("location")) request.location = read_point(root->optional("location"));
    request.chosen_provider_id = root->optional("chosen_provider_id").whole({.min = 1}).value_or(0);
  }
  if (!issues.empty()) return failure(issues, "the package was not added");
  app::PlanPackageService plans(context.state.services.store, context.state.services.clock);
  auto prepared = plans.prepare(context.principal->principal(), request);
  if (!prepared) return failure(prepared.error(), "the package was not added");
  if (!prepared->package.location) {
    prepared->package.location = person_location(context, prepared->package.person_reference);
  }
  auto added = allocation_service(context).add_open_package(context.principal->principal(), prepared->package,
                                                            prepared->origin);
  if (!added) return failure(added.error(), "the package was not added");
  json out = package_fields(added->details);
  out["id"] = added->id;
  out["status"] = "open";
  out["plan_version"] = prepared->plan_version;
  out["plan_lines"] = prepared->lines;
  out["outcomes"] = prepared->outcomes;
  HttpResponse response = json_response(201, out);
  response.set_header("Location", fmt::format("/api/v1/open-packages/{}", added->id));
  return response;
}

HttpResponse rank_open_package(RequestContext& context) {
  const std::optional<app::Id> id = context.id_param("id");
  if (!id) return not_found_id(context, "open package");
  auto outcome = allocation_service(context).rank(context.principal->principal(), *id);
  if (!outcome) return failure(outcome.error(), "");
  json offered = json::array();
  for (const app::ProviderChoice& choice : outcome->ranking.offered) offered.push_back(choice_json(choice));
  json not_offered = json::array();
  for (const app::ProviderChoice& choice : outcome->ranking.not_offered) not_offered.push_back(choice_json(choice));
  json package = package_fields(outcome->package.details);
  package["id"] = outcome->package.id;
  return json_response(200, {{"package", package},
                             {"offered", offered},
                             {"not_offered", not_offered},
                             {"unplaced", outcome->ranking.unplaced ? json(*outcome->ranking.unplaced) : json(nullptr)}});
}

HttpResponse make_offer(RequestContext& context) {
  const std::optional<app::Id> id = context.id_param("id");
  if (!id) return not_found_id(context, "open package");
  Result<json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the offer cannot be read");
  Issues issues;
  app::Id provider_id = 0;
  if (auto root = JsonReader(*body, issues).object()) {
    root->known_fields({"provider_id"});
    provider_id = root->required("provider_id").whole({.min = 1}).value_or(0);
  }
  if (!issues.empty()) return failure(issues, "the package was not offered");
  auto made = allocation_service(context).offer(context.principal->principal(), *id, provider_id);
  if (!made) return failure(made.error(), "the package was not offered");
  return json_response(201, offer_json(*made));
}

HttpResponse list_offers(RequestContext& context) {
  auto offers = allocation_service(context).offers(context.principal->principal());
  if (!offers) return failure(offers.error(), "");
  json list = json::array();
  for (const app::OfferRecord& offer : *offers) list.push_back(offer_json(offer));
  return json_response(200, {{"offers", list}});
}

HttpResponse answer_offer(RequestContext& context) {
  const std::optional<app::Id> id = context.id_param("id");
  if (!id) return not_found_id(context, "offer");
  Result<json> body = json_body(context.request);
  if (!body) return failure(body.error(), "the answer cannot be read");
  Issues issues;
  bool accept = false;
  std::string reason;
  if (auto root = JsonReader(*body, issues).object()) {
    root->known_fields({"answer", "reason"});
    const std::string answer = root->required("answer").text({.max_length = 40}).value_or("");
    if (answer != "accept" && answer != "decline") {
      issues.push_back({ErrorCode::kInvalidValue, "answer", "expected accept or decline"});
    }
    accept = answer == "accept";
    reason = root->optional("reason").text({.max_length = 1000}).value_or("");
  }
  if (!issues.empty()) return failure(issues, "the offer was not answered");
  auto answered = allocation_service(context).answer(context.principal->principal(), *id, accept, reason);
  if (!answered) return failure(answered.error(), "the offer was not answered");
  return json_response(200, offer_json(*answered));
}

}  // namespace allot::api::care_at_home_api
