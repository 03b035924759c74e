// /api/v1/cameras/roads and /api/v1/cameras/coverage: a commune's roads and what its
// working cameras see of them.
#include <boost/json.hpp>

#include <cmath>

#include "api/cameras_api.hpp"
#include "platform/error.hpp"

namespace antq::api {
namespace {

struct Deps {
  const cameras::Service& cameras;
};

std::int64_t required_unit(const http::Request& req) {
  auto unit_id = optional_id_param(req, "unit_id");
  if (!unit_id) throw Error::field("unit_id", "required");
  return *unit_id;
}

boost::json::value metres(const std::optional<double>& m) {
  if (!m) return nullptr;
  return std::round(*m);
}

boost::json::value share(const std::optional<double>& s) {
  if (!s) return nullptr;
  return std::round(*s * 10000) / 10000;
}

boost::json::object counts_json(const cameras::CameraCounts& c) {
  boost::json::object status;
  for (const auto& [k, v] : c.by_status) status[k] = v;
  boost::json::object sharing;
  for (const auto& [k, v] : c.by_sharing) sharing[k] = v;
  return {{"total", c.total}, {"by_status", std::move(status)}, {"by_sharing", std::move(sharing)}};
}

http::Response coverage(const Deps& d, http::Request& req, const Caller& c) {
  auto cov = d.cameras.coverage(c.actor, required_unit(req));
  boost::json::array villages;
  for (const auto& v : cov.villages) {
    std::optional<double> road_share;
    if (v.road_m && *v.road_m > 0) road_share = *v.covered_m / *v.road_m;
    villages.push_back(boost::json::object{{"village_id", v.village_id ? boost::json::value(*v.village_id) : nullptr},
                                           {"name", v.name},
                                           {"former", v.former},
                                           {"cameras", counts_json(v.cameras)},
                                           {"road_m", metres(v.road_m)},
                                           {"covered_m", metres(v.covered_m)},
                                           {"road_share", share(road_share)},
                                           {"area_share", share(v.area_share)}});
  }
  boost::json::array gaps;
  for (const auto& g : cov.gaps) {
    gaps.push_back(boost::json::object{{"road", g.road},
                                       {"village", g.village},
                                       {"length_m", std::round(g.length_m)},
                                       {"geometry", geo::to_geojson(g.line)}});
  }
  std::optional<double> road_share;
  if (cov.road_m > 0) road_share = cov.covered_m / cov.road_m;
  return http::Response::json(200, boost::json::object{{"unit_id", cov.unit.id},
                                                       {"unit_name", cov.unit.name},
                                                       {"basis", cov.basis},
                                                       {"roads", cov.roads},
                                                       {"road_m", std::round(cov.road_m)},
                                                       {"covered_m", std::round(cov.covered_m)},
                                                       {"road_share", share(road_share)},
                                                       {"area_share", share(cov.area_share)},
                                                       {"villages", std::move(villages)},
                                                       {"gaps", std::move(gaps)}});
}

http::Response roads(const Deps& d, http::Request& req, const Caller& c) {
  return http::Response::text(200, d.cameras.roads_geojson(c.actor, required_unit(req)), "application/geo+json");
}

http::Response import_roads(const Deps& d, http::Request& req, const Caller& c) {
  auto type = req.header("content-type").value_or("");
  if (type.rfind("application/geo+json", 0) != 0 && type.rfind("application/json", 0) != 0) {
    throw Error::of(Error::Kind::unsupported_media_type, "expected application/geo+json");
  }
  cameras::RoadImportOptions options;
  options.dry_run = flag_param(req, "dry_run");
  options.source = text_param(req, "source").value_or("");
  auto r = d.cameras.import_roads(c.actor, required_unit(req), req.body, options);
  return http::Response::json(
      200,
      boost::json::object{
          {"roads", r.roads}, {"length_m", std::round(r.length_m)}, {"replaced", r.replaced}, {"dry_run", r.dry_run}});
}

}  // namespace

void add_camera_coverage_routes(http::Router& router, const Auth& auth, const cameras::Service& cameras) {
  Routes<Deps> routes(router, auth, Deps{cameras});
  routes.staff("GET", "/api/v1/cameras/coverage", coverage);
  routes.staff("GET", "/api/v1/cameras/roads", roads);
  routes.staff("POST", "/api/v1/cameras/roads", import_roads);
}

}  // namespace antq::api
