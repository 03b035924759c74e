// A commune's roads on both databases: imported whole or not at all, replaced by the next
// import, audited; and coverage from them, per village where villages have a boundary,
// with the rights of each role.
#include <boost/json.hpp>

#include "cameras_fixture.hpp"

namespace antq::cameras {
namespace {

class RoadsTest : public CamerasTest {
 protected:
  // A road running `metres` north from `from`, as a GeoJSON Feature.
  static std::string road(const std::string& name, geo::Point from, double metres) {
    auto to = geo::destination(from, 0, metres);
    return R"({"type":"Feature","properties":{"name":")" + name +
           R"("},"geometry":{"type":"LineString","coordinates":[[)" + std::to_string(from.lon) + "," +
           std::to_string(from.lat) + "],[" + std::to_string(to.lon) + "," + std::to_string(to.lat) + "]]}}";
  }
  static std::string collection(const std::vector<std::string>& features) {
    std::string out = R"({"type":"FeatureCollection","features":[)";
    for (std::size_t i = 0; i < features.size(); ++i) out += (i ? "," : "") + features[i];
    return out + "]}";
  }
  RoadImportReport import(const std::string& geojson, bool dry_run = false) {
    return service_->import_roads(officer_, tan_trao_.id, geojson, {dry_run, "duong.geojson"});
  }
  std::int64_t roads() { return count("SELECT count(*) FROM camera_roads"); }
};

TEST_P(RoadsTest, AnImportReplacesTheRoadsAndIsAudited) {
  auto first = import(collection({road("Đường A", kMarket, 1000), road("Đường B", kMarket, 500)}));
  EXPECT_EQ(first.roads, 2);
  EXPECT_NEAR(first.length_m, 1500, 0.1);  // the file's 6 decimals: about 0.1 m
  EXPECT_EQ(first.replaced, 0);
  auto second = import(collection({road("Đường C", kMarket, 300)}));
  EXPECT_EQ(second.replaced, 2);
  EXPECT_EQ(roads(), 1);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'camera.roads_import'"), 2);
  auto layer = boost::json::parse(service_->roads_geojson(team_member_, village_.id)).as_object();
  ASSERT_EQ(layer.at("features").as_array().size(), 1U);
  EXPECT_EQ(layer.at("features").as_array()[0].at("properties").at("name"), "Đường C");
}

TEST_P(RoadsTest, ABadFileIsRefusedWholeWithEachFeatureNamed) {
  import(collection({road("Đường A", kMarket, 1000)}));
  std::string one_point =
      R"({"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[105.45,21.85]]}})";
  std::string swapped =
      R"({"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[21.85,105.45],[21.86,105.45]]}})";
  auto far_away = road("Đường ở Hà Nội", {105.85, 21.03}, 100);
  // One stray point (an export's [0,0]) would make a road of thousands of kilometres.
  std::string stray =
      R"({"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[105.45,21.85],[105.451,21.851],[0,0]]}})";
  EXPECT_EQ(errors_of([&] {
              import(collection({road("Tốt", kMarket, 100), one_point, swapped, far_away, stray}));
            }),
            "feature 1:too_few_positions feature 2:swapped feature 3:far_from_commune feature 4:far_from_commune");
  EXPECT_EQ(errors_of([&] { import("{not json"); }), "file:not_geojson");
  EXPECT_EQ(errors_of([&] { import(R"({"type":"FeatureCollection","features":[]})"); }), "file:no_roads");
  EXPECT_EQ(errors_of([&] { service_->import_roads(officer_, village_.id, collection({road("A", kMarket, 10)}), {}); }),
            "unit_id:not_commune");
  EXPECT_EQ(roads(), 1);  // the first import's road, untouched
  auto dry = import(collection({road("Đường D", kMarket, 100), road("Đường E", kMarket, 100)}), true);
  EXPECT_TRUE(dry.dry_run);
  EXPECT_EQ(dry.roads, 2);
  EXPECT_EQ(roads(), 1);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'camera.roads_import'"), 1);
}

TEST_P(RoadsTest, WhoMayImportAndSeeCoverage) {
  auto file = collection({road("Đường A", kMarket, 100)});
  EXPECT_THROW(service_->import_roads(team_member_, tan_trao_.id, file, {}), Error);
  EXPECT_THROW(service_->import_roads(reviewer_, tan_trao_.id, file, {}), Error);
  EXPECT_EQ(errors_of([&] { service_->import_roads(other_officer_, tan_trao_.id, file, {}); }), "unit_id:not_found");
  EXPECT_EQ(service_->import_roads(admin_, tan_trao_.id, file, {}).roads, 1);
  EXPECT_EQ(errors_of([&] { service_->coverage(team_member_, tan_trao_.id); }), "unit_id:not_found");
  EXPECT_EQ(service_->coverage(team_member_, village_.id).unit.id, village_.id);
  EXPECT_EQ(errors_of([&] { service_->coverage(other_officer_, tan_trao_.id); }), "unit_id:not_found");
  EXPECT_THROW(service_->coverage(reviewer_, tan_trao_.id), Error);
}

TEST_P(RoadsTest, CoverageCountsTheWorkingCamerasAndTheGaps) {
  import(collection({road("Đường trục", kMarket, 1000)}));
  auto in = input(geo::destination(kMarket, 0, 500), std::nullopt, 100);  // all round, in the middle
  in.village_id = village_.id;
  auto seeing = service_->create(officer_, in).camera;
  auto broken = service_->create(officer_, input(geo::destination(kMarket, 0, 900), std::nullopt, 100)).camera;
  service_->change_status(officer_, broken.id, {"faulty", kStart - kHour, "Mất nguồn"});
  auto c = service_->coverage(officer_, tan_trao_.id);
  EXPECT_EQ(c.basis, "roads");
  EXPECT_EQ(c.roads, 1);
  EXPECT_NEAR(c.road_m, 1000, 0.1);
  EXPECT_NEAR(c.covered_m, 200, 0.1);  // the faulty camera sees nothing
  ASSERT_EQ(c.gaps.size(), 2U);
  EXPECT_NEAR(c.gaps[0].length_m, 400, 0.1);
  // Rows: the village, then the commune's own cameras.
  ASSERT_EQ(c.villages.size(), 2U);
  EXPECT_EQ(c.villages[0].name, "Khuôn Điển");
  EXPECT_EQ(c.villages[0].cameras.total, 1);
  EXPECT_EQ(c.villages[0].cameras.by_status.at("working"), 1);
  EXPECT_FALSE(c.villages[0].road_m.has_value());  // the village has no boundary
  EXPECT_EQ(c.villages[1].name, "Tân Trào");
  EXPECT_EQ(c.villages[1].cameras.by_status.at("faulty"), 1);
  // The village has no boundary, so its roads cannot be told apart.
  auto village = service_->coverage(officer_, village_.id);
  EXPECT_EQ(village.basis, "none");
  ASSERT_EQ(village.villages.size(), 1U);
  EXPECT_EQ(village.villages[0].cameras.total, 1);
  (void)seeing;
}

TEST_P(RoadsTest, WithoutRoadsTheShareOfTheAreaIsGiven) {
  // Tân Trào's square is about 10 km a side; one camera of range 100 m sees a sliver.
  service_->create(officer_, input(kMarket, std::nullopt, 100));
  auto c = service_->coverage(officer_, tan_trao_.id);
  EXPECT_EQ(c.basis, "area");
  ASSERT_TRUE(c.area_share.has_value());
  EXPECT_GT(*c.area_share, 0);
  EXPECT_LT(*c.area_share, 0.001);
  auto hung_loi = service_->coverage(other_officer_, hung_loi_.id);
  EXPECT_EQ(hung_loi.area_share, std::optional<double>(0.0));
}

TEST_P(RoadsTest, CamerasOfADissolvedVillageStayUnderItsOwnNameMarkedFormer) {
  auto old_village = add("02545-T2", "Đồng Đa", "residential_area", tan_trao_.id);
  auto in = input(kMarket, std::nullopt, 100);
  in.village_id = old_village.id;
  service_->create(officer_, in);
  service_->create(officer_, input(kMarket, std::nullopt, 100));  // the commune's own
  units::UnitPatch ended;
  ended.valid_to = "2025-12-01";  // its last day: dissolved from tomorrow
  units_->update(system_actor(), old_village.id, ended);
  clock_.advance(kDay);
  auto c = service_->coverage(officer_, tan_trao_.id);
  ASSERT_EQ(c.villages.size(), 3U);
  EXPECT_EQ(c.villages[0].name, "Khuôn Điển");
  EXPECT_FALSE(c.villages[0].former);
  EXPECT_EQ(c.villages[1].village_id, old_village.id);
  EXPECT_EQ(c.villages[1].name, "Đồng Đa") << "not the commune's name";
  EXPECT_TRUE(c.villages[1].former);
  EXPECT_EQ(c.villages[1].cameras.total, 1);
  EXPECT_FALSE(c.villages[1].area_share.has_value()) << "its ground is the villages' of today";
  EXPECT_EQ(c.villages[2].village_id, std::nullopt);
  EXPECT_EQ(c.villages[2].name, "Tân Trào");
  EXPECT_FALSE(c.villages[2].former);
  EXPECT_EQ(c.villages[2].cameras.total, 1);
}

TEST_P(RoadsTest, TheAreaShareIsKeptUntilTheCamerasChange) {
  auto camera = service_->create(officer_, input(kMarket, 0, 100)).camera;
  auto first = service_->coverage(officer_, tan_trao_.id).area_share;
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(service_->area_shares_computed(), 1U);
  EXPECT_EQ(service_->coverage(team_member_, village_.id).basis, "none");  // no boundary: nothing to keep
  EXPECT_EQ(service_->coverage(officer_, tan_trao_.id).area_share, first);
  EXPECT_EQ(service_->area_shares_computed(), 1U) << "asked again: from the cache";
  // A change that moves no cone keeps it.
  auto in = input(kMarket, 0, 100);
  in.note = "Đã lau ống kính";
  camera = service_->update(officer_, camera.id, camera.version, in).camera;
  service_->coverage(officer_, tan_trao_.id);
  EXPECT_EQ(service_->area_shares_computed(), 1U);
  // A camera that sees further: computed again, and larger.
  in.range_m = 300;
  camera = service_->update(officer_, camera.id, camera.version, in).camera;
  auto wider = service_->coverage(officer_, tan_trao_.id).area_share;
  EXPECT_EQ(service_->area_shares_computed(), 2U);
  ASSERT_TRUE(wider.has_value());
  EXPECT_GT(*wider, *first);
  // A camera broken: it sees nothing any more.
  service_->change_status(officer_, camera.id, {"faulty", std::nullopt, "Mất nguồn"});
  EXPECT_EQ(service_->coverage(officer_, tan_trao_.id).area_share, std::optional<double>(0.0));
  EXPECT_EQ(service_->area_shares_computed(), 3U);
}

INSTANTIATE_TEST_SUITE_P(Backends, RoadsTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         [](const auto& info) {
                           return std::string(info.param == db::Dialect::sqlite ? "sqlite" : "postgres");
                         });

}  // namespace
}  // namespace antq::cameras
