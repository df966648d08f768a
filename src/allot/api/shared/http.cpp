#include "allot/api/shared/http.h"

#include <algorithm>
#include <cctype>

namespace allot::api {
namespace {

bool iequals(std::string_view left, std::string_view right) {
  return left.size() == right.size() &&
         std::equal(left.begin(), left.end(), right.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         });
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

int hex_value(char digit) {
  if (digit >= '0' && digit <= '9') return digit - '0';
  if (digit >= 'a' && digit <= 'f') return digit - 'a' + 10;
  if (digit >= 'A' && digit <= 'F') return digit - 'A' + 10;
  return -1;
}

std::string_view find_header(const Headers& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) return value;
  }
  return {};
}

}  // namespace

Method parse_method(std::string_view name) {
  if (name == "GET") return Method::kGet;
  if (name == "HEAD") return Method::kHead;
  if (name == "POST") return Method::kPost;
  if (name == "PUT") return Method::kPut;
  if (name == "PATCH") return Method::kPatch;
  if (name == "DELETE") return Method::kDelete;
  if (name == "OPTIONS") return Method::kOptions;
  return Method::kOther;
}

const char* method_name(Method method) {
  switch (method) {
    case Method::kGet: return "GET";
    case Method::kHead: return "HEAD";
    case Method::kPost: return "POST";
    case Method::kPut: return "PUT";
    case Method::kPatch: return "PATCH";
    case Method::kDelete: return "DELETE";
    case Method::kOptions: return "OPTIONS";
    case Method::kOther: return "OTHER";
  }
  return "OTHER";
}

std::string_view HttpRequest::header(std::string_view name) const { return find_header(headers, name); }

std::string HttpRequest::cookie(std::string_view name) const {
  std::string_view cookies = header("cookie");
  while (!cookies.empty()) {
    const std::size_t end = cookies.find(';');
    std::string_view pair = trim(cookies.substr(0, end));
    cookies = end == std::string_view::npos ? std::string_view{} : cookies.substr(end + 1);
    const std::size_t equals = pair.find('=');
    if (equals == std::string_view::npos) continue;
    if (trim(pair.substr(0, equals)) == name) return std::string(trim(pair.substr(equals + 1)));
  }
  return {};
}

std::string HttpRequest::media_type() const {
  std::string_view value = header("content-type");
  value = trim(value.substr(0, value.find(';')));
  std::string lower(value);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

void HttpResponse::set_header(std::string name, std::string value) {
  std::erase_if(headers, [&](const auto& header) { return iequals(header.first, name); });
  headers.emplace_back(std::move(name), std::move(value));
}

void HttpResponse::add_header(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
}

std::string_view HttpResponse::header(std::string_view name) const { return find_header(headers, name); }

HttpResponse json_response(int status, const nlohmann::json& body) {
  HttpResponse response;
  response.status = status;
  response.set_header("Content-Type", "application/json; charset=utf-8");
  // Invalid UTF-8 from a stored document must not turn into a 500.
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

HttpResponse no_content() {
  HttpResponse response;
  response.status = 204;
  return response;
}

HttpResponse error_response(int status, std::string_view code, std::string_view message,
                            const Issues& issues, std::string_view incident_id) {
  nlohmann::json issue_list = nlohmann::json::array();
  for (const Issue& issue : issues) {
    issue_list.push_back({{"path", issue.path}, {"message", issue.message}, {"code", error_code_name(issue.code)}});
  }
  nlohmann::json error = {{"code", code}, {"message", message}, {"issues", std::move(issue_list)}};
  if (!incident_id.empty()) error["incident_id"] = incident_id;
  return json_response(status, {{"error", std::move(error)}});
}

HttpResponse error_response(int status, ErrorCode code, std::string_view message, const Issues& issues) {
  return error_response(status, error_code_name(code), message, issues);
}

int status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::kMalformed: return 400;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kTooLarge: return 413;
    case ErrorCode::kInternal: return 500;
    case ErrorCode::kTooManyRequests: return 429;
    case ErrorCode::kForbidden: return 403;
    case ErrorCode::kMissingField:
    case ErrorCode::kWrongType:
    case ErrorCode::kInvalidValue:
    case ErrorCode::kDuplicate:
    case ErrorCode::kUnknownReference: return 422;
  }
  return 500;
}

HttpResponse issues_response(const Issues& issues, std::string_view message) {
  // The most telling status wins: a missing thing before a refused state before bad values.
  static constexpr ErrorCode kPrecedence[] = {ErrorCode::kInternal, ErrorCode::kMalformed, ErrorCode::kTooLarge,
                                              ErrorCode::kNotFound, ErrorCode::kConflict};
  ErrorCode chosen = issues.empty() ? ErrorCode::kInvalidValue : issues.front().code;
  for (ErrorCode candidate : kPrecedence) {
    if (std::any_of(issues.begin(), issues.end(), [&](const Issue& issue) { return issue.code == candidate; })) {
      chosen = candidate;
      break;
    }
  }
  const int status = status_for(chosen);
  return error_response(status, status == 422 ? ErrorCode::kInvalidValue : chosen, message, issues);
}

bool decode_path(std::string_view raw, std::string& decoded) {
  decoded.clear();
  decoded.reserve(raw.size());
  for (std::size_t index = 0; index < raw.size(); ++index) {
    const char c = raw[index];
    if (c != '%') {
      decoded += c;
      continue;
    }
    if (index + 2 >= raw.size()) return false;
    const int high = hex_value(raw[index + 1]);
    const int low = hex_value(raw[index + 2]);
    if (high < 0 || low < 0) return false;
    const char byte = static_cast<char>(high * 16 + low);
    if (byte == '\0') return false;
    decoded += byte;
    index += 2;
  }
  return true;
}

namespace {
std::string decode_component(std::string_view raw) {
  std::string decoded;
  decoded.reserve(raw.size());
  for (std::size_t index = 0; index < raw.size(); ++index) {
    const int high = raw[index] == '%' && index + 2 < raw.size() ? hex_value(raw[index + 1]) : -1;
    const int low = high >= 0 ? hex_value(raw[index + 2]) : -1;
    if (raw[index] == '+') {
      decoded += ' ';
    } else if (low >= 0) {
      decoded += static_cast<char>(high * 16 + low);
      index += 2;
    } else {
      decoded += raw[index];
    }
  }
  return decoded;
}
}  // namespace

std::map<std::string, std::string, std::less<>> query_params(std::string_view query) {
  std::map<std::string, std::string, std::less<>> params;
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    const std::size_t eq = pair.find('=');
    if (!pair.empty()) {
      params[decode_component(pair.substr(0, eq))] = eq == std::string_view::npos ? "" : decode_component(pair.substr(eq + 1));
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return params;
}

std::string HttpRequest::query_param(std::string_view name) const {
  const auto params = query_params(query);
  const auto found = params.find(name);
  return found == params.end() ? std::string() : found->second;
}

bool read_target(std::string_view target, HttpRequest& request) {
  request.target = std::string(target);
  const std::size_t query_start = target.find('?');
  const std::string_view raw_path = target.substr(0, query_start);
  request.query = query_start == std::string_view::npos ? std::string() : std::string(target.substr(query_start + 1));
  return !raw_path.empty() && raw_path.front() == '/' && decode_path(raw_path, request.path);
}

}  // namespace allot::api
