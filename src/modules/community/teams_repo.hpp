#pragma once
// The SQL of village security teams, their villages, members and patrols (migration
// 0031), on both databases. Villages are passed as one id list, `ids_json`.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/community/teams.hpp"
#include "platform/db/database.hpp"
#include "platform/page.hpp"

namespace antq::community::teams_repo {

std::int64_t insert_team(db::Tx& tx, const SecurityTeam& t, std::int64_t now);
// Writes the team's fields when the stored version is `t.version` and bumps it.
bool update_team(db::Tx& tx, const SecurityTeam& t, std::int64_t now);
std::optional<SecurityTeam> team(db::Tx& tx, std::int64_t id);
std::vector<std::int64_t> village_ids(db::Tx& tx, std::int64_t team_id);
void set_villages(db::Tx& tx, std::int64_t team_id, const std::vector<std::int64_t>& village_ids);

struct TeamFilter {
  std::vector<std::string> terms;  // folded words of the code or the name
  bool include_dissolved = false;
  int page = 1;
  int page_size = 50;
};
// The teams with a village among these, by code.
Page<SecurityTeam> teams(db::Tx& tx, const std::string& village_ids, const TeamFilter& filter);

// A member with the sealed columns the service needs.
struct StoredMember {
  TeamMember member;
  std::optional<std::string> phone_sealed;
  std::optional<std::string> phone_lookup;
  std::string person_lookup;
};
std::int64_t insert_member(db::Tx& tx, const StoredMember& m, std::int64_t now);
bool update_member(db::Tx& tx, const StoredMember& m, std::int64_t now);
std::optional<StoredMember> member(db::Tx& tx, std::int64_t id);
std::vector<TeamMember> members_of(db::Tx& tx, std::int64_t team_id);
// Every membership of a person (by their keyed hash), in any team.
std::vector<TeamMember> memberships(db::Tx& tx, const std::string& person_lookup);
// Members present on `day`: joined by then, not yet left.
std::int64_t members_on(db::Tx& tx, std::int64_t team_id, const std::string& day);
// Holds the team's row until the transaction ends (its members are checked under it).
void lock_team(db::Tx& tx, std::int64_t team_id);
// Holds a person (their keyed hash) until the transaction ends, whichever team is written:
// "one team at a time" is checked under it (PostgreSQL; SQLite writes one at a time).
void lock_person(db::Tx& tx, const std::string& person_lookup);

// The first and last days a team's records fall on, to keep its dates around them (the
// patrol days count its meetings too).
struct TeamSpan {
  std::optional<std::string> first_joined;
  std::optional<std::string> last_joined;
  std::optional<std::string> first_patrol;
  std::optional<std::string> last_patrol;
};
TeamSpan span(db::Tx& tx, std::int64_t team_id);
// The first and last patrol a member took part in.
using PatrolSpan = std::pair<std::optional<std::string>, std::optional<std::string>>;
PatrolSpan member_patrols(db::Tx& tx, std::int64_t member_id);
// Ends the memberships still open on `day` (a team dissolved that day); their count.
std::int64_t end_memberships(db::Tx& tx, std::int64_t team_id, const std::string& day, std::int64_t now);

// Writes a patrol and its members if it is still as the caller saw it (absent, or at
// version `*seen`); false when another write came first.
bool put_patrol(db::Tx& tx, const Patrol& p, std::optional<std::int64_t> seen);
std::optional<Patrol> patrol(db::Tx& tx, const std::string& id);
std::vector<Patrol> patrols_of(db::Tx& tx, std::int64_t team_id, const std::string& from, const std::string& to);

// Meetings, by the offline rule as patrols.
bool put_meeting(db::Tx& tx, const Meeting& m, std::optional<std::int64_t> seen);
std::optional<Meeting> meeting(db::Tx& tx, const std::string& id);
std::vector<Meeting> meetings_of(db::Tx& tx, std::int64_t team_id, const std::string& from, const std::string& to);

// Grading (migration 0032). Every member of the commune's teams, with their team.
struct MemberOfTeam {
  TeamMember member;
  SecurityTeam team;
};
std::vector<MemberOfTeam> commune_members(db::Tx& tx, std::int64_t commune_id);
struct Grade {
  std::string grade;
  std::string note;
};
std::map<std::int64_t, Grade> grades(db::Tx& tx, std::int64_t commune_id, int year);
void put_grade(db::Tx& tx, std::int64_t member_id, int year, std::int64_t team_id, const Grade& grade,
               std::optional<std::int64_t> by, std::int64_t now);
void delete_grade(db::Tx& tx, std::int64_t member_id, int year);
struct GradingState {
  std::string status;
  std::string reopen_reason;
  std::int64_t version = 0;
};
std::optional<GradingState> grading_state(db::Tx& tx, std::int64_t commune_id, int year);
// A grade changed: the year's row exists (a draft) and its version moves on.
// The years of a commune's grading that are final.
std::vector<int> final_grading_years(db::Tx& tx, std::int64_t commune_id);
// Moves the version of the commune's draft gradings: a team or member changed under them.
void bump_gradings(db::Tx& tx, std::int64_t commune_id);
void touch_grading(db::Tx& tx, std::int64_t commune_id, int year);
// Sets the year's status when its version is still `version`; false otherwise.
bool set_grading_status(db::Tx& tx, std::int64_t commune_id, int year, const std::string& status,
                        const std::string& reason, std::int64_t version, std::optional<std::int64_t> by,
                        std::int64_t now);

}  // namespace antq::community::teams_repo
