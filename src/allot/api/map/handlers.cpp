#include "allot/api/map/handlers.h"

#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/api/shared/respond.h"
#include "allot/api/shared/state.h"
#include "allot/app/map/care_map.h"

namespace allot::api::map_api {

namespace {

using nlohmann::json;

json point_json(const app::MapPoint& point) { return {{"latitude", point.latitude}, {"longitude", point.longitude}}; }

json map_json(const app::CareMapData& data) {
  json providers = json::array();
  for (const app::MapProvider& provider : data.providers) {
    providers.push_back({{"id", provider.id}, {"name", provider.name}, {"services", provider.services}});
  }
  json packages = json::array();
  for (const app::MapPackage& package : data.packages) {
    json item = point_json(package.at);
    item.update({{"id", package.id},
                 {"provider_id", package.provider_id},
                 {"person_reference", package.person_reference},
                 {"person_name", package.person_name.empty() ? json(nullptr) : json(package.person_name)},
                 {"service", package.service},
                 {"client_group", package.client_group},
                 {"area", package.area},
                 {"locality", package.locality},
                 {"carer_minutes_per_week", package.carer_minutes_per_week}});
    packages.push_back(std::move(item));
  }
  json bases = json::array();
  for (const app::MapBase& base : data.bases) {
    json item = point_json(base.at);
    item.update({{"id", base.id}, {"provider_id", base.provider_id}, {"name", base.name}});
    bases.push_back(std::move(item));
  }
  json community = json::array();
  for (const app::CommunityOpportunity& entry : data.community) {
    community.push_back({{"id", entry.id},
                         {"name", entry.details.name},
                         {"kind", entry.details.kind},
                         {"locality", entry.details.locality},
                         {"opening_times", entry.details.opening_times},
                         {"charge_pence", entry.details.charge.pence()},
                         {"latitude", std::stod(entry.details.latitude)},
                         {"longitude", std::stod(entry.details.longitude)}});
  }
  json localities = json::array();
  for (const app::MapLocality& locality : data.localities) {
    json item = point_json(locality.centre);
    item.update({{"name", locality.name}, {"area", locality.area}, {"points", locality.points}});
    localities.push_back(std::move(item));
  }
  return {{"providers", providers},
          {"packages", packages},
          {"packages_without_place", data.packages_without_place},
          {"bases", bases},
          {"community", community},
          {"localities", localities}};
}

}  // namespace

HttpResponse read_map(RequestContext& context) {
  app::MapFilter filter;
  filter.service = context.request.query_param("service");
  if (const std::string provider = context.request.query_param("provider"); !provider.empty()) {
    app::Id id = 0;
    const auto [end, error] = std::from_chars(provider.data(), provider.data() + provider.size(), id);
    if (error != std::errc() || end != provider.data() + provider.size() || id < 1) {
      return failure({{ErrorCode::kInvalidValue, "provider", fmt::format("expected a provider's id; found \"{}\"", provider)}},
                     "the map cannot be drawn");
    }
    filter.provider_id = id;
  }
  auto data = app::CareMap(context.state.services.store, context.state.services.clock)
                  .read(context.principal->principal(), filter);
  if (!data) return failure(data.error(), "the map cannot be drawn");
  return json_response(200, map_json(*data));
}

}  // namespace allot::api::map_api
