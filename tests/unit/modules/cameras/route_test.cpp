// Along a route on both databases: a road passing a camera that faces it and one that
// faces away, the time the route passed each at a given speed or over a window, and the
// bad routes refused.
#include "cameras_fixture.hpp"

namespace antq::cameras {
namespace {

class RouteTest : public CamerasTest {
 protected:
  Camera add(int bearing) {
    auto in = input(kMarket, bearing, 50);
    return service_->create(officer_, in).camera;
  }
  // A road 30 m east of the camera running 200 m north, centred on it.
  std::vector<geo::Point> road(geo::Point camera) {
    auto east = geo::destination(camera, 90, 30);
    return {geo::destination(east, 180, 100), geo::destination(east, 0, 100)};
  }
};

TEST_P(RouteTest, TheCameraFacingTheRoadSeesItPassAndTheOtherFacesAway) {
  auto facing = add(90);
  auto away = add(270);
  RouteQuery q;
  q.line = road(facing.point);
  q.width_m = 0;
  q.from = kStart - kHour;
  q.speed_kmh = 30;  // 8.33 m/s
  q.with_excluded = true;
  q.reason = "Truy vết xe máy";
  auto r = service_->search_route(officer_, q);
  EXPECT_NEAR(r.length_m, 200, 0.5);
  ASSERT_EQ(r.seen.size(), 1U);
  EXPECT_EQ(r.seen[0].sighting.camera.camera.id, facing.id);
  // It sees the road from 30 m south of it (bearing 135°) to 30 m north (45°): from 70 m
  // to 130 m along, 8.4 s and 15.6 s after the start, to a 5-m sample.
  EXPECT_NEAR(r.seen[0].along_m, 70, 5);
  EXPECT_NEAR(static_cast<double>(r.seen[0].enters_at - q.from) / 1000, 8.4, 0.7);
  EXPECT_NEAR(static_cast<double>(r.seen[0].leaves_at - q.from) / 1000, 15.6, 0.7);
  EXPECT_NEAR(r.seen[0].sighting.distance_m, 30, 0.5);
  ASSERT_EQ(r.excluded.size(), 1U);
  EXPECT_EQ(r.excluded[0].sighting.camera.camera.id, away.id);
  ASSERT_EQ(r.excluded[0].sighting.reasons.size(), 1U);
  EXPECT_EQ(r.excluded[0].sighting.reasons[0], Exclusion::pointing_away);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'camera.route_search'"), 1);
}

TEST_P(RouteTest, AWindowGivesTheSpeedAndAWideCorridorReachesFurther) {
  auto facing = add(90);
  RouteQuery q;
  auto shifted = geo::destination(facing.point, 90, 70);  // a road 70 m east: out of a 50-m range
  q.line = {geo::destination(shifted, 180, 100), geo::destination(shifted, 0, 100)};
  q.width_m = 0;
  q.from = kStart - kHour;
  q.to = q.from + 60 * 1000;  // 200 m in a minute: 12 km/h
  q.reason = "x";
  auto r = service_->search_route(officer_, q);
  EXPECT_NEAR(r.speed_kmh, 12, 0.1);
  EXPECT_TRUE(r.seen.empty());
  q.width_m = 100;  // the corridor's west edge runs 20 m from the camera
  r = service_->search_route(officer_, q);
  ASSERT_EQ(r.seen.size(), 1U);
  EXPECT_NEAR(r.seen[0].sighting.distance_m, 20, 0.5);
}

TEST_P(RouteTest, BadRoutesAreRefusedAndNothingIsAudited) {
  add(90);
  RouteQuery q;
  q.line = {kMarket};
  q.from = kStart - kHour;
  q.to = q.from + 13 * kHour;
  q.reason = "x";
  EXPECT_EQ(errors_of([&] { service_->search_route(officer_, q); }), "line:too_few_points to:window_too_long");
  q.line = {kMarket, geo::destination(kMarket, 0, 100)};
  q.to.reset();
  q.width_m = 600;
  EXPECT_EQ(errors_of([&] { service_->search_route(officer_, q); }), "width:out_of_range speed_kmh:required");
  q.width_m = 50;
  q.speed_kmh = 30;
  q.line = {kMarket, geo::destination(kMarket, 90, 60000)};  // a mistyped point: 60 km
  EXPECT_EQ(errors_of([&] { service_->search_route(officer_, q); }), "line:too_long");
  q.line = {kMarket, geo::destination(kMarket, 0, 100)};
  EXPECT_THROW(service_->search_route(team_member_, q), Error);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'camera.route_search'"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, RouteTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         testing::backend_name);

}  // namespace
}  // namespace antq::cameras
