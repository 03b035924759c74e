#include "modules/community/teams_repo.hpp"

#include <boost/json.hpp>

#include "platform/db/dialect_query.hpp"
#include "platform/db/params.hpp"
#include "platform/db/read.hpp"
#include "platform/text/text.hpp"

namespace antq::community::teams_repo {
namespace {

#define TEAM_COLUMNS                                                                                        \
  "t.id, t.code, t.commune_id, t.name, t.decision_number, t.decision_on, t.decision_signer, t.founded_on, " \
  "t.dissolved_on, t.note, t.demo, t.version"

SecurityTeam team_from(db::Reader& r) {
  SecurityTeam t;
  t.id = r.i64();
  t.code = r.text();
  t.commune_id = r.i64();
  t.name = r.text();
  t.decision_number = r.text();
  t.decision_on = r.opt_text();
  t.decision_signer = r.text();
  t.founded_on = r.opt_text();
  t.dissolved_on = r.opt_text();
  t.note = r.text();
  t.demo = r.boolean();
  t.version = r.i64();
  return t;
}

#define MEMBER_COLUMNS                                                    \
  "m.id, m.team_id, m.full_name, m.birth_date, m.position, m.residence, " \
  "CASE WHEN m.phone_sealed IS NULL THEN 0 ELSE 1 END, "                  \
  "m.phone_public, m.joined_on, m.left_on, m.note, m.version"

TeamMember member_from(db::Reader& r) {
  TeamMember m;
  m.id = r.i64();
  m.team_id = r.i64();
  m.full_name = r.text();
  m.birth_date = r.text();
  m.birth_year = m.birth_date.size() >= 4 ? std::stoi(m.birth_date.substr(0, 4)) : 0;
  m.position = r.text();
  m.residence = r.text();
  m.has_phone = r.boolean();
  m.phone_public = r.boolean();
  m.joined_on = r.text();
  m.left_on = r.opt_text();
  m.note = r.text();
  m.version = r.i64();
  return m;
}

std::optional<db::Blob> blob(const std::optional<std::string>& bytes) {
  if (!bytes) return std::nullopt;
  return db::Blob{*bytes};
}

std::string search_text(const SecurityTeam& t) { return text::fold(t.code + " " + t.name); }

// [[lon, lat], …] as GeoJSON orders a position; "" for no route.
std::string route_text(const std::vector<geo::Point>& route) {
  if (route.empty()) return "";
  boost::json::array out;
  for (const auto& p : route) out.push_back(boost::json::array{p.lon, p.lat});
  return boost::json::serialize(out);
}

std::vector<geo::Point> route_of(const std::string& text) {
  std::vector<geo::Point> out;
  if (text.empty()) return out;
  auto parsed = boost::json::parse(text);
  for (const auto& v : parsed.as_array()) {
    const auto& a = v.as_array();
    out.push_back({a.at(0).to_number<double>(), a.at(1).to_number<double>()});
  }
  return out;
}

#define PATROL_COLUMNS                                                                                        \
  "id, team_id, patrol_on, shift, route, findings, tip_refs, version, content_hash, recorded_by, device_at, " \
  "received_at"

Patrol patrol_from(db::Reader& r) {
  Patrol p;
  p.id = r.text();
  p.team_id = r.i64();
  p.patrol_on = r.text();
  p.shift = r.text();
  p.route = route_of(r.text());
  p.findings = r.text();
  p.tip_refs = r.text();
  p.version = r.i64();
  p.content_hash = r.text();
  p.recorded_by = r.opt_i64();
  p.device_at = r.opt_i64();
  p.received_at = r.i64();
  return p;
}

std::vector<std::int64_t> patrol_members(db::Tx& tx, const std::string& id) {
  static constexpr db::Query q{"security_patrol_members.of",
                               "SELECT member_id FROM security_patrol_members WHERE patrol_id = $1 ORDER BY member_id"};
  return db::all(
      tx, q, [](db::Reader& r) { return r.i64(); }, id);
}

}  // namespace

std::int64_t insert_team(db::Tx& tx, const SecurityTeam& t, std::int64_t now) {
  static constexpr db::Query q{
      "security_teams.insert",
      "INSERT INTO security_teams (code, commune_id, name, decision_number, decision_on, decision_signer, founded_on, "
      "dissolved_on, note, search_text, demo, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
      "$8, $9, $10, $11, 1, $12, $12) RETURNING id"};
  return db::scalar(tx, q, t.code, t.commune_id, t.name, t.decision_number, t.decision_on, t.decision_signer,
                    t.founded_on, t.dissolved_on, t.note, search_text(t), t.demo, now);
}

bool update_team(db::Tx& tx, const SecurityTeam& t, std::int64_t now) {
  static constexpr db::Query q{
      "security_teams.update",
      "UPDATE security_teams SET name = $3, decision_number = $4, decision_on = $5, decision_signer = $6, "
      "founded_on = $7, dissolved_on = $8, note = $9, search_text = $10, updated_at = $11, version = version + 1 "
      "WHERE id = $1 AND version = $2"};
  return tx.exec(q, t.id, t.version, t.name, t.decision_number, t.decision_on, t.decision_signer, t.founded_on,
                 t.dissolved_on, t.note, search_text(t), now) == 1;
}

std::optional<SecurityTeam> team(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"security_teams.get", "SELECT " TEAM_COLUMNS " FROM security_teams t WHERE t.id = $1"};
  return db::one(tx, q, team_from, id);
}

std::vector<std::int64_t> village_ids(db::Tx& tx, std::int64_t team_id) {
  static constexpr db::Query q{"security_team_villages.of",
                               "SELECT village_id FROM security_team_villages WHERE team_id = $1 ORDER BY village_id"};
  return db::all(
      tx, q, [](db::Reader& r) { return r.i64(); }, team_id);
}

void set_villages(db::Tx& tx, std::int64_t team_id, const std::vector<std::int64_t>& ids) {
  static constexpr db::Query clear{"security_team_villages.clear",
                                   "DELETE FROM security_team_villages WHERE team_id = $1"};
  static constexpr db::Query add{"security_team_villages.add",
                                 "INSERT INTO security_team_villages (team_id, village_id) VALUES ($1, $2)"};
  tx.exec(clear, team_id);
  for (auto id : ids) tx.exec(add, team_id, id);
}

Page<SecurityTeam> teams(db::Tx& tx, const std::string& village_ids, const TeamFilter& f) {
  db::Params params({village_ids});
  std::string from =
      " FROM security_teams t WHERE EXISTS (SELECT 1 FROM security_team_villages tv WHERE tv.team_id = t.id AND " +
      db::in_ids(tx.dialect(), "tv.village_id", "$1") + ")";
  if (!f.include_dissolved) from += " AND t.dissolved_on IS NULL";
  for (const auto& term : f.terms) {
    from += " AND t.search_text LIKE '%' || CAST(" + params.add(db::like_term(term)) + " AS TEXT) || '%'";
  }
  return db::page(tx, "security_teams", TEAM_COLUMNS, from, " ORDER BY t.code", std::move(params), f.page, f.page_size,
                  team_from);
}

std::int64_t insert_member(db::Tx& tx, const StoredMember& s, std::int64_t now) {
  static constexpr db::Query q{
      "security_team_members.insert",
      "INSERT INTO security_team_members (team_id, full_name, birth_date, position, residence, phone_sealed, "
      "phone_lookup, phone_public, person_lookup, joined_on, left_on, note, version, created_at, updated_at) VALUES "
      "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1, $13, $13) RETURNING id"};
  const auto& m = s.member;
  return db::scalar(tx, q, m.team_id, m.full_name, m.birth_date, m.position, m.residence, blob(s.phone_sealed),
                    blob(s.phone_lookup), m.phone_public, db::Blob{s.person_lookup}, m.joined_on, m.left_on, m.note,
                    now);
}

bool update_member(db::Tx& tx, const StoredMember& s, std::int64_t now) {
  static constexpr db::Query q{
      "security_team_members.update",
      "UPDATE security_team_members SET full_name = $3, birth_date = $4, position = $5, residence = $6, "
      "phone_sealed = $7, phone_lookup = $8, phone_public = $9, person_lookup = $10, joined_on = $11, left_on = $12, "
      "note = $13, updated_at = $14, version = version + 1 WHERE id = $1 AND version = $2"};
  const auto& m = s.member;
  return tx.exec(q, m.id, m.version, m.full_name, m.birth_date, m.position, m.residence, blob(s.phone_sealed),
                 blob(s.phone_lookup), m.phone_public, db::Blob{s.person_lookup}, m.joined_on, m.left_on, m.note,
                 now) == 1;
}

std::optional<StoredMember> member(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"security_team_members.get",
                               "SELECT " MEMBER_COLUMNS
                               ", m.phone_sealed, m.phone_lookup, m.person_lookup FROM security_team_members m "
                               "WHERE m.id = $1"};
  return db::one(
      tx, q,
      [](db::Reader& r) {
        StoredMember s;
        s.member = member_from(r);
        s.phone_sealed = r.opt_blob();
        s.phone_lookup = r.opt_blob();
        s.person_lookup = r.blob();
        return s;
      },
      id);
}

std::vector<TeamMember> members_of(db::Tx& tx, std::int64_t team_id) {
  static constexpr db::Query q{
      "security_team_members.of",
      "SELECT " MEMBER_COLUMNS
      " FROM security_team_members m WHERE m.team_id = $1 ORDER BY m.left_on IS NOT NULL, "
      "CASE m.position WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END, m.full_name, m.id"};
  return db::all(tx, q, member_from, team_id);
}

std::vector<TeamMember> memberships(db::Tx& tx, const std::string& person_lookup) {
  static constexpr db::Query q{"security_team_members.of_person",
                               "SELECT " MEMBER_COLUMNS
                               " FROM security_team_members m WHERE m.person_lookup = $1 ORDER BY m.joined_on"};
  return db::all(tx, q, member_from, db::Blob{person_lookup});
}

std::int64_t members_on(db::Tx& tx, std::int64_t team_id, const std::string& day) {
  static constexpr db::Query q{"security_team_members.count_on",
                               "SELECT count(*) FROM security_team_members WHERE team_id = $1 AND joined_on <= $2 "
                               "AND (left_on IS NULL OR left_on > $2)"};
  return db::scalar(tx, q, team_id, day);
}

void lock_team(db::Tx& tx, std::int64_t team_id) {
  static constexpr db::Query q{"security_teams.lock", "UPDATE security_teams SET version = version WHERE id = $1"};
  tx.exec(q, team_id);
}

void lock_person(db::Tx& tx, const std::string& person_lookup) {
  if (tx.dialect() != db::Dialect::postgres) return;
  static constexpr db::Query q{"security_team_members.lock_person",
                               "SELECT pg_advisory_xact_lock(7426847, CAST($1 AS integer))"};
  std::uint32_t key = 2166136261U;  // FNV-1a of the hash: the same person, the same key
  for (unsigned char c : person_lookup) key = (key ^ c) * 16777619U;
  tx.rows(q, static_cast<std::int64_t>(static_cast<std::int32_t>(key)));
}

TeamSpan span(db::Tx& tx, std::int64_t team_id) {
  static constexpr db::Query q{"security_teams.span",
                               "SELECT (SELECT min(joined_on) FROM security_team_members WHERE team_id = $1), "
                               "(SELECT max(joined_on) FROM security_team_members WHERE team_id = $1), "
                               "(SELECT min(d) FROM (SELECT patrol_on AS d FROM security_patrols WHERE team_id = $1 "
                               "UNION ALL SELECT held_on FROM security_team_meetings WHERE team_id = $1) records), "
                               "(SELECT max(d) FROM (SELECT patrol_on AS d FROM security_patrols WHERE team_id = $1 "
                               "UNION ALL SELECT held_on FROM security_team_meetings WHERE team_id = $1) records)"};
  return *db::one(
      tx, q,
      [](db::Reader& r) {
        return TeamSpan{r.opt_text(), r.opt_text(), r.opt_text(), r.opt_text()};
      },
      team_id);
}

PatrolSpan member_patrols(db::Tx& tx, std::int64_t member_id) {
  static constexpr db::Query q{"security_team_members.patrol_span",
                               "SELECT min(p.patrol_on), max(p.patrol_on) FROM security_patrols p "
                               "JOIN security_patrol_members pm ON pm.patrol_id = p.id WHERE pm.member_id = $1"};
  return *db::one(
      tx, q,
      [](db::Reader& r) {
        auto first = r.opt_text();
        return std::pair{first, r.opt_text()};
      },
      member_id);
}

std::int64_t end_memberships(db::Tx& tx, std::int64_t team_id, const std::string& day, std::int64_t now) {
  static constexpr db::Query q{"security_team_members.end",
                               "UPDATE security_team_members SET left_on = $2, updated_at = $3, version = version + 1 "
                               "WHERE team_id = $1 AND joined_on < $2 AND (left_on IS NULL OR left_on > $2)"};
  return tx.exec(q, team_id, day, now);
}

bool put_patrol(db::Tx& tx, const Patrol& p, std::optional<std::int64_t> seen) {
  static constexpr db::Query insert{
      "security_patrols.insert",
      "INSERT INTO security_patrols (" PATROL_COLUMNS
      ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING"};
  static constexpr db::Query update{
      "security_patrols.update",
      "UPDATE security_patrols SET patrol_on = $3, shift = $4, route = $5, findings = $6, tip_refs = $7, "
      "version = $8, content_hash = $9, recorded_by = $10, device_at = $11, received_at = $12 "
      "WHERE id = $1 AND team_id = $2 AND version = $13"};
  static constexpr db::Query clear{"security_patrol_members.clear",
                                   "DELETE FROM security_patrol_members WHERE patrol_id = $1"};
  static constexpr db::Query add{"security_patrol_members.add",
                                 "INSERT INTO security_patrol_members (patrol_id, member_id) VALUES ($1, $2)"};
  auto route = route_text(p.route);
  auto written = seen ? tx.exec(update, p.id, p.team_id, p.patrol_on, p.shift, route, p.findings, p.tip_refs, p.version,
                                p.content_hash, p.recorded_by, p.device_at, p.received_at, *seen)
                      : tx.exec(insert, p.id, p.team_id, p.patrol_on, p.shift, route, p.findings, p.tip_refs, p.version,
                                p.content_hash, p.recorded_by, p.device_at, p.received_at);
  if (written != 1) return false;
  tx.exec(clear, p.id);
  for (auto id : p.member_ids) tx.exec(add, p.id, id);
  return true;
}

std::optional<Patrol> patrol(db::Tx& tx, const std::string& id) {
  static constexpr db::Query q{"security_patrols.get", "SELECT " PATROL_COLUMNS " FROM security_patrols WHERE id = $1"};
  auto p = db::one(tx, q, patrol_from, id);
  if (p) p->member_ids = patrol_members(tx, id);
  return p;
}

std::vector<Patrol> patrols_of(db::Tx& tx, std::int64_t team_id, const std::string& from, const std::string& to) {
  static constexpr db::Query q{"security_patrols.of",
                               "SELECT " PATROL_COLUMNS
                               " FROM security_patrols WHERE team_id = $1 AND patrol_on >= $2 AND patrol_on <= $3 "
                               "ORDER BY patrol_on DESC, received_at DESC"};
  auto out = db::all(tx, q, patrol_from, team_id, from, to);
  for (auto& p : out) p.member_ids = patrol_members(tx, p.id);
  return out;
}

#define MEETING_COLUMNS \
  "id, team_id, held_on, attendees, content, version, content_hash, recorded_by, device_at, received_at"

Meeting meeting_from(db::Reader& r) {
  Meeting m;
  m.id = r.text();
  m.team_id = r.i64();
  m.held_on = r.text();
  m.attendees = static_cast<int>(r.i64());
  m.content = r.text();
  m.version = r.i64();
  m.content_hash = r.text();
  m.recorded_by = r.opt_i64();
  m.device_at = r.opt_i64();
  m.received_at = r.i64();
  return m;
}

bool put_meeting(db::Tx& tx, const Meeting& m, std::optional<std::int64_t> seen) {
  static constexpr db::Query insert{"security_team_meetings.insert",
                                    "INSERT INTO security_team_meetings (" MEETING_COLUMNS
                                    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING"};
  static constexpr db::Query update{
      "security_team_meetings.update",
      "UPDATE security_team_meetings SET held_on = $3, attendees = $4, content = $5, version = $6, content_hash = $7, "
      "recorded_by = $8, device_at = $9, received_at = $10 WHERE id = $1 AND team_id = $2 AND version = $11"};
  auto written = seen ? tx.exec(update, m.id, m.team_id, m.held_on, m.attendees, m.content, m.version, m.content_hash,
                                m.recorded_by, m.device_at, m.received_at, *seen)
                      : tx.exec(insert, m.id, m.team_id, m.held_on, m.attendees, m.content, m.version, m.content_hash,
                                m.recorded_by, m.device_at, m.received_at);
  return written == 1;
}

std::optional<Meeting> meeting(db::Tx& tx, const std::string& id) {
  static constexpr db::Query q{"security_team_meetings.get",
                               "SELECT " MEETING_COLUMNS " FROM security_team_meetings WHERE id = $1"};
  return db::one(tx, q, meeting_from, id);
}

std::vector<Meeting> meetings_of(db::Tx& tx, std::int64_t team_id, const std::string& from, const std::string& to) {
  static constexpr db::Query q{"security_team_meetings.of",
                               "SELECT " MEETING_COLUMNS
                               " FROM security_team_meetings WHERE team_id = $1 AND held_on >= $2 AND held_on <= $3 "
                               "ORDER BY held_on DESC, received_at DESC"};
  return db::all(tx, q, meeting_from, team_id, from, to);
}

std::vector<MemberOfTeam> commune_members(db::Tx& tx, std::int64_t commune_id) {
  static constexpr db::Query q{
      "security_team_members.of_commune",
      "SELECT " MEMBER_COLUMNS ", " TEAM_COLUMNS
      " FROM security_team_members m JOIN security_teams t ON t.id = m.team_id "
      "WHERE t.commune_id = $1 ORDER BY t.code, "
      "CASE m.position WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END, m.full_name, m.id"};
  return db::all(
      tx, q,
      [](db::Reader& r) {
        auto m = member_from(r);
        return MemberOfTeam{std::move(m), team_from(r)};
      },
      commune_id);
}

std::map<std::int64_t, Grade> grades(db::Tx& tx, std::int64_t commune_id, int year) {
  static constexpr db::Query q{"team_member_grades.of_commune",
                               "SELECT g.member_id, g.grade, g.note FROM team_member_grades g "
                               "JOIN security_teams t ON t.id = g.team_id WHERE t.commune_id = $1 AND g.year = $2"};
  std::map<std::int64_t, Grade> out;
  for (auto& [id, grade] : db::all(
           tx, q,
           [](db::Reader& r) {
             auto id = r.i64();
             auto grade = r.text();
             return std::pair<std::int64_t, Grade>{id, Grade{std::move(grade), r.text()}};
           },
           commune_id, year)) {
    out.emplace(id, std::move(grade));
  }
  return out;
}

void put_grade(db::Tx& tx, std::int64_t member_id, int year, std::int64_t team_id, const Grade& g,
               std::optional<std::int64_t> by, std::int64_t now) {
  static constexpr db::Query q{
      "team_member_grades.put",
      "INSERT INTO team_member_grades (member_id, year, team_id, grade, note, graded_by, graded_at) VALUES ($1, $2, "
      "$3, $4, $5, $6, $7) ON CONFLICT (member_id, year) DO UPDATE SET team_id = excluded.team_id, grade = "
      "excluded.grade, note = excluded.note, graded_by = excluded.graded_by, graded_at = excluded.graded_at"};
  tx.exec(q, member_id, year, team_id, g.grade, g.note, by, now);
}

void delete_grade(db::Tx& tx, std::int64_t member_id, int year) {
  static constexpr db::Query q{"team_member_grades.delete",
                               "DELETE FROM team_member_grades WHERE member_id = $1 AND year = $2"};
  tx.exec(q, member_id, year);
}

std::optional<GradingState> grading_state(db::Tx& tx, std::int64_t commune_id, int year) {
  static constexpr db::Query q{
      "team_gradings.get",
      "SELECT status, reopen_reason, version FROM team_gradings WHERE commune_id = $1 AND year = $2"};
  return db::one(
      tx, q,
      [](db::Reader& r) {
        auto status = r.text();
        auto reason = r.text();
        return GradingState{std::move(status), std::move(reason), r.i64()};
      },
      commune_id, year);
}

std::vector<int> final_grading_years(db::Tx& tx, std::int64_t commune_id) {
  static constexpr db::Query q{
      "team_gradings.final_years",
      "SELECT year FROM team_gradings WHERE commune_id = $1 AND status = 'final' ORDER BY year"};
  return db::all(
      tx, q, [](db::Reader& r) { return static_cast<int>(r.i64()); }, commune_id);
}

void bump_gradings(db::Tx& tx, std::int64_t commune_id) {
  static constexpr db::Query q{
      "team_gradings.bump",
      "UPDATE team_gradings SET version = version + 1 WHERE commune_id = $1 AND status = 'draft'"};
  tx.exec(q, commune_id);
}

void touch_grading(db::Tx& tx, std::int64_t commune_id, int year) {
  static constexpr db::Query q{
      "team_gradings.touch",
      "INSERT INTO team_gradings (commune_id, year, status, version) VALUES ($1, $2, 'draft', 1) "
      "ON CONFLICT (commune_id, year) DO UPDATE SET version = team_gradings.version + 1"};
  tx.exec(q, commune_id, year);
}

bool set_grading_status(db::Tx& tx, std::int64_t commune_id, int year, const std::string& status,
                        const std::string& reason, std::int64_t version, std::optional<std::int64_t> by,
                        std::int64_t now) {
  static constexpr db::Query q{
      "team_gradings.status",
      "UPDATE team_gradings SET status = $3, reopen_reason = $4, finalised_at = $5, finalised_by = $6, "
      "version = version + 1 WHERE commune_id = $1 AND year = $2 AND version = $7"};
  bool final = status == "final";
  return tx.exec(q, commune_id, year, status, reason, final ? std::optional(now) : std::nullopt,
                 final ? by : std::nullopt, version) == 1;
}

}  // namespace antq::community::teams_repo
