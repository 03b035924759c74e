#pragma once
// The audit log (nhật ký kiểm toán): append-only, hash-chained, browsed by auditors.
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "modules/access.hpp"
#include "modules/audit/model.hpp"
#include "modules/audit/repo.hpp"
#include "platform/db/database.hpp"
#include "platform/time/time.hpp"

namespace antq::audit {

class Service {
 public:
  Service(db::Database& db, const time::Clock& clock) : db_(db), clock_(clock) {}
  // Waits until every entry given to record_then is written or failed: the writes handed
  // over to the database hold this service.
  ~Service();
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  // Appends an entry inside the caller's write transaction, so that the change and its
  // record commit or fail together. Fills id, at, hashes. Thread-safe through the tx.
  void record(db::Tx& tx, Entry entry) const;
  // The same for an actor: fills actor id and name.
  void record(db::Tx& tx, const Actor& actor, std::string action, std::string entity, std::string entity_id,
              std::string detail = "{}", std::string reason = {}) const;
  // An entry for an actor (id and name), to record.
  static Entry entry_of(const Actor& actor, std::string action, std::string entity, std::string entity_id,
                        std::string detail = "{}", std::string reason = {});

  // An entry that changes nothing else (a search, a read), appended with the database's
  // next commit together with every other one waiting: on PostgreSQL one statement after
  // the head the last batch left (a round trip), else a claim of the head first. `done` is
  // called once, with nullptr when the entry is durable or the exception it failed with.
  // On SQLite no thread waits meanwhile (write_then); the caller answers from `done`.
  using Done = std::function<void(std::exception_ptr)>;
  void record_then(Entry entry, Done done) const;

  // Auditors only. Newest first.
  Page<Entry> list(const Actor& actor, const Filter& filter) const;
  // Auditors only (the CLI passes system_actor()). Walks the whole chain.
  Verification verify(const Actor& actor) const;

 private:
  struct Waiting {
    Entry entry;
    Done done;
  };
  // Appends the entries in order, after the chain's head, with one claim.
  // `ends_transaction`: they are the rest of the transaction (db::Tx::next_is_last).
  void record_all(db::Tx& tx, std::vector<Waiting>& entries, bool ends_transaction) const;
  // Gives the entries their ids, time and hashes, after `prev_hash`.
  std::vector<const Entry*> chain(std::vector<Waiting>& entries, std::int64_t first_id,
                                  const std::string& prev_hash) const;
  // Adds entries to those waiting (`first`: before them), and queues a write_then that
  // takes them all if none is.
  void enqueue(std::vector<Waiting> entries, bool first = false) const;
  // Hands a write of those waiting over to the database (db::Database::write_then).
  void flush() const;
  void flush_done() const;
  // A write_then's batch, the whole transaction. On PostgreSQL, while the head this
  // process's last batch left is known, one statement after it (repo::append_after);
  // otherwise a claim first. The head it leaves, or nullopt when the known one had moved
  // (another process, or record(tx, …)) and nothing was written.
  std::optional<repo::Head> append_batch(db::Tx& tx, std::vector<Waiting>& entries) const;
  std::optional<repo::Head> known_head() const;
  void remember_head(std::optional<repo::Head> head) const;

  db::Database& db_;
  const time::Clock& clock_;
  mutable std::mutex waiting_mutex_;
  mutable std::vector<Waiting> waiting_;
  mutable bool flush_queued_ = false;  // a write_then is queued that takes `waiting_`
  mutable int flushes_ = 0;            // write_thens queued or running
  mutable std::condition_variable idle_;
  mutable std::mutex head_mutex_;
  mutable std::optional<repo::Head> known_head_;  // left by the last batch's commit
};

}  // namespace antq::audit
