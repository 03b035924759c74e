#pragma once
// /api/v1/footage-requests and /api/v1/footage-tasks: asking owners for their cameras'
// footage, links for them, outcomes.
#include "api/support.hpp"
#include "http/router.hpp"
#include "modules/cameras/requests.hpp"

namespace antq::api {

void add_footage_routes(http::Router& router, const Auth& auth, const cameras::Requests& requests);

}  // namespace antq::api
