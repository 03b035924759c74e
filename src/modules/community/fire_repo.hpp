#pragma once
// The SQL of fire-safety groups, their members, extinguishers, gear and points (migration
// 0028), on both databases. Villages are passed as one id list, `ids_json`.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/community/model.hpp"
#include "platform/db/database.hpp"
#include "platform/page.hpp"

namespace antq::community::fire_repo {

std::int64_t insert_group(db::Tx& tx, const FireGroup& g, std::int64_t now);
// Writes the group's fields (its last drill is the drills') when the stored version is
// `g.version` and bumps it; false otherwise.
bool update_group(db::Tx& tx, const FireGroup& g, std::int64_t now);
std::optional<FireGroup> group(db::Tx& tx, std::int64_t id);

struct ListedGroup {
  FireGroup group;
  std::int64_t members = 0;
};
struct GroupFilter {
  std::vector<std::string> terms;  // folded words of the code or the name
  bool include_dissolved = false;
  int page = 1;
  int page_size = 50;
};
Page<ListedGroup> groups(db::Tx& tx, const std::string& village_ids, const GroupFilter& filter);

// (household, its group) for these households that are in a group.
std::vector<std::pair<std::int64_t, std::int64_t>> groups_of(db::Tx& tx, const std::vector<std::int64_t>& households);
// Puts a household in a group since a day and moves its version, unless it is in another
// one, in another village, not there that day or without its consent: false then (two
// groups taking the same household at once: the second finds it taken).
bool join_group(db::Tx& tx, std::int64_t household_id, const FireGroup& group, const std::string& since);
// Takes a household out of its group.
void leave_group(db::Tx& tx, std::int64_t household_id);
// The household no longer takes part (its consent withdrawn, or it left the village): out
// of its group, and no longer any group's leader.
void quit_groups(db::Tx& tx, std::int64_t household_id, std::int64_t now);
// Holds the household's row until the transaction ends (PostgreSQL; SQLite's writer
// holds the whole database), so that counts over its rows are not raced.
void lock_household(db::Tx& tx, std::int64_t household_id);
// The household moved to another village: its extinguishers follow.
void move_extinguishers(db::Tx& tx, std::int64_t household_id, std::int64_t village_id);

std::int64_t insert_extinguisher(db::Tx& tx, const Extinguisher& e, std::int64_t now);
bool update_extinguisher(db::Tx& tx, const Extinguisher& e, std::int64_t now);
std::optional<Extinguisher> extinguisher(db::Tx& tx, std::int64_t id);
// Every extinguisher of these households (retired ones too), by household and expiry.
std::vector<Extinguisher> extinguishers_of(db::Tx& tx, const std::vector<std::int64_t>& households);
// Sets households.extinguishers to the count of the house's extinguishers in service.
void refresh_extinguisher_count(db::Tx& tx, std::int64_t household_id);

// The due lists of these villages (all read the index of their own table, no units):
// extinguishers in service expiring within [from, to] (from unset: any time before `to`),
// groups in being whose last drill was before `since` (or none), and member houses with no
// extinguisher in service; each a count and the first `limit`.
Page<DueExtinguisher> extinguishers_due(db::Tx& tx, const std::string& village_ids,
                                        const std::optional<std::string>& from, const std::string& to, int limit);
Page<FireGroup> groups_without_drill(db::Tx& tx, const std::string& village_ids, const std::string& since, int limit);
Page<BareHouse> houses_without_extinguisher(db::Tx& tx, const std::string& village_ids, const std::string& day,
                                            int limit);

// Per village with households present on `day`: their number and how many are in a group.
std::vector<VillageCoverage> coverage(db::Tx& tx, const std::string& village_ids, const std::string& day);

void put_gear(db::Tx& tx, const HouseholdGear& gear, std::int64_t now);
std::vector<HouseholdGear> gear_of(db::Tx& tx, const std::vector<std::int64_t>& households);

// Writes a drill if it is still as the caller saw it: absent (`seen` unset) or at version
// `*seen`, then keeps the group's last_drill_on (its latest drill) without changing the
// group's version. False when another write came first: nothing is written.
bool put_drill(db::Tx& tx, const Drill& d, std::optional<std::int64_t> seen);
std::optional<Drill> drill(db::Tx& tx, const std::string& id);
// Holds the drill's row until the transaction ends (its photos are counted under it).
void lock_drill(db::Tx& tx, const std::string& id);
// A group's drills, newest first.
std::vector<Drill> drills_of(db::Tx& tx, std::int64_t group_id);
/// The drills of these groups (a JSON array of ids) held on or after `from`, newest first.
std::vector<Drill> drills_in(db::Tx& tx, const std::string& group_ids, const std::string& from);

// Extinguisher checks (migration 0036), by the offline rule as drills: written if still as
// the caller saw it (absent, or at version `*seen`), then the extinguisher's last check is
// the latest of its checks (its version unchanged). False when another write came first.
bool put_check(db::Tx& tx, const ExtinguisherCheck& c, std::optional<std::int64_t> seen);
std::optional<ExtinguisherCheck> check(db::Tx& tx, const std::string& id);
// An extinguisher's checks, newest first.
std::vector<ExtinguisherCheck> checks_of(db::Tx& tx, std::int64_t extinguisher_id);
// The checks since `from` of the extinguishers of these villages, newest first.
std::vector<ExtinguisherCheck> checks_in(db::Tx& tx, const std::string& village_ids, const std::string& from);
// The day of the extinguisher's latest refill or replacement among its checks, if any.
std::optional<std::string> last_refill_check(db::Tx& tx, std::int64_t extinguisher_id);

std::int64_t insert_incident(db::Tx& tx, const Incident& i, std::optional<std::int64_t> by, std::int64_t now);
// A group's incidents, newest first.
std::vector<Incident> incidents_of(db::Tx& tx, std::int64_t group_id);

std::int64_t insert_file(db::Tx& tx, const CommunityFile& f, const std::string& bytes, std::optional<std::int64_t> by,
                         std::int64_t now);
std::vector<CommunityFile> files_of(db::Tx& tx, const std::string& owner_kind, const std::string& owner_id);
void delete_files(db::Tx& tx, const std::string& owner_kind, const std::string& owner_id);
std::optional<CommunityFile> file(db::Tx& tx, std::int64_t id);
std::string file_bytes(db::Tx& tx, std::int64_t id);

std::int64_t insert_point(db::Tx& tx, const FirePoint& p, std::int64_t now);
void update_point(db::Tx& tx, const FirePoint& p, std::int64_t now);
void delete_point(db::Tx& tx, std::int64_t id);
std::optional<FirePoint> point(db::Tx& tx, std::int64_t id);
std::vector<FirePoint> points_of(db::Tx& tx, std::int64_t group_id);

}  // namespace antq::community::fire_repo
