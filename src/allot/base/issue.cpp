#include "allot/base/issue.h"

namespace allot {

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kMalformed: return "malformed";
    case ErrorCode::kMissingField: return "missing_field";
    case ErrorCode::kWrongType: return "wrong_type";
    case ErrorCode::kInvalidValue: return "invalid_value";
    case ErrorCode::kDuplicate: return "duplicate";
    case ErrorCode::kUnknownReference: return "unknown_reference";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kTooLarge: return "too_large";
    case ErrorCode::kInternal: return "internal";
    case ErrorCode::kTooManyRequests: return "too_many_requests";
    case ErrorCode::kForbidden: return "forbidden";
  }
  return "internal";
}

std::string format_issues(const Issues& issues) {
  std::string out;
  for (const Issue& issue : issues) {
    out += issue.path.empty() ? issue.message : issue.path + ": " + issue.message;
    out += '\n';
  }
  return out;
}

}  // namespace allot
