#pragma once
// How much of a commune the working cameras see: the share of its roads' length inside at
// least one view cone (roads cut into 5-m pieces, a piece seen when its middle is), with
// the longest stretches no camera sees; or, with no roads, the share of an area (a 20-m
// grid over its boundary). Pure: the service gives it the roads, cones and villages.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "platform/geo/geodesic.hpp"
#include "platform/geo/lines.hpp"

namespace antq::cameras::coverage {

constexpr double kPieceMetres = 5;
constexpr double kGridMetres = 20;

// The cones asked "does any of you see this point?", through a grid of their boxes.
class ConeIndex {
 public:
  explicit ConeIndex(std::vector<geo::ViewCone> cones);
  bool sees(geo::Point p) const;

 private:
  static constexpr double kCellDegrees = 0.002;  // about 220 m
  std::int64_t key(geo::Point p) const;
  std::vector<geo::ViewCone> cones_;
  std::map<std::int64_t, std::vector<std::size_t>> cells_;
};

struct RoadLine {
  std::string name;
  geo::Line line;
};

// A village, for telling which village a piece of road lies in.
struct VillageArea {
  std::int64_t id = 0;
  const geo::MultiPolygon* shape = nullptr;
  geo::BBox box;  // the shape's
};

struct Share {
  double total_m = 0;
  double covered_m = 0;
  int roads = 0;  // the roads with a piece in it
};

// A stretch of road that no working camera sees.
struct Gap {
  std::string road;
  std::optional<std::int64_t> village_id;  // where its middle lies
  double length_m = 0;
  geo::Line line;
};

struct RoadCoverage {
  Share total;
  std::map<std::int64_t, Share> by_village;  // pieces in no village are in `total` only
  std::vector<Gap> gaps;                     // longest first, at most max_gaps
};

RoadCoverage over_roads(const std::vector<RoadLine>& roads, const ConeIndex& cones,
                        const std::vector<VillageArea>& villages, std::size_t max_gaps);

// The share (0..1) of the area inside `shape` that the cones see, on a grid of `step_m`
// (coarser for a large shape: at most about kMaxGridPoints points); nullopt when the grid
// has no point inside (a shape smaller than a cell).
constexpr double kMaxGridPoints = 250000;
std::optional<double> area_share(const geo::MultiPolygon& shape, const ConeIndex& cones, double step_m = kGridMetres);

// A digest of the cones, in their order: equal digests, the same cones (what an area share
// depends on besides the shape).
std::uint64_t digest(const std::vector<geo::ViewCone>& cones);

// Area shares already computed (up to a quarter of a million grid points each), kept per
// unit while what they depend on stays: the working cameras' cones (their digest; any
// camera registered, moved, turned, confirmed, broken, repaired or erased changes it) and
// the boundary (the parsed shape itself: a new boundary is a new shape; kept alive here,
// so that its address cannot come back for another). At most kMaxUnits units, the least
// recently asked dropped first. Thread-safe.
class AreaCache {
 public:
  static constexpr std::size_t kMaxUnits = 2048;
  // The unit's share, computed by `compute` unless kept for this shape and these cones.
  std::optional<double> share(std::int64_t unit_id, const std::shared_ptr<const geo::MultiPolygon>& shape,
                              std::uint64_t cones, const std::function<std::optional<double>()>& compute);
  std::size_t computed() const;  // how many shares were computed (tests, benchmarks)
  std::size_t size() const;

 private:
  struct Entry {
    std::shared_ptr<const geo::MultiPolygon> shape;
    std::uint64_t cones = 0;
    std::optional<double> share;
    std::uint64_t used = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::int64_t, Entry> entries_;
  std::uint64_t tick_ = 0;
  std::size_t computed_ = 0;
};

}  // namespace antq::cameras::coverage
