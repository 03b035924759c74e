#pragma once
// /api/v1/auth/…: sign-in, sign-out, the current user, password and TOTP.
#include "api/support.hpp"
#include "http/router.hpp"

namespace antq::api {

void add_auth_routes(http::Router& router, const Auth& auth);

}  // namespace antq::api
