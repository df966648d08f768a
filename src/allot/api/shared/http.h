#pragma once
// Plain HTTP request and response values. The server (server.cpp, the only place
// that includes Boost.Beast) converts to and from these, so routing, handlers and
// their tests compile without Beast.

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "allot/base/issue.h"

namespace allot::api {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

Method parse_method(std::string_view name);
const char* method_name(Method method);

using Headers = std::vector<std::pair<std::string, std::string>>;  // names in lower case

struct HttpRequest {
  Method method = Method::kGet;
  std::string target;  // as sent: "/api/v1/rulebooks?x=1"
  std::string path;    // percent-decoded path without the query: "/api/v1/rulebooks"
  std::string query;   // raw query string without '?'
  Headers headers;
  std::string body;
  std::string remote_address;

  // The first header with this name (case-insensitive), or "" when absent.
  std::string_view header(std::string_view name) const;
  // The value of one cookie from the Cookie header, or "" when absent.
  std::string cookie(std::string_view name) const;
  // The media type of Content-Type without parameters, lower case: "application/json".
  std::string media_type() const;
  // A query parameter, decoded as query_params() does; "" when absent.
  std::string query_param(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  Headers headers;
  std::string body;
  bool close_connection = false;  // the server closes the connection after writing
  // Set when the response reports something whose audit entry is still being
  // written (app/shared/audit_writer.h): the server calls it with a continuation
  // and sends the response only once that runs with true (false: the entry could
  // not be written, and the server answers 500 instead). Must not block.
  std::function<void(std::function<void(bool recorded)>)> when_recorded;

  void set_header(std::string name, std::string value);  // replaces any header of that name
  void add_header(std::string name, std::string value);  // appends (Set-Cookie may repeat)
  std::string_view header(std::string_view name) const;
};

HttpResponse json_response(int status, const nlohmann::json& body);
HttpResponse no_content();

// Error bodies have one shape everywhere (docs/api.md):
// {"error": {"code", "message", "issues": [{"path", "message"}], "incident_id"?}}
// `code` is error_code_name() of the base codes, or one of the API's own codes
// for statuses base has no code for ("unauthenticated", "forbidden", ...).
HttpResponse error_response(int status, std::string_view code, std::string_view message,
                            const Issues& issues = {}, std::string_view incident_id = {});
HttpResponse error_response(int status, ErrorCode code, std::string_view message,
                            const Issues& issues = {});

// The status for a code refused by the app or domain layers: 404, 409, 413, 422, 400, 500.
int status_for(ErrorCode code);
// Maps issues returned by a lower layer to a response using the most severe code.
HttpResponse issues_response(const Issues& issues, std::string_view message);

// Splits "/a/b%20c/d" into decoded segments; false when a percent escape is malformed.
bool decode_path(std::string_view raw, std::string& decoded);

// The query string's parameters, each name and value percent-decoded ("+" is a
// space, as forms send it; a malformed escape is kept as typed). A name given
// twice keeps its last value; a name without "=" has an empty value.
std::map<std::string, std::string, std::less<>> query_params(std::string_view query);

// Reads a request target as sent ("/api/v1/people?page=2") into request.target,
// the decoded path and the raw query; false (a 400) when the path does not start
// with '/' or a percent escape is malformed or decodes to a NUL byte.
bool read_target(std::string_view target, HttpRequest& request);

}  // namespace allot::api
