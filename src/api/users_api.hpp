#pragma once
// /api/v1/users/…: user administration (administrators).
#include "api/support.hpp"
#include "http/router.hpp"

namespace antq::api {

void add_users_routes(http::Router& router, const Auth& auth);

}  // namespace antq::api
