// /api/v1/community/gradings… and /team-members/{id}/grade: the yearly grading of a
// commune's security team members (xếp loại Tổ bảo vệ ANTT). The sheet comes with its
// running numbers (how many "xuất sắc", the most the quota allows); a draft may break the
// quota, finalising may not, and a final year is reopened with a reason. The rules are the
// service's (community/teams.hpp); this file reads and writes JSON.
#include <boost/json.hpp>

#include <algorithm>
#include <limits>

#include "api/teams_api.hpp"
#include "platform/error.hpp"

namespace antq::api {
namespace {

struct Deps {
  const community::Teams& teams;
};

boost::json::object sheet_json(const community::GradingSheet& s) {
  boost::json::array members;
  for (const auto& g : s.members) {
    members.push_back(boost::json::object{{"member_id", g.member.id},
                                          {"full_name", g.member.full_name},
                                          {"position", g.member.position},
                                          {"joined_on", g.member.joined_on},
                                          {"left_on", optional_value(g.member.left_on)},
                                          {"team_id", g.member.team_id},
                                          {"team_code", g.team_code},
                                          {"team_name", g.team_name},
                                          {"eligible", g.eligible},
                                          {"not_eligible", g.not_eligible},
                                          {"grade", optional_value(g.grade)},
                                          {"note", g.note}});
  }
  return boost::json::object{{"commune_id", s.commune_id},
                             {"year", s.year},
                             {"status", s.status},
                             {"window_from", s.window_from},
                             {"window_to", s.window_to},
                             {"window_open", s.window_open},
                             {"reopen_reason", s.reopen_reason},
                             {"version", s.version},
                             {"members", std::move(members)},
                             {"excellent", s.excellent},
                             {"good", s.good},
                             {"complete", s.complete},
                             {"incomplete", s.incomplete},
                             {"ungraded", s.ungraded},
                             {"max_excellent", s.max_excellent},
                             {"quota_ok", s.quota_ok}};
}

constexpr int kAnyInt = std::numeric_limits<int>::max();

// The year of a body (required), for the service to check.
int year_field(json::Reader& r) {
  return static_cast<int>(std::clamp<std::int64_t>(r.required_integer("year").value_or(0), -kAnyInt, kAnyInt));
}

http::Response get_grading(const Deps& d, http::Request& req, const Caller& c) {
  auto commune = optional_id_param(req, "commune_id");
  if (!commune) throw Error::field("commune_id", "required");
  auto year = int_param(req, "year", 0, -kAnyInt, kAnyInt);
  return http::Response::json(200, sheet_json(d.teams.grading(c.actor, *commune, year)));
}

http::Response put_grade(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto body = json_body(req);
  json::Reader r(body);
  auto year = year_field(r);
  // The key is required: null or "" clears a grade, a missing key is a mistake.
  bool has_grade = body.contains("grade");
  auto grade = r.text("grade", 20).value_or("");
  auto note = r.text("note", 501).value_or("");
  r.finish();
  if (!has_grade) throw Error::field("grade", "required");
  return http::Response::json(200, sheet_json(d.teams.set_grade(c.actor, id, year, grade, note)));
}

http::Response finalise(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  json::Reader r(body);
  auto commune = r.required_integer("commune_id").value_or(0);
  auto year = year_field(r);
  auto version = r.required_integer("version").value_or(0);
  r.finish();
  return http::Response::json(200, sheet_json(d.teams.finalise(c.actor, commune, year, version)));
}

http::Response reopen(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  json::Reader r(body);
  auto commune = r.required_integer("commune_id").value_or(0);
  auto year = year_field(r);
  auto reason = r.required_text("reason", 501).value_or("");
  auto version = r.required_integer("version").value_or(0);
  r.finish();
  return http::Response::json(200, sheet_json(d.teams.reopen(c.actor, commune, year, reason, version)));
}

}  // namespace

void add_grading_routes(http::Router& router, const Auth& auth, const community::Teams& teams) {
  Routes<Deps> routes(router, auth, Deps{teams});
  routes.staff("GET", "/api/v1/community/gradings", get_grading);
  routes.staff("PUT", "/api/v1/community/team-members/{id}/grade", put_grade);
  routes.staff("POST", "/api/v1/community/gradings/finalise", finalise);
  routes.staff("POST", "/api/v1/community/gradings/reopen", reopen);
}

}  // namespace antq::api
