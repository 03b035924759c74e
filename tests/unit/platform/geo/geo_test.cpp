// Boundaries: parsed and checked, located against, simplified.
#include "platform/geo/geo.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../../support/files.hpp"

namespace antq::geo {
namespace {

// A 1° square from (105, 21) with a 0.2° hole in its middle, and a separate island.
const char* kSquareWithHole = R"({"type":"MultiPolygon","coordinates":[
  [[[105,21],[106,21],[106,22],[105,22],[105,21]],
   [[105.4,21.4],[105.6,21.4],[105.6,21.6],[105.4,21.6],[105.4,21.4]]],
  [[[107,21],[107.1,21],[107.1,21.1],[107,21]]]]})";

MultiPolygon shape_of(const std::string& text, std::vector<Problem>* problems_out = nullptr) {
  std::vector<Problem> problems;
  auto shape = parse(boost::json::parse(text), problems);
  if (problems_out) {
    *problems_out = problems;
  } else {
    EXPECT_TRUE(problems.empty()) << problems.front().code << " at " << problems.front().where;
  }
  return shape;
}

std::vector<std::string> codes_of(const std::string& text) {
  std::vector<Problem> problems;
  shape_of(text, &problems);
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.code + " @ " + p.where);
  return out;
}

TEST(GeoLocate, InsideOutsideHolesEdgesAndIslands) {
  auto shape = shape_of(kSquareWithHole);
  EXPECT_EQ(locate(shape, {105.2, 21.2}), Where::inside);
  EXPECT_EQ(locate(shape, {105.5, 21.5}), Where::outside) << "in the hole";
  EXPECT_EQ(locate(shape, {104.9, 21.5}), Where::outside);
  EXPECT_EQ(locate(shape, {105, 21.5}), Where::on_edge);
  EXPECT_EQ(locate(shape, {106, 22}), Where::on_edge) << "a vertex";
  EXPECT_EQ(locate(shape, {105.4, 21.5}), Where::on_edge) << "the hole's edge";
  EXPECT_EQ(locate(shape, {107.05, 21.02}), Where::inside) << "the island";
  EXPECT_EQ(locate(shape, {107.02, 21.08}), Where::outside) << "above the island's slanted edge";
  EXPECT_EQ(locate(shape, {107.02, 21.02}), Where::on_edge) << "on the slanted edge itself";
}

TEST(GeoShape, BoundingBoxPositionsAndDistance) {
  auto shape = shape_of(kSquareWithHole);
  auto box = bbox(shape);
  EXPECT_DOUBLE_EQ(box.min_lon, 105);
  EXPECT_DOUBLE_EQ(box.max_lon, 107.1);
  EXPECT_DOUBLE_EQ(box.max_lat, 22);
  EXPECT_EQ(positions(shape), 14U);
  // 0.001° of latitude is about 110.6 m.
  EXPECT_NEAR(distance_to_edge_m(shape, {105.5, 20.999}), 110.6, 0.5);
  EXPECT_NEAR(distance_to_edge_m(shape, {105, 21.5}), 0.0, 1e-6);
}

TEST(GeoParse, NamesEveryProblemAndWhere) {
  EXPECT_EQ(codes_of(R"({"type":"Point","coordinates":[105,21]})"),
            std::vector<std::string>{"unsupported_geometry @ Point"});
  EXPECT_EQ(codes_of(R"({"type":"Polygon"})"), std::vector<std::string>{"not_geojson @ geometry"});
  EXPECT_EQ(codes_of(R"({"type":"Polygon","coordinates":[[[105,21],[106,21],[106,22],[105,22]]]})"),
            std::vector<std::string>{"not_closed @ polygon 0, ring 0"});
  EXPECT_EQ(codes_of(R"({"type":"Polygon","coordinates":[[[105,21],[106,21],[105,21]]]})"),
            std::vector<std::string>{"too_few_positions @ polygon 0, ring 0"});
  EXPECT_EQ(codes_of(R"({"type":"Polygon","coordinates":[[[21,105],[21,106],[22,106],[21,105]]]})"),
            std::vector<std::string>{"swapped @ polygon 0, ring 0"});
  EXPECT_EQ(codes_of(R"({"type":"Polygon","coordinates":[[[105,21],[190,21],[190,95],[105,21]]]})"),
            std::vector<std::string>{"out_of_range @ polygon 0, ring 0"});
  EXPECT_EQ(codes_of(R"({"type":"MultiPolygon","coordinates":[[[[105,21],[106,21],[106,22],[105,21]]],[[["a",1]]]]})"),
            std::vector<std::string>{"not_geojson @ polygon 1, ring 0"});
}

TEST(GeoSimplify, KeepsRingsClosedAndNeverLosesAnOuterRing) {
  auto shape = shape_of(kSquareWithHole);
  auto coarse = simplify(shape, 50000);  // 50 km: coarser than the hole
  ASSERT_EQ(coarse.polygons.size(), 2U);
  for (const auto& polygon : coarse.polygons) {
    ASSERT_FALSE(polygon.rings.empty());
    for (const auto& ring : polygon.rings) {
      ASSERT_GE(ring.size(), 4U);
      EXPECT_DOUBLE_EQ(ring.front().lon, ring.back().lon);
      EXPECT_DOUBLE_EQ(ring.front().lat, ring.back().lat);
    }
  }
}

// xã Tân Trào at full detail (refdata/vn-units-2025).
TEST(GeoRealBoundary, TanTraoContainsItsCentreAndSimplifiesWithinTolerance) {
  auto file = std::filesystem::path(ANTQ_SOURCE_DIR) / "refdata/vn-units-2025/boundaries/02545-tan-trao.geojson";
  auto collection = boost::json::parse(testing::read_file(file));
  const auto& feature = collection.at("features").at(0);
  EXPECT_EQ(feature.at("properties").at("code").as_string(), "02545");
  std::vector<Problem> problems;
  auto shape = parse(feature.at("geometry"), problems);
  ASSERT_TRUE(problems.empty());
  EXPECT_EQ(positions(shape), 3144U);
  const Point centre{105.45156, 21.80561};
  EXPECT_EQ(locate(shape, centre), Where::inside);
  EXPECT_EQ(locate(shape, {0, 0}), Where::outside);
  auto display = simplify(shape, 20);
  EXPECT_LT(positions(display), positions(shape) / 3) << "20 m drops most of the 3,144 positions";
  EXPECT_EQ(locate(display, centre), Where::inside);
  // Every dropped position lies within the tolerance of the simplified ring.
  for (const auto& p : shape.polygons[0].rings[0]) ASSERT_LE(distance_to_edge_m(display, p), 20.5);
  auto round_trip = parse(to_geojson(display), problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(positions(round_trip), positions(display));
}

}  // namespace
}  // namespace antq::geo
