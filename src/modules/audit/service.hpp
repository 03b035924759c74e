#pragma once
// The audit log (nhật ký kiểm toán): append-only, hash-chained, browsed by auditors.
#include <string>

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

  // Auditors only. Newest first.
  Page<Entry> list(const Actor& actor, const Filter& filter) const;
  // Auditors only (the CLI passes system_actor()). Walks the whole chain.
  Verification verify(const Actor& actor) const;

 private:
  db::Database& db_;
  const time::Clock& clock_;
};

}  // namespace antq::audit
