// /api/v1/audit: the audit log for auditors.
#include "api/audit_api.hpp"

#include <boost/json.hpp>

#include "platform/error.hpp"

namespace antq::api {
namespace {

std::optional<std::int64_t> date_param(const http::Request& req, std::string_view name, bool end_of_day) {
  auto raw = text_param(req, name);
  if (!raw) return std::nullopt;
  auto date = time::parse_date(*raw);
  if (!date) throw Error::field(std::string(name), "invalid_date");
  auto start = time::local_day_start(*date);
  return end_of_day ? start + 86400000 : start;
}

boost::json::value detail_value(const std::string& detail) {
  boost::system::error_code ec;
  auto v = boost::json::parse(detail, ec);
  if (ec) return boost::json::string(detail);
  return v;
}

struct Deps {
  audit::Service& audit;
};

boost::json::object entry_json(const audit::Entry& e) {
  return boost::json::object{
      {"id", e.id},
      {"at", time::format_iso_utc(e.at)},
      {"actor_id", e.actor_id ? boost::json::value(*e.actor_id) : nullptr},
      {"actor_name", e.actor_name},
      {"action", e.action},
      {"entity", e.entity},
      {"entity_id", e.entity_id},
      {"reason", e.reason},
      {"detail", detail_value(e.detail)},
  };
}

http::Response list_entries(const Deps& d, http::Request& req, const Caller& c) {
  audit::Filter f;
  f.actor = text_param(req, "actor");
  f.action = text_param(req, "action");
  f.entity = text_param(req, "entity");
  f.entity_id = text_param(req, "entity_id");
  f.from = date_param(req, "from", false);
  f.to = date_param(req, "to", true);
  f.page = int_param(req, "page", 1, 1, 1000000);
  f.page_size = int_param(req, "page_size", 50, 1, 500);
  auto page = d.audit.list(c.actor, f);
  boost::json::array items;
  for (const auto& e : page.items) items.push_back(entry_json(e));
  return http::Response::json(200, boost::json::object{{"items", std::move(items)}, {"total", page.total}});
}

http::Response verify_log(const Deps& d, http::Request&, const Caller& c) {
  auto v = d.audit.verify(c.actor);
  boost::json::object o{{"ok", v.ok}, {"checked", v.checked}};
  o["first_bad_id"] = v.first_bad_id ? boost::json::value(*v.first_bad_id) : nullptr;
  if (!v.ok) o["problem"] = v.problem;
  return http::Response::json(200, o);
}

}  // namespace

void add_audit_routes(http::Router& router, const Auth& auth, audit::Service& audit) {
  Routes<Deps> routes(router, auth, Deps{audit});
  routes.staff("GET", "/api/v1/audit", list_entries);
  routes.staff("GET", "/api/v1/audit/verify", verify_log);
}

}  // namespace antq::api
