#pragma once
// What every capability's handlers use to read a request and answer: the body as
// JSON, a field reader that collects every problem, and the mapping of the app
// layer's refusals to HTTP.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "allot/api/shared/http.h"
#include "allot/base/fraction.h"
#include "allot/base/issue.h"
#include "allot/base/json_reader.h"

namespace allot::api {

// A 500 response with a fresh incident id; `detail` goes to the log only.
HttpResponse internal_error(std::string_view detail);
// The response for issues from a lower layer; kInternal issues become internal_error().
HttpResponse failure(const Issues& issues, std::string_view message);
bool has_issue(const Issues& issues, ErrorCode code);

// Issues as the JSON list error bodies carry: [{"path","message","code"}].
nlohmann::json issues_json(const Issues& issues);

// The request body as JSON. The router has already checked the content type.
Result<nlohmann::json> json_body(const HttpRequest& request);
// No issues for a JSON object; one kWrongType issue for anything else.
Issues not_an_object(const nlohmann::json& body);

// Reads a flat request object field by field with base/json_reader.h, collecting
// every problem in `issues` with its wording (docs/errors.md). A thin front for
// handlers written against it; JsonObjectReader offers the rest (nested objects,
// arrays, enums, dates, money, unknown fields).
struct FieldReader {
  const nlohmann::json& object;
  Issues issues;

  JsonReader field(const char* key, bool required);
  std::optional<std::string> text(const char* key, bool required = true);
  std::optional<std::int64_t> integer(const char* key, std::int64_t min, bool required = true);
  std::optional<bool> boolean(const char* key);
  // A decimal number given as a JSON number or a string ("12.5"), read exactly.
  std::optional<Fraction> decimal(const char* key, bool required = true);
};

}  // namespace allot::api
