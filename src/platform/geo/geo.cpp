#include "platform/geo/geo.hpp"

#include <fmt/format.h>
#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace antq::geo {
namespace {

constexpr double kEdgeDegrees = 1e-9;
constexpr double kMetresPerDegreeLat = 110574.0;
constexpr double kMetresPerDegreeLonAtEquator = 111320.0;
constexpr double kPi = 3.14159265358979323846;

bool valid_lon(double v) { return v >= -180 && v <= 180; }
bool valid_lat(double v) { return v >= -90 && v <= 90; }

std::string where(std::size_t polygon, std::size_t ring) {
  return "polygon " + std::to_string(polygon) + ", ring " + std::to_string(ring);
}

}  // namespace

std::vector<Point> parse_positions(const boost::json::value& v, const std::string& at, std::vector<Problem>& problems) {
  std::vector<Point> ring;
  if (!v.is_array()) {
    problems.push_back({"not_geojson", at});
    return ring;
  }
  bool finite = true;
  bool in_range = true;
  bool in_range_swapped = true;
  for (const auto& pos : v.get_array()) {
    if (!pos.is_array() || pos.get_array().size() < 2 || !pos.get_array()[0].is_number() ||
        !pos.get_array()[1].is_number()) {
      problems.push_back({"not_geojson", at});
      return {};
    }
    Point p{pos.get_array()[0].to_number<double>(), pos.get_array()[1].to_number<double>()};
    finite = finite && std::isfinite(p.lon) && std::isfinite(p.lat);
    in_range = in_range && valid_lon(p.lon) && valid_lat(p.lat);
    in_range_swapped = in_range_swapped && valid_lon(p.lat) && valid_lat(p.lon);
    ring.push_back(p);
  }
  if (!finite) {
    problems.push_back({"not_finite", at});
  } else if (!in_range) {
    problems.push_back({in_range_swapped ? "swapped" : "out_of_range", at});
  }
  return ring;
}

namespace {

// A ring's positions; problems added under `at`.
Ring parse_ring(const boost::json::value& v, const std::string& at, std::vector<Problem>& problems) {
  auto before = problems.size();
  auto ring = parse_positions(v, at, problems);
  if (problems.size() > before && problems.back().code == "not_geojson") return ring;
  if (ring.size() < 4) {
    problems.push_back({"too_few_positions", at});
  } else if (ring.front().lon != ring.back().lon || ring.front().lat != ring.back().lat) {
    problems.push_back({"not_closed", at});
  }
  return ring;
}

Polygon parse_polygon(const boost::json::value& v, std::size_t index, std::vector<Problem>& problems) {
  Polygon polygon;
  if (!v.is_array() || v.get_array().empty()) {
    problems.push_back({"not_geojson", "polygon " + std::to_string(index)});
    return polygon;
  }
  std::size_t r = 0;
  for (const auto& ring : v.get_array()) polygon.rings.push_back(parse_ring(ring, where(index, r++), problems));
  return polygon;
}

// A flat frame around a latitude: metres east and north.
struct Frame {
  double x_per_lon;
  explicit Frame(double lat) : x_per_lon(kMetresPerDegreeLonAtEquator * std::cos(lat * kPi / 180)) {}
  double dx(double lon_delta) const { return lon_delta * x_per_lon; }
  static double dy(double lat_delta) { return lat_delta * kMetresPerDegreeLat; }
};

// Distance from p to the segment a-b, in the frame, metres.
double segment_distance_m(const Frame& f, Point p, Point a, Point b) {
  double bx = f.dx(b.lon - a.lon);
  double by = Frame::dy(b.lat - a.lat);
  double px = f.dx(p.lon - a.lon);
  double py = Frame::dy(p.lat - a.lat);
  double length2 = bx * bx + by * by;
  double t = length2 > 0 ? std::clamp((px * bx + py * by) / length2, 0.0, 1.0) : 0.0;
  return std::hypot(px - t * bx, py - t * by);
}

// Degrees from p to segment a-b, for the on-edge test (no frame: a tolerance this small
// needs none).
bool on_segment(Point p, Point a, Point b) {
  // Most edges are nowhere near p: their box rules them out without the arithmetic.
  if (p.lon < std::min(a.lon, b.lon) - kEdgeDegrees || p.lon > std::max(a.lon, b.lon) + kEdgeDegrees ||
      p.lat < std::min(a.lat, b.lat) - kEdgeDegrees || p.lat > std::max(a.lat, b.lat) + kEdgeDegrees) {
    return false;
  }
  double bx = b.lon - a.lon;
  double by = b.lat - a.lat;
  double px = p.lon - a.lon;
  double py = p.lat - a.lat;
  double length2 = bx * bx + by * by;
  double t = length2 > 0 ? std::clamp((px * bx + py * by) / length2, 0.0, 1.0) : 0.0;
  double dx = px - t * bx;
  double dy = py - t * by;
  return dx * dx + dy * dy <= kEdgeDegrees * kEdgeDegrees;
}

// Even-odd crossings of a ray from p going east.
bool crosses_odd(const Ring& ring, Point p) {
  bool odd = false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const Point& a = ring[i];
    const Point& b = ring[j];
    if ((a.lat > p.lat) != (b.lat > p.lat)) {
      double lon = a.lon + (p.lat - a.lat) * (b.lon - a.lon) / (b.lat - a.lat);
      if (p.lon < lon) odd = !odd;
    }
  }
  return odd;
}

void douglas_peucker(const Ring& ring, std::size_t first, std::size_t last, const Frame& f, double tolerance,
                     std::vector<bool>& keep) {
  if (last <= first + 1) return;
  double worst = -1;
  std::size_t at = first;
  for (std::size_t i = first + 1; i < last; ++i) {
    double d = segment_distance_m(f, ring[i], ring[first], ring[last]);
    if (d > worst) {
      worst = d;
      at = i;
    }
  }
  if (worst <= tolerance) return;
  keep[at] = true;
  douglas_peucker(ring, first, at, f, tolerance, keep);
  douglas_peucker(ring, at, last, f, tolerance, keep);
}

// The ring simplified; its first position (= last) and the one farthest from it are
// kept, so the two halves are simplified as open lines.
Ring simplify_ring(const Ring& ring, double tolerance) {
  if (ring.size() <= 4) return ring;
  Frame f(ring.front().lat);
  std::size_t far = 0;
  double farthest = -1;
  for (std::size_t i = 1; i + 1 < ring.size(); ++i) {
    double d = std::hypot(f.dx(ring[i].lon - ring[0].lon), Frame::dy(ring[i].lat - ring[0].lat));
    if (d > farthest) {
      farthest = d;
      far = i;
    }
  }
  std::vector<bool> keep(ring.size(), false);
  keep.front() = keep.back() = keep[far] = true;
  douglas_peucker(ring, 0, far, f, tolerance, keep);
  douglas_peucker(ring, far, ring.size() - 1, f, tolerance, keep);
  Ring out;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    if (keep[i]) out.push_back(ring[i]);
  }
  return out;
}

}  // namespace

MultiPolygon parse(const boost::json::value& geometry, std::vector<Problem>& problems) {
  MultiPolygon shape;
  const auto* object = geometry.if_object();
  const auto* type = object ? object->if_contains("type") : nullptr;
  const auto* coordinates = object ? object->if_contains("coordinates") : nullptr;
  if (!type || !type->is_string() || !coordinates || !coordinates->is_array()) {
    problems.push_back({"not_geojson", "geometry"});
    return shape;
  }
  if (type->get_string() == "Polygon") {
    shape.polygons.push_back(parse_polygon(*coordinates, 0, problems));
  } else if (type->get_string() == "MultiPolygon") {
    std::size_t i = 0;
    for (const auto& polygon : coordinates->get_array())
      shape.polygons.push_back(parse_polygon(polygon, i++, problems));
    if (shape.polygons.empty()) problems.push_back({"not_geojson", "geometry"});
  } else {
    problems.push_back({"unsupported_geometry", std::string(type->get_string())});
  }
  return shape;
}

BBox box_around(Point p, double metres) {
  // 1% more than the shortest degree on the ellipsoid, so the box is never too small.
  double padded = metres * 1.01;
  double dlat = padded / kMetresPerDegreeLat;
  double dlon = padded / (kMetresPerDegreeLonAtEquator * std::max(0.01, std::cos(p.lat * kPi / 180.0)));
  return {p.lon - dlon, p.lat - dlat, p.lon + dlon, p.lat + dlat};
}

BBox bbox(const MultiPolygon& shape) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  BBox b{inf, inf, -inf, -inf};
  for (const auto& polygon : shape.polygons) {
    for (const auto& ring : polygon.rings) {
      for (const auto& p : ring) {
        b.min_lon = std::min(b.min_lon, p.lon);
        b.min_lat = std::min(b.min_lat, p.lat);
        b.max_lon = std::max(b.max_lon, p.lon);
        b.max_lat = std::max(b.max_lat, p.lat);
      }
    }
  }
  return b;
}

std::size_t positions(const MultiPolygon& shape) {
  std::size_t n = 0;
  for (const auto& polygon : shape.polygons) {
    for (const auto& ring : polygon.rings) n += ring.size();
  }
  return n;
}

Where locate(const MultiPolygon& shape, Point p) {
  bool inside = false;
  for (const auto& polygon : shape.polygons) {
    bool odd = false;
    for (const auto& ring : polygon.rings) {
      for (std::size_t i = 1; i < ring.size(); ++i) {
        if (on_segment(p, ring[i - 1], ring[i])) return Where::on_edge;
      }
      if (!ring.empty() && crosses_odd(ring, p)) odd = !odd;
    }
    inside = inside || odd;
  }
  return inside ? Where::inside : Where::outside;
}

double distance_to_edge_m(const MultiPolygon& shape, Point p) {
  Frame f(p.lat);
  double best = std::numeric_limits<double>::infinity();
  for (const auto& polygon : shape.polygons) {
    for (const auto& ring : polygon.rings) {
      for (std::size_t i = 1; i < ring.size(); ++i)
        best = std::min(best, segment_distance_m(f, p, ring[i - 1], ring[i]));
    }
  }
  return best;
}

MultiPolygon simplify(const MultiPolygon& shape, double tolerance_m) {
  MultiPolygon out;
  for (const auto& polygon : shape.polygons) {
    Polygon simplified;
    for (std::size_t r = 0; r < polygon.rings.size(); ++r) {
      Ring ring = simplify_ring(polygon.rings[r], tolerance_m);
      if (ring.size() >= 4) {
        simplified.rings.push_back(std::move(ring));
      } else if (r == 0) {
        simplified.rings.push_back(polygon.rings[r]);  // never lose an outer ring
      }
    }
    out.polygons.push_back(std::move(simplified));
  }
  return out;
}

boost::json::object to_geojson(const MultiPolygon& shape) {
  boost::json::array polygons;
  for (const auto& polygon : shape.polygons) {
    boost::json::array rings;
    for (const auto& ring : polygon.rings) {
      boost::json::array positions;
      for (const auto& p : ring) positions.push_back(boost::json::array{p.lon, p.lat});
      rings.push_back(std::move(positions));
    }
    polygons.push_back(std::move(rings));
  }
  return boost::json::object{{"type", "MultiPolygon"}, {"coordinates", std::move(polygons)}};
}

std::string to_geojson_text(const MultiPolygon& shape) {
  std::string out = R"({"type":"MultiPolygon","coordinates":[)";
  out.reserve(out.size() + positions(shape) * 24);
  for (std::size_t i = 0; i < shape.polygons.size(); ++i) {
    out += i ? ",[" : "[";
    const auto& rings = shape.polygons[i].rings;
    for (std::size_t j = 0; j < rings.size(); ++j) {
      out += j ? ",[" : "[";
      for (std::size_t k = 0; k < rings[j].size(); ++k) {
        fmt::format_to(std::back_inserter(out), "{}[{},{}]", k ? "," : "", rings[j][k].lon, rings[j][k].lat);
      }
      out += "]";
    }
    out += "]";
  }
  out += "]}";
  return out;
}

}  // namespace antq::geo
