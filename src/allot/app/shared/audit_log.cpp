#include "allot/app/shared/audit_log.h"

#include <sodium.h>

#include <array>

#include "allot/app/shared/audit_writer.h"

namespace allot::app {

namespace {

void add_field(crypto_hash_sha256_state& state, std::string_view text) {
  // Length first, so that ("ab", "c") and ("a", "bc") hash differently.
  const std::string length = std::to_string(text.size()) + ":";
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(length.data()), length.size());
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(text.data()), text.size());
}

}  // namespace

std::string audit_entry_hash(std::string_view previous_hash, const AuditEntry& entry) {
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  add_field(state, "allot-audit-v1");
  add_field(state, previous_hash);
  add_field(state, std::to_string(entry.seq));
  add_field(state, format_timestamp(entry.at));
  add_field(state, entry.actor);
  add_field(state, entry.agency);
  add_field(state, entry.roles);
  add_field(state, entry.action);
  add_field(state, entry.subject);
  add_field(state, entry.people);
  add_field(state, entry.detail);
  add_field(state, entry.reason);
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256_final(&state, digest.data());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(digest.size() * 2);
  for (unsigned char byte : digest) {
    hex.push_back(kHex[byte >> 4]);
    hex.push_back(kHex[byte & 0x0f]);
  }
  return hex;
}

std::string people_text(const std::vector<Id>& ids) {
  if (ids.empty()) return "";
  std::string text = ",";
  for (Id id : ids) text += std::to_string(id) + ",";
  return text;
}

std::string audit_roles_text(const std::vector<Role>& roles) {
  std::string text;
  for (Role role : roles) {
    if (!text.empty()) text += ",";
    text += role_name(role);
  }
  return text;
}

}  // namespace allot::app
