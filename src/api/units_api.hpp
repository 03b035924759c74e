#pragma once
// /api/v1/units/…: the tree, list, details, administration, merges, CSV, boundaries and
// locating a point.
#include "api/support.hpp"
#include "http/router.hpp"
#include "modules/units/boundaries.hpp"
#include "modules/units/service.hpp"

namespace antq::api {

void add_units_routes(http::Router& router, const Auth& auth, units::Service& units,
                      const units::Boundaries& boundaries);

}  // namespace antq::api
