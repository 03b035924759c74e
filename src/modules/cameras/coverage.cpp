#include "modules/cameras/coverage.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <set>

namespace antq::cameras::coverage {
namespace {

constexpr double kMetresPerDegreeLat = 110574.0;
constexpr double kPi = 3.14159265358979323846;

std::optional<std::int64_t> village_of(geo::Point p, const std::vector<VillageArea>& villages) {
  for (const auto& v : villages) {
    if (v.box.contains(p) && geo::locate(*v.shape, p) != geo::Where::outside) return v.id;
  }
  return std::nullopt;
}

// Collects the runs of unseen pieces of one road as gaps.
class GapBuilder {
 public:
  GapBuilder(const std::string& road, std::vector<Gap>& out) : road_(road), out_(out) {}
  void unseen(const geo::Piece& piece) {
    if (current_.line.empty()) {
      current_.road = road_;
      current_.line.push_back(piece.from);
    }
    current_.line.push_back(piece.to);
    current_.length_m += piece.length_m;
  }
  void seen() {
    if (current_.line.empty()) return;
    out_.push_back(std::move(current_));
    current_ = Gap{};
  }

 private:
  const std::string& road_;
  std::vector<Gap>& out_;
  Gap current_;
};

}  // namespace

ConeIndex::ConeIndex(std::vector<geo::ViewCone> cones) : cones_(std::move(cones)) {
  for (std::size_t i = 0; i < cones_.size(); ++i) {
    auto box = geo::box_around(cones_[i].camera, cones_[i].range_m);
    for (double lon = box.min_lon; lon < box.max_lon + kCellDegrees; lon += kCellDegrees) {
      for (double lat = box.min_lat; lat < box.max_lat + kCellDegrees; lat += kCellDegrees) {
        auto k = key({std::min(lon, box.max_lon), std::min(lat, box.max_lat)});
        auto& cell = cells_[k];
        if (cell.empty() || cell.back() != i) cell.push_back(i);
      }
    }
  }
}

std::int64_t ConeIndex::key(geo::Point p) const {
  auto x = static_cast<std::int64_t>(std::floor((p.lon + 180) / kCellDegrees));
  auto y = static_cast<std::int64_t>(std::floor((p.lat + 90) / kCellDegrees));
  return x * 1000000 + y;
}

bool ConeIndex::sees(geo::Point p) const {
  auto it = cells_.find(key(p));
  if (it == cells_.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(),
                     [&](std::size_t i) { return geo::sight(cones_[i], p).seen(); });
}

RoadCoverage over_roads(const std::vector<RoadLine>& roads, const ConeIndex& cones,
                        const std::vector<VillageArea>& villages, std::size_t max_gaps) {
  RoadCoverage out;
  for (const auto& road : roads) {
    GapBuilder gaps(road.name, out.gaps);
    std::set<std::int64_t> touched;  // the villages this road passes through
    for (const auto& piece : geo::pieces(road.line, kPieceMetres)) {
      bool seen = cones.sees(piece.middle);
      auto village = village_of(piece.middle, villages);
      out.total.total_m += piece.length_m;
      if (seen) out.total.covered_m += piece.length_m;
      if (village) {
        auto& share = out.by_village[*village];
        if (touched.insert(*village).second) ++share.roads;
        share.total_m += piece.length_m;
        if (seen) share.covered_m += piece.length_m;
      }
      if (seen) {
        gaps.seen();
      } else {
        gaps.unseen(piece);
      }
    }
    gaps.seen();
    ++out.total.roads;
  }
  std::stable_sort(out.gaps.begin(), out.gaps.end(),
                   [](const Gap& a, const Gap& b) { return a.length_m > b.length_m; });
  if (out.gaps.size() > max_gaps) out.gaps.resize(max_gaps);
  for (auto& gap : out.gaps) {
    auto middle = gap.line[gap.line.size() / 2];
    gap.village_id = village_of(middle, villages);
  }
  return out;
}

std::optional<double> area_share(const geo::MultiPolygon& shape, const ConeIndex& cones, double step_m) {
  auto box = geo::bbox(shape);
  double mid_lat = (box.min_lat + box.max_lat) / 2;
  double height = (box.max_lat - box.min_lat) * kMetresPerDegreeLat;
  double width = (box.max_lon - box.min_lon) * 111320.0 * std::cos(mid_lat * kPi / 180);
  step_m = std::max(step_m, std::sqrt(height * width / kMaxGridPoints));
  double dlat = step_m / kMetresPerDegreeLat;
  double dlon = step_m / (111320.0 * std::cos(mid_lat * kPi / 180));
  std::size_t inside = 0;
  std::size_t seen = 0;
  for (double lat = box.min_lat + dlat / 2; lat < box.max_lat; lat += dlat) {
    for (double lon = box.min_lon + dlon / 2; lon < box.max_lon; lon += dlon) {
      geo::Point p{lon, lat};
      if (geo::locate(shape, p) != geo::Where::inside) continue;
      ++inside;
      if (cones.sees(p)) ++seen;
    }
  }
  if (inside == 0) return std::nullopt;
  return static_cast<double>(seen) / static_cast<double>(inside);
}

std::uint64_t digest(const std::vector<geo::ViewCone>& cones) {
  std::uint64_t h = 14695981039346656037ULL;  // FNV-1a over the values' bits
  auto mix = [&h](std::uint64_t v) {
    for (int i = 0; i < 8; ++i) {
      h ^= (v >> (8 * i)) & 0xFFU;
      h *= 1099511628211ULL;
    }
  };
  auto real = [&mix](double d) { mix(std::bit_cast<std::uint64_t>(d)); };
  mix(cones.size());
  for (const auto& c : cones) {
    real(c.camera.lon);
    real(c.camera.lat);
    real(c.bearing_deg.value_or(-1));
    real(c.fov_deg);
    real(c.range_m);
  }
  return h;
}

std::optional<double> AreaCache::share(std::int64_t unit_id, const std::shared_ptr<const geo::MultiPolygon>& shape,
                                       std::uint64_t cones, const std::function<std::optional<double>()>& compute) {
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(unit_id);
    if (it != entries_.end() && it->second.shape == shape && it->second.cones == cones) {
      it->second.used = ++tick_;
      return it->second.share;
    }
  }
  auto found = compute();  // outside the lock: two at once compute twice, and both are right
  std::lock_guard lock(mutex_);
  ++computed_;
  if (!entries_.contains(unit_id) && entries_.size() >= kMaxUnits) {
    auto oldest = std::min_element(entries_.begin(), entries_.end(),
                                   [](const auto& a, const auto& b) { return a.second.used < b.second.used; });
    entries_.erase(oldest);
  }
  entries_[unit_id] = Entry{shape, cones, found, ++tick_};
  return found;
}

std::size_t AreaCache::computed() const {
  std::lock_guard lock(mutex_);
  return computed_;
}

std::size_t AreaCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace antq::cameras::coverage
