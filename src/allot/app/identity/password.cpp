#include "allot/app/identity/password.h"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace allot::app {

namespace {

void ensure_sodium() {
  // sodium_init is thread-safe and idempotent; a static runs it once.
  static const int status = sodium_init();
  if (status < 0) throw std::runtime_error("libsodium could not be initialised");
}

unsigned long long ops_limit(PasswordCost cost) {
  return cost == PasswordCost::kInteractive ? crypto_pwhash_OPSLIMIT_INTERACTIVE : crypto_pwhash_OPSLIMIT_MIN;
}

std::size_t mem_limit(PasswordCost cost) {
  return cost == PasswordCost::kInteractive ? crypto_pwhash_MEMLIMIT_INTERACTIVE : crypto_pwhash_MEMLIMIT_MIN;
}

}  // namespace

std::string hash_password(std::string_view password, PasswordCost cost) {
  ensure_sodium();
  const unsigned long long ops = ops_limit(cost);
  const std::size_t mem = mem_limit(cost);
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops, mem, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("password hashing ran out of memory");
  }
  return out;
}

bool verify_password(std::string_view password, std::string_view hash) {
  ensure_sodium();
  // crypto_pwhash_str_verify needs a NUL-terminated string.
  const std::string stored(hash);
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

bool is_cheaper_than(std::string_view hash, PasswordCost cost) {
  ensure_sodium();
  if (cost == PasswordCost::kMinimum) return false;
  const std::string stored(hash);
  // needs_rehash says only that the limits differ; a hash made at the minimum is
  // the cheaper one here, since those are the only two costs Allot makes.
  return crypto_pwhash_str_needs_rehash(stored.c_str(), ops_limit(cost), mem_limit(cost)) != 0;
}

std::string random_token(std::size_t bytes) {
  ensure_sodium();
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  const int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_encoded_len(bytes, variant), '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(), variant);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::string hash_token(std::string_view token) {
  ensure_sodium();
  unsigned char digest[crypto_generichash_BYTES];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  std::string hex(sizeof digest * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest, sizeof digest);
  hex.resize(sizeof digest * 2);
  return hex;
}

bool equal_in_constant_time(std::string_view left, std::string_view right) {
  ensure_sodium();
  if (left.size() != right.size()) return false;
  if (left.empty()) return true;
  return sodium_memcmp(left.data(), right.data(), left.size()) == 0;
}

}  // namespace allot::app
