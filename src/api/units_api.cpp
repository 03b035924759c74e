// /api/v1/units/…: the tree, list, details, administration, merges, CSV.
#include <boost/json.hpp>

#include "api/units_api.hpp"

#include "api/support.hpp"
#include "modules/community/models.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/error.hpp"
#include "platform/text/text.hpp"

namespace antq::api {
namespace {

boost::json::object node_json(const units::TreeNode& node, const std::string& today) {
  auto o = unit_json(node.unit, today);
  boost::json::array children;
  for (const auto& c : node.children) children.push_back(node_json(c, today));
  o["children"] = std::move(children);
  return o;
}

boost::json::array links_json(const std::vector<units::MergeLink>& links) {
  boost::json::array out;
  for (const auto& l : links) {
    out.push_back(boost::json::object{{"id", l.id},
                                      {"code", l.code},
                                      {"name", l.name},
                                      {"kind", std::string(units::kind_code(l.kind))},
                                      {"designation", l.designation},
                                      {"date", l.date},
                                      {"main", l.main},
                                      {"part", l.part},
                                      {"basis", l.basis},
                                      {"linked", l.linked}});
  }
  return out;
}

boost::json::object detail_json(const units::Detail& d, const std::string& today) {
  auto o = unit_json(d.unit, today);
  boost::json::array ancestors;
  for (const auto& a : d.ancestors) {
    ancestors.push_back(
        boost::json::object{{"id", a.id}, {"name", a.name}, {"kind", std::string(units::kind_code(a.kind))}});
  }
  boost::json::array history;
  for (const auto& h : d.history) {
    boost::json::object e{{"kind", h.event}, {"date", h.date}, {"basis", h.basis}};
    e["from_parent_id"] = h.from_parent_id ? boost::json::value(*h.from_parent_id) : nullptr;
    e["to_parent_id"] = h.to_parent_id ? boost::json::value(*h.to_parent_id) : nullptr;
    e["from_parent_name"] = h.from_parent_id ? boost::json::value(h.from_parent_name) : nullptr;
    e["to_parent_name"] = h.to_parent_id ? boost::json::value(h.to_parent_name) : nullptr;
    if (h.event == "renamed") e["old_name"] = h.old_name;
    history.push_back(std::move(e));
  }
  boost::json::array child_kinds;
  for (auto kind : d.child_kinds) child_kinds.emplace_back(std::string(units::kind_code(kind)));
  o["ancestors"] = std::move(ancestors);
  o["history"] = std::move(history);
  o["formed_from"] = links_json(d.formed_from);
  o["successors"] = links_json(d.successors);
  o["manageable"] = d.manageable;
  o["child_kinds"] = std::move(child_kinds);
  return o;
}

struct Deps {
  units::Service& units;
  const units::Boundaries& boundaries;
};

boost::json::value unit_ref(const std::optional<units::Unit>& u) {
  if (!u) return nullptr;
  return boost::json::object{{"id", u->id},
                             {"code", u->code},
                             {"name", u->name},
                             {"designation", u->designation},
                             {"kind", std::string(units::kind_code(u->kind))}};
}

int tolerance_param(const http::Request& req) {
  FieldErrors errors;
  auto tolerance = number_param(req, "tolerance", 0, 100000, errors, 0.0);
  errors.throw_if_any();
  return units::Boundaries::tolerance_step(*tolerance);
}

http::Response geojson_response(const http::Request& req, const units::BoundaryView& view) {
  return cached_response(req, view.etag, view.body, "application/geo+json");
}

http::Response get_boundary(const Deps& d, http::Request& req, const Caller& c) {
  return geojson_response(req, d.boundaries.boundary(c.actor, path_id(req), tolerance_param(req)));
}

http::Response get_children_boundaries(const Deps& d, http::Request& req, const Caller& c) {
  return geojson_response(req, d.boundaries.children_boundaries(c.actor, path_id(req), tolerance_param(req)));
}

// The point of the lat and lon query parameters; 422 naming each bad one.
geo::Point point_params(const http::Request& req) {
  FieldErrors errors;
  auto lat = number_param(req, "lat", -90, 90, errors);
  auto lon = number_param(req, "lon", -180, 180, errors);
  errors.throw_if_any();
  return geo::Point{*lon, *lat};
}

http::Response check_location(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto point = point_params(req);
  d.units.get(c.actor, id);  // in scope, or 404
  auto check = d.boundaries.check_location(id, point);
  return http::Response::json(200, boost::json::object{{"inside", check.inside}, {"commune", unit_ref(check.actual)}});
}

http::Response locate_point(const Deps& d, http::Request& req, const Caller&) {
  auto found = d.boundaries.locate(point_params(req));
  return http::Response::json(200, boost::json::object{{"commune", unit_ref(found.commune)},
                                                       {"village", unit_ref(found.village)},
                                                       {"exact", found.exact},
                                                       {"distance_m", std::round(found.distance_m * 10) / 10}});
}

http::Response get_tree(const Deps& d, http::Request& req, const Caller& c) {
  auto tree = d.units.rendered_tree(c.actor, flag_param(req, "history"), [](const auto& roots, const auto& today) {
    boost::json::array out;
    for (const auto& r : roots) out.push_back(node_json(r, today));
    return boost::json::serialize(boost::json::object{{"roots", std::move(out)}});
  });
  std::string etag = "\"" + crypto::blake2b_hex(tree.tag).substr(0, 20) + "\"";
  return cached_response(req, etag, tree.body, "application/json; charset=utf-8");
}

units::ListFilter unit_filter(const http::Request& req, int default_size, int max_size) {
  units::ListFilter f;
  f.query = text_param(req, "q");
  f.kind = text_param(req, "kind");
  f.parent_id = optional_id_param(req, "parent_id");
  f.page = int_param(req, "page", 1, 1, 1000000);
  f.page_size = int_param(req, "page_size", default_size, 1, max_size);
  return f;
}

http::Response units_page(const Deps& d, const Page<units::Unit>& page) {
  boost::json::array items;
  auto today = d.units.today();
  for (const auto& u : page.items) items.push_back(unit_json(u, today));
  return http::Response::json(200, boost::json::object{{"items", std::move(items)}, {"total", page.total}});
}

http::Response list_units(const Deps& d, http::Request& req, const Caller& c) {
  auto f = unit_filter(req, 50, 500);
  f.include_history = flag_param(req, "history");
  return units_page(d, d.units.list(c.actor, f));
}

// GET /units/directory?q=&kind=&parent_id=&for=&history=: any unit in force (or ever, with
// history=1), whatever the caller's scope, each with the names of the units it lies in.
// for=model_site keeps the kinds a model site stands on (community::Models says which).
http::Response unit_directory(const Deps& d, http::Request& req, const Caller&) {
  auto f = unit_filter(req, 20, 50);
  f.include_history = flag_param(req, "history");
  if (auto purpose = text_param(req, "for")) {
    if (*purpose != "model_site") throw Error::field("for", "unknown_value");
    for (auto kind : community::Models::site_unit_kinds()) f.kinds.emplace_back(units::kind_code(kind));
  }
  auto page = d.units.directory(f);
  boost::json::array items;
  auto today = d.units.today();
  for (const auto& entry : page.items) {
    auto item = unit_json(entry.unit, today);
    item["within"] = boost::json::value_from(entry.within);
    items.push_back(std::move(item));
  }
  return http::Response::json(200, boost::json::object{{"items", std::move(items)}, {"total", page.total}});
}

http::Response export_units(const Deps& d, http::Request&, const Caller& c) {
  auto res = http::Response::text(200, d.units.export_csv(c.actor), "text/csv; charset=utf-8");
  res.set("Content-Disposition", "attachment; filename=\"antq-units.csv\"");
  return res;
}

http::Response import_units(const Deps& d, http::Request& req, const Caller& c) {
  auto type = req.header("content-type").value_or("");
  if (type.rfind("text/csv", 0) != 0) throw Error::of(Error::Kind::unsupported_media_type, "expected text/csv");
  units::ImportOptions options;
  options.dry_run = flag_param(req, "dry_run");
  auto result = d.units.import_csv(c.actor, req.body, options);
  return http::Response::json(200, boost::json::object{{"created", result.created},
                                                       {"updated", result.updated},
                                                       {"dry_run", result.dry_run},
                                                       {"encoding", result.encoding}});
}

http::Response merge_units(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  json::Reader r(body);
  units::Merge m;
  auto sources = r.integers("source_ids");
  auto target = r.required_integer("target_id");
  m.effective_date = r.required_text("effective_date", 10).value_or("");
  m.basis = r.required_text("basis", 500).value_or("");
  if (!sources) r.errors().add("source_ids", "required");
  r.finish();
  m.source_ids = *sources;
  m.target_id = *target;
  return http::Response::json(200, unit_json(d.units.merge(c.actor, m), d.units.today()));
}

http::Response get_unit(const Deps& d, http::Request& req, const Caller& c) {
  return http::Response::json(200, detail_json(d.units.get(c.actor, path_id(req)), d.units.today()));
}

http::Response create_unit(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  json::Reader r(body);
  units::NewUnit in;
  in.code = r.text("code", 64).value_or("");
  in.name = r.text("name", 400).value_or("");
  in.kind = r.text("kind", 40).value_or("");
  in.designation = r.text("designation", 100).value_or("");
  in.parent_id = r.integer("parent_id");
  in.valid_from = r.text("valid_from", 10);
  in.remote = r.boolean("remote").value_or(false);
  in.note = r.text("note", 2000).value_or("");
  r.finish();
  return http::Response::json(201, unit_json(d.units.create(c.actor, in), d.units.today()));
}

http::Response update_unit(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto body = json_body(req);
  json::Reader r(body);
  units::UnitPatch p;
  p.code = r.text("code", 64);
  p.name = r.text("name", 400);
  p.designation = r.text("designation", 100);
  p.parent_id = r.integer("parent_id");
  p.valid_to = r.text("valid_to", 10);
  p.clear_valid_to = body.contains("valid_to") && body.at("valid_to").is_null();
  p.remote = r.boolean("remote");
  p.note = r.text("note", 2000);
  p.hotline = r.text("hotline", 400);
  r.finish();
  return http::Response::json(200, unit_json(d.units.update(c.actor, id, p), d.units.today()));
}

}  // namespace

void add_units_routes(http::Router& router, const Auth& auth, units::Service& units,
                      const units::Boundaries& boundaries) {
  Routes<Deps> routes(router, auth, Deps{units, boundaries});
  routes.staff("GET", "/api/v1/units/locate", locate_point);
  routes.staff("GET", "/api/v1/units/{id}/boundary", get_boundary);
  routes.staff("GET", "/api/v1/units/{id}/children/boundaries", get_children_boundaries);
  routes.staff("GET", "/api/v1/units/{id}/check-location", check_location);
  routes.staff("GET", "/api/v1/units/tree", get_tree);
  routes.staff("GET", "/api/v1/units/directory", unit_directory);
  routes.staff("GET", "/api/v1/units", list_units);
  routes.staff("GET", "/api/v1/units/export", export_units);
  routes.staff("POST", "/api/v1/units/import", import_units);
  routes.staff("POST", "/api/v1/units/merge", merge_units);
  routes.staff("GET", "/api/v1/units/{id}", get_unit);
  routes.staff("POST", "/api/v1/units", create_unit);
  routes.staff("PATCH", "/api/v1/units/{id}", update_unit);
}

}  // namespace antq::api
