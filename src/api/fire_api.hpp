#pragma once
// /api/v1/community/fire-groups…, /extinguishers…, /fire-points…, /fire-due and
// /fire-coverage: the inter-household fire-safety groups (Tổ liên gia an toàn PCCC) of the
// villages with their members, each member house's extinguishers and gear, the groups'
// shared firefighting points, what is due (extinguishers expired or expiring, groups
// without a drill this year, member houses without an extinguisher) and the share of
// households in a group per village.
#include "api/support.hpp"
#include "http/router.hpp"
#include "modules/community/fire_groups.hpp"

namespace antq::api {

void add_fire_routes(http::Router& router, const Auth& auth, const community::FireGroups& fire_groups);
// /api/v1/community/drills/{uuid} and /fire-groups/{id}/drills (drills_api.cpp).
void add_drill_routes(http::Router& router, const Auth& auth, const community::FireGroups& fire_groups);
// /api/v1/community/extinguisher-checks/{uuid} and /extinguishers/{id}/checks
// (extinguisher_checks_api.cpp).
void add_extinguisher_check_routes(http::Router& router, const Auth& auth, const community::FireGroups& fire_groups);

}  // namespace antq::api
