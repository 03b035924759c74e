#pragma once
#include <memory>
#include <string>

#include "platform/db/database.hpp"

namespace antq::db {

// SQLite in WAL mode: a pool of read connections and one writer thread that commits
// queued writes in batches (group commit: one fsync per batch with synchronous=FULL).
// `path` is an absolute file path (the part after "sqlite://").
std::unique_ptr<Database> open_sqlite(const std::string& path, const Options& options);

}  // namespace antq::db
