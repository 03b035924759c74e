#pragma once
// The only place with SQL for cameras (migrations/0018_cameras*.sql).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/cameras/model.hpp"
#include "platform/db/database.hpp"

namespace antq::cameras::repo {

std::int64_t insert(db::Tx& tx, const Camera& camera, std::int64_t now);
std::optional<Camera> get(db::Tx& tx, std::int64_t id);
std::optional<Camera> by_code(db::Tx& tx, const std::string& code);

// Cameras standing inside `box` whose commune lies in the subtree at `scope_path`, each
// with its status at `at`: the R*Tree on SQLite, the SP-GiST index on PostgreSQL.
std::vector<Candidate> candidates(db::Tx& tx, const geo::BBox& box, const std::string& scope_path, time::Millis at);
// The candidate query of a dialect (its parameters: min lon, min lat, max lon, max lat,
// at, scope path), for the tests that read its plan.
std::string_view candidates_sql(db::Dialect dialect);

// Starts a status at `interval.since`, ending the open one there.
// REQUIRES: `interval.since` is later than the open interval's start.
void open_status(db::Tx& tx, std::int64_t camera_id, const StatusInterval& interval,
                 std::optional<std::int64_t> recorded_by, std::int64_t now);
// The camera's statuses, oldest first.
std::vector<StatusInterval> history(db::Tx& tx, std::int64_t camera_id);

}  // namespace antq::cameras::repo
