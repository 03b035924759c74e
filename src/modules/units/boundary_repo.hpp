#pragma once
// The SQL of unit boundaries (migrations/0017_unit_boundaries*.sql).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/geo/geo.hpp"

namespace antq::units::boundary_repo {

struct Stored {
  std::int64_t unit_id = 0;
  std::string geometry;  // canonical GeoJSON geometry object
  std::string hash;
  int points = 0;
};

// A boundary whose box meets the search box, with what locate needs of its unit.
struct Candidate {
  std::int64_t unit_id = 0;
  std::string hash;
  std::string code;
  std::string kind;
  std::optional<std::int64_t> parent_id;
  std::optional<std::string> valid_to;
  std::string name;
  std::string designation;
  std::optional<std::string> valid_from;
};

void upsert(db::Tx& tx, std::int64_t unit_id, const std::string& geometry, const geo::BBox& box, std::size_t points,
            const std::string& hash, const std::string& source, std::int64_t now);
std::optional<std::string> hash_of(db::Tx& tx, std::int64_t unit_id);
std::optional<Stored> get(db::Tx& tx, std::int64_t unit_id);
// The units under `parent_id` with a boundary, active on `today`, by code.
std::vector<std::int64_t> children_with_boundary(db::Tx& tx, std::int64_t parent_id, const std::string& today);
// Boundaries whose box meets `box`: the R*Tree on SQLite, the GiST index on PostgreSQL.
std::vector<Candidate> candidates(db::Tx& tx, const geo::BBox& box);

}  // namespace antq::units::boundary_repo
