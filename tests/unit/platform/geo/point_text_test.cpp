// Points as officers type them (and as Google Maps and phones copy them).
#include "platform/geo/point_text.hpp"

#include <gtest/gtest.h>

namespace antq::geo {
namespace {

void expect_point(const char* text, double lat, double lon) {
  auto r = parse_point(text);
  ASSERT_TRUE(r.point) << text << ": " << r.problem;
  EXPECT_NEAR(r.point->lat, lat, 1e-6) << text;
  EXPECT_NEAR(r.point->lon, lon, 1e-6) << text;
}

TEST(PointText, DecimalDegreesLatitudeFirst) {
  expect_point("21.8123, 105.2456", 21.8123, 105.2456);
  expect_point("  21.8123,105.2456 ", 21.8123, 105.2456);
  expect_point("21,8123; 105,2456", 21.8123, 105.2456);  // Vietnamese decimal commas
  expect_point("21.8123 105.2456", 21.8123, 105.2456);
  expect_point("-33.8568, 151.2153", -33.8568, 151.2153);
}

TEST(PointText, DegreesMinutesSecondsAndHemispheres) {
  expect_point("21°48'44.3\"N 105°27'05.6\"E", 21 + 48 / 60.0 + 44.3 / 3600, 105 + 27 / 60.0 + 5.6 / 3600);
  expect_point("21°48.738'N, 105°27.094'E", 21 + 48.738 / 60, 105 + 27.094 / 60);
  expect_point("21º48′44″ N; 105º27′06″ E", 21 + 48 / 60.0 + 44 / 3600.0, 105 + 27 / 60.0 + 6 / 3600.0);
  expect_point("105°27'05.6\"E 21°48'44.3\"N", 21 + 48 / 60.0 + 44.3 / 3600, 105 + 27 / 60.0 + 5.6 / 3600);
  expect_point("21°48'44\" Bắc, 105°27'06\" Đông", 21 + 48 / 60.0 + 44 / 3600.0, 105 + 27 / 60.0 + 6 / 3600.0);
  expect_point("33°51'24\"S, 151°12'55\"E", -(33 + 51 / 60.0 + 24 / 3600.0), 151 + 12 / 60.0 + 55 / 3600.0);
  expect_point("10.5 Nam, 106.7 Đông", -10.5, 106.7);
}

TEST(PointText, SwappedOutOfRangeAndGarbageAreNamed) {
  EXPECT_EQ(parse_point("105.2456, 21.8123").problem, "swapped");
  EXPECT_EQ(parse_point("95.1, 200.2").problem, "out_of_range");
  EXPECT_EQ(parse_point("21.8123").problem, "invalid_format");
  EXPECT_EQ(parse_point("gần chợ").problem, "invalid_format");
  EXPECT_EQ(parse_point("21°70'N 105°E").problem, "invalid_format") << "70 minutes";
  EXPECT_EQ(parse_point("21N, 105N").problem, "invalid_format") << "two latitudes";
  EXPECT_EQ(parse_point("").problem, "invalid_format");
}

}  // namespace
}  // namespace antq::geo
