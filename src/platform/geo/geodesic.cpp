#include "platform/geo/geodesic.hpp"

#include <GeographicLib/Geodesic.hpp>

#include <algorithm>
#include <cmath>

namespace antq::geo {
namespace {

const GeographicLib::Geodesic& wgs84() { return GeographicLib::Geodesic::WGS84(); }

// A point on the camera's own position is seen whatever way it points.
constexpr double kSameSpotM = 1e-6;
// Bearings and ranges are compared with a little slack so that a point exactly on the
// cone's edge counts as inside on every machine.
constexpr double kSlackDeg = 1e-9;
constexpr double kSlackM = 1e-6;

}  // namespace

double normalise_bearing(double degrees) {
  double d = std::fmod(degrees, 360.0);
  if (d < 0) d += 360.0;
  return d >= 360.0 ? 0.0 : d;
}

double bearing_gap(double a, double b) {
  double d = std::fabs(normalise_bearing(a) - normalise_bearing(b));
  return d > 180.0 ? 360.0 - d : d;
}

Heading heading(Point from, Point to) {
  double distance = 0;
  double azimuth_from = 0;
  double azimuth_to = 0;
  wgs84().Inverse(from.lat, from.lon, to.lat, to.lon, distance, azimuth_from, azimuth_to);
  return {distance, normalise_bearing(azimuth_from)};
}

Point destination(Point from, double bearing_deg, double distance_m) {
  double lat = 0;
  double lon = 0;
  wgs84().Direct(from.lat, from.lon, bearing_deg, distance_m, lat, lon);
  return {lon, lat};
}

Sight sight(const ViewCone& cone, Point target) {
  auto h = heading(cone.camera, target);
  Sight s;
  s.distance_m = h.distance_m;
  s.bearing_deg = h.bearing_deg;
  s.in_range = h.distance_m <= cone.range_m + kSlackM;
  bool all_round = !cone.bearing_deg || cone.fov_deg >= 360.0;
  s.facing = all_round || h.distance_m <= kSameSpotM ||
             bearing_gap(h.bearing_deg, *cone.bearing_deg) <= cone.fov_deg / 2 + kSlackDeg;
  return s;
}

Ring cone_ring(const ViewCone& cone, double step_deg) {
  bool all_round = !cone.bearing_deg || cone.fov_deg >= 360.0;
  double from = all_round ? 0.0 : *cone.bearing_deg - cone.fov_deg / 2;
  double span = all_round ? 360.0 : cone.fov_deg;
  int steps = std::max(1, static_cast<int>(std::ceil(span / std::max(step_deg, 0.1))));
  Ring ring;
  if (!all_round) ring.push_back(cone.camera);
  for (int i = 0; i <= steps; ++i) {
    ring.push_back(destination(cone.camera, normalise_bearing(from + span * i / steps), cone.range_m));
  }
  if (all_round) {
    ring.back() = ring.front();  // the circle ends where it began, exactly
  } else {
    ring.push_back(cone.camera);  // back to the camera
  }
  return ring;
}

}  // namespace antq::geo
