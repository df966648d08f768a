#include "allot/storage/postgres/pg_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>

namespace allot::storage {

namespace {

// PostgreSQL type oids of the integer types (pg_type.h).
constexpr Oid kInt8 = 20;
constexpr Oid kInt2 = 21;
constexpr Oid kInt4 = 23;

SqlFailure failure_of(const char* sqlstate) {
  if (sqlstate == nullptr) return SqlFailure::kOther;
  if (std::strcmp(sqlstate, "23505") == 0) return SqlFailure::kUniqueViolation;
  if (std::strcmp(sqlstate, "23503") == 0) return SqlFailure::kForeignKeyViolation;
  if (std::strcmp(sqlstate, "23514") == 0) return SqlFailure::kCheckViolation;
  return SqlFailure::kOther;
}

struct ResultGuard {
  PGresult* result;
  ~ResultGuard() { PQclear(result); }
};

void ignore_notice(void*, const char*) {}

}  // namespace

bool is_plain_identifier(std::string_view name) {
  if (name.empty() || name.size() > 63) return false;
  if (!((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_')) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

std::unique_ptr<PgConnection> PgConnection::open(const std::string& url, const std::string& schema) {
  pg_conn* raw = PQconnectdb(url.c_str());
  if (raw == nullptr) throw SqlError(SqlFailure::kOther, "PostgreSQL: out of memory connecting");
  std::unique_ptr<PgConnection> connection(new PgConnection(raw));
  if (PQstatus(raw) != CONNECTION_OK) {
    std::string host = PQhost(raw) ? PQhost(raw) : "?";
    std::string port = PQport(raw) ? PQport(raw) : "?";
    std::string db = PQdb(raw) ? PQdb(raw) : "?";
    throw SqlError(SqlFailure::kOther, "PostgreSQL: cannot connect to database " + db + " on " + host + ":" +
                                           port + ": " + PQerrorMessage(raw));
  }
  PQsetNoticeProcessor(raw, ignore_notice, nullptr);
  connection->execute_script("SET client_encoding = 'UTF8'");
  if (!schema.empty()) {
    if (!is_plain_identifier(schema)) {
      throw SqlError(SqlFailure::kOther, "PostgreSQL: schema name \"" + schema +
                                             "\" must be lower-case letters, digits and _");
    }
    connection->execute_script("CREATE SCHEMA IF NOT EXISTS " + schema + "; SET search_path TO " + schema);
  }
  return connection;
}

PgConnection::~PgConnection() { PQfinish(connection_); }

bool PgConnection::healthy() const { return PQstatus(connection_) == CONNECTION_OK; }

SqlResult PgConnection::query(std::string_view sql, const std::vector<SqlValue>& params) {
  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  for (std::size_t idx = 0; idx < params.size(); ++idx) {
    if (const auto* number = std::get_if<std::int64_t>(&params[idx])) {
      texts[idx] = std::to_string(*number);
      values[idx] = texts[idx].c_str();
    } else if (const auto* text = std::get_if<std::string>(&params[idx])) {
      values[idx] = text->c_str();
    }
  }
  const std::string statement(sql);
  ResultGuard guard{PQexecParams(connection_, statement.c_str(), static_cast<int>(params.size()), nullptr,
                                 values.data(), nullptr, nullptr, 0)};
  PGresult* result = guard.result;
  const ExecStatusType status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    const char* sqlstate = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(connection_);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    throw SqlError(failure_of(sqlstate), "PostgreSQL: " + message);
  }

  SqlResult out;
  const int field_count = PQnfields(result);
  const int row_count = PQntuples(result);
  std::vector<bool> integer(field_count);
  for (int field = 0; field < field_count; ++field) {
    out.columns.emplace_back(PQfname(result, field));
    const Oid type = PQftype(result, field);
    integer[field] = type == kInt8 || type == kInt4 || type == kInt2;
  }
  out.rows.reserve(row_count);
  for (int row = 0; row < row_count; ++row) {
    std::vector<SqlValue>& values_out = out.rows.emplace_back();
    values_out.reserve(field_count);
    for (int field = 0; field < field_count; ++field) {
      if (PQgetisnull(result, row, field)) {
        values_out.emplace_back(SqlNull{});
        continue;
      }
      const char* text = PQgetvalue(result, row, field);
      const int length = PQgetlength(result, row, field);
      if (integer[field]) {
        std::int64_t number = 0;
        std::from_chars(text, text + length, number);
        values_out.emplace_back(number);
      } else {
        values_out.emplace_back(std::string(text, static_cast<std::size_t>(length)));
      }
    }
  }
  const char* changed = PQcmdTuples(result);
  out.changed = (changed && *changed) ? std::stoll(changed) : 0;
  return out;
}

void PgConnection::execute_script(std::string_view sql) {
  const std::string statement(sql);
  ResultGuard guard{PQexec(connection_, statement.c_str())};
  const ExecStatusType status = PQresultStatus(guard.result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    const char* sqlstate = guard.result ? PQresultErrorField(guard.result, PG_DIAG_SQLSTATE) : nullptr;
    std::string message = guard.result ? PQresultErrorMessage(guard.result) : PQerrorMessage(connection_);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    throw SqlError(failure_of(sqlstate), "PostgreSQL: " + message);
  }
}

}  // namespace allot::storage
