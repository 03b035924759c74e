// Roads as GeoJSON lines: what is refused and why, lengths on the ellipsoid (checked
// against GeographicLib's GeodSolve), and the pieces coverage is counted in.
#include "platform/geo/lines.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "platform/geo/geodesic.hpp"

namespace antq::geo {
namespace {

constexpr Point kTanTrao{105.45156, 21.80561};

std::string problems_of(const std::string& geometry) {
  std::vector<Problem> problems;
  parse_lines(boost::json::parse(geometry), problems);
  std::string out;
  for (const auto& p : problems) out += (out.empty() ? "" : " ") + p.code + "@" + p.where;
  return out;
}

TEST(Lines, WhatIsRefusedAndWhere) {
  struct Case {
    const char* geometry;
    const char* problems;
  };
  const Case cases[] = {
      {R"({"type":"LineString","coordinates":[[105.45,21.8],[105.46,21.81]]})", ""},
      {R"({"type":"MultiLineString","coordinates":[[[105.45,21.8],[105.46,21.81]],[[105.4,21.8],[105.41,21.8]]]})", ""},
      {R"({"type":"LineString","coordinates":[[105.45,21.8]]})", "too_few_positions@line 0"},
      {R"({"type":"MultiLineString","coordinates":[[[105.45,21.8],[105.46,21.81]],[[105.4,21.8]]]})",
       "too_few_positions@line 1"},
      {R"({"type":"LineString","coordinates":[[21.8,105.45],[21.81,105.46]]})", "swapped@line 0"},
      {R"({"type":"LineString","coordinates":[[205.45,21.8],[105.46,21.81]]})", "out_of_range@line 0"},
      {R"({"type":"LineString","coordinates":[[105.45,"21.8"],[105.46,21.81]]})", "not_geojson@line 0"},
      {R"({"type":"Polygon","coordinates":[]})", "unsupported_geometry@Polygon"},
      {R"({"type":"MultiLineString","coordinates":[]})", "not_geojson@geometry"},
      {R"({"coordinates":[]})", "not_geojson@geometry"},
  };
  for (const auto& c : cases) EXPECT_EQ(problems_of(c.geometry), c.problems) << c.geometry;
}

TEST(Lines, LengthIsGeodesicLegByLeg) {
  // GeodSolve -i: 0.01° east of kTanTrao is 1034.022886197 m; then 0.01° north is 1107.277263020 m.
  Line line{kTanTrao, {105.46156, 21.80561}, {105.46156, 21.81561}};
  EXPECT_NEAR(length_m(line), 1034.022886197 + 1107.277263020, 1e-5);
  auto box = bbox(line);
  EXPECT_DOUBLE_EQ(box.min_lon, 105.45156);
  EXPECT_DOUBLE_EQ(box.max_lat, 21.81561);
}

TEST(Lines, PiecesCoverTheLineInOrderAndNoneIsLongerThanTheStep) {
  Line line{kTanTrao, destination(kTanTrao, 0, 12), destination(destination(kTanTrao, 0, 12), 90, 7)};
  auto parts = pieces(line, 5);
  ASSERT_EQ(parts.size(), 5U);  // 12 m in 3 pieces of 4 m, 7 m in 2 of 3.5 m
  double along = 0;
  for (const auto& p : parts) {
    EXPECT_NEAR(p.along_m, along, 1e-9);
    EXPECT_LE(p.length_m, 5.0);
    EXPECT_NEAR(heading(p.from, p.to).distance_m, p.length_m, 1e-6);
    EXPECT_NEAR(heading(p.from, p.middle).distance_m, p.length_m / 2, 1e-6);
    along += p.length_m;
  }
  EXPECT_NEAR(along, 19, 1e-6);
  EXPECT_NEAR(parts[2].length_m, 4, 1e-9);
  EXPECT_NEAR(parts[3].length_m, 3.5, 1e-9);
  EXPECT_DOUBLE_EQ(parts.back().to.lon, line.back().lon);  // the last piece ends on the line's end
}

TEST(Lines, GeoJsonRoundTrip) {
  Line line{kTanTrao, {105.46156, 21.80561}};
  std::vector<Problem> problems;
  auto back = parse_lines(to_geojson(line), problems);
  ASSERT_TRUE(problems.empty());
  ASSERT_EQ(back.size(), 1U);
  EXPECT_DOUBLE_EQ(back[0][1].lon, 105.46156);
}

}  // namespace
}  // namespace antq::geo
