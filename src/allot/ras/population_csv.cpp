#include "allot/ras/population_csv.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <charconv>
#include <cstring>
#include <exception>
#include <optional>
#include <string>
#include <thread>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
// hashes to line offsets, and whether that line was bad. A node-based map costs an
// allocation per person, which dominates a million-person simulation.
class FirstSeen {
 public:
  struct Entry {
    std::size_t offset = 0;
    bool bad = false;
  };
  explicit FirstSeen(std::size_t expected) {
    std::size_t capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    slots_.assign(capacity, Slot{});
  }
  // Returns the entry stored for this hash, or stores this one and returns nothing.
  std::optional<Entry> find_or_insert(std::uint64_t hash, Entry entry) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    std::size_t index = hash & (slots_.size() - 1);
    while (slots_[index].value != 0) {
      if (slots_[index].hash == hash) return decode(slots_[index].value);
      index = (index + 1) & (slots_.size() - 1);
    }
    slots_[index] = Slot{hash, ((entry.offset + 1) << 1) | (entry.bad ? 1 : 0)};
    ++size_;
    return std::nullopt;
  }
  // Asks for the slot a hash starts at to be brought into the cache: the table is
  // far larger than the cache, so each row's look-up would otherwise wait on memory.
  void prefetch(std::uint64_t hash) const { __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]); }
  std::optional<Entry> find(std::uint64_t hash) const {
    std::size_t index = hash & (slots_.size() - 1);
    while (slots_[index].value != 0) {
      if (slots_[index].hash == hash) return decode(slots_[index].value);
      index = (index + 1) & (slots_.size() - 1);
    }
    return std::nullopt;
  }
  template <typename Visit>
  void for_each(Visit visit) const {
    for (const Slot& slot : slots_) {
      if (slot.value != 0) visit(slot.hash, decode(slot.value));
    }
  }

 private:
  struct Slot {  // 16 bytes: value 0 is empty, else (offset + 1) << 1 | bad
    std::uint64_t hash = 0;
    std::uint64_t value = 0;
  };
  static Entry decode(std::uint64_t value) { return Entry{static_cast<std::size_t>((value >> 1) - 1), (value & 1) != 0}; }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.size() * 2, Slot{});
    size_ = 0;
    for (const Slot& slot : old) {
      if (slot.value != 0) find_or_insert(slot.hash, decode(slot.value));
    }
  }
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

std::string shown(std::string_view text) {
  constexpr std::size_t kMax = 40;
  return "\"" + std::string(text.substr(0, kMax)) + (text.size() > kMax ? "…" : "") + "\"";
}


// A problem found in a part of the file, its line counted from the part's start
// until the parts are put together.
struct PendingIssue {
  std::size_t line = 0;
  ErrorCode code = ErrorCode::kInvalidValue;
  std::string message;
};

// What the header says: which column is what, and each question's answers.
struct Layout {
  std::vector<ColumnInfo> columns;
  std::vector<std::size_t> defaults;                     // per question: the default answer's index, or 0
  std::vector<std::vector<std::string_view>> answer_ids;  // per question, in answer order
  // Per question, 16 x 256 entries by (length mod 16, first byte): the one answer
  // id of that shape (its index + 1), 0 for none, kShared when several share it.
  // One lookup and one comparison find most answers.
  static constexpr std::uint8_t kShared = 255;
  std::vector<std::array<std::uint8_t, 16 * 256>> answer_by_shape;
  // Per question and answer: an id of at most 8 bytes as a little-endian word
  // (zero above its length), so a field is checked with one comparison.
  std::vector<std::vector<std::uint64_t>> answer_words;
  std::size_t id_column = 0;
  std::size_t body_offset = 0;                           // where the first row starts
};

// Up to 8 bytes as a little-endian word, zero above `size`.
std::uint64_t short_word(const char* bytes, std::size_t size) {
  std::uint64_t word = 0;
  for (std::size_t index = 0; index < size; ++index) word |= std::uint64_t{static_cast<unsigned char>(bytes[index])} << (8 * index);
  return word;
}

std::size_t answer_shape(std::string_view id) {
  return (id.size() % 16) * 256 + static_cast<unsigned char>(id.front());
}

// Reads and checks the header. Problems go to `issues` (at line 1).
std::optional<Layout> read_header(const Rulebook& rulebook, std::string_view text, std::vector<PendingIssue>& issues) {
  auto add = [&issues](ErrorCode code, std::string message) { issues.push_back({1, code, std::move(message)}); };
  std::size_t pos = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // a spreadsheet's byte order mark
  if (pos >= text.size()) {
    add(ErrorCode::kMalformed, "the file is empty; expected a header line");
    return std::nullopt;
  }
  const std::size_t newline = text.find('\n', pos);
  std::string_view header = text.substr(pos, newline == std::string_view::npos ? std::string_view::npos : newline - pos);
  if (!header.empty() && header.back() == '\r') header.remove_suffix(1);
  Layout layout;
  layout.body_offset = newline == std::string_view::npos ? text.size() : newline + 1;
  std::vector<std::string_view> fields;
  std::vector<std::string> storage;
  if (!split_fields(header, fields, storage)) {
    add(ErrorCode::kMalformed, "unbalanced quote in the header");
    return std::nullopt;
  }
  std::vector<bool> question_seen(rulebook.questions.size(), false);
  bool seen_id = false, seen_group = false, seen_current = false;
  for (std::size_t column_idx = 0; column_idx < fields.size(); ++column_idx) {
    const std::string_view name = fields[column_idx];
    ColumnInfo info;
    bool* flag = nullptr;
    if (name == "person_id") {
      info.kind = Column::kPersonId;
      flag = &seen_id;
      layout.id_column = column_idx;
    } else if (name == "client_group") {
      info.kind = Column::kClientGroup;
      flag = &seen_group;
    } else if (name == "current_annual_pence") {
      info.kind = Column::kCurrentAnnual;
      flag = &seen_current;
    } else if (const auto question_idx = rulebook.find_question(name)) {
      info.question = *question_idx;
      if (question_seen[*question_idx]) add(ErrorCode::kDuplicate, "column " + shown(name) + " appears twice");
      question_seen[*question_idx] = true;
    } else {
      add(ErrorCode::kUnknownReference,
          "unknown column " + shown(name) + ": not person_id, client_group, current_annual_pence or a question of " +
              rulebook.id + " version " + std::to_string(rulebook.version));
      info.kind = Column::kQuestion;
      info.question = SIZE_MAX;
    }
    if (flag != nullptr) {
      if (*flag) add(ErrorCode::kDuplicate, "column " + shown(name) + " appears twice");
      *flag = true;
    }
    layout.columns.push_back(info);
  }
  if (!seen_id) add(ErrorCode::kMissingField, "missing column person_id");
  if (!seen_group) add(ErrorCode::kMissingField, "missing column client_group");
  if (!seen_current) add(ErrorCode::kMissingField, "missing column current_annual_pence");
  for (std::size_t question_idx = 0; question_idx < rulebook.questions.size(); ++question_idx) {
    const Question& question = rulebook.questions[question_idx];
    if (!question_seen[question_idx] && !question.default_answer) {
      add(ErrorCode::kMissingField, "missing column " + question.id + " (the question has no default answer)");
    }
  }
  if (!issues.empty()) return std::nullopt;
  for (const Question& question : rulebook.questions) {
    layout.defaults.push_back(question.default_answer.value_or(0));
    std::vector<std::string_view> ids;
    for (const Answer& answer : question.answers) ids.emplace_back(answer.id);
    std::array<std::uint8_t, 16 * 256> by_shape{};
    for (std::size_t answer_idx = 0; answer_idx < ids.size(); ++answer_idx) {
      if (ids[answer_idx].empty()) continue;
      std::uint8_t& entry = by_shape[answer_shape(ids[answer_idx])];
      entry = entry == 0 && answer_idx + 1 < Layout::kShared ? static_cast<std::uint8_t>(answer_idx + 1) : Layout::kShared;
    }
    layout.answer_by_shape.push_back(by_shape);
    std::vector<std::uint64_t> words;
    for (const std::string_view id : ids) words.push_back(id.size() <= 8 ? short_word(id.data(), id.size()) : 0);
    layout.answer_words.push_back(std::move(words));
    layout.answer_ids.push_back(std::move(ids));
  }
  return layout;
}

// What reading one part of the rows found.
struct PartResult {
  std::size_t rows = 0;
  std::size_t bad_rows = 0;
  std::size_t lines = 0;            // lines in the part, blank ones included
  std::vector<PendingIssue> issues;  // at most max_issues
  std::size_t more_issues = 0;       // found beyond max_issues
  FirstSeen first_seen{0};
  std::exception_ptr failure;        // thrown by on_row
};

// Splits a line without quotes into fields (views into the line), keeping at
// most fields.size() of them; returns how many there are, or nothing when the
// line has a quote (it takes the general path). With SSE2 (every x86-64) it
// finds the commas 16 bytes at a time: a population is mostly short fields, and
// looking for each comma separately costs more than everything else in a row.
// `readable_end` is the end of the whole text: a 16-byte load may run past the
// line's end but never past the text.
std::optional<std::size_t> split_unquoted(const char* line, std::size_t length, const char* readable_end,
                                          std::vector<std::string_view>& fields) {
  std::size_t count = 0;
  std::size_t field_start = 0;
  auto take = [&](std::size_t field_end) {
    if (count < fields.size()) fields[count] = std::string_view(line + field_start, field_end - field_start);
    ++count;
    field_start = field_end + 1;
  };
  std::size_t offset = 0;
#if defined(__SSE2__)
  const __m128i commas = _mm_set1_epi8(',');
  const __m128i quotes = _mm_set1_epi8('"');
  for (; offset < length && line + offset + 16 <= readable_end; offset += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line + offset));
    const std::size_t left = length - offset;
    const std::uint32_t in_line = left >= 16 ? 0xFFFFu : (1u << left) - 1;
    const auto quote_bits = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, quotes))) & in_line;
    if (quote_bits != 0) return std::nullopt;
    auto comma_bits = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, commas))) & in_line;
    while (comma_bits != 0) {
      take(offset + static_cast<std::size_t>(__builtin_ctz(comma_bits)));
      comma_bits &= comma_bits - 1;
    }
  }
#endif
  for (; offset < length; ++offset) {
    if (line[offset] == '"') return std::nullopt;
    if (line[offset] == ',') take(offset);
  }
  take(length);
  return count;
}

// Short answer ids compared byte by byte: a library call per comparison costs
// more than the comparison itself.
bool same_text(std::string_view left, std::string_view right) {
  if (left.size() != right.size()) return false;
  for (std::size_t index = 0; index < left.size(); ++index) {
    if (left[index] != right[index]) return false;
  }
  return true;
}

class PartReader {
 public:
  PartReader(const Rulebook& rulebook, const Layout& layout, std::string_view text, std::size_t max_issues)
      : rulebook_(rulebook), layout_(layout), text_(text), max_issues_(max_issues) {}

  // Reads the rows in text_[begin, end) (both at line starts). `bytes_done`
  // counts progress across parts; `report` (part 0 only) passes it on.
  void read(std::size_t begin, std::size_t end, PartResult& result, const std::function<void(const PopulationRow&)>& on_row,
            std::atomic<std::size_t>& bytes_done, const std::function<void(std::size_t)>* report) const {
    result.first_seen = FirstSeen((end - begin) / 64);
    const std::size_t column_count = layout_.columns.size();
    std::vector<std::string_view> fields(column_count);
    std::vector<std::string_view> slow_fields;
    std::vector<std::string> storage;
    std::vector<std::size_t> chosen(rulebook_.questions.size());
    std::size_t pos = begin;
    std::size_t line_in_part = 0;
    std::size_t progress_mark = begin;
    while (pos < end) {
      const std::size_t line_start = pos;
      const char* line = text_.data() + pos;
      const void* newline = std::memchr(line, '\n', end - pos);
      std::size_t length = newline == nullptr ? end - pos : static_cast<const char*>(newline) - line;
      pos = newline == nullptr ? end : pos + length + 1;
      if (length > 0 && line[length - 1] == '\r') --length;
      ++line_in_part;
      if (pos - progress_mark >= (std::size_t{1} << 22)) {
        bytes_done.fetch_add(pos - progress_mark, std::memory_order_relaxed);
        progress_mark = pos;
        if (report != nullptr && *report) (*report)(bytes_done.load(std::memory_order_relaxed));
      }
      if (length == 0) continue;
      bool bad = false;
      auto problem = [&](ErrorCode code, std::string message) {
        add_issue(result, {line_in_part, code, std::move(message)});
        bad = true;
      };
      // Fields are split in one pass; a line with a quote takes the general path.
      const std::optional<std::size_t> fast_count = split_unquoted(line, length, text_.data() + text_.size(), fields);
      std::size_t field_count = fast_count.value_or(0);
      const bool quoted = !fast_count;
      if (quoted) {
        if (!split_fields(std::string_view(line, length), slow_fields, storage)) {
          problem(ErrorCode::kMalformed, "unbalanced quote");
          ++result.bad_rows;
          continue;
        }
        field_count = slow_fields.size();
        for (std::size_t index = 0; index < std::min(field_count, column_count); ++index) fields[index] = slow_fields[index];
      }
      if (field_count != column_count) {
        problem(ErrorCode::kMalformed, "found " + std::to_string(field_count) + " fields; expected " +
                                           std::to_string(column_count) + " as in the header");
        ++result.bad_rows;
        continue;
      }
      const std::uint64_t id_hash = hash_id(fields[layout_.id_column]);
      result.first_seen.prefetch(id_hash);
      PopulationRow row;
      std::copy(layout_.defaults.begin(), layout_.defaults.end(), chosen.begin());
      for (std::size_t column_idx = 0; column_idx < column_count; ++column_idx) {
        read_field(layout_.columns[column_idx], fields[column_idx], row, chosen, problem);
      }
      if (!row.person_id.empty()) {
        if (const auto earlier = result.first_seen.find_or_insert(id_hash, {line_start, bad})) {
          // Same hash: compare the actual ids before calling it a duplicate.
          if (id_at(earlier->offset) == row.person_id) {
            problem(ErrorCode::kDuplicate, "person_id " + shown(row.person_id) + " appears more than once");
          }
        }
      }
      if (bad) {
        ++result.bad_rows;
        continue;
      }
      row.chosen = chosen.data();
      ++result.rows;
      on_row(row);
    }
    bytes_done.fetch_add(pos - progress_mark, std::memory_order_relaxed);
    result.lines = line_in_part;
  }

  // The person_id of the line starting at `offset` (a line that was read before).
  // Only asked when two ids share a hash, so it can afford to split the line again.
  std::string id_at(std::size_t offset) const {
    std::string_view line = text_.substr(offset);
    line = line.substr(0, line.find('\n'));
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::vector<std::string_view> fields;
    std::vector<std::string> storage;
    split_fields(line, fields, storage);
    return layout_.id_column < fields.size() ? std::string(fields[layout_.id_column]) : std::string();
  }

 private:
  void add_issue(PartResult& result, PendingIssue issue) const {
    if (result.issues.size() < max_issues_) {
      result.issues.push_back(std::move(issue));
    } else {
      ++result.more_issues;
    }
  }

  // Whether `value` (of the shape of this answer's id) is that id. A field of at
  // most 8 bytes with 8 readable bytes from its start is compared as one word.
  bool matches(std::size_t question, std::size_t answer, std::string_view value) const {
    const std::string_view id = layout_.answer_ids[question][answer];
    if (id.size() != value.size()) return false;
    if constexpr (std::endian::native == std::endian::little) {
      if (value.size() <= 8 && value.data() + 8 <= text_.data() + text_.size()) {
        std::uint64_t word = 0;
        std::memcpy(&word, value.data(), 8);
        const std::uint64_t mask = value.size() == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * value.size())) - 1;
        return (word & mask) == layout_.answer_words[question][answer];
      }
    }
    return same_text(id, value);
  }

  template <typename Problem>
  void read_field(const ColumnInfo& info, std::string_view value, PopulationRow& row, std::vector<std::size_t>& chosen,
                  Problem& problem) const {
    switch (info.kind) {
      case Column::kPersonId:
        if (value.empty()) problem(ErrorCode::kMissingField, "person_id is empty");
        row.person_id = value;
        return;
      case Column::kClientGroup:
        if (value.empty()) problem(ErrorCode::kMissingField, "client_group is empty");
        row.client_group = value;
        return;
      case Column::kCurrentAnnual: {
        std::int64_t pence = 0;
        const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), pence);
        if (value.empty() || error != std::errc{} || end != value.data() + value.size() || pence < 0 ||
            pence > kMaxCurrentAnnualPence) {
          problem(ErrorCode::kInvalidValue, "current_annual_pence: found " + shown(value) +
                                                "; expected whole pence from 0 to " +
                                                std::to_string(kMaxCurrentAnnualPence) + " (£100 million a year)");
        }
        row.current_annual = Money::from_pence(pence);
        return;
      }
      case Column::kQuestion: {
        const Question& question = rulebook_.questions[info.question];
        if (value.empty()) {
          if (!question.default_answer) problem(ErrorCode::kMissingField, question.id + ": no answer, and no default");
          return;
        }
        const std::vector<std::string_view>& ids = layout_.answer_ids[info.question];
        const std::uint8_t shape = layout_.answer_by_shape[info.question][answer_shape(value)];
        std::size_t answer_idx = ids.size();
        if (shape == Layout::kShared) {
          answer_idx = 0;
          while (answer_idx < ids.size() && !same_text(ids[answer_idx], value)) ++answer_idx;
        } else if (shape != 0 && matches(info.question, shape - 1, value)) {
          answer_idx = shape - 1;
        }
        if (answer_idx == ids.size()) {
          std::string valid;
          for (const std::string_view id : ids) valid += (valid.empty() ? "" : ", ") + std::string(id);
          problem(ErrorCode::kUnknownReference, question.id + ": unknown answer " + shown(value) + "; expected one of " + valid);
        } else {
          chosen[info.question] = answer_idx;
        }
        return;
      }
    }
  }

  const Rulebook& rulebook_;
  const Layout& layout_;
  std::string_view text_;
  std::size_t max_issues_;
};

// Line starts that cut text[begin, end) into `parts` pieces of about equal size.
std::vector<std::size_t> part_bounds(std::string_view text, std::size_t begin, std::size_t parts) {
  std::vector<std::size_t> bounds{begin};
  for (std::size_t part = 1; part < parts; ++part) {
    std::size_t cut = begin + (text.size() - begin) * part / parts;
    cut = std::max(cut, bounds.back());
    const std::size_t newline = text.find('\n', cut == 0 ? 0 : cut - 1);
    bounds.push_back(newline == std::string_view::npos ? text.size() : newline + 1);
  }
  bounds.push_back(text.size());
  return bounds;
}

// Puts the parts together as if the file had been read in one go: line numbers
// from the file's start, a person_id repeated across parts found, and the first
// max_issues problems in line order.
PopulationReadSummary combine(const PartReader& reader, std::vector<PartResult>& results, std::string_view text,
                              const std::vector<std::size_t>& bounds, const std::string& source, std::size_t max_issues) {
  PopulationReadSummary summary;
  std::vector<PendingIssue> all;
  std::size_t more = 0;
  std::size_t first_line = 2;  // the header is line 1
  for (std::size_t part = 0; part < results.size(); ++part) {
    PartResult& result = results[part];
    summary.rows += result.rows;
    summary.bad_rows += result.bad_rows;
    more += result.more_issues;
    for (PendingIssue& issue : result.issues) {
      issue.line += first_line - 1;
      all.push_back(std::move(issue));
    }
    if (part > 0) {
      // A person_id first seen in this part may have been seen in an earlier one.
      std::vector<std::pair<std::size_t, bool>> repeats;  // line offsets, and whether already bad
      result.first_seen.for_each([&](std::uint64_t hash, FirstSeen::Entry entry) {
        for (std::size_t earlier = 0; earlier < part; ++earlier) {
          const auto found = results[earlier].first_seen.find(hash);
          if (found && reader.id_at(found->offset) == reader.id_at(entry.offset)) {
            repeats.emplace_back(entry.offset, entry.bad);
            break;
          }
        }
      });
      std::sort(repeats.begin(), repeats.end());
      std::size_t line = first_line;
      std::size_t counted_to = bounds[part];
      for (const auto& [offset, already_bad] : repeats) {
        line += static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(counted_to),
                                                    text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
        counted_to = offset;
        all.push_back({line, ErrorCode::kDuplicate,
                       "person_id " + shown(reader.id_at(offset)) + " appears more than once"});
        if (!already_bad) {
          --summary.rows;
          ++summary.bad_rows;
        }
      }
    }
    first_line += result.lines;
  }
  std::stable_sort(all.begin(), all.end(), [](const PendingIssue& left, const PendingIssue& right) { return left.line < right.line; });
  if (all.size() > max_issues) {
    more += all.size() - max_issues;
    all.resize(max_issues);
  }
  for (PendingIssue& issue : all) summary.issues.push_back({issue.code, source + ":" + std::to_string(issue.line), std::move(issue.message)});
  if (summary.rows == 0 && summary.bad_rows == 0) {
    summary.issues.push_back({ErrorCode::kMissingField, source + ":1", "no people in the file: only a header"});
  }
  if (more > 0) summary.issues.push_back({ErrorCode::kInvalidValue, "", "... and " + std::to_string(more) + " more problems"});
  return summary;
}

}  // namespace

PopulationReadSummary read_population_csv_in_parts(const Rulebook& rulebook, std::string_view text,
                                                   std::string_view source_name, std::size_t parts,
                                                   const std::function<void(std::size_t part, const PopulationRow&)>& on_row,
                                                   const PopulationReadOptions& options) {
  const std::string source(source_name);
  std::vector<PendingIssue> header_issues;
  const std::optional<Layout> layout = read_header(rulebook, text, header_issues);
  if (!layout) {
    PopulationReadSummary summary;
    const std::size_t kept = std::min(header_issues.size(), options.max_issues);
    for (std::size_t index = 0; index < kept; ++index) {
      summary.issues.push_back({header_issues[index].code, source + ":1", std::move(header_issues[index].message)});
    }
    if (header_issues.size() > kept) {
      summary.issues.push_back({ErrorCode::kInvalidValue, "", "... and " + std::to_string(header_issues.size() - kept) + " more problems"});
    }
    return summary;
  }
  const std::size_t min_part_bytes = std::max<std::size_t>(options.min_part_bytes, 1);
  parts = std::clamp<std::size_t>(std::min(parts, (text.size() - layout->body_offset) / min_part_bytes), 1, 64);
  const std::vector<std::size_t> bounds = part_bounds(text, layout->body_offset, parts);
  const PartReader reader(rulebook, *layout, text, options.max_issues);
  std::vector<PartResult> results(parts);
  std::atomic<std::size_t> bytes_done{0};
  auto read_part = [&](std::size_t part) {
    try {
      reader.read(bounds[part], bounds[part + 1], results[part],
                  [&on_row, part](const PopulationRow& row) { on_row(part, row); }, bytes_done,
                  part == 0 ? &options.on_progress : nullptr);
    } catch (...) {
      results[part].failure = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t part = 1; part < parts; ++part) threads.emplace_back(read_part, part);
  read_part(0);
  for (std::thread& thread : threads) thread.join();
  for (const PartResult& result : results) {
    if (result.failure) std::rethrow_exception(result.failure);
  }
  return combine(reader, results, text, bounds, source, options.max_issues);
}

PopulationReadSummary read_population_csv(const Rulebook& rulebook, std::string_view text, std::string_view source_name,
                                          const std::function<void(const PopulationRow&)>& on_row,
                                          const PopulationReadOptions& options) {
  return read_population_csv_in_parts(
      rulebook, text, source_name, 1, [&on_row](std::size_t, const PopulationRow& row) { on_row(row); }, options);
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
