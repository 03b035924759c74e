#pragma once
// The daily reminders (nhắc việc): what is due in each commune (extinguishers expired or
// expiring, fire-safety groups without a drill this year, a grading window open on a year
// not yet final, cameras whose owners must confirm their sharing again) becomes, for each
// staff member concerned, one digest a day on each channel the notification outbox offers
// (the log, the webhook; SMS when they chose it and have a mobile). Commune officers hear
// of everything in their commune; a village's team members of its fire-safety items. An
// item told to a user is recorded and never told them again (a new expiry is a new item).
#include <cstdint>
#include <string>
#include <vector>

#include "modules/cameras/service.hpp"
#include "modules/community/fire_groups.hpp"
#include "modules/community/teams.hpp"
#include "modules/notify/service.hpp"
#include "modules/units/service.hpp"
#include "platform/db/database.hpp"
#include "platform/i18n/catalog.hpp"
#include "platform/time/time.hpp"

namespace antq::reminders {

// One thing due. `village_id` is set for a village's fire-safety items (its team hears of them).
struct Item {
  std::string key;
  std::string kind;  // expired, expiring, no_drill, grading, reconfirm
  std::int64_t village_id = 0;
  std::string line_vi;
  std::string line_en;
};

struct RunResult {
  int communes = 0;
  int users = 0;          // users with something new
  int notifications = 0;  // queued
};

class Service {
 public:
  Service(db::Database& db, const units::Service& units, const community::FireGroups& fire,
          const community::Teams& teams, const cameras::Service& cameras, const notify::Service& notify,
          const time::Clock& clock);

  // What is due today in a commune, in a stable order.
  std::vector<Item> due(std::int64_t commune_id) const;
  // The daily job: tells every officer and team member what is new for them.
  RunResult run() const;

  // The digest's one line ("antq: 3 bình chữa cháy sắp hết hạn, … – xã Tân Trào"), at most
  // 134 characters: two SMS segments in UCS-2.
  static std::string summary(const std::vector<Item>& items, const std::string& commune, int year, i18n::Locale locale);

 private:
  db::Database& db_;
  const units::Service& units_;
  const community::FireGroups& fire_;
  const community::Teams& teams_;
  const cameras::Service& cameras_;
  const notify::Service& notify_;
  const time::Clock& clock_;
};

}  // namespace antq::reminders
