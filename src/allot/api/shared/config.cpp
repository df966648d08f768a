#include "allot/api/shared/config.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <limits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace allot::api {
namespace {

enum class Kind { kText, kOptionalText, kSecret, kInt, kSize, kBool };

struct Setting {
  const char* key;
  Kind kind;
  std::int64_t min = 0;
  std::int64_t max = 0;
  std::string* (*text)(ServerConfig&) = nullptr;
  int* (*integer)(ServerConfig&) = nullptr;
  std::size_t* (*size)(ServerConfig&) = nullptr;
  bool* (*flag)(ServerConfig&) = nullptr;
};

#define ALLOT_TEXT(name, kind) Setting{#name, kind, 0, 0, [](ServerConfig& c) { return &c.name; }}
#define ALLOT_INT(name, lo, hi) Setting{#name, Kind::kInt, lo, hi, nullptr, [](ServerConfig& c) { return &c.name; }}
#define ALLOT_SIZE(name, lo, hi) \
  Setting{#name, Kind::kSize, lo, hi, nullptr, nullptr, [](ServerConfig& c) { return &c.name; }}
#define ALLOT_BOOL(name) Setting{#name, Kind::kBool, 0, 1, nullptr, nullptr, nullptr, [](ServerConfig& c) { return &c.name; }}

const std::vector<Setting>& settings() {
  static const std::vector<Setting> kSettings = {
      ALLOT_TEXT(host, Kind::kText),
      ALLOT_INT(port, 0, 65535),
      ALLOT_TEXT(database, Kind::kText),
      ALLOT_TEXT(postgres_schema, Kind::kOptionalText),
      ALLOT_TEXT(web_root, Kind::kText),
      ALLOT_BOOL(demo),
      ALLOT_TEXT(demo_password, Kind::kSecret),
      ALLOT_TEXT(rulebooks_dir, Kind::kText),
      ALLOT_INT(io_threads, 1, 64),
      ALLOT_INT(worker_threads, 1, 256),
      ALLOT_INT(job_threads, 1, 64),
      ALLOT_INT(read_timeout_seconds, 1, 3600),
      ALLOT_INT(write_timeout_seconds, 1, 3600),
      ALLOT_INT(shutdown_grace_seconds, 0, 3600),
      ALLOT_SIZE(max_header_bytes, 1024, 1024 * 1024),
      ALLOT_SIZE(max_body_bytes, 1024, std::int64_t{1} << 32),
      ALLOT_SIZE(max_upload_bytes, 1024, std::int64_t{1} << 34),
      ALLOT_SIZE(max_connections, 1, 1000000),
      ALLOT_INT(max_concurrent_uploads, 1, 1000),
      ALLOT_SIZE(min_upload_bytes_per_second, 1024, std::int64_t{1} << 30),
      ALLOT_BOOL(secure_cookies),
      ALLOT_BOOL(test_routes),
      ALLOT_TEXT(trusted_proxies, Kind::kOptionalText),
      ALLOT_TEXT(clock_start, Kind::kOptionalText),
  };
  return kSettings;
}

#undef ALLOT_TEXT
#undef ALLOT_INT
#undef ALLOT_SIZE
#undef ALLOT_BOOL

std::string env_name(const std::string& key) {
  std::string name = "ALLOT_" + key;
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
  return name;
}

std::string flag_name(const std::string& key) {
  std::string name = "--" + key;
  std::replace(name.begin(), name.end(), '_', '-');
  return name;
}

// Applies one textual value; returns the problem, if any.
std::optional<std::string> apply(ServerConfig& config, const Setting& setting, const std::string& value) {
  switch (setting.kind) {
    case Kind::kText:
    case Kind::kOptionalText:
    case Kind::kSecret:
      if (value.empty() && setting.kind == Kind::kText) return "must not be empty";
      *setting.text(config) = value;
      return std::nullopt;
    case Kind::kBool: {
      std::string lower = value;
      std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
      if (lower == "1" || lower == "true" || lower == "yes" || lower == "on") {
        *setting.flag(config) = true;
      } else if (lower == "0" || lower == "false" || lower == "no" || lower == "off") {
        *setting.flag(config) = false;
      } else {
        return fmt::format("expected true or false; found \"{}\"", value);
      }
      return std::nullopt;
    }
    case Kind::kInt:
    case Kind::kSize: {
      std::int64_t number = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
      if (error != std::errc{} || end != value.data() + value.size()) {
        return fmt::format("expected a whole number; found \"{}\"", value);
      }
      if (number < setting.min || number > setting.max) {
        return fmt::format("expected {} to {}; found {}", setting.min, setting.max, number);
      }
      if (setting.kind == Kind::kInt) {
        *setting.integer(config) = static_cast<int>(number);
      } else {
        *setting.size(config) = static_cast<std::size_t>(number);
      }
      return std::nullopt;
    }
  }
  return "unknown setting";
}

const Setting* find_setting(const std::string& key) {
  for (const Setting& setting : settings()) {
    if (key == setting.key) return &setting;
  }
  return nullptr;
}

}  // namespace

std::optional<std::string> process_env(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

const std::vector<std::string>& config_keys() {
  static const std::vector<std::string> kKeys = [] {
    std::vector<std::string> keys;
    for (const Setting& setting : settings()) keys.emplace_back(setting.key);
    return keys;
  }();
  return kKeys;
}

Result<ResolvedConfig> resolve_config(const ConfigSources& sources) {
  ResolvedConfig resolved;
  Issues issues;
  for (const Setting& setting : settings()) resolved.origin[setting.key] = "default";

  if (sources.file_text) {
    const nlohmann::json document = nlohmann::json::parse(*sources.file_text, nullptr, false);
    if (document.is_discarded() || !document.is_object()) {
      issues.push_back({ErrorCode::kMalformed, sources.file_name, "expected a JSON object of settings"});
    } else {
      for (const auto& [key, value] : document.items()) {
        const std::string path = sources.file_name + ":" + key;
        const Setting* setting = find_setting(key);
        if (setting == nullptr) {
          issues.push_back({ErrorCode::kUnknownReference, path, "unknown setting"});
          continue;
        }
        std::string text;
        if (value.is_string()) {
          text = value.get<std::string>();
        } else if (value.is_boolean()) {
          text = value.get<bool>() ? "true" : "false";
        } else if (value.is_number_integer()) {
          text = std::to_string(value.get<std::int64_t>());
        } else {
          issues.push_back({ErrorCode::kWrongType, path, "expected a string, number or true/false"});
          continue;
        }
        if (auto problem = apply(resolved.config, *setting, text)) {
          issues.push_back({ErrorCode::kInvalidValue, path, *problem});
        } else {
          resolved.origin[key] = "file";
        }
      }
    }
  }

  for (const Setting& setting : settings()) {
    const std::string name = env_name(setting.key);
    const std::optional<std::string> value = sources.env ? sources.env(name) : std::nullopt;
    if (!value) continue;
    if (auto problem = apply(resolved.config, setting, *value)) {
      issues.push_back({ErrorCode::kInvalidValue, name, *problem});
    } else {
      resolved.origin[setting.key] = "env " + name;
    }
  }

  for (const auto& [key, value] : sources.flags) {
    const Setting* setting = find_setting(key);
    if (setting == nullptr) {
      issues.push_back({ErrorCode::kUnknownReference, flag_name(key), "unknown setting"});
      continue;
    }
    if (auto problem = apply(resolved.config, *setting, value)) {
      issues.push_back({ErrorCode::kInvalidValue, flag_name(key), *problem});
    } else {
      resolved.origin[key] = "flag";
    }
  }

  if (!issues.empty()) return fail(std::move(issues));
  return resolved;
}

std::string redact_database(const std::string& database) {
  // A password in the query string: "...?password=secret&sslmode=require".
  if (const std::size_t key = database.find("password="); key != std::string::npos) {
    const std::size_t end = database.find('&', key);
    return redact_database(database.substr(0, key)) + "password=***" +
           (end == std::string::npos ? "" : database.substr(end));
  }
  const std::size_t scheme = database.find("://");
  if (scheme == std::string::npos) return database;
  const std::size_t at = database.find('@', scheme + 3);
  if (at == std::string::npos) return database;
  const std::size_t colon = database.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return database;
  return database.substr(0, colon + 1) + "***" + database.substr(at);
}

std::vector<std::string> describe_config(const ResolvedConfig& resolved) {
  std::vector<std::string> lines;
  ServerConfig config = resolved.config;
  for (const Setting& setting : settings()) {
    std::string value;
    switch (setting.kind) {
      case Kind::kText:
      case Kind::kOptionalText: value = *setting.text(config); break;
      case Kind::kSecret: value = setting.text(config)->empty() ? "(not set)" : "(set)"; break;
      case Kind::kInt: value = std::to_string(*setting.integer(config)); break;
      case Kind::kSize: value = std::to_string(*setting.size(config)); break;
      case Kind::kBool: value = *setting.flag(config) ? "true" : "false"; break;
    }
    if (std::string_view(setting.key) == "database") value = redact_database(value);
    lines.push_back(fmt::format("config {} = {} ({})", setting.key, value, resolved.origin.at(setting.key)));
  }
  return lines;
}

}  // namespace allot::api
