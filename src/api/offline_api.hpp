#pragma once
// GET /api/v1/community/offline-pack?village_id=: what a phone keeps of one village to
// work there with no signal (community/offline_pack.hpp), with an ETag so that a phone
// refreshing an unchanged pack gets 304 and nothing else.
#include "api/support.hpp"
#include "http/router.hpp"
#include "modules/community/offline_pack.hpp"

namespace antq::api {

void add_offline_routes(http::Router& router, const Auth& auth, const community::OfflinePacks& packs);

}  // namespace antq::api
