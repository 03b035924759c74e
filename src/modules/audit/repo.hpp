#pragma once
#include <functional>
#include <string>

#include "modules/audit/model.hpp"
#include "platform/db/database.hpp"

namespace antq::audit::repo {

struct Head {
  std::int64_t last_id = 0;
  std::string last_hash;
};

// Claims the next id: locks the head row until the transaction ends.
Head claim_next(db::Tx& tx);
// Inserts the entry and makes it the chain's head.
void append(db::Tx& tx, const Entry& e);
Head head(db::Tx& tx);
Page<Entry> list(db::Tx& tx, const Filter& filter);
// Calls `visit` for every entry in id order, in pages (never the whole log in memory).
void each(db::Tx& tx, const std::function<bool(const Entry&)>& visit);

}  // namespace antq::audit::repo
