#pragma once
// Who a session or bearer token belongs to, remembered for a moment. Every signed-in
// request otherwise reads the session, user, roles and agency in a transaction of
// its own before its real work; under load that was a third of the cost of reading
// a person's record. An entry lives `ttl` (2 s by default) and never past the
// session's own expiry; this server forgets every entry at once when a session is
// ended or users change (Api::dispatch), so only another server behind the same
// database may honour a signed-out session or a deactivated user for up to `ttl`.
//
// Thread-safety: every member may be called from several threads at once.

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "allot/app/identity/auth_service.h"

namespace allot::api {

class SessionCache {
 public:
  struct Entry {
    app::Authenticated who;
    bool is_session = false;  // a session token (cookie, or the bearer from POST /session), not an API token
  };
  explicit SessionCache(std::chrono::milliseconds ttl = std::chrono::seconds(2), std::size_t capacity = 10'000)
      : ttl_(ttl), capacity_(capacity) {}

  // The entry for `token` if it is fresh and its session has not expired at `now`.
  std::optional<Entry> find(const std::string& token, app::Timestamp now);
  void remember(const std::string& token, Entry entry);
  void forget_all();

 private:
  struct Held {
    Entry entry;
    std::chrono::steady_clock::time_point until;
  };
  std::chrono::milliseconds ttl_;
  std::size_t capacity_;
  std::mutex mutex_;
  std::unordered_map<std::string, Held> entries_;
};

}  // namespace allot::api
