// Unit kinds and validity periods.
#include "modules/units/model.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace antq::units {
namespace {

const std::vector<Kind> kAllKinds = {Kind::country,    Kind::province,     Kind::district,         Kind::commune,
                                     Kind::ward,       Kind::special_zone, Kind::residential_area, Kind::agency,
                                     Kind::enterprise, Kind::school};

TEST(UnitKind, CodesRoundTripForEveryKind) {
  std::set<std::string_view> codes;
  for (Kind k : kAllKinds) {
    auto code = kind_code(k);
    codes.insert(code);
    EXPECT_EQ(kind_from_code(code), k) << code;
  }
  EXPECT_EQ(codes.size(), kAllKinds.size()) << "two kinds share a code";
}

TEST(UnitKind, UnknownCodeIsNothing) {
  for (const char* code : {"", "xa", "Commune", "commune ", "village"}) {
    EXPECT_EQ(kind_from_code(code), std::nullopt) << code;
  }
}

TEST(UnitKind, CommuneLevelIsCommuneWardAndSpecialZone) {
  for (Kind k : kAllKinds) {
    bool expected = k == Kind::commune || k == Kind::ward || k == Kind::special_zone;
    EXPECT_EQ(is_commune_level(k), expected) << kind_code(k);
  }
}

TEST(UnitKind, OfficersManageOnlyBodiesBelowTheCommune) {
  for (Kind k : kAllKinds) {
    bool expected = k == Kind::residential_area || k == Kind::agency || k == Kind::enterprise || k == Kind::school;
    EXPECT_EQ(officer_may_manage(k), expected) << kind_code(k);
  }
}

Unit valid(std::optional<std::string> from, std::optional<std::string> to) {
  Unit u;
  u.valid_from = std::move(from);
  u.valid_to = std::move(to);
  return u;
}

TEST(UnitActiveOn, ValidFromIsTheFirstActiveDay) {
  auto u = valid("2025-07-01", std::nullopt);
  EXPECT_FALSE(u.active_on("2025-06-30"));
  EXPECT_TRUE(u.active_on("2025-07-01"));
  EXPECT_TRUE(u.active_on("2030-01-01"));
}

TEST(UnitActiveOn, ValidToIsTheLastActiveDay) {
  auto u = valid(std::nullopt, "2025-06-30");  // a district abolished on 1 July 2025
  EXPECT_TRUE(u.active_on("1990-01-01"));
  EXPECT_TRUE(u.active_on("2025-06-30"));
  EXPECT_FALSE(u.active_on("2025-07-01"));
}

TEST(UnitActiveOn, BothBoundsAreInclusive) {
  auto u = valid("2025-07-01", "2025-07-01");
  EXPECT_FALSE(u.active_on("2025-06-30"));
  EXPECT_TRUE(u.active_on("2025-07-01"));
  EXPECT_FALSE(u.active_on("2025-07-02"));
}

TEST(UnitActiveOn, WithoutBoundsAlwaysActive) {
  EXPECT_TRUE(valid(std::nullopt, std::nullopt).active_on("1800-01-01"));
  EXPECT_TRUE(valid(std::nullopt, std::nullopt).active_on("2299-12-31"));
}

}  // namespace
}  // namespace antq::units
