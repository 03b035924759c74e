#pragma once
// The audit log (nhật ký kiểm toán): append-only, hash-chained, browsed by auditors.
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "modules/access.hpp"
#include "modules/audit/model.hpp"
#include "platform/db/database.hpp"
#include "platform/time/time.hpp"

namespace antq::audit {

class Service {
 public:
  Service(db::Database& db, const time::Clock& clock) : db_(db), clock_(clock) {}

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
  // next commit together with every other one waiting: one claim of the chain's head and
  // one insert each. `done` is called once, with nullptr when the entry is durable or the
  // exception it failed with. On SQLite no thread waits meanwhile (write_then); the caller
  // answers from `done`.
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

  db::Database& db_;
  const time::Clock& clock_;
  mutable std::mutex waiting_mutex_;
  mutable std::vector<Waiting> waiting_;
  mutable bool flush_queued_ = false;  // a write_then is queued that takes `waiting_`
};

}  // namespace antq::audit
