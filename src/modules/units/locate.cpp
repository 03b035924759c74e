// Which commune (and village) a point lies in: candidates from the spatial index, then
// the exact test on the boundaries (parsed once per version of each and kept).
#include <tuple>

#include "modules/units/boundaries.hpp"
#include "modules/units/boundary_repo.hpp"
#include "modules/units/repo.hpp"
#include "platform/error.hpp"

namespace antq::units {
namespace {

// What locate answers of a unit: the candidate row has it all.
Unit unit_of(const boundary_repo::Candidate& c) {
  Unit u;
  u.id = c.unit_id;
  u.code = c.code;
  u.name = c.name;
  u.designation = c.designation;
  u.kind = kind_from_code(c.kind).value_or(Kind::commune);
  u.parent_id = c.parent_id;
  u.valid_to = c.valid_to;
  return u;
}

// Within the box, or near enough to its edge to be on the boundary's (geo::locate's 1e-9°).
bool in_box(const geo::BBox& b, geo::Point p) {
  constexpr double e = 1e-8;
  return p.lon >= b.min_lon - e && p.lon <= b.max_lon + e && p.lat >= b.min_lat - e && p.lat <= b.max_lat + e;
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
    auto candidates = boundary_repo::candidates(tx, geo::box_around(p, kNearMetres));
    // The best candidate `accept`s: inside, else on the edge (lowest code among equals);
    // with `near_too`, when none contains the point, the nearest within kNearMetres.
    auto best = [&](auto accept, bool near_too) {
      std::vector<std::pair<const boundary_repo::Candidate*, std::shared_ptr<const Shape>>> outside;
      std::optional<Ranked> top;
      for (const auto& c : candidates) {
        bool active = (!c.valid_to || *c.valid_to >= today) && (!c.valid_from || *c.valid_from <= today);
        if (!accept(c) || !active) continue;
        auto s = shape(tx, c.unit_id, c.hash);
        if (!s) continue;
        auto where = in_box(s->box, p) ? geo::locate(s->polygons, p) : geo::Where::outside;
        if (where == geo::Where::outside) {
          outside.emplace_back(&c, s);
          continue;
        }
        Ranked r{where == geo::Where::inside ? 0 : 1, 0, &c};
        if (!top || r.key() < top->key()) top = r;
      }
      if (top || !near_too) return top;
      for (const auto& [c, s] : outside) {
        Ranked r{3, geo::distance_to_edge_m(s->polygons, p), c};
        if (r.distance_m <= kNearMetres) r.rank = 2;
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
    out.commune = unit_of(*commune->candidate);
    out.exact = commune->rank < 2;
    out.distance_m = commune->distance_m;
    auto commune_id = commune->candidate->unit_id;
    auto village = best(
        [&](const boundary_repo::Candidate& c) { return c.kind == "residential_area" && c.parent_id == commune_id; },
        false);
    if (village) out.village = unit_of(*village->candidate);
  });
  return out;
}

void Boundaries::require_in_commune(const Unit& commune, geo::Point p, bool confirmed, const std::string& field,
                                    const geo::MultiPolygon* own) const {
  static constexpr geo::BBox kVietnam{102.0, 6.0, 118.0, 23.5};
  if (confirmed) return;
  if (!kVietnam.contains(p)) throw Error::field(field, "outside_vietnam");
  if (own && geo::locate(*own, p) == geo::Where::inside) return;
  auto found = check_location(commune.id, p);
  if (found.inside || !found.actual) return;  // inside, or no boundary to tell
  std::string name =
      found.actual->designation.empty() ? found.actual->name : found.actual->designation + " " + found.actual->name;
  throw Error::validation({FieldError{field, "outside_commune", std::nullopt, name}});
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
