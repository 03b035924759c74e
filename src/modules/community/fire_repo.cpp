#include "modules/community/fire_repo.hpp"

#include "modules/community/households_repo.hpp"
#include "platform/db/dialect_query.hpp"
#include "platform/db/params.hpp"
#include "platform/db/read.hpp"
#include "platform/db/top.hpp"
#include "platform/text/text.hpp"

namespace antq::community::fire_repo {
namespace {

#define GROUP_COLUMNS                                                                                        \
  "g.id, g.code, g.village_id, g.name, g.leader_household_id, g.founded_on, g.dissolved_on, g.size_reason, " \
  "g.last_drill_on, g.note, g.demo, g.version"

FireGroup group_from(db::Reader& r) {
  FireGroup g;
  g.id = r.i64();
  g.code = r.text();
  g.village_id = r.i64();
  g.name = r.text();
  g.leader_household_id = r.opt_i64();
  g.founded_on = r.opt_text();
  g.dissolved_on = r.opt_text();
  g.size_reason = r.text();
  g.last_drill_on = r.opt_text();
  g.note = r.text();
  g.demo = r.boolean();
  g.version = r.i64();
  return g;
}

#define EXTINGUISHER_COLUMNS                                                                             \
  "id, household_id, village_id, kind, kind_note, capacity_kg, count, manufactured_on, last_refill_on, " \
  "expires_on, retired_on, last_check_on, version"

Extinguisher extinguisher_from(db::Reader& r) {
  Extinguisher e;
  e.id = r.i64();
  e.household_id = r.i64();
  e.village_id = r.i64();
  e.kind = r.text();
  e.kind_note = r.text();
  e.capacity_kg = r.opt_real();
  e.count = r.integer();
  e.manufactured_on = r.opt_text();
  e.last_refill_on = r.opt_text();
  e.expires_on = r.text();
  e.retired_on = r.opt_text();
  e.last_check_on = r.opt_text();
  e.version = r.i64();
  return e;
}

HouseholdGear gear_from(db::Reader& r) {
  HouseholdGear g;
  g.household_id = r.i64();
  g.forcing_tools = r.text();
  g.forcing_tool_count = r.integer();
  g.bell = r.boolean();
  g.push_buttons = r.integer();
  g.interlinked = r.boolean();
  g.checked_on = r.opt_text();
  return g;
}

FirePoint point_from(db::Reader& r) {
  FirePoint p;
  p.id = r.i64();
  p.group_id = r.i64();
  p.name = r.text();
  p.lon = r.real();
  p.lat = r.real();
  p.equipment = r.text();
  p.note = r.text();
  return p;
}

std::string search_text(const FireGroup& g) { return text::fold(g.code + " " + g.name); }

// The extinguishers in service of the villages $1 expiring by $2 (and `bound`), the first
// $3 with their households: the page is cut before the join, as a commune has ~100.
std::string due_extinguishers_sql(db::Dialect d, std::string_view bound) {
  return "SELECT d.*, h.code, h.head_name, h.fire_group_id FROM (SELECT count(*) OVER () AS "
         "total, " EXTINGUISHER_COLUMNS " FROM fire_extinguishers WHERE " +
         db::in_ids(d, "village_id", "$1") + " AND retired_on IS NULL AND expires_on <= $2" + std::string(bound) +
         " ORDER BY expires_on, id LIMIT $3) d JOIN households h ON h.id = d.household_id ORDER BY d.expires_on, d.id";
}

}  // namespace

std::int64_t insert_group(db::Tx& tx, const FireGroup& g, std::int64_t now) {
  static constexpr db::Query q{
      "fire_groups.insert",
      "INSERT INTO fire_groups (code, village_id, name, leader_household_id, founded_on, dissolved_on, size_reason, "
      "last_drill_on, note, search_text, demo, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
      "$8, $9, $10, $11, 1, $12, $12) RETURNING id"};
  return db::scalar(tx, q, g.code, g.village_id, g.name, g.leader_household_id, g.founded_on, g.dissolved_on,
                    g.size_reason, g.last_drill_on, g.note, search_text(g), g.demo, now);
}

bool update_group(db::Tx& tx, const FireGroup& g, std::int64_t now) {
  static constexpr db::Query q{
      "fire_groups.update",
      "UPDATE fire_groups SET village_id = $3, name = $4, leader_household_id = $5, founded_on = $6, "
      "dissolved_on = $7, size_reason = $8, note = $9, search_text = $10, updated_at = $11, "
      "version = version + 1 WHERE id = $1 AND version = $2"};
  return tx.exec(q, g.id, g.version, g.village_id, g.name, g.leader_household_id, g.founded_on, g.dissolved_on,
                 g.size_reason, g.note, search_text(g), now) == 1;
}

std::optional<FireGroup> group(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"fire_groups.get", "SELECT " GROUP_COLUMNS " FROM fire_groups g WHERE g.id = $1"};
  return db::one(tx, q, group_from, id);
}

Page<ListedGroup> groups(db::Tx& tx, const std::string& village_ids, const GroupFilter& f) {
  db::Params params({village_ids});
  std::string from = " FROM fire_groups g WHERE " + db::in_ids(tx.dialect(), "g.village_id", "$1");
  if (!f.include_dissolved) from += " AND g.dissolved_on IS NULL";
  for (const auto& term : f.terms) {
    from += " AND g.search_text LIKE '%' || CAST(" + params.add(db::like_term(term)) + " AS TEXT) || '%'";
  }
  return db::page(tx, "fire_groups",
                  GROUP_COLUMNS
                  ", (SELECT count(*) FROM households h WHERE h.village_id = g.village_id AND h.fire_group_id = g.id)",
                  from, " ORDER BY g.code", std::move(params), f.page, f.page_size, [](db::Reader& r) {
                    auto g = group_from(r);
                    return ListedGroup{std::move(g), r.i64()};
                  });
}

std::vector<std::pair<std::int64_t, std::int64_t>> groups_of(db::Tx& tx, const std::vector<std::int64_t>& households) {
  static const db::DialectQuery q("households.groups_of", [](db::Dialect d) {
    return "SELECT id, fire_group_id FROM households WHERE fire_group_id IS NOT NULL AND " + db::in_ids(d, "id", "$1");
  });
  return db::all(
      tx, q.in(tx),
      [](db::Reader& r) {
        return std::pair<std::int64_t, std::int64_t>{r.i64(), r.i64()};
      },
      db::ids_json(households));
}

bool join_group(db::Tx& tx, std::int64_t household_id, const FireGroup& group, const std::string& since) {
  // The same rules as the check before it, again in the update: a household moved, gone or
  // withdrawn meanwhile (PostgreSQL, two requests at once) does not join.
  static constexpr db::Query q{
      "households.join_fire_group",
      "UPDATE households SET fire_group_id = $2, fire_group_since = $3, version = version + 1 WHERE id = $1 AND "
      "(fire_group_id IS NULL OR fire_group_id = $2) AND village_id = $4 AND consent_on IS NOT NULL AND "
      "(since_on IS NULL OR since_on <= $3) AND (left_on IS NULL OR left_on > $3)"};
  return tx.exec(q, household_id, group.id, since, group.village_id) == 1;
}

void leave_group(db::Tx& tx, std::int64_t household_id) {
  static constexpr db::Query q{"households.leave_fire_group",
                               "UPDATE households SET fire_group_id = NULL, fire_group_since = NULL WHERE id = $1"};
  tx.exec(q, household_id);
}

void quit_groups(db::Tx& tx, std::int64_t household_id, std::int64_t now) {
  static constexpr db::Query q{"fire_groups.drop_leader",
                               "UPDATE fire_groups SET leader_household_id = NULL, updated_at = $2, "
                               "version = version + 1 WHERE leader_household_id = $1"};
  leave_group(tx, household_id);
  tx.exec(q, household_id, now);
}

void lock_household(db::Tx& tx, std::int64_t household_id) {
  static constexpr db::Query q{"households.lock", "UPDATE households SET version = version WHERE id = $1"};
  tx.exec(q, household_id);
}

void move_extinguishers(db::Tx& tx, std::int64_t household_id, std::int64_t village_id) {
  static constexpr db::Query q{"fire_extinguishers.move",
                               "UPDATE fire_extinguishers SET village_id = $2 WHERE household_id = $1"};
  tx.exec(q, household_id, village_id);
}

std::int64_t insert_extinguisher(db::Tx& tx, const Extinguisher& e, std::int64_t now) {
  static constexpr db::Query q{
      "fire_extinguishers.insert",
      "INSERT INTO fire_extinguishers (household_id, village_id, kind, kind_note, capacity_kg, count, "
      "manufactured_on, last_refill_on, expires_on, retired_on, last_check_on, version, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12, $12) RETURNING id"};
  return db::scalar(tx, q, e.household_id, e.village_id, e.kind, e.kind_note, e.capacity_kg, e.count, e.manufactured_on,
                    e.last_refill_on, e.expires_on, e.retired_on, e.last_check_on, now);
}

bool update_extinguisher(db::Tx& tx, const Extinguisher& e, std::int64_t now) {
  static constexpr db::Query q{
      "fire_extinguishers.update",
      "UPDATE fire_extinguishers SET village_id = $3, kind = $4, kind_note = $5, capacity_kg = $6, count = $7, "
      "manufactured_on = $8, last_refill_on = $9, expires_on = $10, retired_on = $11, last_check_on = $12, "
      "updated_at = $13, version = version + 1 WHERE id = $1 AND version = $2"};
  return tx.exec(q, e.id, e.version, e.village_id, e.kind, e.kind_note, e.capacity_kg, e.count, e.manufactured_on,
                 e.last_refill_on, e.expires_on, e.retired_on, e.last_check_on, now) == 1;
}

std::optional<Extinguisher> extinguisher(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"fire_extinguishers.get",
                               "SELECT " EXTINGUISHER_COLUMNS " FROM fire_extinguishers WHERE id = $1"};
  return db::one(tx, q, extinguisher_from, id);
}

std::vector<Extinguisher> extinguishers_of(db::Tx& tx, const std::vector<std::int64_t>& households) {
  static const db::DialectQuery q("fire_extinguishers.of", [](db::Dialect d) {
    return "SELECT " EXTINGUISHER_COLUMNS " FROM fire_extinguishers WHERE " + db::in_ids(d, "household_id", "$1") +
           " ORDER BY household_id, expires_on, id";
  });
  return db::all(tx, q.in(tx), extinguisher_from, db::ids_json(households));
}

void refresh_extinguisher_count(db::Tx& tx, std::int64_t household_id) {
  static constexpr db::Query q{
      "households.refresh_extinguishers",
      "UPDATE households SET extinguishers = (SELECT coalesce(sum(e.count), 0) FROM fire_extinguishers e "
      "WHERE e.household_id = $1 AND e.retired_on IS NULL) WHERE id = $1"};
  tx.exec(q, household_id);
}

Page<DueExtinguisher> extinguishers_due(db::Tx& tx, const std::string& village_ids,
                                        const std::optional<std::string>& from, const std::string& to, int limit) {
  static const db::DialectQuery expired("fire_extinguishers.expired",
                                        [](db::Dialect d) { return due_extinguishers_sql(d, ""); });
  static const db::DialectQuery expiring(
      "fire_extinguishers.expiring", [](db::Dialect d) { return due_extinguishers_sql(d, " AND expires_on >= $4"); });
  auto read = [](db::Reader& r) {
    auto e = extinguisher_from(r);
    auto code = r.text();
    auto head = r.text();
    return DueExtinguisher{std::move(e), std::move(code), std::move(head), r.opt_i64()};
  };
  if (from) return db::top(tx, expiring.in(tx), read, village_ids, to, limit, *from);
  return db::top(tx, expired.in(tx), read, village_ids, to, limit);
}

Page<FireGroup> groups_without_drill(db::Tx& tx, const std::string& village_ids, const std::string& since, int limit) {
  static const db::DialectQuery q("fire_groups.without_drill", [](db::Dialect d) {
    return "SELECT count(*) OVER (), " GROUP_COLUMNS " FROM fire_groups g WHERE " +
           db::in_ids(d, "g.village_id", "$1") +
           " AND g.dissolved_on IS NULL AND (g.last_drill_on IS NULL OR g.last_drill_on < $2) ORDER BY g.code LIMIT $3";
  });
  return db::top(tx, q.in(tx), group_from, village_ids, since, limit);
}

Page<BareHouse> houses_without_extinguisher(db::Tx& tx, const std::string& village_ids, const std::string& day,
                                            int limit) {
  static const db::DialectQuery q("households.without_extinguisher", [](db::Dialect d) {
    return "SELECT count(*) OVER (), h.id, h.code, h.head_name, h.village_id, h.fire_group_id FROM households h "
           "WHERE " +
           db::in_ids(d, "h.village_id", "$1") + " AND h.fire_group_id IS NOT NULL AND h.extinguishers = 0 AND " +
           households_repo::present_sql("$2") + " ORDER BY h.code LIMIT $3";
  });
  return db::top(
      tx, q.in(tx),
      [](db::Reader& r) {
        BareHouse b;
        b.household_id = r.i64();
        b.code = r.text();
        b.head_name = r.text();
        b.village_id = r.i64();
        b.group_id = r.i64();
        return b;
      },
      village_ids, day, limit);
}

std::vector<VillageCoverage> coverage(db::Tx& tx, const std::string& village_ids, const std::string& day) {
  static const db::DialectQuery q("households.fire_coverage", [](db::Dialect d) {
    return "SELECT h.village_id, count(*), count(h.fire_group_id) FROM households h WHERE " +
           db::in_ids(d, "h.village_id", "$1") + " AND " + households_repo::present_sql("$2") +
           " GROUP BY h.village_id ORDER BY h.village_id";
  });
  return db::all(
      tx, q.in(tx),
      [](db::Reader& r) {
        return VillageCoverage{r.i64(), r.i64(), r.i64()};
      },
      village_ids, day);
}

void put_gear(db::Tx& tx, const HouseholdGear& g, std::int64_t now) {
  static constexpr db::Query q{
      "fire_household_gear.put",
      "INSERT INTO fire_household_gear (household_id, forcing_tools, forcing_tool_count, bell, push_buttons, "
      "interlinked, checked_on, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (household_id) DO "
      "UPDATE SET forcing_tools = excluded.forcing_tools, forcing_tool_count = excluded.forcing_tool_count, "
      "bell = excluded.bell, push_buttons = excluded.push_buttons, interlinked = excluded.interlinked, "
      "checked_on = excluded.checked_on, updated_at = excluded.updated_at"};
  tx.exec(q, g.household_id, g.forcing_tools, g.forcing_tool_count, g.bell, g.push_buttons, g.interlinked, g.checked_on,
          now);
}

std::vector<HouseholdGear> gear_of(db::Tx& tx, const std::vector<std::int64_t>& households) {
  static const db::DialectQuery q("fire_household_gear.of", [](db::Dialect d) {
    return "SELECT household_id, forcing_tools, forcing_tool_count, bell, push_buttons, interlinked, checked_on "
           "FROM fire_household_gear WHERE " +
           db::in_ids(d, "household_id", "$1") + " ORDER BY household_id";
  });
  return db::all(tx, q.in(tx), gear_from, db::ids_json(households));
}

namespace {

#define DRILL_COLUMNS                                                                                \
  "id, group_id, held_on, scenario, participants, observers, evaluation, evaluation_note, version, " \
  "content_hash, recorded_by, device_at, received_at"

Drill drill_from(db::Reader& r) {
  Drill d;
  d.id = r.text();
  d.group_id = r.i64();
  d.held_on = r.text();
  d.scenario = r.text();
  d.participants = r.integer();
  d.observers = r.text();
  d.evaluation = r.text();
  d.evaluation_note = r.text();
  d.version = r.i64();
  d.content_hash = r.text();
  d.recorded_by = r.opt_i64();
  d.device_at = r.opt_i64();
  d.received_at = r.i64();
  return d;
}

}  // namespace

bool put_drill(db::Tx& tx, const Drill& d, std::optional<std::int64_t> seen) {
  static constexpr db::Query insert{
      "fire_drills.insert",
      "INSERT INTO fire_drills (" DRILL_COLUMNS
      ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (id) DO NOTHING"};
  static constexpr db::Query update{
      "fire_drills.update",
      "UPDATE fire_drills SET held_on = $3, scenario = $4, participants = $5, observers = $6, evaluation = $7, "
      "evaluation_note = $8, version = $9, content_hash = $10, recorded_by = $11, device_at = $12, received_at = $13 "
      "WHERE id = $1 AND group_id = $2 AND version = $14"};
  auto written =
      seen ? tx.exec(update, d.id, d.group_id, d.held_on, d.scenario, d.participants, d.observers, d.evaluation,
                     d.evaluation_note, d.version, d.content_hash, d.recorded_by, d.device_at, d.received_at, *seen)
           : tx.exec(insert, d.id, d.group_id, d.held_on, d.scenario, d.participants, d.observers, d.evaluation,
                     d.evaluation_note, d.version, d.content_hash, d.recorded_by, d.device_at, d.received_at);
  if (written != 1) return false;
  static constexpr db::Query last{
      "fire_groups.last_drill",
      "UPDATE fire_groups SET last_drill_on = (SELECT max(held_on) FROM fire_drills WHERE group_id = $1) "
      "WHERE id = $1"};
  tx.exec(last, d.group_id);
  return true;
}

#define CHECK_COLUMNS                                                                                      \
  "c.id, c.extinguisher_id, c.checked_on, c.result, c.new_expires_on, c.note, c.version, c.content_hash, " \
  "c.recorded_by, c.device_at, c.received_at"

namespace {

ExtinguisherCheck check_from(db::Reader& r) {
  ExtinguisherCheck c;
  c.id = r.text();
  c.extinguisher_id = r.i64();
  c.checked_on = r.text();
  c.result = r.text();
  c.new_expires_on = r.opt_text();
  c.note = r.text();
  c.version = r.i64();
  c.content_hash = r.text();
  c.recorded_by = r.opt_i64();
  c.device_at = r.opt_i64();
  c.received_at = r.i64();
  return c;
}

}  // namespace

bool put_check(db::Tx& tx, const ExtinguisherCheck& c, std::optional<std::int64_t> seen) {
  static constexpr db::Query insert{
      "fire_extinguisher_checks.insert",
      "INSERT INTO fire_extinguisher_checks (id, extinguisher_id, checked_on, result, new_expires_on, note, "
      "version, content_hash, recorded_by, device_at, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
      "$10, $11) ON CONFLICT (id) DO NOTHING"};
  static constexpr db::Query update{
      "fire_extinguisher_checks.update",
      "UPDATE fire_extinguisher_checks SET checked_on = $3, result = $4, new_expires_on = $5, note = $6, "
      "version = $7, content_hash = $8, recorded_by = $9, device_at = $10, received_at = $11 "
      "WHERE id = $1 AND extinguisher_id = $2 AND version = $12"};
  auto written = seen ? tx.exec(update, c.id, c.extinguisher_id, c.checked_on, c.result, c.new_expires_on, c.note,
                                c.version, c.content_hash, c.recorded_by, c.device_at, c.received_at, *seen)
                      : tx.exec(insert, c.id, c.extinguisher_id, c.checked_on, c.result, c.new_expires_on, c.note,
                                c.version, c.content_hash, c.recorded_by, c.device_at, c.received_at);
  if (written != 1) return false;
  static constexpr db::Query last{
      "fire_extinguishers.last_check",
      "UPDATE fire_extinguishers SET last_check_on = "
      "(SELECT max(checked_on) FROM fire_extinguisher_checks WHERE extinguisher_id = $1) WHERE id = $1"};
  tx.exec(last, c.extinguisher_id);
  return true;
}

std::optional<ExtinguisherCheck> check(db::Tx& tx, const std::string& id) {
  static constexpr db::Query q{"fire_extinguisher_checks.get",
                               "SELECT " CHECK_COLUMNS " FROM fire_extinguisher_checks c WHERE c.id = $1"};
  return db::one(tx, q, check_from, id);
}

std::vector<ExtinguisherCheck> checks_of(db::Tx& tx, std::int64_t extinguisher_id) {
  static constexpr db::Query q{"fire_extinguisher_checks.of",
                               "SELECT " CHECK_COLUMNS
                               " FROM fire_extinguisher_checks c WHERE c.extinguisher_id = $1 "
                               "ORDER BY c.checked_on DESC, c.received_at DESC, c.id"};
  return db::all(tx, q, check_from, extinguisher_id);
}

std::vector<ExtinguisherCheck> checks_in(db::Tx& tx, const std::string& village_ids, const std::string& from) {
  static const db::DialectQuery q("fire_extinguisher_checks.in", [](db::Dialect d) {
    return "SELECT " CHECK_COLUMNS
           " FROM fire_extinguisher_checks c JOIN fire_extinguishers e ON "
           "e.id = c.extinguisher_id WHERE " +
           db::in_ids(d, "e.village_id", "$1") +
           " AND c.checked_on >= $2 ORDER BY c.checked_on DESC, c.received_at DESC, c.id";
  });
  return db::all(tx, q.in(tx), check_from, village_ids, from);
}

std::optional<std::string> last_refill_check(db::Tx& tx, std::int64_t extinguisher_id) {
  static constexpr db::Query q{"fire_extinguisher_checks.last_refill",
                               "SELECT max(checked_on) FROM fire_extinguisher_checks WHERE extinguisher_id = $1 "
                               "AND result IN ('refilled', 'replaced')"};
  return db::one(
             tx, q, [](db::Reader& r) { return r.opt_text(); }, extinguisher_id)
      .value_or(std::nullopt);
}

void lock_drill(db::Tx& tx, const std::string& id) {
  static constexpr db::Query q{"fire_drills.lock", "UPDATE fire_drills SET version = version WHERE id = $1"};
  tx.exec(q, id);
}

std::optional<Drill> drill(db::Tx& tx, const std::string& id) {
  static constexpr db::Query q{"fire_drills.get", "SELECT " DRILL_COLUMNS " FROM fire_drills WHERE id = $1"};
  return db::one(tx, q, drill_from, id);
}

std::vector<Drill> drills_of(db::Tx& tx, std::int64_t group_id) {
  static constexpr db::Query q{
      "fire_drills.of", "SELECT " DRILL_COLUMNS " FROM fire_drills WHERE group_id = $1 ORDER BY held_on DESC, id"};
  return db::all(tx, q, drill_from, group_id);
}

std::vector<Drill> drills_in(db::Tx& tx, const std::string& group_ids, const std::string& from) {
  static const db::DialectQuery q("fire_drills.in", [](db::Dialect d) {
    return "SELECT " DRILL_COLUMNS " FROM fire_drills WHERE " + db::in_ids(d, "group_id", "$1") +
           " AND held_on >= $2 ORDER BY held_on DESC, id";
  });
  return db::all(tx, q.in(tx), drill_from, group_ids, from);
}

std::int64_t insert_incident(db::Tx& tx, const Incident& i, std::optional<std::int64_t> by, std::int64_t now) {
  static constexpr db::Query q{
      "fire_incidents.insert",
      "INSERT INTO fire_incidents (group_id, occurred_at, place, kind, description, damage, response, recorded_by, "
      "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id"};
  return db::scalar(tx, q, i.group_id, i.occurred_at, i.place, i.kind, i.description, i.damage, i.response, by, now);
}

std::vector<Incident> incidents_of(db::Tx& tx, std::int64_t group_id) {
  static constexpr db::Query q{"fire_incidents.of",
                               "SELECT id, group_id, occurred_at, place, kind, description, damage, response FROM "
                               "fire_incidents WHERE group_id = $1 ORDER BY occurred_at DESC, id DESC"};
  return db::all(
      tx, q,
      [](db::Reader& r) {
        Incident i;
        i.id = r.i64();
        i.group_id = r.i64();
        i.occurred_at = r.i64();
        i.place = r.text();
        i.kind = r.text();
        i.description = r.text();
        i.damage = r.text();
        i.response = r.text();
        return i;
      },
      group_id);
}

namespace {

CommunityFile file_from(db::Reader& r) {
  CommunityFile f;
  f.id = r.i64();
  f.owner_kind = r.text();
  f.owner_id = r.text();
  f.kind = r.text();
  f.name = r.text();
  f.mime = r.text();
  f.size = r.i64();
  f.sha256 = r.text();
  return f;
}

#define FILE_COLUMNS "id, owner_kind, owner_id, kind, name, mime, size, sha256"

}  // namespace

std::int64_t insert_file(db::Tx& tx, const CommunityFile& f, const std::string& bytes, std::optional<std::int64_t> by,
                         std::int64_t now) {
  static constexpr db::Query q{
      "community_files.insert",
      "INSERT INTO community_files (owner_kind, owner_id, kind, name, mime, bytes, size, sha256, uploaded_by, "
      "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id"};
  return db::scalar(tx, q, f.owner_kind, f.owner_id, f.kind, f.name, f.mime, db::Blob{bytes},
                    static_cast<std::int64_t>(bytes.size()), f.sha256, by, now);
}

std::vector<CommunityFile> files_of(db::Tx& tx, const std::string& owner_kind, const std::string& owner_id) {
  static constexpr db::Query q{"community_files.of", "SELECT " FILE_COLUMNS
                                                     " FROM community_files WHERE owner_kind = $1 AND owner_id = $2 "
                                                     "ORDER BY id"};
  return db::all(tx, q, file_from, owner_kind, owner_id);
}

void delete_files(db::Tx& tx, const std::string& owner_kind, const std::string& owner_id) {
  static constexpr db::Query q{"community_files.delete_of",
                               "DELETE FROM community_files WHERE owner_kind = $1 AND owner_id = $2"};
  tx.exec(q, owner_kind, owner_id);
}

std::optional<CommunityFile> file(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"community_files.get", "SELECT " FILE_COLUMNS " FROM community_files WHERE id = $1"};
  return db::one(tx, q, file_from, id);
}

std::string file_bytes(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"community_files.bytes", "SELECT bytes FROM community_files WHERE id = $1", true};
  auto bytes = db::one(
      tx, q, [](db::Reader& r) { return r.blob(); }, id);
  return bytes.value_or("");
}

std::int64_t insert_point(db::Tx& tx, const FirePoint& p, std::int64_t now) {
  static constexpr db::Query q{
      "fire_points.insert",
      "INSERT INTO fire_points (group_id, name, lon, lat, equipment, note, created_at, updated_at) VALUES ($1, $2, "
      "$3, $4, $5, $6, $7, $7) RETURNING id"};
  return db::scalar(tx, q, p.group_id, p.name, p.lon, p.lat, p.equipment, p.note, now);
}

void update_point(db::Tx& tx, const FirePoint& p, std::int64_t now) {
  static constexpr db::Query q{
      "fire_points.update",
      "UPDATE fire_points SET name = $2, lon = $3, lat = $4, equipment = $5, note = $6, updated_at = $7 WHERE id = $1"};
  tx.exec(q, p.id, p.name, p.lon, p.lat, p.equipment, p.note, now);
}

void delete_point(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"fire_points.delete", "DELETE FROM fire_points WHERE id = $1"};
  tx.exec(q, id);
}

std::optional<FirePoint> point(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"fire_points.get",
                               "SELECT id, group_id, name, lon, lat, equipment, note FROM fire_points WHERE id = $1"};
  return db::one(tx, q, point_from, id);
}

std::vector<FirePoint> points_of(db::Tx& tx, std::int64_t group_id) {
  static constexpr db::Query q{
      "fire_points.of",
      "SELECT id, group_id, name, lon, lat, equipment, note FROM fire_points WHERE group_id = $1 ORDER BY id"};
  return db::all(tx, q, point_from, group_id);
}

}  // namespace antq::community::fire_repo
