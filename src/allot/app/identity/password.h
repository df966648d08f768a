#pragma once
// Password hashing (argon2id through libsodium's crypto_pwhash_str) and random
// tokens. All functions are thread-safe once libsodium is initialised, which
// every function here does on first use.

#include <cstddef>
#include <string>
#include <string_view>

namespace allot::app {

// The work factor for new password hashes. Verification reads the factor from
// the stored hash, so hashes made with any factor keep working.
enum class PasswordCost {
  kInteractive,  // libsodium's INTERACTIVE limits (64 MiB): the production default
  kMinimum,      // the smallest limits libsodium allows: tests and demo data only
};

// An argon2id hash string ("$argon2id$v=19$m=...") of `password`. Throws
// std::runtime_error only if memory for hashing cannot be allocated.
std::string hash_password(std::string_view password, PasswordCost cost);

// True if `password` matches `hash`; false for a wrong password or a malformed
// hash. Takes the time of a full hash either way (libsodium compares in constant
// time).
bool verify_password(std::string_view password, std::string_view hash);

// True if `hash` was made with a smaller work factor than `cost` asks (or is not
// a hash at all): checking it takes less time than checking one made at `cost`.
bool is_cheaper_than(std::string_view hash, PasswordCost cost);

// `bytes` random bytes from libsodium, as URL-safe base64 without padding
// (32 bytes -> 43 characters): session tokens, CSRF tokens, API tokens, demo
// passwords.
std::string random_token(std::size_t bytes = 32);

// A hex BLAKE2b-256 hash of a token, which is what the database stores: a leaked
// database does not leak usable tokens. Tokens have 256 bits of entropy, so a
// fast hash is enough.
std::string hash_token(std::string_view token);

// Constant-time equality for secrets of any length (lengths are not secret).
bool equal_in_constant_time(std::string_view left, std::string_view right);

}  // namespace allot::app
