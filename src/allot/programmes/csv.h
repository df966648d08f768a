#pragma once
// CSV text to rows of cells (RFC 4180: quoted cells may hold commas, quotes
// doubled and line breaks). Every malformed line is reported with its number.

#include <string>
#include <string_view>
#include <vector>

#include "allot/base/issue.h"

namespace allot::programmes {

using Row = std::vector<std::string>;

// kMalformed "name:LINE" for an unterminated quote or text after a closing
// quote. A trailing line break does not make an empty row; a UTF-8 byte order
// mark at the start is skipped.
Result<std::vector<Row>> parse_csv(std::string_view text, std::string_view source_name);

}  // namespace allot::programmes
