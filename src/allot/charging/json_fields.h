#pragma once
// Reading JSON fields while collecting every problem with its path; shared by
// the rules and the assessment readers of this module.

#include <cstdint>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/base/json_reader.h"
#include "allot/base/issue.h"

namespace allot::charging::detail {

inline const char* json_type_name(const nlohmann::json& value) {
  if (value.is_string()) return "a string";
  if (value.is_number_integer()) return "an integer";
  if (value.is_number()) return "a number";
  if (value.is_boolean()) return "a boolean";
  if (value.is_array()) return "an array";
  if (value.is_object()) return "an object";
  return "null";
}

inline std::string join_path(const std::string& base, const std::string& key) {
  return base.empty() ? key : base + "." + key;
}

class Fields {
 public:
  Fields(const nlohmann::json& object, std::string path, Issues& issues)
      : object_(object), path_(std::move(path)), issues_(issues) {}

  const nlohmann::json* find(const char* key, bool required) {
    auto found = object_.find(key);
    if (found == object_.end() || found->is_null()) {
      if (required) issues_.push_back({ErrorCode::kMissingField, join_path(path_, key), "is required"});
      return nullptr;
    }
    return &*found;
  }

  std::optional<std::string> text(const char* key, bool required = true, bool allow_empty = false) {
    const nlohmann::json* value = find(key, required);
    if (!value) return std::nullopt;
    if (!value->is_string()) {
      issues_.push_back({ErrorCode::kWrongType, join_path(path_, key),
                         fmt::format("must be a string; found {}", json_type_name(*value))});
      return std::nullopt;
    }
    if (auto problem = control_character_problem(value->get_ref<const std::string&>())) {
      issues_.push_back({ErrorCode::kInvalidValue, join_path(path_, key), *problem});
      return std::nullopt;
    }
    if (!allow_empty && value->get<std::string>().empty()) {
      issues_.push_back({ErrorCode::kInvalidValue, join_path(path_, key), "must not be empty"});
      return std::nullopt;
    }
    return value->get<std::string>();
  }

  std::optional<std::int64_t> integer(const char* key, std::int64_t min, std::int64_t max, bool required = true) {
    const nlohmann::json* value = find(key, required);
    if (!value) return std::nullopt;
    if (!value->is_number_integer()) {
      issues_.push_back({ErrorCode::kWrongType, join_path(path_, key),
                         fmt::format("must be a whole number; found {}", json_type_name(*value))});
      return std::nullopt;
    }
    std::int64_t number = 0;
    if (value->is_number_unsigned()) {
      const std::uint64_t raw = value->get<std::uint64_t>();
      if (raw > static_cast<std::uint64_t>(max)) {
        issues_.push_back({ErrorCode::kInvalidValue, join_path(path_, key),
                           fmt::format("must be between {} and {}; found {}", min, max, raw)});
        return std::nullopt;
      }
      number = static_cast<std::int64_t>(raw);
    } else {
      number = value->get<std::int64_t>();
    }
    if (number < min || number > max) {
      issues_.push_back({ErrorCode::kInvalidValue, join_path(path_, key),
                         fmt::format("must be between {} and {}; found {}", min, max, number)});
      return std::nullopt;
    }
    return number;
  }

  std::optional<bool> boolean(const char* key, bool required = true) {
    const nlohmann::json* value = find(key, required);
    if (!value) return std::nullopt;
    if (!value->is_boolean()) {
      issues_.push_back({ErrorCode::kWrongType, join_path(path_, key),
                         fmt::format("must be true or false; found {}", json_type_name(*value))});
      return std::nullopt;
    }
    return value->get<bool>();
  }

  // An array field; null (with an issue) when present but not an array.
  const nlohmann::json* array(const char* key, bool required = true) {
    const nlohmann::json* value = find(key, required);
    if (!value) return nullptr;
    if (!value->is_array()) {
      issues_.push_back({ErrorCode::kWrongType, join_path(path_, key),
                         fmt::format("must be an array; found {}", json_type_name(*value))});
      return nullptr;
    }
    return value;
  }

  const nlohmann::json* object(const char* key, bool required = true) {
    const nlohmann::json* value = find(key, required);
    if (!value) return nullptr;
    if (!value->is_object()) {
      issues_.push_back({ErrorCode::kWrongType, join_path(path_, key),
                         fmt::format("must be an object; found {}", json_type_name(*value))});
      return nullptr;
    }
    return value;
  }

  std::string path(const char* key) const { return join_path(path_, key); }

 private:
  const nlohmann::json& object_;
  std::string path_;
  Issues& issues_;
};

// Visits each element of an array that is an object, reporting the others.
template <typename Visit>
void each_object(const nlohmann::json* array, const std::string& path, Issues& issues, Visit&& visit) {
  if (!array) return;
  for (std::size_t index = 0; index < array->size(); ++index) {
    const std::string item_path = fmt::format("{}[{}]", path, index);
    const nlohmann::json& item = (*array)[index];
    if (!item.is_object()) {
      issues.push_back({ErrorCode::kWrongType, item_path,
                        fmt::format("must be an object; found {}", json_type_name(item))});
      continue;
    }
    Fields fields(item, item_path, issues);
    visit(fields, item_path, index);
  }
}

}  // namespace allot::charging::detail
