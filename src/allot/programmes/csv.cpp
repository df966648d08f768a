#include "allot/programmes/csv.h"

#include <fmt/format.h>

namespace allot::programmes {

Result<std::vector<Row>> parse_csv(std::string_view text, std::string_view source_name) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<Row> rows;
  Issues issues;
  Row row;
  std::string cell;
  bool quoted = false;
  bool after_quote = false;
  bool row_started = false;
  int line = 1;
  int row_line = 1;
  auto end_cell = [&] {
    row.push_back(std::move(cell));
    cell.clear();
    after_quote = false;
  };
  auto end_row = [&] {
    end_cell();
    rows.push_back(std::move(row));
    row.clear();
    row_started = false;
  };
  for (std::size_t at = 0; at < text.size(); ++at) {
    const char ch = text[at];
    if (!row_started) {
      row_started = true;
      row_line = line;
    }
    if (quoted) {
      if (ch == '"') {
        if (at + 1 < text.size() && text[at + 1] == '"') {
          cell += '"';
          ++at;
        } else {
          quoted = false;
          after_quote = true;
        }
      } else {
        if (ch == '\n') ++line;
        cell += ch;
      }
      continue;
    }
    if (ch == ',') {
      end_cell();
    } else if (ch == '\r' && at + 1 < text.size() && text[at + 1] == '\n') {
      continue;
    } else if (ch == '\n') {
      end_row();
      ++line;
    } else if (ch == '"' && cell.empty() && !after_quote) {
      quoted = true;
    } else if (after_quote) {
      issues.push_back({ErrorCode::kMalformed, fmt::format("{}:{}", source_name, line),
                        "text after a closing quote; quote the whole cell and double any quote inside it"});
      after_quote = false;
    } else {
      cell += ch;
    }
  }
  if (quoted) {
    issues.push_back({ErrorCode::kMalformed, fmt::format("{}:{}", source_name, row_line),
                      "a quoted cell is not closed before the end of the file"});
  } else if (row_started) {
    end_row();
  }
  if (!issues.empty()) return fail(std::move(issues));
  return rows;
}

}  // namespace allot::programmes
