// Statistics for the reports and the retention purge (part of mailbox::Service).
#include <boost/json.hpp>

#include <algorithm>

#include "modules/mailbox/files_repo.hpp"
#include "modules/mailbox/repo.hpp"
#include "modules/mailbox/search.hpp"
#include "modules/mailbox/service.hpp"
#include "platform/error.hpp"
#include "platform/log/log.hpp"

namespace antq::mailbox {
namespace {

bool overdue_row(const repo::StatRow& r, std::int64_t now) {
  if (r.purged_overdue) return true;
  if (!r.deadline_at) return false;
  if (r.transferred_at) return *r.transferred_at > *r.deadline_at;
  auto status = status_from(r.status);
  return *r.deadline_at < now && status && deadline_runs(*status);
}

}  // namespace

Stats Service::stats(const Actor& actor, const StatsQuery& q) const {
  if (!actor.is(Role::officer) && !actor.is(Role::reviewer) && !actor.is(Role::admin)) {
    throw Error::forbidden("statistics are for officers, reviewers and administrators");
  }
  FieldErrors errors;
  auto from = time::parse_date(q.from);
  auto to = time::parse_date(q.to);
  if (!from) errors.add("from", q.from.empty() ? "required" : "invalid_date");
  if (!to) errors.add("to", q.to.empty() ? "required" : "invalid_date");
  if (from && to && *from > *to) errors.add("to", "invalid_date");
  errors.throw_if_any();
  Stats s;
  auto now = clock_.now();
  std::vector<std::int64_t> transfer_ms;
  db_.read([&](db::Tx& tx) {
    std::string scope = actor.scope_path;
    if (q.unit_id) {
      auto unit = units_.find(tx, *q.unit_id);
      if (!unit || !actor.covers(unit->path)) throw Error::field("unit_id", "not_found");
      scope = unit->path;
    }
    auto rows = repo::stat_rows(tx, scope, time::local_day_start(*from), time::local_day_start(*to) + 86400000);
    for (const auto& r : rows) {
      ++s.total;
      ++s.by_kind[r.kind];
      ++s.by_channel[r.channel];
      ++s.by_status[r.status];
      ++s.by_month[time::local_date(r.received_at).substr(0, 7)];
      ++s.by_village[r.village_name];
      s.useful += r.useful;
      s.solved_cases += r.solved_case;
      if (r.transferred_at) {
        ++s.transferred;
        transfer_ms.push_back(*r.transferred_at - r.received_at);
      }
      s.overdue += overdue_row(r, now);
    }
  });
  if (!transfer_ms.empty()) {
    std::sort(transfer_ms.begin(), transfer_ms.end());
    auto n = transfer_ms.size();
    double median = n % 2 ? static_cast<double>(transfer_ms[n / 2])
                          : (static_cast<double>(transfer_ms[n / 2 - 1]) + static_cast<double>(transfer_ms[n / 2])) / 2;
    s.median_hours_to_transfer = median / 3600000.0;
  }
  return s;
}

PurgeReport Service::purge(const Actor& actor) const {
  if (!actor.system && !actor.is(Role::admin)) throw Error::forbidden("purging is for administrators");
  PurgeReport report;
  db_.write([&](db::Tx& tx) {
    auto now = clock_.now();
    for (const auto& tip : repo::expired(tx, now)) {
      bool overdue = tip.deadline_at && tip.transferred_at && *tip.transferred_at > *tip.deadline_at;
      // Delete first: on PostgreSQL a concurrent purge waits on the row and then deletes
      // nothing, so each tip is counted once. SQLite's secure_delete overwrites the pages.
      if (!repo::delete_tip(tx, tip.id)) continue;
      search::drop(tx, tip.unit_id);  // it holds the purged tip's text
      repo::insert_purged_count(tx, tip, overdue, now);
      ++report.purged;
    }
    // Uploads that never became a tip (the sender's connection broke, the server stopped).
    report.staged_swept = repo::sweep_staged(tx, now - 24 * 3600LL * 1000);
    audit_.record(tx, actor, "mailbox.purge", "tip", "",
                  boost::json::serialize(
                      boost::json::object{{"purged", report.purged}, {"staged_files_swept", report.staged_swept}}));
  });
  spdlog::info("mailbox purge: {} closed tip(s) past retention deleted, counts kept; {} unattached upload(s) swept",
               report.purged, report.staged_swept);
  return report;
}

std::map<std::string, int> Service::retention(const Actor& actor) const {
  if (!actor.system && !actor.is(Role::admin)) throw Error::forbidden("retention is for administrators");
  std::map<std::string, int> out;
  db_.read([&](db::Tx& tx) { out = repo::retention(tx); });
  return out;
}

void Service::set_retention(const Actor& actor, const std::string& kind, int days) const {
  if (!actor.system && !actor.is(Role::admin)) throw Error::forbidden("retention is for administrators");
  if (!kind_from(kind)) throw Error::field("kind", "unknown_value");
  if (days < 0 || days > 36500) throw Error::field("days", "invalid_format");
  db_.write([&](db::Tx& tx) {
    repo::set_retention(tx, kind, days);
    audit_.record(tx, actor, "mailbox.retention", "tip", kind,
                  boost::json::serialize(boost::json::object{{"kind", kind}, {"days", days}}));
  });
}

}  // namespace antq::mailbox
