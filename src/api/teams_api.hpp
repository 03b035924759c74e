#pragma once
// /api/v1/community/teams…, /team-members/{id} and /patrols/{uuid}: the village security
// teams (Tổ bảo vệ an ninh, trật tự ở cơ sở) with their villages, their members in and out,
// and their patrols, recorded online or from a phone's outbox.
#include "api/support.hpp"
#include "http/router.hpp"
#include "modules/community/teams.hpp"

namespace antq::api {

void add_team_routes(http::Router& router, const Auth& auth, const community::Teams& teams);
// /api/v1/community/meetings/{uuid} and /teams/{id}/meetings (meetings_api.cpp).
void add_meeting_routes(http::Router& router, const Auth& auth, const community::Teams& teams);
// /api/v1/community/gradings… and /team-members/{id}/grade (grading_api.cpp).
void add_grading_routes(http::Router& router, const Auth& auth, const community::Teams& teams);

}  // namespace antq::api
