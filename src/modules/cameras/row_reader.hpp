#pragma once
// The rows of the cameras searches list, read for many searches at once, handed over to
// the database (db::Database::read_then) so that no search holds a thread while the
// network answers (PostgreSQL).
//
// Why: on PostgreSQL a search decides everything in memory (the reach index, the units'
// scopes) but the rows of the cameras it lists; reading them was a round trip that held
// a worker, and cost both processes system calls that this kind of machine makes dear.
// A RowReader gathers the ids every waiting search asks for and reads them in one
// statement of its own transaction (db::Tx::next_is_last), the snapshot of which is taken
// after each of those searches asked: each sees its own process's writes. On PostgreSQL
// the read takes its turn on the thread that writes the searches' audit entries
// (audit::Service::record_then): one thread woken per round instead of two, and rounds
// twice as large.
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "modules/cameras/model.hpp"
#include "platform/db/database.hpp"

namespace antq::cameras {

class RowReader {
 public:
  // The rows found, by id; those deleted are missing. Or the error the read failed with.
  using Then = std::function<void(std::vector<Camera>, std::exception_ptr)>;

  explicit RowReader(db::Database& db) : db_(db) {}
  // Waits until what was asked is answered.
  ~RowReader();
  RowReader(const RowReader&) = delete;
  RowReader& operator=(const RowReader&) = delete;

  // Reads the rows of `ids` (sorted, distinct) with those of every other call waiting, and
  // calls `then` with them from the database's thread (db::Database::read_then).
  // REQUIRES: `then` does not throw, nor call db::Database::read() or write().
  void read_then(std::vector<std::int64_t> ids, Then then);

  // How many statements it made (tests, benchmarks).
  std::size_t statements() const;

 private:
  struct Asked {
    std::vector<std::int64_t> ids;
    Then then;
  };
  struct Round;
  // Hands a read of all those waiting over to the database; or, when that fails, answers
  // them with the error.
  void queue_round();
  void hand_over(const std::shared_ptr<Round>& round);
  // Takes those waiting into `round`, once.
  void take(Round& round);
  static void answer(std::deque<Asked>& batch, const std::vector<Camera>& rows, std::exception_ptr error);
  void round_done();

  db::Database& db_;
  mutable std::mutex mutex_;
  std::condition_variable idle_;
  std::deque<Asked> asked_;
  bool queued_ = false;  // a round is queued that takes `asked_`
  int rounds_ = 0;       // queued or running
  std::size_t statements_ = 0;
};

}  // namespace antq::cameras
