#pragma once
// Lines on the map (roads): GeoJSON LineString and MultiLineString geometries, checked
// like boundaries, measured on the ellipsoid and cut into short pieces. Pure and thread-safe.
#include <boost/json/fwd.hpp>

#include <vector>

#include "platform/geo/geo.hpp"

namespace antq::geo {

using Line = std::vector<Point>;  // two positions or more

// A LineString (one line) or a MultiLineString (each of its lines). Every problem found
// is listed ("line 2": too_few_positions when a line has fewer than two positions).
std::vector<Line> parse_lines(const boost::json::value& geometry, std::vector<Problem>& problems);

double length_m(const Line& line);
BBox bbox(const Line& line);
boost::json::object to_geojson(const Line& line);

// A piece of a line: where it starts and ends, its middle, and how far along the line it
// starts (metres).
struct Piece {
  Point from;
  Point to;
  Point middle;
  double along_m = 0;
  double length_m = 0;
};

// The line in pieces of at most `step_m` metres (each leg cut into equal pieces), in order.
std::vector<Piece> pieces(const Line& line, double step_m);

}  // namespace antq::geo
