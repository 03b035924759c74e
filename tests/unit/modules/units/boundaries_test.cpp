// Unit boundaries: checked before anything is written, located exactly, same answer on a
// shared edge.
#include "modules/units/boundaries.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "../../support/files.hpp"
#include "units_fixture.hpp"

namespace antq::units {
namespace {

// A square from (lon0, lat0) of `size` degrees, optionally with a square hole in its middle.
std::string square(double lon0, double lat0, double size, bool hole = false) {
  auto ring = [](double x, double y, double s) {
    return boost::json::array{boost::json::array{x, y}, boost::json::array{x + s, y}, boost::json::array{x + s, y + s},
                              boost::json::array{x, y + s}, boost::json::array{x, y}};
  };
  boost::json::array rings{ring(lon0, lat0, size)};
  if (hole) rings.push_back(ring(lon0 + size / 4, lat0 + size / 4, size / 2));
  return boost::json::serialize(boost::json::object{{"type", "Polygon"}, {"coordinates", rings}});
}

std::string feature(const std::string& code, const std::string& geometry) {
  return R"({"type":"Feature","properties":{"code":")" + code + R"("},"geometry":)" + geometry + "}";
}

std::string collection(const std::vector<std::string>& features) {
  std::string out = R"({"type":"FeatureCollection","features":[)";
  for (std::size_t i = 0; i < features.size(); ++i) out += (i ? "," : "") + features[i];
  return out + "]}";
}

struct BoundariesTest : ::testing::Test, UnitsFixture {
  Boundaries boundaries{*db, audit, clock};
  Unit province = add("08", "Tuyên Quang", "province", country.id);
  // Two communes side by side sharing the edge lon = 105.5, and a village with a hole.
  Unit west = add("02545", "Tân Trào", "commune", province.id);
  Unit east = add("02455", "Hùng Lợi", "commune", province.id);
  Unit village = add("T-1", "Thôn Một", "residential_area", west.id);

  Unit add(const std::string& code, const std::string& name, const std::string& kind, std::int64_t parent) {
    return units.create(admin, NewUnit{code, name, kind, "", parent, std::nullopt, false, "", false});
  }
  void import_squares() {
    boundaries.import_geojson(
        admin, collection({feature("02545", square(105.4, 21.8, 0.1)), feature("02455", square(105.5, 21.8, 0.1)),
                           feature("T-1", square(105.42, 21.82, 0.04, true))}));
  }
  std::string code_at(double lon, double lat) {
    auto found = boundaries.locate({lon, lat});
    return found.commune ? found.commune->code : "";
  }
  std::vector<FieldError> errors_of(const std::string& geojson) {
    try {
      boundaries.import_geojson(admin, geojson);
    } catch (const Error& e) {
      return e.fields();
    }
    return {};
  }
};

TEST_F(BoundariesTest, LocatesInsideOutsideOnTheSharedEdgeAndInAHole) {
  import_squares();
  EXPECT_EQ(code_at(105.45, 21.85), "02545");
  EXPECT_EQ(code_at(105.55, 21.85), "02455");
  EXPECT_EQ(code_at(0, 0), "");
  // On the shared edge both are "on the edge": the lower code wins, every time.
  for (int i = 0; i < 5; ++i) EXPECT_EQ(code_at(105.5, 21.85), "02455");
  auto in_village = boundaries.locate({105.425, 21.825});
  ASSERT_TRUE(in_village.village);
  EXPECT_EQ(in_village.village->code, "T-1");
  auto in_hole = boundaries.locate({105.44, 21.84});
  EXPECT_EQ(in_hole.commune->code, "02545");
  EXPECT_FALSE(in_hole.village) << "the village's hole is not the village";
}

TEST_F(BoundariesTest, APointInAGapTakesTheNearestWithin30Metres) {
  import_squares();
  auto near = boundaries.locate({105.3998, 21.85});  // about 21 m west of Tân Trào
  ASSERT_TRUE(near.commune);
  EXPECT_EQ(near.commune->code, "02545");
  EXPECT_FALSE(near.exact);
  EXPECT_NEAR(near.distance_m, 20.7, 1.0);
  EXPECT_FALSE(boundaries.locate({105.399, 21.85}).commune) << "about 100 m away is nowhere";
}

TEST_F(BoundariesTest, AnEndedCommuneIsNotAnAnswer) {
  import_squares();
  UnitPatch end;
  end.valid_to = "2025-06-30";
  units.update(admin, east.id, end);
  EXPECT_EQ(code_at(105.55, 21.85), "");
  EXPECT_EQ(code_at(105.5, 21.85), "02545") << "the edge now belongs to the one that remains";
}

TEST_F(BoundariesTest, ACommuneThatDoesNotExistYetIsNotAnAnswer) {
  auto future = units.create(admin, NewUnit{"00001", "Xã Tương Lai", "commune", "xã", province.id,
                                            std::string("2027-01-01"), false, "", false});
  import_squares();
  boundaries.import_geojson(admin, collection({feature("00001", square(105.4, 21.8, 0.1))}));
  EXPECT_EQ(code_at(105.45, 21.85), "02545") << "00001 has the lower code but begins in 2027";
  Actor reviewer = admin;
  auto children = boost::json::parse(*boundaries.children_boundaries(reviewer, province.id, 0).body);
  EXPECT_EQ(children.at("features").as_array().size(), 2u) << "not drawn before it exists";
  (void)future;
}

TEST_F(BoundariesTest, ChecksALocationAgainstItsCommune) {
  import_squares();
  auto ok = boundaries.check_location(village.id, {105.45, 21.85});
  EXPECT_TRUE(ok.inside);
  auto wrong = boundaries.check_location(west.id, {105.55, 21.85});
  EXPECT_FALSE(wrong.inside);
  ASSERT_TRUE(wrong.actual);
  EXPECT_EQ(wrong.actual->name, "Hùng Lợi");
}

TEST_F(BoundariesTest, BadInputIsNamedByFeatureAndNothingIsWritten) {
  auto code = [](const std::vector<FieldError>& errors) { return errors.empty() ? "" : errors[0].code; };
  EXPECT_EQ(code(errors_of("{not json")), "not_geojson");
  EXPECT_EQ(code(errors_of(R"({"type":"Point","coordinates":[1,2]})")), "not_geojson");
  auto unclosed = R"({"type":"Polygon","coordinates":[[[105.4,21.8],[105.5,21.8],[105.5,21.9],[105.4,21.9]]]})";
  auto errors = errors_of(collection({feature("02545", square(105.4, 21.8, 0.1)), feature("02455", unclosed)}));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "feature 1 (02455)");
  EXPECT_EQ(errors[0].code, "not_closed");
  EXPECT_EQ(code(errors_of(collection({feature("02545", square(205.4, 21.8, 0.1))}))), "out_of_range");
  EXPECT_EQ(code(errors_of(collection({feature("02545", square(21.8, 105.4, 0.1))}))), "swapped");
  errors = errors_of(collection({feature("02545", square(105.4, 21.8, 0.1)), feature("99999", square(1, 1, 1))}));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "feature 1 (99999)");
  EXPECT_EQ(errors[0].code, "not_found");
  EXPECT_EQ(code_at(105.45, 21.85), "") << "nothing was written";
}

TEST_F(BoundariesTest, UnmatchedFeaturesCanBeSkippedAndASecondImportChangesNothing) {
  BoundaryImportOptions options;
  options.skip_unmatched = true;
  auto file = collection({feature("02545", square(105.4, 21.8, 0.1)), feature("99999", square(1, 1, 1))});
  auto first = boundaries.import_geojson(admin, file, options);
  EXPECT_EQ(first.imported, 1);
  EXPECT_EQ(first.unmatched, (std::vector<std::string>{"feature 1 (99999)"}));
  auto second = boundaries.import_geojson(admin, file, options);
  EXPECT_EQ(second.imported, 0);
  EXPECT_EQ(second.unchanged, 1);
}

TEST_F(BoundariesTest, ServesTheBoundaryToTheScopeAndTheUnitsAboveIt) {
  import_squares();
  boundaries.import_geojson(admin, collection({feature("08", square(105.0, 21.5, 1.0))}));
  Actor officer{};
  officer.role = Role::officer;
  officer.scope_path = west.path;
  auto own = boundaries.boundary(officer, west.id, 0);
  auto json = boost::json::parse(*own.body).as_object();
  EXPECT_EQ(json.at("properties").at("code"), "02545");
  EXPECT_EQ(json.at("geometry").at("type"), "MultiPolygon");
  EXPECT_NO_THROW(boundaries.boundary(officer, province.id, 0)) << "the province outline around the commune";
  EXPECT_THROW(boundaries.boundary(officer, east.id, 0), Error) << "a neighbour is not in scope";
  EXPECT_NE(boundaries.boundary(officer, west.id, 100).etag, own.etag);
  EXPECT_EQ(boundaries.boundary(officer, west.id, 0).etag, own.etag);
}

TEST(BoundaryTolerance, RoundsDownToAStep) {
  EXPECT_EQ(Boundaries::tolerance_step(0), 0);
  EXPECT_EQ(Boundaries::tolerance_step(7), 5);
  EXPECT_EQ(Boundaries::tolerance_step(20), 20);
  EXPECT_EQ(Boundaries::tolerance_step(99999), 1000);
}

// The real Tuyên Quang: Tân Trào's interior point, and the vertex it shares with Hùng Lợi.
TEST_F(BoundariesTest, LocatesOnTheRealTuyenQuang) {
  auto dir = std::string("boundaries/");
  auto communes = testing::refdata_file(dir + "communes/communes-08.geojson");
  BoundaryImportOptions options;
  options.skip_unmatched = true;  // only two of the 124 communes exist here
  auto report = boundaries.import_geojson(admin, communes, options);
  EXPECT_EQ(report.imported, 2);
  EXPECT_EQ(report.unmatched.size(), 122u);
  EXPECT_EQ(code_at(105.45156, 21.80561), "02545");
  EXPECT_EQ(code_at(105.49749, 21.83263), "02455") << "a shared vertex goes to the lower code";
}

}  // namespace
}  // namespace antq::units
