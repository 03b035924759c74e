#pragma once
// Unit boundaries: imported from GeoJSON, served for the map (simplified on request), and
// asked which commune (and village) a point lies in. Part of the units module; its SQL is
// in boundary_repo. Thread-safe.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/access.hpp"
#include "modules/audit/service.hpp"
#include "modules/units/model.hpp"
#include "platform/db/database.hpp"
#include "platform/geo/geo.hpp"
#include "platform/time/time.hpp"

namespace antq::units {

struct BoundaryImportOptions {
  std::string code_property = "code";  // the feature property holding the unit's code
  bool dry_run = false;                // check and count, write nothing
  bool skip_unmatched = false;         // import the rest when some features match no unit
  std::string source;                  // the file's name, kept with each boundary and audited
};

struct BoundaryImportReport {
  int features = 0;
  int imported = 0;                    // new or changed
  int unchanged = 0;                   // the same geometry as stored
  std::vector<std::string> unmatched;  // "feature 3 (99999)": no unit has that code
  bool dry_run = false;
};

// A unit's boundary as a GeoJSON Feature, and the tag that names this body (an ETag).
struct BoundaryView {
  std::string etag;
  std::shared_ptr<const std::string> body;
};

// Which commune (and village) a point is in.
struct Located {
  std::optional<Unit> commune;
  std::optional<Unit> village;
  // false when no boundary contains the point and the nearest one within kNearMetres
  // was taken (simplified neighbours leave gaps of some metres between them).
  bool exact = true;
  double distance_m = 0;  // to that nearest boundary
};

// Whether a point given for a unit lies in that unit's commune, and which commune it lies in.
struct LocationCheck {
  bool inside = false;
  std::optional<Unit> actual;  // the commune the point is in, if any
};

class Boundaries {
 public:
  static constexpr double kNearMetres = 30;
  static constexpr std::size_t kMaxFileBytes = 64U << 20U;
  static constexpr std::size_t kMaxPositions = 200000;  // per feature

  Boundaries(db::Database& db, const audit::Service& audit, const time::Clock& clock)
      : db_(db), audit_(audit), clock_(clock) {}

  // Every feature of a GeoJSON FeatureCollection (or one Feature) is checked (a Polygon
  // or MultiPolygon, closed rings, WGS84 ranges) and matched to a unit by code before
  // anything is written; then one transaction and one audit entry. Throws Error::validation
  // naming each bad feature ("feature 17 (02545)") and, unless skip_unmatched, each
  // unmatched one. Administrators, for units in their scope.
  BoundaryImportReport import_geojson(const Actor& actor, std::string_view geojson,
                                      const BoundaryImportOptions& options = {}) const;

  // The tolerances a boundary is simplified to (metres); a request is rounded down to one.
  static int tolerance_step(double requested_m);
  // The unit's boundary simplified to `tolerance_m` (a tolerance_step): for units in the
  // actor's scope and the units above it (an officer sees the province outline). Throws
  // not_found for others and for a unit without a boundary.
  BoundaryView boundary(const Actor& actor, std::int64_t unit_id, int tolerance_m) const;

  // The boundaries of the unit's active children that have one, as a FeatureCollection
  // (each Feature as boundary() gives it): what a map draws under the unit. The unit must
  // be one boundary() shows; an empty collection when no child has a boundary.
  BoundaryView children_boundaries(const Actor& actor, std::int64_t unit_id, int tolerance_m) const;

  // The active commune-level unit whose boundary contains `p` (inside beats on the edge;
  // among equals the lowest code, so a shared edge always gets the same answer), else the
  // nearest within kNearMetres; then its village the same way, where villages have one.
  Located locate(geo::Point p) const;
  // For tips and cameras: is `p` in the commune of `unit_id` (the unit or its commune)?
  LocationCheck check_location(std::int64_t unit_id, geo::Point p) const;
  // A place typed for a record of `commune` (a camera, a firefighting point) is where it
  // should be, unless the user saw the warning and `confirmed`: the field error `field`:
  // outside_vietnam, or outside_commune with the commune the point is in as its hint. A
  // commune without a boundary cannot tell. `own` (the commune's polygons, when the
  // caller holds them for many points) spares the lookup of points inside it.
  void require_in_commune(const Unit& commune, geo::Point p, bool confirmed, const std::string& field,
                          const geo::MultiPolygon* own = nullptr) const;
  // The unit's boundary, parsed (and cached); null when it has none. No scope check: for
  // services that checked the unit already (camera coverage).
  std::shared_ptr<const geo::MultiPolygon> polygons(std::int64_t unit_id) const;

 private:
  // A boundary parsed for locate, with its box (most candidates are ruled out by it).
  struct Shape {
    geo::MultiPolygon polygons;
    geo::BBox box;
  };
  std::shared_ptr<const Shape> shape(db::Tx& tx, std::int64_t unit_id, const std::string& hash) const;

  db::Database& db_;
  const audit::Service& audit_;
  const time::Clock& clock_;
  mutable std::mutex mu_;
  // Parsed boundaries by unit, with the hash they were parsed from.
  mutable std::map<std::int64_t, std::pair<std::string, std::shared_ptr<const Shape>>> shapes_;
  // Rendered Features by etag; emptied when they outgrow kMaxCachedBytes.
  static constexpr std::size_t kMaxCachedBytes = 64U << 20U;
  mutable std::map<std::string, std::shared_ptr<const std::string>> bodies_;
  mutable std::size_t body_bytes_ = 0;
};

}  // namespace antq::units
