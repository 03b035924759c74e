#pragma once
// The notifications' SQL (migration 0037).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/notify/model.hpp"
#include "platform/db/database.hpp"
#include "platform/page.hpp"

namespace antq::notify::repo {

// Queues `n`, due at `now`; false when its dedupe key is already queued (nothing written).
bool insert(db::Tx& tx, const NewNotification& n, time::Millis now);

// Leases to `owner` until `until` at most `limit` pending notifications due at `now` whose
// lease is free or lapsed, oldest due first, and returns them. The lease is re-checked
// row by row as it is taken, so two dispatchers never hold the same notification.
std::vector<Notification> claim(db::Tx& tx, const std::string& owner, time::Millis now, time::Millis until,
                                std::size_t limit);

struct Outcome {
  std::string status;  // pending (to retry), sent or dead
  time::Millis next_attempt_at = 0;
  std::string detail;
};
// Records attempt `attempt` of `id` (held by `owner`) and its outcome, and frees the lease;
// false when the lease was lost meanwhile (nothing written).
bool finish(db::Tx& tx, std::int64_t id, const std::string& owner, int attempt, Delivery::Result result,
            const Outcome& outcome, time::Millis now);

std::vector<Notification> all(db::Tx& tx);
// Newest first; `status` "" for any.
Page<Notification> page(db::Tx& tx, const std::string& status, int page, int page_size);
std::optional<Notification> get(db::Tx& tx, std::int64_t id);
// A dead notification made due again now (its attempts kept); false when not dead.
bool revive(db::Tx& tx, std::int64_t id, time::Millis now);
struct Attempt {
  int attempt = 0;
  time::Millis at = 0;
  std::string outcome;
  std::string detail;
};
std::vector<Attempt> attempts(db::Tx& tx, std::int64_t id);
// pending, sent and dead, in that order.
std::vector<std::int64_t> counts(db::Tx& tx);
// Deletes the sent and given-up notifications made before `before`, with their attempts;
// pending ones stay. Returns how many went.
std::int64_t purge(db::Tx& tx, time::Millis before);

}  // namespace antq::notify::repo
