// Coverage worked out by hand: a straight kilometre of road with one camera, which part
// of it is seen and where the gaps are; a village boundary splitting the figures; the
// share of a square's area a 360° camera sees.
#include "modules/cameras/coverage.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace antq::cameras::coverage {
namespace {

constexpr geo::Point kStart{105.45, 21.85};

// A road running 1,000 m north from kStart.
RoadLine north_road() { return {"Đường trục", {kStart, geo::destination(kStart, 0, 1000)}}; }

geo::ViewCone all_round(geo::Point at, double range) { return {at, std::nullopt, 360, range}; }

TEST(Coverage, A360CameraInTheMiddleSeesTwoHundredMetresAndLeavesTwoGaps) {
  ConeIndex cones({all_round(geo::destination(kStart, 0, 500), 100)});
  auto r = over_roads({north_road()}, cones, {}, 10);
  EXPECT_NEAR(r.total.total_m, 1000, 1e-6);
  EXPECT_NEAR(r.total.covered_m, 200, 1e-6);  // pieces with their middle 400-600 m along
  ASSERT_EQ(r.gaps.size(), 2U);
  EXPECT_NEAR(r.gaps[0].length_m, 400, 1e-6);
  EXPECT_NEAR(r.gaps[1].length_m, 400, 1e-6);
  EXPECT_EQ(r.gaps[0].road, "Đường trục");
  // The first gap runs from the start to 400 m north, the second from 600 m to the end.
  EXPECT_NEAR(geo::heading(kStart, r.gaps[0].line.front()).distance_m, 0, 1e-6);
  EXPECT_NEAR(geo::heading(kStart, r.gaps[0].line.back()).distance_m, 400, 1e-6);
  EXPECT_NEAR(geo::heading(kStart, r.gaps[1].line.front()).distance_m, 600, 1e-6);
  EXPECT_NEAR(geo::length_m(r.gaps[1].line), 400, 1e-6);
}

TEST(Coverage, ACameraFacingTheRoadSeesItsFieldOfViewAndOneFacingAwayNothing) {
  auto beside = geo::destination(geo::destination(kStart, 0, 500), 270, 30);  // 30 m west of the middle
  // Facing east with a 90° view: the road from 30 m south to 30 m north of it.
  auto r = over_roads({north_road()}, ConeIndex({{beside, 90.0, 90, 100}}), {}, 10);
  EXPECT_NEAR(r.total.covered_m, 60, 5);
  auto away = over_roads({north_road()}, ConeIndex({{beside, 270.0, 90, 100}}), {}, 10);
  EXPECT_EQ(away.total.covered_m, 0);
  ASSERT_EQ(away.gaps.size(), 1U);
  EXPECT_NEAR(away.gaps[0].length_m, 1000, 1e-6);
}

TEST(Coverage, GapsComeLongestFirstAndAreCutToTheMaximum) {
  // Cameras at 100 m and 700 m (range 50): gaps of 50, 500 and 250 m.
  ConeIndex cones({all_round(geo::destination(kStart, 0, 100), 50), all_round(geo::destination(kStart, 0, 700), 50)});
  auto r = over_roads({north_road()}, cones, {}, 2);
  ASSERT_EQ(r.gaps.size(), 2U);
  EXPECT_NEAR(r.gaps[0].length_m, 500, 1e-6);
  EXPECT_NEAR(r.gaps[1].length_m, 250, 1e-6);
  EXPECT_NEAR(r.total.covered_m, 200, 1e-6);
}

TEST(Coverage, AVillageBoundaryTakesItsPartOfTheRoadAndOfTheGaps) {
  // The village: a box around the road's northern half.
  auto mid = geo::destination(kStart, 0, 500);
  auto end = geo::destination(kStart, 0, 1000);
  double w = 0.001;
  geo::MultiPolygon village{{geo::Polygon{{geo::Ring{{mid.lon - w, mid.lat},
                                                     {mid.lon + w, mid.lat},
                                                     {mid.lon + w, end.lat + w},
                                                     {mid.lon - w, end.lat + w},
                                                     {mid.lon - w, mid.lat}}}}}};
  ConeIndex cones({all_round(geo::destination(kStart, 0, 500), 100)});
  auto r = over_roads({north_road()}, cones, {{7, &village, geo::bbox(village)}}, 10);
  ASSERT_EQ(r.by_village.count(7), 1U);
  EXPECT_NEAR(r.by_village[7].total_m, 500, 1e-6);
  EXPECT_NEAR(r.by_village[7].covered_m, 100, 1e-6);
  EXPECT_EQ(r.by_village[7].roads, 1);
  EXPECT_EQ(r.total.roads, 1);
  ASSERT_EQ(r.gaps.size(), 2U);
  // Equal lengths keep the road's order: the southern gap (no village) first.
  EXPECT_FALSE(r.gaps[0].village_id.has_value());
  EXPECT_EQ(r.gaps[1].village_id, std::optional<std::int64_t>(7));
}

TEST(Coverage, NoCameraSeesNothingAndAnEmptyRoadListIsZero) {
  ConeIndex none({});
  auto r = over_roads({north_road()}, none, {}, 10);
  EXPECT_EQ(r.total.covered_m, 0);
  EXPECT_EQ(over_roads({}, none, {}, 10).total.total_m, 0);
}

TEST(Coverage, AnAllRoundCameraInASquareSeesItsCircle) {
  // A 200 m square with a 360° camera of range 100 m in its centre: π/4 of the area.
  auto sw = kStart;
  auto ne = geo::destination(geo::destination(kStart, 0, 200), 90, 200);
  geo::MultiPolygon square{{geo::Polygon{
      {geo::Ring{{sw.lon, sw.lat}, {ne.lon, sw.lat}, {ne.lon, ne.lat}, {sw.lon, ne.lat}, {sw.lon, sw.lat}}}}}};
  auto centre = geo::destination(geo::destination(kStart, 0, 100), 90, 100);
  ConeIndex cones({all_round(centre, 100)});
  auto share = area_share(square, cones, 5);
  ASSERT_TRUE(share.has_value());
  EXPECT_NEAR(*share, std::acos(-1.0) / 4, 0.02);
  EXPECT_EQ(area_share(square, ConeIndex({}), 5), std::optional<double>(0.0));
}

TEST(Coverage, ACameraReachingAcrossIndexCellsIsFoundFromEachOfThem) {
  // Range 900 m spans several 0.002° cells in every direction.
  ConeIndex cones({all_round(kStart, 900)});
  for (double bearing : {0.0, 45.0, 135.0, 200.0, 300.0}) {
    EXPECT_TRUE(cones.sees(geo::destination(kStart, bearing, 880))) << bearing;
    EXPECT_FALSE(cones.sees(geo::destination(kStart, bearing, 920))) << bearing;
  }
}

}  // namespace
}  // namespace antq::cameras::coverage
