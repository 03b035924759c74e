#pragma once
#include <string>

#include "app/modules.hpp"

namespace antq::app {

// A consistent copy while the server keeps serving. SQLite: VACUUM INTO (a plain SQLite
// file). PostgreSQL: pg_dump's custom format.
void backup(Context& ctx, const std::string& file);
// Replaces the database with a backup. Refuses while a server holds the data directory.
// SQLite: the file is checked (integrity, antq schema) before anything is replaced.
void restore(const Config& config, const std::string& file);

}  // namespace antq::app
