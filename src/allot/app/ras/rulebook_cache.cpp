#include "allot/app/ras/rulebook_cache.h"

#include <fmt/format.h>

#include "allot/ras/rulebook_json.h"

namespace allot::app {

Result<std::shared_ptr<const ras::Rulebook>> RulebookCache::get(RulebookRepository& rulebooks, const std::string& id,
                                                                int version) {
  const auto key = std::make_pair(id, version);
  {
    std::lock_guard lock(mutex_);
    if (const auto found = parsed_.find(key); found != parsed_.end()) return found->second;
  }
  Result<RulebookVersion> stored = rulebooks.get(id, version);
  if (!stored) return fail(std::move(stored.error()));
  Result<nlohmann::json> document = ras::parse_json_text(stored->document, "rulebook");
  Result<ras::Rulebook> rulebook = document ? ras::parse_rulebook(*document) : fail(std::move(document.error()));
  if (!rulebook) {
    return fail(ErrorCode::kInternal, "rulebook",
                fmt::format("stored rulebook {} v{} does not parse: {}", id, version, format_issues(rulebook.error())));
  }
  auto shared = std::make_shared<const ras::Rulebook>(std::move(*rulebook));
  std::lock_guard lock(mutex_);
  parsed_.emplace(key, shared);
  return shared;
}

}  // namespace allot::app
