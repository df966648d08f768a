#include "allot/api/shared/session_cache.h"

namespace allot::api {

std::optional<SessionCache::Entry> SessionCache::find(const std::string& token, app::Timestamp now) {
  std::lock_guard lock(mutex_);
  auto found = entries_.find(token);
  if (found == entries_.end()) return std::nullopt;
  if (found->second.until <= std::chrono::steady_clock::now() || found->second.entry.who.expires_at <= now) {
    entries_.erase(found);
    return std::nullopt;
  }
  return found->second.entry;
}

void SessionCache::remember(const std::string& token, Entry entry) {
  const auto until = std::chrono::steady_clock::now() + ttl_;
  std::lock_guard lock(mutex_);
  // Bounded: a flood of distinct tokens cannot grow it; the next misses simply
  // read the database again.
  if (entries_.size() >= capacity_) entries_.clear();
  entries_.insert_or_assign(token, Held{std::move(entry), until});
}

void SessionCache::forget_all() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

}  // namespace allot::api
