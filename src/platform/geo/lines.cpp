#include "platform/geo/lines.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "platform/geo/geodesic.hpp"

namespace antq::geo {
namespace {

Line parse_line(const boost::json::value& v, const std::string& at, std::vector<Problem>& problems) {
  auto before = problems.size();
  auto line = parse_positions(v, at, problems);
  if (problems.size() > before && problems.back().code == "not_geojson") return line;
  if (line.size() < 2) problems.push_back({"too_few_positions", at});
  return line;
}

}  // namespace

std::vector<Line> parse_lines(const boost::json::value& geometry, std::vector<Problem>& problems) {
  std::vector<Line> lines;
  const auto* object = geometry.if_object();
  const auto* type = object ? object->if_contains("type") : nullptr;
  const auto* coordinates = object ? object->if_contains("coordinates") : nullptr;
  if (!type || !type->is_string() || !coordinates || !coordinates->is_array()) {
    problems.push_back({"not_geojson", "geometry"});
    return lines;
  }
  if (type->get_string() == "LineString") {
    lines.push_back(parse_line(*coordinates, "line 0", problems));
  } else if (type->get_string() == "MultiLineString") {
    std::size_t i = 0;
    for (const auto& line : coordinates->get_array())
      lines.push_back(parse_line(line, "line " + std::to_string(i++), problems));
    if (lines.empty()) problems.push_back({"not_geojson", "geometry"});
  } else {
    problems.push_back({"unsupported_geometry", std::string(type->get_string())});
  }
  return lines;
}

double length_m(const Line& line) {
  double total = 0;
  for (std::size_t i = 0; i + 1 < line.size(); ++i) total += heading(line[i], line[i + 1]).distance_m;
  return total;
}

BBox bbox(const Line& line) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  BBox b{inf, inf, -inf, -inf};
  for (const auto& p : line) {
    b.min_lon = std::min(b.min_lon, p.lon);
    b.min_lat = std::min(b.min_lat, p.lat);
    b.max_lon = std::max(b.max_lon, p.lon);
    b.max_lat = std::max(b.max_lat, p.lat);
  }
  return b;
}

boost::json::object to_geojson(const Line& line) {
  boost::json::array coordinates;
  coordinates.reserve(line.size());
  for (const auto& p : line) coordinates.push_back(boost::json::array{p.lon, p.lat});
  return {{"type", "LineString"}, {"coordinates", std::move(coordinates)}};
}

std::vector<Piece> pieces(const Line& line, double step_m) {
  std::vector<Piece> out;
  double along = 0;
  for (std::size_t i = 0; i + 1 < line.size(); ++i) {
    auto leg = heading(line[i], line[i + 1]);
    // A leg a hair longer than a whole number of steps (rounding) is not cut once more.
    int count = std::max(1, static_cast<int>(std::ceil(leg.distance_m / step_m - 1e-6)));
    double each = leg.distance_m / count;
    Point from = line[i];
    for (int k = 1; k <= count; ++k) {
      Point to = k == count ? line[i + 1] : destination(line[i], leg.bearing_deg, each * k);
      Point middle = destination(line[i], leg.bearing_deg, each * (k - 0.5));
      out.push_back({from, to, middle, along, each});
      along += each;
      from = to;
    }
  }
  return out;
}

}  // namespace antq::geo
