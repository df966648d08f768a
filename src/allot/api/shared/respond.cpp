#include "allot/api/shared/respond.h"

#include <algorithm>

#include <fmt/format.h>

#include "allot/api/shared/log.h"
#include "allot/app/identity/password.h"
#include "allot/ras/rulebook_json.h"

namespace allot::api {

bool has_issue(const Issues& issues, ErrorCode code) {
  return std::any_of(issues.begin(), issues.end(), [&](const Issue& issue) { return issue.code == code; });
}

HttpResponse internal_error(std::string_view detail) {
  const std::string incident = app::random_token(9);
  log_line(fmt::format("incident {}: {}", incident, detail));
  return error_response(500, "internal", fmt::format("internal error; quote incident {} when reporting it", incident),
                        {}, incident);
}

HttpResponse failure(const Issues& issues, std::string_view message) {
  if (has_issue(issues, ErrorCode::kInternal)) return internal_error(format_issues(issues));
  return issues_response(issues, message);
}

nlohmann::json issues_json(const Issues& issues) {
  nlohmann::json list = nlohmann::json::array();
  for (const Issue& issue : issues) {
    list.push_back({{"path", issue.path}, {"message", issue.message}, {"code", error_code_name(issue.code)}});
  }
  return list;
}

Result<nlohmann::json> json_body(const HttpRequest& request) {
  return ras::parse_json_text(request.body, "body");
}

Issues not_an_object(const nlohmann::json& body) {
  if (body.is_object()) return {};
  return {{ErrorCode::kWrongType, "", fmt::format("expected a JSON object; found {}", body.type_name())}};
}


const nlohmann::json* FieldReader::find(const char* key, bool required) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) {
    if (required) issues.push_back({ErrorCode::kMissingField, key, "is required"});
    return nullptr;
  }
  return &*found;
}
std::optional<std::string> FieldReader::text(const char* key, bool required) {
  const nlohmann::json* value = find(key, required);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    issues.push_back({ErrorCode::kWrongType, key, fmt::format("expected a string; found {}", value->type_name())});
    return std::nullopt;
  }
  return value->get<std::string>();
}
std::optional<std::int64_t> FieldReader::integer(const char* key, std::int64_t min, bool required) {
  const nlohmann::json* value = find(key, required);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number_integer()) {
    issues.push_back({ErrorCode::kWrongType, key, fmt::format("expected a whole number; found {}", value->dump())});
    return std::nullopt;
  }
  const std::int64_t number = value->get<std::int64_t>();
  if (number < min) {
    issues.push_back({ErrorCode::kInvalidValue, key, fmt::format("must be at least {}; found {}", min, number)});
    return std::nullopt;
  }
  return number;
}
std::optional<bool> FieldReader::boolean(const char* key) {
  const nlohmann::json* value = find(key, false);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) {
    issues.push_back({ErrorCode::kWrongType, key, fmt::format("expected true or false; found {}", value->dump())});
    return std::nullopt;
  }
  return value->get<bool>();
}
std::optional<Fraction> FieldReader::decimal(const char* key, bool required) {
  const nlohmann::json* value = find(key, required);
  if (value == nullptr) return std::nullopt;
  std::optional<Fraction> parsed;
  if (value->is_number_integer()) {
    parsed = Fraction::parse(std::to_string(value->get<std::int64_t>()));
  } else if (value->is_number_float()) {
    parsed = Fraction::parse(value->dump());
  } else if (value->is_string()) {
    parsed = Fraction::parse(value->get<std::string>());
  }
  if (!parsed) {
    issues.push_back({ErrorCode::kWrongType, key, fmt::format("expected a decimal number; found {}", value->dump())});
  }
  return parsed;
}

}  // namespace allot::api
