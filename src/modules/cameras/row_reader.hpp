#pragma once
// The rows of the cameras searches list, read for many searches at once on a thread of
// its own, so that no search holds a thread while the network answers (PostgreSQL).
//
// Why: on PostgreSQL a search decides everything in memory (the reach index, the units'
// scopes) but the rows of the cameras it lists; reading them was a round trip that held
// a worker, and cost both processes system calls that this kind of machine makes dear.
// A RowReader gathers the ids every waiting search asks for and reads them in one
// statement of its own transaction (db::Tx::next_is_last), the snapshot of which is taken
// after each of those searches asked: each sees its own process's writes.
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "modules/cameras/model.hpp"
#include "platform/db/database.hpp"

namespace antq::cameras {

class RowReader {
 public:
  // The rows found, by id; those deleted are missing. Or the error the read failed with.
  using Then = std::function<void(std::vector<Camera>, std::exception_ptr)>;

  explicit RowReader(db::Database& db) : db_(db) {}
  // Reads what is asked first.
  ~RowReader();
  RowReader(const RowReader&) = delete;
  RowReader& operator=(const RowReader&) = delete;

  // Reads the rows of `ids` (sorted, distinct) with those of every other call waiting, and
  // calls `then` with them from the reader's thread.
  // REQUIRES: `then` does not throw.
  void read_then(std::vector<std::int64_t> ids, Then then);

  // How many statements it made (tests, benchmarks).
  std::size_t statements() const;

 private:
  struct Asked {
    std::vector<std::int64_t> ids;
    Then then;
  };
  void run();
  void answer(std::deque<Asked>& batch);

  db::Database& db_;
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<Asked> asked_;
  bool stopping_ = false;
  std::size_t statements_ = 0;
  std::thread thread_;  // started by the first call
};

}  // namespace antq::cameras
