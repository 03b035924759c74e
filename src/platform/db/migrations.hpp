#pragma once
// The schema comes only from numbered migrations embedded in the binary
// (migrations/NNNN_name.sql, with optional NNNN_name.sqlite.sql / .postgres.sql
// variants). Portable files may use the tokens {{id}} (an auto-increment primary key),
// {{blob}} (binary) and {{bigint}}, which each dialect spells its own way.
#include <string>
#include <string_view>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/embedded.hpp"

namespace antq::db {

struct Migration {
  int version = 0;
  std::string name;
  std::string sql;  // already translated to the dialect
};

// Builds the ordered list for a dialect from embedded files. Throws std::invalid_argument
// for a bad file name or two migrations with one number.
std::vector<Migration> load_migrations(const std::vector<embedded::File>& files, Dialect dialect);

struct MigrationStatus {
  int version = 0;
  std::string name;
  bool applied = false;
};

// Applies every missing migration, each in its own transaction, under a lock so that two
// instances starting together never race. Returns the versions applied.
std::vector<int> migrate(Database& db);
std::vector<MigrationStatus> migration_status(Database& db);
// True when every embedded migration has been applied.
bool migrations_current(Database& db);

}  // namespace antq::db
