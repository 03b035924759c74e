// Geodesics on WGS84 and camera view cones. Reference figures from GeographicLib's own
// GeodSolve (geographiclib-tools), e.g. `echo "40.6 -73.8 51.6 -0.5" | GeodSolve -i`.
#include "platform/geo/geodesic.hpp"

#include <gtest/gtest.h>

namespace antq::geo {
namespace {

constexpr Point kTanTrao{105.45156, 21.80561};  // inside xã Tân Trào

TEST(Geodesic, DistanceAndBearingMatchGeodSolve) {
  auto jfk_lhr = heading({-73.8, 40.6}, {-0.5, 51.6});
  EXPECT_NEAR(jfk_lhr.distance_m, 5551759.400318678, 1e-6);
  EXPECT_NEAR(jfk_lhr.bearing_deg, 51.19888284557983, 1e-9);
  auto east = heading(kTanTrao, {105.46156, 21.80561});  // 0.01° east
  EXPECT_NEAR(east.distance_m, 1034.022886197, 1e-6);
  EXPECT_NEAR(east.bearing_deg, 89.99814270627303, 1e-9);
}

TEST(Geodesic, DestinationMatchesGeodSolveAndGoesBack) {
  // `echo "21.80561 105.45156 359.5 150" | GeodSolve`
  auto p = destination(kTanTrao, 359.5, 150);
  EXPECT_NEAR(p.lat, 21.806964623380061, 1e-12);
  EXPECT_NEAR(p.lon, 105.451547340776955, 1e-12);
  auto back = heading(kTanTrao, p);
  EXPECT_NEAR(back.distance_m, 150, 1e-6);
  EXPECT_NEAR(back.bearing_deg, 359.5, 1e-9);
}

TEST(Geodesic, BearingsWrapAtNorth) {
  EXPECT_DOUBLE_EQ(normalise_bearing(-1), 359);
  EXPECT_DOUBLE_EQ(normalise_bearing(360), 0);
  EXPECT_DOUBLE_EQ(normalise_bearing(725), 5);
  EXPECT_DOUBLE_EQ(bearing_gap(359, 1), 2);
  EXPECT_DOUBLE_EQ(bearing_gap(1, 359), 2);
  EXPECT_DOUBLE_EQ(bearing_gap(90, 270), 180);
  EXPECT_DOUBLE_EQ(bearing_gap(10, 10), 0);
}

TEST(ViewCone, ACameraFacingNorthSeesAcrossTheWrap) {
  ViewCone cone{kTanTrao, 359.0, 20, 100};  // sees from 349° to 9°
  EXPECT_TRUE(sight(cone, destination(kTanTrao, 5, 50)).seen());
  EXPECT_TRUE(sight(cone, destination(kTanTrao, 350, 99)).seen());
  auto east = sight(cone, destination(kTanTrao, 15, 50));
  EXPECT_FALSE(east.facing) << "15° is 16° off 359°, outside a 20° view";
  EXPECT_TRUE(east.in_range);
  auto far = sight(cone, destination(kTanTrao, 0, 120));
  EXPECT_TRUE(far.facing);
  EXPECT_FALSE(far.in_range);
  EXPECT_NEAR(far.distance_m, 120, 1e-6);
}

TEST(ViewCone, TheEdgesOfTheConeCount) {
  ViewCone cone{kTanTrao, 90.0, 60, 200};
  EXPECT_TRUE(sight(cone, destination(kTanTrao, 60, 150)).seen());
  EXPECT_TRUE(sight(cone, destination(kTanTrao, 120, 200)).seen());
  EXPECT_FALSE(sight(cone, destination(kTanTrao, 121, 150)).seen());
  EXPECT_TRUE(sight(cone, kTanTrao).seen()) << "its own spot";
}

TEST(ViewCone, AnAllRoundCameraSeesByRangeAlone) {
  ViewCone dome{kTanTrao, std::nullopt, 360, 50};
  for (double b : {0.0, 90.0, 181.0, 359.9}) EXPECT_TRUE(sight(dome, destination(kTanTrao, b, 49)).seen()) << b;
  EXPECT_FALSE(sight(dome, destination(kTanTrao, 45, 51)).seen());
}

TEST(ViewCone, ItsRingIsClosedAndFollowsTheArc) {
  ViewCone cone{kTanTrao, 0.0, 90, 100};
  auto ring = cone_ring(cone, 5);
  ASSERT_EQ(ring.size(), 1u + 19u + 1u);  // the camera, 45° to 315° every 5°, the camera
  EXPECT_EQ(ring.front().lon, ring.back().lon);
  EXPECT_EQ(ring.front().lat, ring.back().lat);
  for (std::size_t i = 1; i + 1 < ring.size(); ++i) EXPECT_NEAR(heading(kTanTrao, ring[i]).distance_m, 100, 1e-6);
  EXPECT_NEAR(heading(kTanTrao, ring[1]).bearing_deg, 315, 1e-9);
  auto circle = cone_ring(ViewCone{kTanTrao, std::nullopt, 360, 30}, 10);
  ASSERT_EQ(circle.size(), 37u);
  EXPECT_EQ(circle.front().lat, circle.back().lat);
  EXPECT_EQ(circle.front().lon, circle.back().lon);
}

}  // namespace
}  // namespace antq::geo
