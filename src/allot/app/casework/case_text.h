#pragma once
// Checks of the free text casework takes (a note, a reason, a user name): not
// blank, not longer than the limit, no control characters but new lines and
// tabs. Every problem is reported with `path`; `what` names the field in words.

#include <cstddef>
#include <string_view>

#include "allot/base/issue.h"

namespace allot::app {

Issues check_case_text(std::string_view text, std::string_view path, std::string_view what, std::size_t max_chars);

}  // namespace allot::app
