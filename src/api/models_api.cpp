// /api/v1/community/model-types… and /model-sites…: the self-management models' types
// (data: administrators add their own) and their sites, a linked site with its other units
// and its standing unit per year. Dates are 'YYYY-MM-DD', checked by the service.
#include "api/models_api.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <limits>

#include "api/model_json.hpp"
#include "platform/error.hpp"

namespace antq::api {
namespace {

struct Deps {
  const community::Models& models;
};

constexpr std::size_t kMaxParticipants = 100;

community::ModelTypeInput read_type(json::Reader& r) {
  community::ModelTypeInput in;
  in.code = r.required_text("code", 40).value_or("");
  in.name = r.required_text("name", 201).value_or("");
  in.description = r.text("description", 2001).value_or("");
  in.linked = r.boolean("linked").value_or(false);
  in.active = r.boolean("active").value_or(true);
  in.sort = static_cast<int>(std::clamp<std::int64_t>(r.integer("sort").value_or(100), -1, 100000));
  return in;
}

// [{unit_id, joined_on}, …]; absent or null: none.
std::vector<community::SiteUnitInput> read_participants(json::Reader& r, const boost::json::object& body) {
  std::vector<community::SiteUnitInput> out;
  auto it = body.find("participants");
  if (it == body.end() || it->value().is_null()) return out;
  if (!it->value().is_array() || it->value().as_array().size() > kMaxParticipants) {
    r.errors().add("participants", it->value().is_array() ? "too_long" : "wrong_type");
    return out;
  }
  for (const auto& item : it->value().as_array()) {
    const auto* o = item.if_object();
    const auto* unit = o ? o->if_contains("unit_id") : nullptr;
    const auto* joined = o ? o->if_contains("joined_on") : nullptr;
    if (!unit || !unit->is_int64() || !joined || !joined->is_string()) {
      r.errors().add("participants", "wrong_type");
      return {};
    }
    out.push_back(community::SiteUnitInput{unit->as_int64(), std::string(joined->as_string())});
  }
  return out;
}

community::ModelSiteInput read_site(json::Reader& r, const boost::json::object& body) {
  community::ModelSiteInput in;
  in.type_id = r.required_integer("type_id").value_or(0);
  in.unit_id = r.required_integer("unit_id").value_or(0);
  in.name = r.text("name", 201).value_or("");
  in.launched_on = r.text("launched_on", 40).value_or("");
  in.ended_on = date_field(r, "ended_on");
  in.note = r.text("note", 2001).value_or("");
  in.participants = read_participants(r, body);
  return in;
}

http::Response list_types(const Deps& d, http::Request&, const Caller& c) {
  boost::json::array items;
  for (const auto& t : d.models.types(c.actor)) items.push_back(model_type_json(t));
  return http::Response::json(200, boost::json::object{{"items", std::move(items)}});
}

http::Response create_type(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  json::Reader r(body);
  auto in = read_type(r);
  r.finish();
  return http::Response::json(201, model_type_json(d.models.add_type(c.actor, in)));
}

http::Response update_type(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto in = versioned_input(req, [](json::Reader& r, const boost::json::object&) { return read_type(r); });
  return http::Response::json(200, model_type_json(d.models.update_type(c.actor, id, in)));
}

http::Response list_sites(const Deps& d, http::Request& req, const Caller& c) {
  community::ModelSiteFilter f;
  f.unit_id = optional_id_param(req, "unit_id");
  f.type_id = optional_id_param(req, "type_id");
  f.q = text_param(req, "q").value_or("");
  f.include_ended = yes_no_param(req, "include_ended").value_or(false);
  f.page = int_param(req, "page", 1, 1, 1000000);
  f.page_size = int_param(req, "page_size", 50, 1, 500);
  auto page = d.models.sites(c.actor, f);
  boost::json::array items;
  for (const auto& v : page.items) items.push_back(model_site_json(v));
  return http::Response::json(200, boost::json::object{{"items", std::move(items)}, {"total", page.total}});
}

http::Response get_site(const Deps& d, http::Request& req, const Caller& c) {
  return http::Response::json(200, model_site_detail_json(d.models.site(c.actor, path_id(req))));
}

http::Response create_site(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  json::Reader r(body);
  auto in = read_site(r, body);
  r.finish();
  return http::Response::json(201, model_site_detail_json(d.models.create_site(c.actor, in)));
}

http::Response update_site(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto in = versioned_input(req, read_site);
  return http::Response::json(200, model_site_detail_json(d.models.update_site(c.actor, id, in)));
}

// PUT /model-sites/{id}/standing/{year} {unit_id}
http::Response put_standing(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto year = path_year(req);
  auto body = json_body(req);
  json::Reader r(body);
  auto unit = r.required_integer("unit_id");
  r.finish();
  return http::Response::json(200, model_site_detail_json(d.models.set_standing(c.actor, id, year, *unit)));
}

boost::json::object count_json(const community::ModelCount& c) {
  return boost::json::object{{"type_id", c.type_id},
                             {"unit_id", c.unit_id},
                             {"sites", c.sites},
                             {"teams", c.teams},
                             {"new_sites", c.new_sites}};
}

// Per model type, the sites and teams under a unit on the period's last day.
http::Response get_counts(const Deps& d, http::Request& req, const Caller& c) {
  auto counts =
      d.models.counts(c.actor, optional_id_param(req, "unit_id"), text_param(req, "from"), text_param(req, "to"));
  boost::json::array types, children, by_child, totals;
  for (const auto& t : counts.types) types.push_back(model_type_json(t));
  for (const auto& u : counts.children) children.push_back(boost::json::object{{"id", u.id}, {"name", u.name}});
  for (const auto& row : counts.by_child) by_child.push_back(count_json(row));
  for (const auto& row : counts.totals) totals.push_back(count_json(row));
  return http::Response::json(200, boost::json::object{{"unit_id", counts.unit_id},
                                                       {"from", counts.from},
                                                       {"to", counts.to},
                                                       {"types", std::move(types)},
                                                       {"children", std::move(children)},
                                                       {"by_child", std::move(by_child)},
                                                       {"totals", std::move(totals)}});
}

}  // namespace

void add_model_routes(http::Router& router, const Auth& auth, const community::Models& models) {
  Routes<Deps> routes(router, auth, Deps{models});
  routes.staff("GET", "/api/v1/community/model-types", list_types);
  routes.staff("POST", "/api/v1/community/model-types", create_type);
  routes.staff("PUT", "/api/v1/community/model-types/{id}", update_type);
  routes.staff("GET", "/api/v1/community/model-sites", list_sites);
  routes.staff("POST", "/api/v1/community/model-sites", create_site);
  routes.staff("GET", "/api/v1/community/model-sites/{id}", get_site);
  routes.staff("PUT", "/api/v1/community/model-sites/{id}", update_site);
  routes.staff("PUT", "/api/v1/community/model-sites/{id}/standing/{year}", put_standing);
  routes.staff("GET", "/api/v1/community/model-counts", get_counts);
  add_model_part_routes(router, auth, models);
}

}  // namespace antq::api
