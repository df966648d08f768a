#pragma once
// Night-time support compared (seed 002, 3.8): the weekly cost of a person's
// nights as they are, beside a sleepover, a waking night and technology-enabled
// care with a responder for the same nights at the same rate card, each with its
// difference from what is in place, so alternatives to sleepovers are visible.
// Every amount exact and checked. No I/O.

#include <optional>
#include <string>
#include <vector>

#include "allot/base/issue.h"
#include "allot/base/money.h"
#include "allot/care_at_home/package.h"
#include "allot/care_at_home/rates.h"

namespace allot::care_at_home {

const char* night_support_id(NightSupport kind);  // "none", "sleepover", "waking_night", "technology_with_responder"

struct NightAlternative {
  NightSupport kind = NightSupport::kNone;
  bool current = false;                   // what the person has now
  std::optional<Money> weekly;            // none when it cannot be priced (no technology charge given)
  std::optional<Money> difference;        // weekly - the current weekly
  std::optional<Money> annual_difference;  // 52 weeks of the difference
  std::string note;                       // why it is unpriced, or what was assumed
};

struct NightComparison {
  NightPattern current;
  Money current_weekly;
  std::vector<NightAlternative> alternatives;  // sleepover, waking night, technology, in that order
};

// The comparison for `current` (which must have nights). A waking night lasts the
// current waking hours, or `waking_hours_if_not_waking` when the person has
// another kind; technology costs the current charge, or `technology_weekly` when
// given, else it is listed unpriced. Fails naming the field for a pattern with no
// nights, a bad pattern, or an amount beyond 64-bit pence.
Result<NightComparison> compare_nights(const RateCard& card, const NightPattern& current, int waking_hours_if_not_waking,
                                       std::optional<Money> technology_weekly);

}  // namespace allot::care_at_home
