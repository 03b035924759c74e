#pragma once
// Areas on the map: unit boundaries as GeoJSON (WGS84, [longitude, latitude]), checked,
// simplified for display, and asked whether they contain a point. Pure and thread-safe.
#include <boost/json/fwd.hpp>

#include <string>
#include <vector>

namespace antq::geo {

struct Point {
  double lon = 0;
  double lat = 0;
};
using Ring = std::vector<Point>;  // closed: the last position repeats the first
struct Polygon {
  std::vector<Ring> rings;  // the outer ring, then holes
};
struct MultiPolygon {
  std::vector<Polygon> polygons;
};

struct BBox {
  double min_lon = 0;
  double min_lat = 0;
  double max_lon = 0;
  double max_lat = 0;
  bool contains(Point p) const { return p.lon >= min_lon && p.lon <= max_lon && p.lat >= min_lat && p.lat <= max_lat; }
};

// The box holding every point within `metres` of `p` (a little more, never less): what a
// spatial index is asked before the exact test.
BBox box_around(Point p, double metres);

// What is wrong with a geometry, and where ("polygon 0, ring 1").
struct Problem {
  std::string code;  // not_geojson, unsupported_geometry, too_few_positions, not_closed,
                     // not_finite, out_of_range, swapped (latitude and longitude exchanged)
  std::string where;
};

// A GeoJSON Polygon or MultiPolygon geometry object; a Polygon becomes a MultiPolygon of
// one. Every problem found is listed (empty when the shape is good); rings are not
// required to run one way or the other.
MultiPolygon parse(const boost::json::value& geometry, std::vector<Problem>& problems);

// A GeoJSON array of positions, each checked (finite, in range, not swapped); problems
// are added under `at`. What parse() reads rings with, and lines.hpp lines.
std::vector<Point> parse_positions(const boost::json::value& v, const std::string& at, std::vector<Problem>& problems);

BBox bbox(const MultiPolygon& shape);
std::size_t positions(const MultiPolygon& shape);

enum class Where { outside, inside, on_edge };
// Where `p` lies: within about 1e-9 degrees (0.1 mm) of a ring it is on the edge; holes
// are outside.
Where locate(const MultiPolygon& shape, Point p);

// Metres from `p` to the nearest ring (0 on an edge), in a local flat frame: good to a
// fraction of a percent within a province.
double distance_to_edge_m(const MultiPolygon& shape, Point p);

// Fewer positions for display (Douglas-Peucker, `tolerance_m` metres): every ring stays
// closed with at least four positions; a hole that would collapse goes; an outer ring
// never does (it is kept whole instead).
MultiPolygon simplify(const MultiPolygon& shape, double tolerance_m);

// The MultiPolygon geometry object.
boost::json::object to_geojson(const MultiPolygon& shape);
// The same as JSON text with every coordinate in plain decimal ("105.45156", the shortest
// form that reads back to the same double), not Boost.JSON's exponent form ("1.0545156E2").
std::string to_geojson_text(const MultiPolygon& shape);

}  // namespace antq::geo
