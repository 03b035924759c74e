#include "modules/community/model_parts_repo.hpp"

#include <map>
#include <utility>

#include "platform/db/read.hpp"

namespace antq::community::model_parts_repo {
namespace {

#define TEAM_COLUMNS "id, site_id, name, founded_on, ended_on, version"

ModelTeam team_from(db::Reader& r) {
  ModelTeam t;
  t.id = r.i64();
  t.site_id = r.i64();
  t.name = r.text();
  t.founded_on = r.text();
  t.ended_on = r.opt_text();
  t.version = r.i64();
  return t;
}

#define ACTIVITY_COLUMNS \
  "id, site_id, held_on, kind, participants, content, version, content_hash, recorded_by, device_at, received_at"

ModelActivity activity_from(db::Reader& r) {
  ModelActivity a;
  a.id = r.text();
  a.site_id = r.i64();
  a.held_on = r.text();
  a.kind = r.text();
  a.participants = static_cast<int>(r.i64());
  a.content = r.text();
  a.version = r.i64();
  a.content_hash = r.text();
  a.recorded_by = r.opt_i64();
  a.device_at = r.opt_i64();
  a.received_at = r.i64();
  return a;
}

}  // namespace

bool bump_site(db::Tx& tx, std::int64_t site_id, std::int64_t version, std::int64_t now) {
  static constexpr db::Query q{
      "model_sites.bump",
      "UPDATE model_sites SET version = version + 1, updated_at = $3 WHERE id = $1 AND version = $2"};
  return tx.exec(q, site_id, version, now) == 1;
}

void lock_site(db::Tx& tx, std::int64_t site_id) {
  static constexpr db::Query q{"model_sites.lock", "UPDATE model_sites SET version = version WHERE id = $1"};
  tx.exec(q, site_id);
}

std::vector<BoardMember> board(db::Tx& tx, std::int64_t site_id) {
  static constexpr db::Query q{"model_site_board.of",
                               "SELECT id, full_name, title, role FROM model_site_board WHERE site_id = $1 "
                               "ORDER BY sort, id"};
  return db::all(
      tx, q,
      [](db::Reader& r) {
        BoardMember m;
        m.id = r.i64();
        m.full_name = r.text();
        m.title = r.text();
        m.role = r.text();
        return m;
      },
      site_id);
}

void set_board(db::Tx& tx, std::int64_t site_id, const std::vector<BoardMember>& board) {
  static constexpr db::Query clear{"model_site_board.clear", "DELETE FROM model_site_board WHERE site_id = $1"};
  static constexpr db::Query add{"model_site_board.add",
                                 "INSERT INTO model_site_board (site_id, full_name, title, role, sort) "
                                 "VALUES ($1, $2, $3, $4, $5)"};
  tx.exec(clear, site_id);
  std::int64_t sort = 0;
  for (const auto& m : board) tx.exec(add, site_id, m.full_name, m.title, m.role, ++sort);
}

std::vector<ModelTeam> teams(db::Tx& tx, std::int64_t site_id) {
  static constexpr db::Query q{"model_teams.of",
                               "SELECT " TEAM_COLUMNS " FROM model_teams WHERE site_id = $1 ORDER BY founded_on, id"};
  static constexpr db::Query members{
      "model_team_members.of_site",
      "SELECT m.team_id, m.id, m.full_name, m.role, m.joined_on, m.left_on FROM model_team_members m "
      "JOIN model_teams t ON t.id = m.team_id WHERE t.site_id = $1 "
      "ORDER BY CASE m.role WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END, m.full_name, m.id"};
  auto out = db::all(tx, q, team_from, site_id);
  std::map<std::int64_t, ModelTeam*> by_id;
  for (auto& t : out) by_id[t.id] = &t;
  auto rows = db::all(
      tx, members,
      [](db::Reader& r) {
        auto team_id = r.i64();
        ModelTeamMember m;
        m.id = r.i64();
        m.full_name = r.text();
        m.role = r.text();
        m.joined_on = r.text();
        m.left_on = r.opt_text();
        return std::pair(team_id, std::move(m));
      },
      site_id);
  for (auto& row : rows) {
    if (auto it = by_id.find(row.first); it != by_id.end()) it->second->members.push_back(std::move(row.second));
  }
  return out;
}

std::optional<ModelTeam> team(db::Tx& tx, std::int64_t team_id) {
  static constexpr db::Query q{"model_teams.get", "SELECT " TEAM_COLUMNS " FROM model_teams WHERE id = $1"};
  return db::one(tx, q, team_from, team_id);
}

std::int64_t insert_team(db::Tx& tx, const ModelTeam& t) {
  static constexpr db::Query q{"model_teams.insert",
                               "INSERT INTO model_teams (site_id, name, founded_on, ended_on, version) "
                               "VALUES ($1, $2, $3, $4, 1) RETURNING id"};
  return db::scalar(tx, q, t.site_id, t.name, t.founded_on, t.ended_on);
}

bool update_team(db::Tx& tx, const ModelTeam& t) {
  static constexpr db::Query q{"model_teams.update",
                               "UPDATE model_teams SET name = $3, founded_on = $4, ended_on = $5, "
                               "version = version + 1 WHERE id = $1 AND version = $2"};
  return tx.exec(q, t.id, t.version, t.name, t.founded_on, t.ended_on) == 1;
}

bool delete_team(db::Tx& tx, std::int64_t team_id, std::int64_t version) {
  static constexpr db::Query members{"model_team_members.delete_team",
                                     "DELETE FROM model_team_members WHERE team_id = $1"};
  static constexpr db::Query q{"model_teams.delete", "DELETE FROM model_teams WHERE id = $1 AND version = $2"};
  tx.exec(members, team_id);
  return tx.exec(q, team_id, version) == 1;
}

void set_members(db::Tx& tx, std::int64_t team_id, const std::vector<ModelTeamMember>& members) {
  static constexpr db::Query clear{"model_team_members.clear", "DELETE FROM model_team_members WHERE team_id = $1"};
  static constexpr db::Query add{"model_team_members.add",
                                 "INSERT INTO model_team_members (team_id, full_name, role, joined_on, left_on) "
                                 "VALUES ($1, $2, $3, $4, $5)"};
  tx.exec(clear, team_id);
  for (const auto& m : members) tx.exec(add, team_id, m.full_name, m.role, m.joined_on, m.left_on);
}

std::vector<Assessment> assessments(db::Tx& tx, std::int64_t site_id) {
  static constexpr db::Query q{"model_site_assessments.of",
                               "SELECT year, rating, note, assessed_on FROM model_site_assessments "
                               "WHERE site_id = $1 ORDER BY year DESC"};
  return db::all(
      tx, q,
      [](db::Reader& r) {
        Assessment a;
        a.year = static_cast<int>(r.i64());
        a.rating = r.text();
        a.note = r.text();
        a.assessed_on = r.text();
        return a;
      },
      site_id);
}

void put_assessment(db::Tx& tx, std::int64_t site_id, const Assessment& a, std::optional<std::int64_t> by) {
  static constexpr db::Query q{
      "model_site_assessments.put",
      "INSERT INTO model_site_assessments (site_id, year, rating, note, assessed_on, assessed_by) "
      "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (site_id, year) DO UPDATE SET rating = excluded.rating, "
      "note = excluded.note, assessed_on = excluded.assessed_on, assessed_by = excluded.assessed_by"};
  tx.exec(q, site_id, a.year, a.rating, a.note, a.assessed_on, by);
}

bool put_activity(db::Tx& tx, const ModelActivity& a, std::optional<std::int64_t> seen) {
  static constexpr db::Query insert{"model_site_activities.insert",
                                    "INSERT INTO model_site_activities (" ACTIVITY_COLUMNS
                                    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
                                    "ON CONFLICT (id) DO NOTHING"};
  static constexpr db::Query update{
      "model_site_activities.update",
      "UPDATE model_site_activities SET held_on = $3, kind = $4, participants = $5, content = $6, version = $7, "
      "content_hash = $8, recorded_by = $9, device_at = $10, received_at = $11 "
      "WHERE id = $1 AND site_id = $2 AND version = $12"};
  auto written = seen ? tx.exec(update, a.id, a.site_id, a.held_on, a.kind, a.participants, a.content, a.version,
                                a.content_hash, a.recorded_by, a.device_at, a.received_at, *seen)
                      : tx.exec(insert, a.id, a.site_id, a.held_on, a.kind, a.participants, a.content, a.version,
                                a.content_hash, a.recorded_by, a.device_at, a.received_at);
  return written == 1;
}

std::optional<ModelActivity> activity(db::Tx& tx, const std::string& id) {
  static constexpr db::Query q{"model_site_activities.get",
                               "SELECT " ACTIVITY_COLUMNS " FROM model_site_activities WHERE id = $1"};
  return db::one(tx, q, activity_from, id);
}

std::vector<ModelActivity> activities_of(db::Tx& tx, std::int64_t site_id, const std::string& from,
                                         const std::string& to) {
  static constexpr db::Query q{"model_site_activities.of",
                               "SELECT " ACTIVITY_COLUMNS
                               " FROM model_site_activities WHERE site_id = $1 AND held_on >= $2 AND held_on <= $3 "
                               "ORDER BY held_on DESC, received_at DESC"};
  return db::all(tx, q, activity_from, site_id, from, to);
}

Span span(db::Tx& tx, std::int64_t site_id) {
  static constexpr db::Query q{
      "model_sites.span",
      "SELECT (SELECT MIN(d) FROM (SELECT founded_on AS d FROM model_teams WHERE site_id = $1 "
      "UNION ALL SELECT held_on FROM model_site_activities WHERE site_id = $1) f), "
      "(SELECT MAX(d) FROM (SELECT founded_on AS d FROM model_teams WHERE site_id = $1 "
      "UNION ALL SELECT m.joined_on FROM model_team_members m JOIN model_teams t ON t.id = m.team_id "
      "WHERE t.site_id = $1 UNION ALL SELECT held_on FROM model_site_activities WHERE site_id = $1) l), "
      "(SELECT MAX(d) FROM (SELECT ended_on AS d FROM model_teams WHERE site_id = $1 "
      "UNION ALL SELECT m.left_on FROM model_team_members m JOIN model_teams t ON t.id = m.team_id "
      "WHERE t.site_id = $1) e)"};
  auto out = db::one(
      tx, q,
      [](db::Reader& r) {
        Span s;
        s.first = r.opt_text();
        s.last = r.opt_text();
        s.last_end = r.opt_text();
        return s;
      },
      site_id);
  return out.value_or(Span{});
}

}  // namespace antq::community::model_parts_repo
