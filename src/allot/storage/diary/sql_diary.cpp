// Diary entries (append-only: each change is a new version) and the care
// packages the diary derives planned visits from.
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/app/diary/repositories.h"
#include "allot/app/diary/rules.h"
#include "allot/storage/diary/diary_storage.h"
#include "allot/storage/shared/sql_helpers.h"

namespace allot::storage {

namespace {

// The entry's columns, then its latest version's.
constexpr const char* kColumns =
    "e.id, e.person_id, e.created_by, e.agency, e.created_at, v.entry_id, v.version, v.kind, v.on_date, v.start_minute, "
    "v.end_minute, v.place, v.title, v.details, v.status, v.cancel_reason, v.changed_by, v.agency, v.changed_at";
constexpr const char* kLatest =
    "FROM diary_entries e JOIN diary_entry_versions v ON v.entry_id = e.id AND v.version = "
    "(SELECT MAX(version) FROM diary_entry_versions w WHERE w.entry_id = e.id)";
constexpr const char* kVersionColumns =
    "entry_id, version, kind, on_date, start_minute, end_minute, place, title, details, status, cancel_reason, "
    "changed_by, agency, changed_at";

std::optional<int> optional_minute(const SqlResult& result, std::size_t row, std::size_t column) {
  if (result.is_null(row, column)) return std::nullopt;
  return static_cast<int>(result.integer(row, column));
}

// A version from `column` on: entry_id's column first.
app::DiaryEntryVersion read_version(const SqlResult& result, std::size_t row, std::size_t column) {
  app::DiaryEntryVersion version;
  version.entry_id = result.integer(row, column);
  version.version = static_cast<int>(result.integer(row, column + 1));
  version.fields.kind = app::parse_diary_kind(result.text(row, column + 2)).value_or(app::DiaryKind::kNote);
  version.fields.on = read_date(result, row, column + 3);
  version.fields.start_minute = optional_minute(result, row, column + 4);
  version.fields.end_minute = optional_minute(result, row, column + 5);
  version.fields.place = result.text(row, column + 6);
  version.fields.title = result.text(row, column + 7);
  version.fields.details = result.text(row, column + 8);
  version.status = app::parse_diary_status(result.text(row, column + 9)).value_or(app::DiaryStatus::kPlanned);
  version.cancel_reason = result.text(row, column + 10);
  version.by = app::Actor{result.text(row, column + 11), result.text(row, column + 12)};
  version.at = read_timestamp(result, row, column + 13);
  return version;
}

app::DiaryEntry read_entry(const SqlResult& result, std::size_t row) {
  app::DiaryEntry entry;
  entry.id = result.integer(row, 0);
  entry.person_id = result.integer(row, 1);
  entry.created_by = app::Actor{result.text(row, 2), result.text(row, 3)};
  entry.created_at = read_timestamp(result, row, 4);
  entry.current = read_version(result, row, 5);
  return entry;
}

SqlValue sql_optional_minute(const std::optional<int>& minute) {
  return minute ? sql_int(*minute) : SqlValue{SqlNull{}};
}

class SqlDiary final : public app::DiaryRepository {
 public:
  explicit SqlDiary(SqlConnection& connection) : db_(connection) {}

  Result<app::DiaryEntry> add(app::Id person_id, const app::DiaryEntryFields& fields, app::DiaryStatus status,
                              const app::Actor& by, app::Timestamp now) override {
    app::Id id = 0;
    try {
      SqlResult created = with_savepoint(db_, [&] {
        return db_.query("INSERT INTO diary_entries (person_id, created_by, agency, created_at) "
                         "VALUES ($1, $2, $3, $4) RETURNING id",
                         {sql_int(person_id), sql_text(by.username), sql_text(by.agency), sql_timestamp(now)});
      });
      id = created.integer(0, 0);
    } catch (const SqlError& error) {
      if (error.failure() != SqlFailure::kForeignKeyViolation) throw;
      return fail(ErrorCode::kUnknownReference, "person_id", fmt::format("there is no person with id {}", person_id));
    }
    app::DiaryEntryVersion first{id, 1, fields, status, "", by, now};
    Result<app::DiaryEntryVersion> stored = add_version(first);
    if (!stored) return tl::unexpected<Issues>(stored.error());
    return app::DiaryEntry{id, person_id, by, now, *stored};
  }

  Result<app::DiaryEntryVersion> add_version(const app::DiaryEntryVersion& version) override {
    try {
      with_savepoint(db_, [&] {
        return db_.query(
            fmt::format("INSERT INTO diary_entry_versions ({}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
                        "$12, $13, $14)",
                        kVersionColumns),
            {sql_int(version.entry_id), sql_int(version.version), sql_text(app::diary_kind_name(version.fields.kind)),
             sql_date(version.fields.on), sql_optional_minute(version.fields.start_minute),
             sql_optional_minute(version.fields.end_minute), sql_text(version.fields.place),
             sql_text(version.fields.title), sql_text(version.fields.details),
             sql_text(app::diary_status_name(version.status)), sql_text(version.cancel_reason),
             sql_text(version.by.username), sql_text(version.by.agency), sql_timestamp(version.at)});
      });
    } catch (const SqlError& error) {
      if (error.failure() != SqlFailure::kUniqueViolation) throw;
      return fail(ErrorCode::kConflict, "version",
                  fmt::format("entry {} version {} was written by someone else meanwhile; read it again",
                              version.entry_id, version.version));
    }
    return version;
  }

  Result<app::DiaryEntry> get(app::Id entry_id) override {
    SqlResult result = db_.query(fmt::format("SELECT {} {} WHERE e.id = $1", kColumns, kLatest), {sql_int(entry_id)});
    if (result.empty()) return not_found("entry", fmt::format("there is no diary entry {}", entry_id));
    return read_entry(result, 0);
  }

  Result<std::vector<app::DiaryEntryVersion>> versions(app::Id entry_id) override {
    SqlResult result = db_.query(
        fmt::format("SELECT {} FROM diary_entry_versions WHERE entry_id = $1 ORDER BY version", kVersionColumns),
        {sql_int(entry_id)});
    std::vector<app::DiaryEntryVersion> versions;
    for (std::size_t row = 0; row < result.rows.size(); ++row) versions.push_back(read_version(result, row, 0));
    return versions;
  }

  Result<std::vector<app::DiaryEntry>> in_range(app::Id person_id, Date from, Date to) override {
    SqlResult result = db_.query(
        fmt::format("SELECT {} {} WHERE e.person_id = $1 AND v.on_date >= $2 AND v.on_date <= $3 "
                    "ORDER BY v.on_date, COALESCE(v.start_minute, -1), e.id",
                    kColumns, kLatest),
        {sql_int(person_id), sql_date(from), sql_date(to)});
    std::vector<app::DiaryEntry> entries;
    for (std::size_t row = 0; row < result.rows.size(); ++row) entries.push_back(read_entry(result, row));
    return entries;
  }

 private:
  SqlConnection& db_;
};

class SqlDiarySources final : public app::DiarySourceRepository {
 public:
  explicit SqlDiarySources(SqlConnection& connection) : db_(connection) {}

  // Reads care_at_home's table directly (its repository lists every package,
  // thousands, where the diary needs one person's); the visits document is the
  // one storage/care_at_home/sql_packages.cpp writes.
  Result<std::vector<app::DiaryPackageSource>> packages_for(std::string_view person_reference) override {
    SqlResult result = db_.query(
        "SELECT p.id, pr.name, p.service, p.starts_on, p.visits FROM care_packages p "
        "JOIN providers pr ON pr.id = p.provider_id WHERE p.person_reference = $1 ORDER BY p.id",
        {sql_text(person_reference)});
    std::vector<app::DiaryPackageSource> packages;
    for (std::size_t row = 0; row < result.rows.size(); ++row) {
      app::DiaryPackageSource package;
      package.package_id = result.integer(row, 0);
      package.provider = result.text(row, 1);
      package.service = result.text(row, 2);
      package.starts_on = read_date(result, row, 3);
      for (const nlohmann::json& item : nlohmann::json::parse(result.text(row, 4))) {
        package.visits.push_back(app::DiaryPackageSource::Visit{
            item.at("day").get<int>(), item.at("start").get<int>(), item.at("duration").get<int>(),
            item.at("carers").get<int>(), item.at("tasks").get<std::vector<std::string>>()});
      }
      packages.push_back(std::move(package));
    }
    return packages;
  }

 private:
  SqlConnection& db_;
};

}  // namespace

void register_diary_repositories(RepositoryRegistry& registry) {
  registry.add<app::DiaryRepository, SqlDiary>();
  registry.add<app::DiarySourceRepository, SqlDiarySources>();
}

}  // namespace allot::storage
