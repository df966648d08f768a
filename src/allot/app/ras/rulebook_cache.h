#pragma once
// Published rulebook versions, parsed once and kept. A published version never
// changes (RulebookRepository refuses to overwrite one), so a parsed copy stays
// true for the life of the store it came from. One cache per store: the API and
// the journey's use cases share the one the server makes.
//
// Thread-safety: safe to use from several threads.

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "allot/app/ras/repositories.h"
#include "allot/ras/rulebook.h"

namespace allot::app {

class RulebookCache {
 public:
  // The parsed version: kNotFound if it was never published; kInternal if the
  // stored document no longer parses (it was checked before publishing, so that
  // is a bug).
  Result<std::shared_ptr<const ras::Rulebook>> get(RulebookRepository& rulebooks, const std::string& id,
                                                   int version);

 private:
  std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::shared_ptr<const ras::Rulebook>> parsed_;
};

}  // namespace allot::app
