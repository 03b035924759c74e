#pragma once
// The SQL of what hangs on a model site (migration 0033): its board, teams and members,
// yearly assessments and activity log, on both databases. The regulation document is a
// community file (fire_repo) owned by `model_site`.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/community/models.hpp"
#include "platform/db/database.hpp"

namespace antq::community::model_parts_repo {

// Moves the site's version when it is still `version` (a change to what hangs on it).
bool bump_site(db::Tx& tx, std::int64_t site_id, std::int64_t version, std::int64_t now);

// Holds the site's row until the transaction ends: two changes to one site run in turn
// on PostgreSQL (SQLite writes one at a time anyway).
void lock_site(db::Tx& tx, std::int64_t site_id);

std::vector<BoardMember> board(db::Tx& tx, std::int64_t site_id);
void set_board(db::Tx& tx, std::int64_t site_id, const std::vector<BoardMember>& board);

// A site's teams by founding day, each with its members (leaders first, then by name).
std::vector<ModelTeam> teams(db::Tx& tx, std::int64_t site_id);
std::optional<ModelTeam> team(db::Tx& tx, std::int64_t team_id);  // without its members
std::int64_t insert_team(db::Tx& tx, const ModelTeam& t);
// Writes the team when the stored version is `t.version` and bumps it.
bool update_team(db::Tx& tx, const ModelTeam& t);
// Deletes the team and its members when the stored version is `version`.
bool delete_team(db::Tx& tx, std::int64_t team_id, std::int64_t version);
void set_members(db::Tx& tx, std::int64_t team_id, const std::vector<ModelTeamMember>& members);

std::vector<Assessment> assessments(db::Tx& tx, std::int64_t site_id);
void put_assessment(db::Tx& tx, std::int64_t site_id, const Assessment& a, std::optional<std::int64_t> by);

// Writes the activity only if the row is still as seen (absent, or at version `*seen`).
bool put_activity(db::Tx& tx, const ModelActivity& a, std::optional<std::int64_t> seen);
std::optional<ModelActivity> activity(db::Tx& tx, const std::string& id);
std::vector<ModelActivity> activities_of(db::Tx& tx, std::int64_t site_id, const std::string& from,
                                         const std::string& to);

// What a site recorded, which its dates must hold: the first and last day something
// happened (a team founded, a member joined, an activity held), and the last day one of
// its teams or members ended (an end may fall on the site's own end).
struct Span {
  std::optional<std::string> first;
  std::optional<std::string> last;
  std::optional<std::string> last_end;
};
Span span(db::Tx& tx, std::int64_t site_id);

}  // namespace antq::community::model_parts_repo
