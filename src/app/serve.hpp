#pragma once
#include <filesystem>

#include "app/modules.hpp"

namespace antq::app {

// Holds an exclusive lock on DATA/antq.lock while alive: one server per data directory,
// and no restore while it serves.
class DataLock {
 public:
  explicit DataLock(const std::filesystem::path& data_dir);
  ~DataLock();
  DataLock(const DataLock&) = delete;
  DataLock& operator=(const DataLock&) = delete;

 private:
  int fd_ = -1;
};

// Serves HTTP until SIGINT/SIGTERM. Returns the exit code.
int serve(Context& ctx);
// Prints every route the server answers, one "METHOD /pattern" a line (for the contract test).
int print_routes(Context& ctx);

}  // namespace antq::app
