#include "modules/units/boundary_repo.hpp"

#include "platform/db/read.hpp"

namespace antq::units::boundary_repo {

void upsert(db::Tx& tx, std::int64_t unit_id, const std::string& geometry, const geo::BBox& box, std::size_t points,
            const std::string& hash, const std::string& source, std::int64_t now) {
  static constexpr db::Query q{
      "unit_boundaries.upsert",
      "INSERT INTO unit_boundaries (unit_id, geometry, min_lon, min_lat, max_lon, max_lat, points, hash, source, "
      "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (unit_id) DO UPDATE SET "
      "geometry = excluded.geometry, min_lon = excluded.min_lon, min_lat = excluded.min_lat, "
      "max_lon = excluded.max_lon, max_lat = excluded.max_lat, points = excluded.points, hash = excluded.hash, "
      "source = excluded.source, updated_at = excluded.updated_at"};
  tx.exec(q, unit_id, geometry, box.min_lon, box.min_lat, box.max_lon, box.max_lat, static_cast<std::int64_t>(points),
          hash, source, now);
}

std::optional<std::string> hash_of(db::Tx& tx, std::int64_t unit_id) {
  static constexpr db::Query q{"unit_boundaries.hash", "SELECT hash FROM unit_boundaries WHERE unit_id = $1"};
  return db::one(
      tx, q, [](db::Reader& r) { return r.text(); }, unit_id);
}

std::optional<Stored> get(db::Tx& tx, std::int64_t unit_id) {
  static constexpr db::Query q{"unit_boundaries.get",
                               "SELECT unit_id, geometry, hash, points FROM unit_boundaries WHERE unit_id = $1"};
  return db::one(
      tx, q,
      [](db::Reader& r) {
        return Stored{r.i64(), r.text(), r.text(), r.integer()};
      },
      unit_id);
}

std::vector<std::int64_t> children_with_boundary(db::Tx& tx, std::int64_t parent_id, const std::string& today) {
  static constexpr db::Query q{"unit_boundaries.children",
                               "SELECT u.id FROM units u JOIN unit_boundaries b ON b.unit_id = u.id "
                               "WHERE u.parent_id = $1 AND (u.valid_to IS NULL OR u.valid_to >= $2) "
                               "AND (u.valid_from IS NULL OR u.valid_from <= $2) ORDER BY u.code"};
  return db::all(
      tx, q, [](db::Reader& r) { return r.i64(); }, parent_id, today);
}

std::vector<Candidate> candidates(db::Tx& tx, const geo::BBox& box) {
  static constexpr db::Query sqlite{
      "unit_boundaries.candidates_sqlite",
      "SELECT b.unit_id, b.hash, u.code, u.kind, u.parent_id, u.valid_to, u.name, u.designation, u.valid_from "
      "FROM unit_boundary_rtree r "
      "JOIN unit_boundaries b ON b.unit_id = r.id JOIN units u ON u.id = b.unit_id "
      "WHERE r.max_lon >= $1 AND r.min_lon <= $3 AND r.max_lat >= $2 AND r.min_lat <= $4"};
  // The index expression of migrations/0017_unit_boundaries.postgres.sql, exactly.
  static constexpr db::Query postgres{
      "unit_boundaries.candidates_postgres",
      "SELECT b.unit_id, b.hash, u.code, u.kind, u.parent_id, u.valid_to, u.name, u.designation, u.valid_from "
      "FROM unit_boundaries b "
      "JOIN units u ON u.id = b.unit_id "
      "WHERE box(point(b.min_lon, b.min_lat), point(b.max_lon, b.max_lat)) && box(point($1, $2), point($3, $4))"};
  const auto& q = tx.dialect() == db::Dialect::postgres ? postgres : sqlite;
  return db::all(
      tx, q,
      [](db::Reader& r) {
        return Candidate{r.i64(),      r.text(), r.text(), r.text(),    r.opt_i64(),
                         r.opt_text(), r.text(), r.text(), r.opt_text()};
      },
      box.min_lon, box.min_lat, box.max_lon, box.max_lat);
}

}  // namespace antq::units::boundary_repo
