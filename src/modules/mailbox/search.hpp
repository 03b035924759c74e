#pragma once
// The encrypted search index of a commune's tips (internal to the mailbox service).
// Tip text is sealed one tip at a time, so searching by opening every tip costs one
// X25519 operation per tip. The index keeps the folded text ("diep" for "Điệp") of all
// tips of a commune in one secret box whose random key is sealed to the commune's key:
// a search opens one box, then only the tips added since. Searches rebuild it when many
// tips were added; purging tips drops it (it would otherwise keep their text).
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "modules/mailbox/internal.hpp"
#include "modules/mailbox/keys.hpp"
#include "modules/mailbox/repo.hpp"
#include "platform/db/database.hpp"

namespace antq::mailbox::search {

struct CommuneIndex {
  std::unordered_map<std::int64_t, std::string> text;  // folded text by tip id
  std::int64_t added = 0;                              // entries found outside the stored index
  bool stored = false;                                 // an index was stored and opened
};

// The stored index of `unit_id`, opened with the officer's key (empty when there is none
// or the officer cannot open it).
CommuneIndex load(db::Tx& tx, const Keys& keys, std::int64_t user_id, const std::string& user_secret,
                  std::int64_t unit_id);

// `index` sealed to the commune's current key, ready to store (sealing megabytes takes
// time: done before the write transaction, which then only stores it).
struct SealedIndex {
  repo::SearchIndexRow row;
  std::vector<std::int64_t> ids;  // the tips it holds
};
std::optional<SealedIndex> seal(db::Tx& tx, const Keys& keys, std::int64_t unit_id, const CommuneIndex& index);
// Stores it, unless a tip it holds was deleted since it was read (the retention purge
// ran meanwhile: the index must not bring the purged text back). False then.
bool store(db::Tx& tx, const SealedIndex& sealed, std::int64_t now);
// Wipes the folded text (plaintext) of an index no longer needed.
void wipe(CommuneIndex& index);

// Drops the stored index of a commune (after tips were deleted).
void drop(db::Tx& tx, std::int64_t unit_id);

// Adds to `index` the folded text of the commune's tips missing from it, opened with the
// officer's key (one query for their sealed content); returns how many were added.
// Tips the officer cannot open stay out.
std::int64_t refresh(db::Tx& tx, const Keys& keys, std::int64_t user_id, const std::string& user_secret,
                     std::int64_t unit_id, CommuneIndex& index, detail::KeyCache& cache);

// Ids of the tips of `q` whose folded text holds every term (any order), in inbox order: from each
// commune's stored index, opening only the tips missing from it. Indexes that gained
// kRebuildAfter entries or more are moved into `to_store` (to store after the read).
std::vector<std::int64_t> matching(db::Tx& tx, const Keys& keys, const Actor& actor, const std::string& user_secret,
                                   const repo::ListQuery& q, const std::vector<std::string>& terms,
                                   detail::KeyCache& cache, std::map<std::int64_t, CommuneIndex>& to_store);

// When a search should store its index again.
constexpr std::int64_t kRebuildAfter = 16;

// Background refreshes of communes' indexes (after an officer's sign-in or inbox page),
// so that the first search after many new tips does not open them all: one at a time
// per commune, the first time a commune is seen and then whenever its number of tips
// moved by kRebuildAfter or more since its last refresh (or the last one failed).
// Searches wait for a refresh that has started instead of opening the same tips beside
// it; one still queued does not hold them.
class Refreshes {
 public:
  // The communes to refresh now, from their numbers of tips; they are marked queued.
  std::vector<std::int64_t> begin(const std::map<std::int64_t, std::int64_t>& tips_by_unit);
  void start(std::int64_t unit_id);
  // Ends the refresh of a commune begun when it goes, with `done` as set by then.
  struct Ticket {
    Ticket(Refreshes& r, std::int64_t unit) : refreshes(r), unit_id(unit) {}
    ~Ticket() { refreshes.end(unit_id, done); }
    Ticket(const Ticket&) = delete;
    Ticket& operator=(const Ticket&) = delete;
    Refreshes& refreshes;
    std::int64_t unit_id;
    bool done = false;
  };
  // Ends a refresh begun, run or not; `done` false lets the next page try again.
  void end(std::int64_t unit_id, bool done);
  // Waits until none of these communes is being refreshed (at most `limit`).
  void wait_for(const std::vector<std::int64_t>& unit_ids, std::chrono::milliseconds limit);

 private:
  std::mutex mutex_;
  std::condition_variable idle_;
  std::set<std::int64_t> queued_;
  std::set<std::int64_t> running_;
  std::map<std::int64_t, std::int64_t> tips_at_last_;
};

}  // namespace antq::mailbox::search
