#include "allot/ras/population_csv.h"

#include <charconv>
#include <string>
#include <optional>

namespace allot::ras {
namespace {

enum class Column { kPersonId, kClientGroup, kCurrentAnnual, kQuestion };

struct ColumnInfo {
  Column kind = Column::kQuestion;
  std::size_t question = 0;
};

// Splits one CSV line into fields (RFC 4180 quoting within the line). Returns
// false for an unbalanced quote. Unquoted fields are views into the line; quoted
// ones are unescaped into `storage`.
bool split_fields(std::string_view line, std::vector<std::string_view>& fields, std::vector<std::string>& storage) {
  fields.clear();
  if (line.find('"') == std::string_view::npos) {
    std::size_t start = 0;
    while (true) {
      const std::size_t comma = line.find(',', start);
      if (comma == std::string_view::npos) {
        fields.push_back(line.substr(start));
        return true;
      }
      fields.push_back(line.substr(start, comma - start));
      start = comma + 1;
    }
  }
  storage.clear();
  storage.reserve(line.size());  // views into storage must not move
  std::size_t pos = 0;
  while (true) {
    if (pos < line.size() && line[pos] == '"') {
      std::string value;
      ++pos;
      while (true) {
        if (pos >= line.size()) return false;
        if (line[pos] == '"') {
          if (pos + 1 < line.size() && line[pos + 1] == '"') {
            value += '"';
            pos += 2;
            continue;
          }
          ++pos;
          break;
        }
        value += line[pos++];
      }
      storage.push_back(std::move(value));
      fields.push_back(storage.back());
      if (pos == line.size()) return true;
      if (line[pos] != ',') return false;
      ++pos;
    } else {
      const std::size_t comma = line.find(',', pos);
      const std::size_t end = comma == std::string_view::npos ? line.size() : comma;
      fields.push_back(line.substr(pos, end - pos));
      if (comma == std::string_view::npos) return true;
      pos = comma + 1;
    }
  }
}

std::uint64_t hash_id(std::string_view text) {
  std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a
  for (const char ch : text) {
    hash ^= static_cast<unsigned char>(ch);
    hash *= 1099511628211ULL;
  }
  return hash;
}

// Remembers where each person_id was first seen: an open-addressing table of id
// hashes to line offsets. A node-based map costs an allocation per person, which
// dominates a million-person simulation.
class FirstSeen {
 public:
  explicit FirstSeen(std::size_t expected) {
    std::size_t capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    slots_.assign(capacity, Slot{});
  }
  // Returns the offset stored for this hash, or stores `offset` and returns nothing.
  std::optional<std::size_t> find_or_insert(std::uint64_t hash, std::size_t offset) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    std::size_t index = hash & (slots_.size() - 1);
    while (slots_[index].used) {
      if (slots_[index].hash == hash) return slots_[index].offset;
      index = (index + 1) & (slots_.size() - 1);
    }
    slots_[index] = Slot{hash, offset, true};
    ++size_;
    return std::nullopt;
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::size_t offset = 0;
    bool used = false;
  };
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.size() * 2, Slot{});
    size_ = 0;
    for (const Slot& slot : old) {
      if (slot.used) find_or_insert(slot.hash, slot.offset);
    }
  }
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

std::string shown(std::string_view text) {
  constexpr std::size_t kMax = 40;
  return "\"" + std::string(text.substr(0, kMax)) + (text.size() > kMax ? "…" : "") + "\"";
}

class IssueList {
 public:
  explicit IssueList(std::size_t max_issues) : max_(max_issues) {}
  void add(ErrorCode code, std::string path, std::string message) {
    if (issues_.size() < max_) {
      issues_.push_back({code, std::move(path), std::move(message)});
    } else {
      ++more_;
    }
  }
  Issues finish() {
    if (more_ > 0) issues_.push_back({ErrorCode::kInvalidValue, "", "... and " + std::to_string(more_) + " more problems"});
    return std::move(issues_);
  }
  bool empty() const { return issues_.empty(); }

 private:
  std::size_t max_;
  std::size_t more_ = 0;
  Issues issues_;
};

}  // namespace

PopulationReadSummary read_population_csv(const Rulebook& rulebook, std::string_view text, std::string_view source_name,
                                          const std::function<void(const PopulationRow&)>& on_row,
                                          const PopulationReadOptions& options) {
  PopulationReadSummary summary;
  IssueList issues(options.max_issues);
  const std::string source(source_name);
  auto where = [&source](std::size_t line) { return source + ":" + std::to_string(line); };

  // Header.
  std::size_t pos = 0;
  auto next_line = [&text, &pos]() {
    const std::size_t newline = text.find('\n', pos);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline;
    std::string_view line = text.substr(pos, end - pos);
    pos = newline == std::string_view::npos ? text.size() : newline + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
  };
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // a spreadsheet's byte order mark
  if (pos >= text.size()) {
    issues.add(ErrorCode::kMalformed, where(1), "the file is empty; expected a header line");
    summary.issues = issues.finish();
    return summary;
  }
  std::vector<std::string_view> fields;
  std::vector<std::string> storage;
  const std::string_view header = next_line();
  if (!split_fields(header, fields, storage)) {
    issues.add(ErrorCode::kMalformed, where(1), "unbalanced quote in the header");
    summary.issues = issues.finish();
    return summary;
  }
  std::vector<ColumnInfo> columns;
  std::vector<bool> question_seen(rulebook.questions.size(), false);
  bool seen_id = false, seen_group = false, seen_current = false;
  for (std::size_t column_idx = 0; column_idx < fields.size(); ++column_idx) {
    const std::string_view name = fields[column_idx];
    ColumnInfo info;
    bool* flag = nullptr;
    if (name == "person_id") {
      info.kind = Column::kPersonId;
      flag = &seen_id;
    } else if (name == "client_group") {
      info.kind = Column::kClientGroup;
      flag = &seen_group;
    } else if (name == "current_annual_pence") {
      info.kind = Column::kCurrentAnnual;
      flag = &seen_current;
    } else if (const auto question_idx = rulebook.find_question(name)) {
      info.question = *question_idx;
      if (question_seen[*question_idx]) {
        issues.add(ErrorCode::kDuplicate, where(1), "column " + shown(name) + " appears twice");
      }
      question_seen[*question_idx] = true;
    } else {
      issues.add(ErrorCode::kUnknownReference, where(1),
                 "unknown column " + shown(name) + ": not person_id, client_group, current_annual_pence or a question of " +
                     rulebook.id + " version " + std::to_string(rulebook.version));
      info.kind = Column::kQuestion;
      info.question = SIZE_MAX;
    }
    if (flag != nullptr) {
      if (*flag) issues.add(ErrorCode::kDuplicate, where(1), "column " + shown(name) + " appears twice");
      *flag = true;
    }
    columns.push_back(info);
  }
  if (!seen_id) issues.add(ErrorCode::kMissingField, where(1), "missing column person_id");
  if (!seen_group) issues.add(ErrorCode::kMissingField, where(1), "missing column client_group");
  if (!seen_current) issues.add(ErrorCode::kMissingField, where(1), "missing column current_annual_pence");
  for (std::size_t question_idx = 0; question_idx < rulebook.questions.size(); ++question_idx) {
    const Question& question = rulebook.questions[question_idx];
    if (!question_seen[question_idx] && !question.default_answer) {
      issues.add(ErrorCode::kMissingField, where(1), "missing column " + question.id + " (the question has no default answer)");
    }
  }
  if (!issues.empty()) {
    summary.issues = issues.finish();
    return summary;
  }

  // Rows.
  std::vector<std::size_t> chosen(rulebook.questions.size());
  std::vector<std::size_t> defaults(rulebook.questions.size(), 0);
  for (std::size_t question_idx = 0; question_idx < rulebook.questions.size(); ++question_idx) {
    defaults[question_idx] = rulebook.questions[question_idx].default_answer.value_or(0);
  }
  FirstSeen first_line_of_id(text.size() / 64);  // id hash -> line offset in text
  std::size_t line_number = 1;
  std::size_t next_progress = 1 << 16;
  while (pos < text.size()) {
    const std::size_t line_start = pos;
    const std::string_view line = next_line();
    ++line_number;
    if (line.empty()) continue;
    if (options.on_progress && line_number >= next_progress) {
      options.on_progress(pos);
      next_progress += 1 << 16;
    }
    bool bad = false;
    auto problem = [&](ErrorCode code, std::string message) {
      issues.add(code, where(line_number), std::move(message));
      bad = true;
    };
    if (!split_fields(line, fields, storage)) {
      problem(ErrorCode::kMalformed, "unbalanced quote");
      ++summary.bad_rows;
      continue;
    }
    if (fields.size() != columns.size()) {
      problem(ErrorCode::kMalformed, "found " + std::to_string(fields.size()) + " fields; expected " +
                                         std::to_string(columns.size()) + " as in the header");
      ++summary.bad_rows;
      continue;
    }
    PopulationRow row;
    row.line = line_number;
    chosen = defaults;
    for (std::size_t column_idx = 0; column_idx < columns.size(); ++column_idx) {
      const ColumnInfo& info = columns[column_idx];
      const std::string_view value = fields[column_idx];
      switch (info.kind) {
        case Column::kPersonId:
          if (value.empty()) problem(ErrorCode::kMissingField, "person_id is empty");
          row.person_id = value;
          break;
        case Column::kClientGroup:
          if (value.empty()) problem(ErrorCode::kMissingField, "client_group is empty");
          row.client_group = value;
          break;
        case Column::kCurrentAnnual: {
          std::int64_t pence = 0;
          const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), pence);
          if (value.empty() || error != std::errc{} || end != value.data() + value.size() || pence < 0) {
            problem(ErrorCode::kInvalidValue,
                    "current_annual_pence: found " + shown(value) + "; expected whole pence, 0 or more");
          }
          row.current_annual = Money::from_pence(pence);
          break;
        }
        case Column::kQuestion: {
          const Question& question = rulebook.questions[info.question];
          if (value.empty()) {
            if (!question.default_answer) problem(ErrorCode::kMissingField, question.id + ": no answer, and no default");
            break;
          }
          std::size_t answer_idx = 0;
          while (answer_idx < question.answers.size() && question.answers[answer_idx].id != value) ++answer_idx;
          if (answer_idx == question.answers.size()) {
            std::string valid;
            for (const Answer& answer : question.answers) valid += (valid.empty() ? "" : ", ") + answer.id;
            problem(ErrorCode::kUnknownReference, question.id + ": unknown answer " + shown(value) + "; expected one of " + valid);
          } else {
            chosen[info.question] = answer_idx;
          }
          break;
        }
      }
    }
    if (!row.person_id.empty()) {
      if (const auto earlier_offset = first_line_of_id.find_or_insert(hash_id(row.person_id), line_start)) {
        // Same hash: compare the actual ids before calling it a duplicate.
        std::string_view earlier = text.substr(*earlier_offset);
        earlier = earlier.substr(0, earlier.find('\n'));
        std::vector<std::string_view> earlier_fields;
        std::vector<std::string> earlier_storage;
        split_fields(earlier, earlier_fields, earlier_storage);
        for (std::size_t column_idx = 0; column_idx < columns.size() && column_idx < earlier_fields.size(); ++column_idx) {
          if (columns[column_idx].kind == Column::kPersonId && earlier_fields[column_idx] == row.person_id) {
            problem(ErrorCode::kDuplicate, "person_id " + shown(row.person_id) + " appears more than once");
          }
        }
      }
    }
    if (bad) {
      ++summary.bad_rows;
      continue;
    }
    row.chosen = chosen.data();
    ++summary.rows;
    on_row(row);
  }
  if (summary.rows == 0 && summary.bad_rows == 0) {
    issues.add(ErrorCode::kMissingField, where(1), "no people in the file: only a header");
  }
  summary.issues = issues.finish();
  return summary;
}

Result<std::vector<SampleCase>> read_sample_csv(const Rulebook& rulebook, std::string_view text, std::string_view source_name) {
  std::vector<SampleCase> sample;
  PopulationReadSummary summary = read_population_csv(rulebook, text, source_name, [&](const PopulationRow& row) {
    sample.push_back(SampleCase{std::string(row.person_id), std::string(row.client_group), row.current_annual,
                                std::vector<std::size_t>(row.chosen, row.chosen + rulebook.questions.size())});
  });
  if (!summary.issues.empty()) return fail(std::move(summary.issues));
  return sample;
}

}  // namespace allot::ras
