#pragma once
// The JSON of the self-management models' records, shared by their routes.
#include <boost/json.hpp>

#include "modules/community/models.hpp"

namespace antq::api {

boost::json::object model_type_json(const community::ModelType& t);
// A site as listed.
boost::json::object model_site_json(const community::ModelSiteView& v);
// A site with its board, teams, assessments and regulation document.
boost::json::object model_site_detail_json(const community::ModelSiteDetail& d);
boost::json::object model_activity_json(const community::ModelActivity& a);

}  // namespace antq::api
