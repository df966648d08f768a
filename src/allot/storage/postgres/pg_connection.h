#pragma once
// One PostgreSQL connection through libpq. Parameters go as text and PostgreSQL
// infers their types from the statement; integer columns come back as integers.

#include <memory>
#include <string>

#include "allot/storage/shared/sql_connection.h"

struct pg_conn;

namespace allot::storage {

class PgConnection final : public SqlConnection {
 public:
  // Connects to `url`; if `schema` is not empty, creates it if missing and makes
  // it the search path. Throws SqlError on failure (the message names the host,
  // never the password).
  static std::unique_ptr<PgConnection> open(const std::string& url, const std::string& schema);
  ~PgConnection() override;
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  Dialect dialect() const override { return Dialect::kPostgres; }
  SqlResult query(std::string_view sql, const std::vector<SqlValue>& params = {}) override;
  void execute_script(std::string_view sql) override;
  bool healthy() const override;

 private:
  explicit PgConnection(pg_conn* connection) : connection_(connection) {}
  pg_conn* connection_ = nullptr;
};

// "schema_name" if it is a plain lower-case identifier, else nothing: schema
// names are put into SQL text, so only safe ones are accepted.
bool is_plain_identifier(std::string_view name);

}  // namespace allot::storage
