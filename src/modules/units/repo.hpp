#pragma once
// The only place with SQL for units.
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "modules/units/model.hpp"
#include "platform/db/database.hpp"

namespace antq::units::repo {

// Inserts and sets the path from the parent's. Returns the new id.
std::int64_t insert(db::Tx& tx, const Unit& unit, const std::string& parent_path, std::int64_t now);
std::optional<Unit> get(db::Tx& tx, std::int64_t id);
std::optional<Unit> by_code(db::Tx& tx, const std::string& code);
std::optional<Unit> by_official_key(db::Tx& tx, const std::string& key);
std::vector<Unit> by_ids(db::Tx& tx, const std::vector<std::int64_t>& ids);
// Every unit whose path starts with `path`, ordered by path.
std::vector<Unit> subtree(db::Tx& tx, const std::string& path);
std::vector<Unit> children(db::Tx& tx, std::int64_t parent_id);
// Writes the scalar fields (not parent/path/depth).
void update_fields(db::Tx& tx, const Unit& unit, std::int64_t now);
// Moves a unit and its whole subtree under a new parent.
void move(db::Tx& tx, const Unit& unit, const Unit& new_parent, std::int64_t now);
void insert_history(db::Tx& tx, std::int64_t unit_id, const HistoryEvent& event, std::int64_t now);
std::vector<HistoryEvent> history(db::Tx& tx, std::int64_t unit_id);
// Records that `unit_id` went (wholly or in part) into `to.id`; nothing if already recorded.
void insert_successor(db::Tx& tx, std::int64_t unit_id, const MergeLink& to);
// The units merged into `unit_id`, by name.
std::vector<MergeLink> formed_from(db::Tx& tx, std::int64_t unit_id);
// Where `unit_id` went, the main successor first.
std::vector<MergeLink> successors(db::Tx& tx, std::int64_t unit_id);
// Every (unit, successor) pair whose successor lies in the subtree at `path`.
std::set<std::pair<std::int64_t, std::int64_t>> successor_pairs(db::Tx& tx, const std::string& path);
// The counter bumped by every write above (in the writer's transaction).
std::int64_t version(db::Tx& tx);

Page<Unit> list(db::Tx& tx, const std::string& scope_path, const ListFilter& filter, const std::string& today);

}  // namespace antq::units::repo
