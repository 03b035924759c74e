#pragma once
// /api/v1/map…: what the staff app's maps draw on — the configured offline basemap (a
// PMTiles archive served with HTTP Range) or none.
#include <string>

#include "api/support.hpp"
#include "http/router.hpp"

namespace antq::api {

struct MapSettings {
  std::string basemap;      // path of the .pmtiles file; empty = none
  std::string attribution;  // shown on the map with the basemap
};

void add_map_routes(http::Router& router, const Auth& auth, MapSettings settings);

}  // namespace antq::api
