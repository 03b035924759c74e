#pragma once
// Distances and bearings on the WGS84 ellipsoid (GeographicLib, the only file that
// includes it), and the view cone of a camera: "could it have seen this point?". Pure
// and thread-safe.
#include <optional>

#include "platform/geo/geo.hpp"

namespace antq::geo {

// From `from` to `to`: the geodesic distance and the compass bearing at `from`
// (0 = north, 90 = east, in [0, 360)).
struct Heading {
  double distance_m = 0;
  double bearing_deg = 0;
};
Heading heading(Point from, Point to);

// The point `distance_m` metres from `from` on compass bearing `bearing_deg`.
Point destination(Point from, double bearing_deg, double distance_m);

// A bearing in [0, 360).
double normalise_bearing(double degrees);
// How far apart two bearings are, in [0, 180]: 359° and 1° are 2° apart.
double bearing_gap(double a, double b);

// What a camera sees: everything within `range_m` whose bearing from the camera lies within
// `fov_deg` / 2 of `bearing_deg`; a camera with no bearing (fov 360°) sees all around.
struct ViewCone {
  Point camera;
  std::optional<double> bearing_deg;  // nullopt: 360°
  double fov_deg = 360;
  double range_m = 0;
};

// Where a point stands in a camera's view.
struct Sight {
  double distance_m = 0;
  double bearing_deg = 0;  // from the camera to the point
  bool in_range = false;
  bool facing = false;  // within the field of view (always for 360° cameras)
  bool seen() const { return in_range && facing; }
};
Sight sight(const ViewCone& cone, Point target);

// The cone as a closed ring for a map: the camera, then the arc every `step_deg` degrees
// (a full circle for 360° cameras).
Ring cone_ring(const ViewCone& cone, double step_deg = 5);

}  // namespace antq::geo
