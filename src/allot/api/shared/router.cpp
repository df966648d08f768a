#include "allot/api/shared/router.h"

#include <algorithm>
#include <charconv>

namespace allot::api {

const std::string& RequestContext::param(std::string_view name) const {
  static const std::string kEmpty;
  const auto found = params.find(name);
  return found == params.end() ? kEmpty : found->second;
}

std::optional<std::int64_t> RequestContext::id_param(std::string_view name) const {
  const std::string& text = param(name);
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id < 1) return std::nullopt;
  return id;
}

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    const std::size_t slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

namespace {

bool match_segments(const std::vector<std::string_view>& wanted, const std::vector<std::string_view>& given,
                    std::map<std::string, std::string, std::less<>>& params) {
  if (wanted.size() != given.size()) return false;
  // Literal segments first: most routes fail there, before anything is allocated.
  for (std::size_t segment_idx = 0; segment_idx < wanted.size(); ++segment_idx) {
    const std::string_view want = wanted[segment_idx];
    const bool is_parameter = want.size() > 2 && want.front() == '{' && want.back() == '}';
    if (is_parameter ? given[segment_idx].empty() : want != given[segment_idx]) return false;
  }
  std::map<std::string, std::string, std::less<>> found;
  for (std::size_t segment_idx = 0; segment_idx < wanted.size(); ++segment_idx) {
    const std::string_view want = wanted[segment_idx];
    if (want.size() > 2 && want.front() == '{' && want.back() == '}') {
      found.emplace(std::string(want.substr(1, want.size() - 2)), std::string(given[segment_idx]));
    }
  }
  params = std::move(found);
  return true;
}

// Each route's pattern split once (the table is built once and never changes);
// every request used to split every pattern again.
const std::vector<std::vector<std::string_view>>& split_patterns() {
  static const std::vector<std::vector<std::string_view>> kSplit = [] {
    std::vector<std::vector<std::string_view>> all;
    for (const Route& route : route_table()) all.push_back(split_path(route.pattern));
    return all;
  }();
  return kSplit;
}

}  // namespace

RouteMatch match_route(Method method, std::string_view path, bool test_routes) {
  RouteMatch match;
  const Method wanted = method == Method::kHead ? Method::kGet : method;
  const std::vector<Route>& routes = route_table();
  const std::vector<std::vector<std::string_view>>& patterns = split_patterns();
  const std::vector<std::string_view> given = split_path(path);
  for (std::size_t route_idx = 0; route_idx < routes.size(); ++route_idx) {
    const Route& route = routes[route_idx];
    if (route.test_only && !test_routes) continue;
    std::map<std::string, std::string, std::less<>> params;
    if (!match_segments(patterns[route_idx], given, params)) continue;
    match.path_known = true;
    match.allowed.push_back(route.method);
    if (route.method == wanted && match.route == nullptr) {
      match.route = &route;
      match.params = std::move(params);
    }
  }
  return match;
}

}  // namespace allot::api
