#pragma once
#include <functional>
#include <string>
#include <vector>

#include "modules/audit/model.hpp"
#include "platform/db/database.hpp"

namespace antq::audit::repo {

struct Head {
  std::int64_t last_id = 0;
  std::string last_hash;
};

// Claims the next id: locks the head row until the transaction ends.
Head claim_next(db::Tx& tx);
// Claims the next `count` ids at once: the head's last id is then the last of them, its
// hash still the one before the first.
Head claim(db::Tx& tx, std::int64_t count);
// Inserts the entry and makes it the chain's head.
void append(db::Tx& tx, const Entry& e);
// Inserts the entry only (set_head follows, after the last of a batch).
void insert(db::Tx& tx, const Entry& e);
// The same for entries in chain order, 100 to a statement.
void insert_all(db::Tx& tx, const std::vector<const Entry*>& entries);
// The same, then makes the last the chain's head; on PostgreSQL the head goes with the
// last rows, in one statement. `ends_transaction`: that statement is the transaction's
// last (db::Tx::next_is_last), and on PostgreSQL its COMMIT goes with it.
void append_all(db::Tx& tx, const std::vector<const Entry*>& entries, bool ends_transaction);
// PostgreSQL: the entries (at most kEntriesPerStatement, chained after `known`) and the
// new head in one statement, the transaction's last (alone when it is also the first: one
// round trip, no BEGIN), written only if the chain's head is still `known`. False when it
// was not: then nothing was written.
inline constexpr std::size_t kEntriesPerStatement = 100;  // a statement's rows: 1,100 parameters
bool append_after(db::Tx& tx, const std::vector<const Entry*>& entries, const Head& known);
void set_head(db::Tx& tx, std::int64_t last_id, const std::string& last_hash);
Head head(db::Tx& tx);
Page<Entry> list(db::Tx& tx, const Filter& filter);
// Calls `visit` for every entry in id order, in pages (never the whole log in memory).
void each(db::Tx& tx, const std::function<bool(const Entry&)>& visit);

}  // namespace antq::audit::repo
