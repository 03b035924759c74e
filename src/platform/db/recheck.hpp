#pragma once
// When a reader that keeps something from the database in memory (an index, a cache keyed
// by a version counter) must look at the database again to see other writers' changes.
//
// Looking means reading a version: on SQLite every commit (every audited search commits
// one) makes each reader connection drop its page cache, so each look reads pages back
// from the file; on PostgreSQL it is a round trip to the server. A Recheck lets a
// transaction skip it when the last look was made in a snapshot that held every change
// this transaction can know of (Tx::own_commits_before), and at most `others_ms` ago:
// this process's writes show at once, another process's (a command-line import) within
// `others_ms`. What counts as a change: on SQLite every commit of this process's writer;
// on PostgreSQL every change notice a connection of this process received (migration
// 0047: cameras and units send them; its own commits' notices arrive with their COMMIT).
// A write transaction always looks. A clock going back looks again.
#include <atomic>
#include <cstdint>

#include "platform/db/database.hpp"
#include "platform/time/time.hpp"

namespace antq::db {

class Recheck {
 public:
  explicit Recheck(time::Millis others_ms) : others_ms_(others_ms) {}

  // Whether `tx` must look at `now`.
  bool due(const Tx& tx, time::Millis now) const;
  // `tx` looked at `now`, and what it saw is applied.
  void looked(const Tx& tx, time::Millis now);
  // Every later transaction looks again until the next looked().
  void forget();

 private:
  // Lock-free: every search asks, from every thread.
  const time::Millis others_ms_;
  std::atomic<bool> looked_{false};
  std::atomic<std::uint64_t> commits_{0};  // of this process's writer, all in the newest look's snapshot
  std::atomic<time::Millis> at_{0};
};

}  // namespace antq::db
