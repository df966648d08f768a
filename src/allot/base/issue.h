#pragma once
// Problems found in input. Validation collects every problem in one pass and
// returns them together (STYLE.md), each with a path into the input and a message
// saying what was found, what was expected, and a hint.

#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "allot/base/enum_text.h"

namespace allot {

// Stable codes: append only, never renumber or reuse (docs/errors.md lists them).
enum class ErrorCode {
  kMalformed,        // not parseable at all (bad JSON, bad CSV quoting)
  kMissingField,     // a required field is absent
  kWrongType,        // a field has the wrong JSON type
  kInvalidValue,     // a value outside its allowed range or set
  kDuplicate,        // an id used twice
  kUnknownReference, // names something that does not exist
  kConflict,         // refused by the current state (HTTP 409)
  kNotFound,         // HTTP 404
  kTooLarge,         // HTTP 413
  kInternal,         // a bug or broken environment (HTTP 500)
  kTooManyRequests,  // refused for now: too many attempts (HTTP 429)
  kForbidden,        // signed in, but the access policy refuses this action (HTTP 403)
};

// The stable text of each code, as used in JSON bodies: "invalid_value".
inline constexpr auto kErrorCodes = make_enum_text<ErrorCode>({
    {ErrorCode::kMalformed, "malformed"},
    {ErrorCode::kMissingField, "missing_field"},
    {ErrorCode::kWrongType, "wrong_type"},
    {ErrorCode::kInvalidValue, "invalid_value"},
    {ErrorCode::kDuplicate, "duplicate"},
    {ErrorCode::kUnknownReference, "unknown_reference"},
    {ErrorCode::kConflict, "conflict"},
    {ErrorCode::kNotFound, "not_found"},
    {ErrorCode::kTooLarge, "too_large"},
    {ErrorCode::kInternal, "internal"},
    {ErrorCode::kTooManyRequests, "too_many_requests"},
    {ErrorCode::kForbidden, "forbidden"},
});
// Name the newest code here when appending one.
static_assert(kErrorCodes.covers_through(ErrorCode::kForbidden), "every error code needs its text");

const char* error_code_name(ErrorCode code);

struct Issue {
  ErrorCode code = ErrorCode::kInvalidValue;
  std::string path;     // "questions[3].answers[1].points", "sample.csv:42"
  std::string message;  // "must not be negative; found -4"
  bool operator==(const Issue&) const = default;
};

using Issues = std::vector<Issue>;

// "path: message" lines, one per issue, for terminals and logs.
std::string format_issues(const Issues& issues);

template <typename T>
using Result = tl::expected<T, Issues>;

inline tl::unexpected<Issues> fail(Issues issues) { return tl::unexpected<Issues>(std::move(issues)); }
inline tl::unexpected<Issues> fail(ErrorCode code, std::string path, std::string message) {
  return tl::unexpected<Issues>(Issues{Issue{code, std::move(path), std::move(message)}});
}

}  // namespace allot
