#pragma once
// /api/v1/cameras/…: the security-camera registry, its status and checks, and "who could
// have seen it" (/api/v1/cameras/search).
#include "api/support.hpp"
#include "http/router.hpp"
#include "modules/cameras/service.hpp"

namespace antq::api {

void add_cameras_routes(http::Router& router, const Auth& auth, const cameras::Service& cameras);
// /api/v1/cameras/roads and /coverage (camera_coverage_api.cpp); add_cameras_routes adds them.
void add_camera_coverage_routes(http::Router& router, const Auth& auth, const cameras::Service& cameras);

}  // namespace antq::api
