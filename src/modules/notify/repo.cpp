#include "modules/notify/repo.hpp"

#include "platform/db/read.hpp"

namespace antq::notify::repo {
namespace {

#define NOTIFICATION_COLUMNS                                                                      \
  "id, dedupe_key, channel, user_id, address, subject, body, status, attempts, next_attempt_at, " \
  "last_error, created_at, sent_at"

Notification notification_from(db::Reader& r) {
  Notification n;
  n.id = r.i64();
  n.dedupe_key = r.text();
  n.channel = channel_of(r.text()).value_or(Channel::log);
  n.user_id = r.opt_i64();
  n.address = r.text();
  n.subject = r.text();
  n.body = r.text();
  n.status = r.text();
  n.attempts = r.integer();
  n.next_attempt_at = r.i64();
  n.last_error = r.text();
  n.created_at = r.i64();
  n.sent_at = r.opt_i64();
  return n;
}

}  // namespace

bool insert(db::Tx& tx, const NewNotification& n, time::Millis now) {
  static constexpr db::Query q{
      "notifications.insert",
      "INSERT INTO notifications (dedupe_key, channel, user_id, address, subject, body, next_attempt_at, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (dedupe_key) DO NOTHING"};
  return tx.exec(q, n.dedupe_key, std::string(code_of(n.channel)), n.user_id, n.address, n.subject, n.body, now) == 1;
}

std::vector<Notification> claim(db::Tx& tx, const std::string& owner, time::Millis now, time::Millis until,
                                std::size_t limit) {
  // The outer condition is checked again on each row as it is locked (PostgreSQL re-reads a
  // row another transaction changed meanwhile), so a row leased by a concurrent claim is skipped.
  static constexpr db::Query take{
      "notifications.claim",
      "UPDATE notifications SET lease_owner = $1, lease_until = $2 WHERE id IN (SELECT id FROM notifications "
      "WHERE status = 'pending' AND next_attempt_at <= $3 AND (lease_until IS NULL OR lease_until < $3) "
      "ORDER BY next_attempt_at, id LIMIT $4) AND status = 'pending' AND (lease_until IS NULL OR lease_until < $3)"};
  static constexpr db::Query held{"notifications.held",
                                  "SELECT " NOTIFICATION_COLUMNS
                                  " FROM notifications WHERE lease_owner = $1 AND lease_until = $2 "
                                  "AND status = 'pending' ORDER BY next_attempt_at, id"};
  if (tx.exec(take, owner, until, now, static_cast<std::int64_t>(limit)) == 0) return {};
  return db::all(tx, held, notification_from, owner, until);
}

bool finish(db::Tx& tx, std::int64_t id, const std::string& owner, int attempt, Delivery::Result result,
            const Outcome& outcome, time::Millis now) {
  static constexpr db::Query update{
      "notifications.finish",
      "UPDATE notifications SET status = $3, attempts = $4, next_attempt_at = $5, last_error = $6, "
      "sent_at = CASE WHEN $3 = 'sent' THEN $7 ELSE sent_at END, lease_owner = NULL, lease_until = NULL "
      "WHERE id = $1 AND lease_owner = $2"};
  static constexpr db::Query log{
      "notification_attempts.insert",
      "INSERT INTO notification_attempts (notification_id, attempt, at, outcome, detail) VALUES ($1, $2, $3, $4, $5)"};
  bool sent = result == Delivery::Result::sent;
  if (tx.exec(update, id, owner, outcome.status, attempt, outcome.next_attempt_at, sent ? "" : outcome.detail, now) !=
      1) {
    return false;
  }
  tx.exec(log, id, attempt, now, std::string(code_of(result)), outcome.detail);
  return true;
}

std::vector<Notification> all(db::Tx& tx) {
  static constexpr db::Query q{"notifications.all", "SELECT " NOTIFICATION_COLUMNS " FROM notifications ORDER BY id"};
  return db::all(tx, q, notification_from);
}

Page<Notification> page(db::Tx& tx, const std::string& status, int page_number, int page_size) {
  db::Params params;
  std::string where = " FROM notifications";
  if (!status.empty()) where += " WHERE status = " + params.add(status);
  return db::page(tx, "notifications", NOTIFICATION_COLUMNS, where, " ORDER BY id DESC", std::move(params), page_number,
                  page_size, notification_from);
}

std::optional<Notification> get(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"notifications.get", "SELECT " NOTIFICATION_COLUMNS " FROM notifications WHERE id = $1"};
  return db::one(tx, q, notification_from, id);
}

bool revive(db::Tx& tx, std::int64_t id, time::Millis now) {
  static constexpr db::Query q{"notifications.revive",
                               "UPDATE notifications SET status = 'pending', next_attempt_at = $2, lease_owner = NULL, "
                               "lease_until = NULL WHERE id = $1 AND status = 'dead'"};
  return tx.exec(q, id, now) == 1;
}

std::int64_t purge(db::Tx& tx, time::Millis before) {
  static constexpr db::Query attempts_of{
      "notification_attempts.purge",
      "DELETE FROM notification_attempts WHERE notification_id IN (SELECT id FROM notifications "
      "WHERE status IN ('sent', 'dead') AND created_at < $1)"};
  static constexpr db::Query notifications{
      "notifications.purge", "DELETE FROM notifications WHERE status IN ('sent', 'dead') AND created_at < $1"};
  tx.exec(attempts_of, before);
  return tx.exec(notifications, before);
}

std::vector<Attempt> attempts(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"notification_attempts.of",
                               "SELECT attempt, at, outcome, detail FROM notification_attempts "
                               "WHERE notification_id = $1 ORDER BY attempt"};
  return db::all(
      tx, q,
      [](db::Reader& r) {
        Attempt a;
        a.attempt = r.integer();
        a.at = r.i64();
        a.outcome = r.text();
        a.detail = r.text();
        return a;
      },
      id);
}

std::vector<std::int64_t> counts(db::Tx& tx) {
  static constexpr db::Query q{"notifications.counts",
                               "SELECT count(*) FILTER (WHERE status = 'pending'), count(*) FILTER (WHERE status = "
                               "'sent'), count(*) FILTER (WHERE status = 'dead') FROM notifications"};
  auto row = db::one(tx, q, [](db::Reader& r) { return std::vector<std::int64_t>{r.i64(), r.i64(), r.i64()}; });
  return row.value_or(std::vector<std::int64_t>{0, 0, 0});
}

}  // namespace antq::notify::repo
