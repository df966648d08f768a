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
  return {{ErrorCode::kWrongType, "", "expected an object; found " + describe_json(body)}};
}

JsonReader FieldReader::field(const char* key, bool required) {
  const JsonObjectReader fields(object, issues);
  return required ? fields.required(key) : fields.optional(key);
}

std::optional<std::string> FieldReader::text(const char* key, bool required) { return field(key, required).text(); }

std::optional<std::int64_t> FieldReader::integer(const char* key, std::int64_t min, bool required) {
  return field(key, required).whole({.min = min});
}

std::optional<bool> FieldReader::boolean(const char* key) { return field(key, false).boolean(); }

std::optional<Fraction> FieldReader::decimal(const char* key, bool required) { return field(key, required).decimal(); }

}  // namespace allot::api
