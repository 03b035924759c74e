#pragma once
// /api/v1/community/model-types… and /model-sites…: the self-management models' types and
// sites (mô hình tự quản về ANTT), a linked site with its other units and standing unit.
#include "api/support.hpp"
#include "http/router.hpp"
#include "modules/community/models.hpp"

namespace antq::api {

void add_model_routes(http::Router& router, const Auth& auth, const community::Models& models);
// What hangs on a site (model_parts_api.cpp): its board, teams, activities, assessments
// and regulation document; added by add_model_routes.
void add_model_part_routes(http::Router& router, const Auth& auth, const community::Models& models);

}  // namespace antq::api
