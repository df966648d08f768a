#include "allot/app/journey/journey_service.h"

namespace allot::app {

JourneyService::JourneyService(Store& store, const Clock& clock, JourneyConfig config)
    : core_(store, clock, std::move(config)) {}

JourneyService::JourneyService(Store& store, const Clock& clock, RulebookCache& rulebooks, JourneyConfig config)
    : core_(store, clock, std::move(config), &rulebooks) {}

}  // namespace allot::app
