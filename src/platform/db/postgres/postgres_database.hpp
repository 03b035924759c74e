#pragma once
#include <memory>
#include <string>

#include "platform/db/database.hpp"

namespace antq::db {

// PostgreSQL through libpq: a fixed pool of connections, each with its own cache of
// prepared statements. `url` is a libpq connection URI.
std::unique_ptr<Database> open_postgres(const std::string& url, const Options& options);

}  // namespace antq::db
