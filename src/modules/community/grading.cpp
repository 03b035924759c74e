// The yearly grading of a commune's security team members (xếp loại Tổ bảo vệ ANTT): who
// may be graded (rules::gradable), the window (rules::grading_window), the quota across
// the commune's teams (rules::quota_ok), a draft that may break it and a final year that
// may not. Every change is audited.
#include <fmt/format.h>

#include <boost/json.hpp>

#include "modules/community/internal.hpp"
#include "modules/community/rules.hpp"
#include "modules/community/teams.hpp"
#include "modules/community/teams_repo.hpp"
#include "platform/error.hpp"
#include "platform/text/text.hpp"

namespace antq::community {
namespace {

using namespace internal;

constexpr const char* kGraders = "team members are graded by commune officers";
constexpr const char* kReaders = "gradings are read by commune officers, reviewers and administrators";

bool known_grade(const std::string& g) {
  return g == "excellent" || g == "good" || g == "complete" || g == "incomplete";
}

void require_year(int year) {
  if (!rules::year_ok(year)) throw Error::field("year", "out_of_range");
}

}  // namespace

units::Unit Teams::commune_in_scope(db::Tx& tx, const Actor& actor, std::int64_t commune_id) const {
  auto commune = units_.find(tx, commune_id);
  if (!commune || !units::is_commune_level(commune->kind) || !actor.covers(commune->path)) {
    throw Error::not_found("commune");
  }
  return *commune;
}

GradingSheet Teams::sheet(db::Tx& tx, const units::Unit& commune, int year) const {
  GradingSheet s;
  s.commune_id = commune.id;
  s.year = year;
  auto window = rules::grading_window(year);
  s.window_from = window.from;
  s.window_to = window.to;
  s.window_open = window.contains(today());
  if (auto state = teams_repo::grading_state(tx, commune.id, year)) {
    s.status = state->status;
    s.reopen_reason = state->reopen_reason;
    s.version = state->version;
  }
  auto grades = teams_repo::grades(tx, commune.id, year);
  for (auto& [member, team] : teams_repo::commune_members(tx, commune.id)) {
    MemberGrade g;
    g.not_eligible = rules::not_gradable_reason(member.joined_on, member.left_on, team.dissolved_on, year);
    g.eligible = g.not_eligible.empty();
    g.team_code = team.code;
    g.team_name = team.name;
    if (auto it = grades.find(member.id); it != grades.end()) g.grade = it->second.grade, g.note = it->second.note;
    // Who was never in a team that year is not on its sheet.
    auto period = rules::grading_period(year);
    bool team_lived = !team.dissolved_on || *team.dissolved_on > period.from;
    if (!g.eligible && !g.grade && !(team_lived && rules::in_team_during(member.joined_on, member.left_on, period))) {
      continue;
    }
    g.member = std::move(member);
    // A grade given before the member became ineligible (left since) counts for nothing;
    // it shows until cleared.
    if (g.eligible && !g.grade) ++s.ungraded;
    if (g.eligible && g.grade == "excellent") ++s.excellent;
    if (g.eligible && g.grade == "good") ++s.good;
    if (g.eligible && g.grade == "complete") ++s.complete;
    if (g.eligible && g.grade == "incomplete") ++s.incomplete;
    s.members.push_back(std::move(g));
  }
  s.max_excellent = rules::max_excellent(s.excellent, s.good);
  s.quota_ok = rules::quota_ok(s.excellent, s.good);
  return s;
}

GradingSheet Teams::grading(const Actor& actor, std::int64_t commune_id, int year) const {
  require(may_read_grades(actor), kReaders);
  year = rules::grading_year_or_current(year, today());
  require_year(year);
  GradingSheet out;
  db_.read([&](db::Tx& tx) { out = sheet(tx, commune_in_scope(tx, actor, commune_id), year); });
  return out;
}

GradingSheet Teams::set_grade(const Actor& actor, std::int64_t member_id, int year, const std::string& grade,
                              const std::string& raw_note) const {
  require(may_grade(actor), kGraders);
  require_year(year);
  FieldErrors errors;
  if (!grade.empty() && !known_grade(grade)) errors.add("grade", "unknown_value");
  auto note = bounded(errors, "note", raw_note, 500);
  if (!rules::grading_window(year).contains(today())) errors.add("year", "outside_window");
  errors.throw_if_any();
  GradingSheet out;
  db_.write([&](db::Tx& tx) {
    auto stored = teams_repo::member(tx, member_id);
    if (!stored) throw Error::not_found("team member");
    auto team = load(tx, actor, stored->member.team_id).team;
    auto commune = commune_in_scope(tx, actor, team.commune_id);
    const auto& m = stored->member;
    if (!grade.empty() && !rules::not_gradable_reason(m.joined_on, m.left_on, team.dissolved_on, year).empty()) {
      throw Error::field("grade", "not_eligible");
    }
    // The year's row first: its lock holds a finalise off until this grade is in
    // (PostgreSQL); a final year is rolled back untouched.
    teams_repo::touch_grading(tx, commune.id, year);
    auto state = teams_repo::grading_state(tx, commune.id, year);
    if (state && state->status == "final") throw Error::conflict("the year's grading is final: reopen it first");
    if (grade.empty()) {
      teams_repo::delete_grade(tx, member_id, year);
    } else {
      teams_repo::put_grade(tx, member_id, year, team.id, {grade, note}, user_of(actor), clock_.now());
    }
    out = sheet(tx, commune, year);
    audit_.record(tx, actor, "team_member.grade", "security_team", std::to_string(team.id),
                  boost::json::serialize(boost::json::object{
                      {"member", member_id}, {"year", year}, {"grade", grade}, {"quota_ok", out.quota_ok}}));
  });
  return out;
}

GradingSheet Teams::finalise(const Actor& actor, std::int64_t commune_id, int year, std::int64_t version) const {
  require(may_grade(actor), kGraders);
  require_year(year);
  if (!rules::grading_window(year).contains(today())) throw Error::field("year", "outside_window");
  GradingSheet out;
  db_.write([&](db::Tx& tx) {
    auto commune = commune_in_scope(tx, actor, commune_id);
    auto s = sheet(tx, commune, year);
    if (s.version == 0 || s.version != version || s.status == "final") {
      throw Error::conflict("the grading was changed meanwhile");
    }
    if (s.ungraded > 0) {
      throw Error::validation({FieldError{"grade", "missing", std::nullopt, std::to_string(s.ungraded)}});
    }
    if (!s.quota_ok) {
      throw Error::validation(
          {FieldError{"grade", "quota_exceeded", std::nullopt,
                      fmt::format("{} xuất sắc; tối đa {} = 20% của {} người hoàn thành tốt trở lên", s.excellent,
                                  s.max_excellent, s.excellent + s.good)}});
    }
    if (!teams_repo::set_grading_status(tx, commune.id, year, "final", s.reopen_reason, version, user_of(actor),
                                        clock_.now())) {
      throw Error::conflict("the grading was changed meanwhile");
    }
    audit_.record(tx, actor, "team_grading.finalise", "unit", std::to_string(commune.id),
                  boost::json::serialize(boost::json::object{{"year", year},
                                                             {"excellent", s.excellent},
                                                             {"good", s.good},
                                                             {"complete", s.complete},
                                                             {"incomplete", s.incomplete}}));
    out = sheet(tx, commune, year);
  });
  return out;
}

GradingSheet Teams::reopen(const Actor& actor, std::int64_t commune_id, int year, const std::string& raw_reason,
                           std::int64_t version) const {
  require(may_grade(actor), kGraders);
  require_year(year);
  auto reason = text::clean(raw_reason);
  if (reason.empty()) throw Error::field("reason", "required");
  if (text::length(reason) > 500) throw Error::field("reason", "too_long");
  // Reopened only while it can be finalised again.
  if (!rules::grading_window(year).contains(today())) throw Error::field("year", "outside_window");
  GradingSheet out;
  db_.write([&](db::Tx& tx) {
    auto commune = commune_in_scope(tx, actor, commune_id);
    auto state = teams_repo::grading_state(tx, commune.id, year);
    if (!state || state->status != "final" || state->version != version) {
      throw Error::conflict("the grading is not final as seen");
    }
    if (!teams_repo::set_grading_status(tx, commune.id, year, "draft", reason, version, std::nullopt, clock_.now())) {
      throw Error::conflict("the grading was changed meanwhile");
    }
    audit_.record(tx, actor, "team_grading.reopen", "unit", std::to_string(commune.id),
                  boost::json::serialize(boost::json::object{{"year", year}}), reason);
    out = sheet(tx, commune, year);
  });
  return out;
}

}  // namespace antq::community
