// Which commune (and village) a point lies in: candidates from the spatial index, then
// the exact test on the boundaries (parsed once per version of each and kept).
#include <algorithm>
#include <cmath>
#include <tuple>

#include "modules/units/boundaries.hpp"
#include "modules/units/boundary_repo.hpp"
#include "modules/units/repo.hpp"

namespace antq::units {
namespace {

constexpr double kMetresPerDegree = 111320.0;
constexpr double kPi = 3.14159265358979323846;

// The box of the points within `metres` of `p` (a little more, never less).
geo::BBox around(geo::Point p, double metres) {
  double dlat = metres / 110000.0;
  double dlon = metres / (kMetresPerDegree * std::max(0.01, std::cos(p.lat * kPi / 180.0)));
  return {p.lon - dlon, p.lat - dlat, p.lon + dlon, p.lat + dlat};
}

struct Ranked {
  int rank = 3;  // 0 inside, 1 on the edge, 2 near (within kNearMetres), 3 out
  double distance_m = 0;
  const boundary_repo::Candidate* candidate = nullptr;
  auto key() const { return std::tie(rank, distance_m, candidate->code); }
};

}  // namespace

Located Boundaries::locate(geo::Point p) const {
  Located out;
  db_.read([&](db::Tx& tx) {
    auto today = time::local_date(clock_.now());
    auto candidates = boundary_repo::candidates(tx, around(p, kNearMetres));
    auto best = [&](auto accept, bool near_too) {
      std::optional<Ranked> top;
      for (const auto& c : candidates) {
        if (!accept(c) || (c.valid_to && *c.valid_to < today)) continue;
        auto s = shape(tx, c.unit_id, c.hash);
        if (!s) continue;
        Ranked r;
        r.candidate = &c;
        auto where = geo::locate(*s, p);
        if (where == geo::Where::inside) {
          r.rank = 0;
        } else if (where == geo::Where::on_edge) {
          r.rank = 1;
        } else if (near_too) {
          r.distance_m = geo::distance_to_edge_m(*s, p);
          if (r.distance_m <= kNearMetres) r.rank = 2;
        }
        if (r.rank < 3 && (!top || r.key() < top->key())) top = r;
      }
      return top;
    };
    auto commune = best(
        [](const boundary_repo::Candidate& c) {
          auto kind = kind_from_code(c.kind);
          return kind && is_commune_level(*kind);
        },
        true);
    if (!commune) return;
    out.commune = repo::get(tx, commune->candidate->unit_id);
    out.exact = commune->rank < 2;
    out.distance_m = commune->distance_m;
    auto commune_id = commune->candidate->unit_id;
    auto village = best(
        [&](const boundary_repo::Candidate& c) { return c.kind == "residential_area" && c.parent_id == commune_id; },
        false);
    if (village) out.village = repo::get(tx, village->candidate->unit_id);
  });
  return out;
}

LocationCheck Boundaries::check_location(std::int64_t unit_id, geo::Point p) const {
  LocationCheck check;
  auto found = locate(p);
  check.actual = found.commune;
  if (!found.commune) return check;
  std::optional<Unit> unit;
  db_.read([&](db::Tx& tx) { unit = repo::get(tx, unit_id); });
  check.inside = unit && (unit->id == found.commune->id || unit->parent_id == found.commune->id);
  return check;
}

}  // namespace antq::units
