#include "modules/cameras/roads_repo.hpp"

#include <boost/json.hpp>

#include "platform/db/read.hpp"

namespace antq::cameras::roads_repo {
namespace {

Road road_from_row(db::Reader& r) {
  Road road;
  road.name = r.text();
  std::vector<geo::Problem> problems;  // checked on import
  auto lines = geo::parse_lines(boost::json::parse(r.text()), problems);
  if (!lines.empty()) road.line = std::move(lines.front());
  road.length_m = r.real();
  road.demo = r.boolean();
  road.source = r.text();
  return road;
}

Count count_from_row(db::Reader& r) {
  Count c;
  c.village_id = r.opt_i64();
  c.status = r.text();
  c.sharing = r.text();
  c.cameras = static_cast<int>(r.i64());
  return c;
}

}  // namespace

void lock_commune(db::Tx& tx, std::int64_t unit_id) {
  static constexpr db::Query q{"camera_roads.lock_commune", "UPDATE units SET note = note WHERE id = $1"};
  tx.exec(q, unit_id);
}

void replace(db::Tx& tx, std::int64_t unit_id, const std::vector<Road>& roads, std::int64_t now) {
  static constexpr db::Query remove{"camera_roads.delete", "DELETE FROM camera_roads WHERE unit_id = $1"};
  static constexpr db::Query insert{
      "camera_roads.insert",
      "INSERT INTO camera_roads (unit_id, name, geometry, length_m, min_lon, min_lat, max_lon, max_lat, demo, source, "
      "imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"};
  tx.exec(remove, unit_id);
  for (const auto& road : roads) {
    auto box = geo::bbox(road.line);
    tx.exec(insert, unit_id, road.name, boost::json::serialize(geo::to_geojson(road.line)), road.length_m, box.min_lon,
            box.min_lat, box.max_lon, box.max_lat, road.demo, road.source, now);
  }
}

std::vector<Road> of_unit(db::Tx& tx, std::int64_t unit_id) {
  static constexpr db::Query q{
      "camera_roads.of_unit",
      "SELECT name, geometry, length_m, demo, source FROM camera_roads WHERE unit_id = $1 ORDER BY id"};
  return db::all(tx, q, road_from_row, unit_id);
}

std::vector<Count> camera_counts(db::Tx& tx, std::int64_t unit_id) {
  static constexpr db::Query q{
      "camera_roads.camera_counts",
      "SELECT village_id, status, sharing, COUNT(*) FROM cameras WHERE unit_id = $1 AND confirmed = 1 "
      "GROUP BY village_id, status, sharing ORDER BY village_id, status, sharing"};
  return db::all(tx, q, count_from_row, unit_id);
}

}  // namespace antq::cameras::roads_repo
