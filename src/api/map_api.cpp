// /api/v1/map: the map settings, and the basemap archive read in ranges by the map.
#include "api/map_api.hpp"

#include <boost/json.hpp>

#include <filesystem>

#include "http/range.hpp"
#include "platform/error.hpp"

namespace antq::api {
namespace {

constexpr const char* kBasemapPath = "/api/v1/map/basemap.pmtiles";

struct Deps {
  MapSettings settings;
  // Configured and readable as a file now (it may be copied in while antq runs).
  bool has_basemap() const {
    std::error_code ec;
    return !settings.basemap.empty() && std::filesystem::is_regular_file(settings.basemap, ec);
  }
};

http::Response get_map(const Deps& d, http::Request&, const Caller&) {
  bool basemap = d.has_basemap();
  return http::Response::json(200,
                              boost::json::object{{"basemap", basemap ? boost::json::value(kBasemapPath) : nullptr},
                                                  {"attribution", basemap ? d.settings.attribution : std::string()}});
}

http::Response get_basemap(const Deps& d, http::Request& req, const Caller&) {
  if (!d.has_basemap()) throw Error::not_found("no basemap configured");
  return http::file_response(req, d.settings.basemap, "application/vnd.pmtiles");
}

}  // namespace

void add_map_routes(http::Router& router, const Auth& auth, MapSettings settings) {
  Routes<Deps> routes(router, auth, Deps{std::move(settings)});
  routes.staff("GET", "/api/v1/map", get_map);
  routes.staff("GET", kBasemapPath, get_basemap);
}

}  // namespace antq::api
