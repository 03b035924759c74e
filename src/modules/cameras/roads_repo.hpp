#pragma once
// The SQL of a commune's roads and of the camera counts coverage shows
// (migrations/0024_camera_roads.sql).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/geo/lines.hpp"

namespace antq::cameras::roads_repo {

struct Road {
  std::string name;
  geo::Line line;
  double length_m = 0;
  bool demo = false;
  std::string source;
};

// Holds the commune's row until the transaction ends (PostgreSQL runs writers at once;
// SQLite has one).
void lock_commune(db::Tx& tx, std::int64_t unit_id);
// Replaces the commune's roads with `roads`.
void replace(db::Tx& tx, std::int64_t unit_id, const std::vector<Road>& roads, std::int64_t now);
std::vector<Road> of_unit(db::Tx& tx, std::int64_t unit_id);

// How many confirmed cameras of a commune stand in each village (nullopt: the commune's
// own) with each status and sharing level.
struct Count {
  std::optional<std::int64_t> village_id;
  std::string status;
  std::string sharing;
  int cameras = 0;
};
std::vector<Count> camera_counts(db::Tx& tx, std::int64_t unit_id);

}  // namespace antq::cameras::roads_repo
