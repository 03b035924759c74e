#pragma once
// The notification outbox: messages are queued in the caller's transaction (once per
// dedupe key) and sent by dispatch(), which every instance runs at each scheduler check.
// A dispatch leases up to kBatch due messages for kLease, so no message is sent by two
// instances at once, sends each outside any transaction, and records the attempt:
// - sent: done;
// - retry: due again after min(2^(n−1) minutes, 6 hours) × 0.9–1.1 (n = attempts so far;
//   the spread comes from the id and n, so that tests can predict it), dead after
//   kMaxAttempts (about 20 hours);
// - permanent (or a channel with no sender now): dead at once.
#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "modules/access.hpp"
#include "modules/audit/service.hpp"
#include "modules/notify/model.hpp"
#include "modules/notify/repo.hpp"
#include "platform/db/database.hpp"
#include "platform/page.hpp"
#include "platform/time/time.hpp"

namespace antq::notify {

struct NotificationDetail {
  Notification notification;
  std::vector<repo::Attempt> attempts;
};

struct DispatchResult {
  int sent = 0;
  int retried = 0;
  int dead = 0;
};

class Service {
 public:
  static constexpr int kMaxAttempts = 12;
  static constexpr std::size_t kBatch = 20;
  static constexpr time::Millis kLease = 2LL * 60 * 1000;

  // `instance` names this process in the leases (with a random part per dispatch).
  Service(db::Database& db, const audit::Service& audit, const time::Clock& clock, std::string instance);

  // REQUIRES: before the first dispatch(). A channel without a sender is not offered.
  void add_sender(Channel channel, std::unique_ptr<Sender> sender);
  bool offers(Channel channel) const { return senders_.contains(channel); }

  // Queues `n` in the caller's write transaction; false when its dedupe key was queued
  // before (nobody is told the same thing twice).
  bool enqueue(db::Tx& tx, const NewNotification& n) const;

  // Sends what is due now (at most kBatch); thread-safe, and safe across instances.
  DispatchResult dispatch() const;

  // The wait before the next attempt, after `attempts` attempts of notification `id`.
  static time::Millis retry_delay(int attempts, std::int64_t id);

  // How many are pending, sent and dead, read now (the admin page) or as of the last
  // dispatch (for /metrics, which must not wait for the database).
  std::array<std::int64_t, 3> counts() const;
  std::array<std::int64_t, 3> counts_seen() const;

  // The daily retention: notifications sent or given up more than `keep_days` days ago go
  // with their attempts (their text, an SMS's number); pending ones stay. Audited
  // notification.purge when any went. Returns how many.
  std::int64_t purge(int keep_days) const;

  // Administrators: the outbox newest first (`status` "", pending, sent or dead; else a
  // field error), one notification with its attempts, and one given up sent again now
  // (audited notification.retry; a conflict unless it is dead).
  Page<Notification> list(const Actor& actor, const std::string& status, int page, int page_size) const;
  NotificationDetail get(const Actor& actor, std::int64_t id) const;
  Notification retry(const Actor& actor, std::int64_t id) const;

 private:
  db::Database& db_;
  const audit::Service& audit_;
  const time::Clock& clock_;
  std::string instance_;
  std::map<Channel, std::unique_ptr<Sender>> senders_;
  mutable std::mutex seen_mutex_;
  mutable std::array<std::int64_t, 3> seen_{};
};

}  // namespace antq::notify
