#pragma once
// The JSON of the community's records a phone may change offline (a registration, an
// extinguisher, its checks and the house's gear, a patrol, a drill, a meeting): one shape wherever
// they are sent, in their own answers and in the offline pack.
#include <boost/json.hpp>

#include "modules/community/model.hpp"
#include "modules/community/teams.hpp"

namespace antq::api {

boost::json::object registration_json(const community::Registration& r);
boost::json::object extinguisher_json(const community::Extinguisher& e);
boost::json::object gear_json(const community::HouseholdGear& g);
// The route as the client sends it: [[lat, lon], …].
boost::json::object patrol_json(const community::Patrol& p);
boost::json::object drill_json(const community::Drill& d);
boost::json::object meeting_json(const community::Meeting& m);
boost::json::object extinguisher_check_json(const community::ExtinguisherCheck& c);

}  // namespace antq::api
