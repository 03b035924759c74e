// units::Service::units_under: the villages (or communes) under a unit, historic ones
// included so that old records roll up, cached until a unit changes.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "modules/units/service.hpp"
#include "units_fixture.hpp"

namespace antq::units {
namespace {

struct Fixture : UnitsFixture {
  Unit add(const std::string& code, const std::string& name, const std::string& kind, std::int64_t parent) {
    return units.create(admin, NewUnit{code, name, kind, "", parent, std::nullopt, false, "", false});
  }
  Unit tan_trao = add("02545", "Tân Trào", "commune", country.id);
  Unit kim_quan = add("02546", "Kim Quan", "commune", country.id);
  Unit other = add("02548", "Minh Thanh", "commune", country.id);
  Unit khuon_dien = add("KD", "Khuôn Điển", "residential_area", tan_trao.id);
  Unit lang_han = add("LH", "Làng Hản", "residential_area", kim_quan.id);
  Unit minh_village = add("MT1", "Thôn 1", "residential_area", other.id);

  std::vector<std::string> names(std::int64_t unit_id, const std::vector<Kind>& kinds) {
    std::vector<std::string> out;
    db->read([&](db::Tx& tx) {
      for (const auto& u : units.units_under(tx, unit_id, kinds)->units) out.push_back(u.name);
    });
    std::sort(out.begin(), out.end());
    return out;
  }
  std::vector<std::int64_t> ids_under(const std::string& path) {
    std::vector<std::int64_t> out;
    db->read([&](db::Tx& tx) { out = *units.ids_under(tx, path); });
    return out;
  }
  std::string ids_json(std::int64_t unit_id) {
    std::string out;
    db->read([&](db::Tx& tx) { out = units.units_under(tx, unit_id, {Kind::residential_area})->ids_json; });
    return out;
  }
};

TEST(UnitsUnder, GivesTheVillagesOfACommuneAndOfTheCountry) {
  Fixture f;
  EXPECT_EQ(f.names(f.tan_trao.id, {Kind::residential_area}), std::vector<std::string>{"Khuôn Điển"});
  EXPECT_EQ(f.names(f.country.id, {Kind::residential_area}),
            (std::vector<std::string>{"Khuôn Điển", "Làng Hản", "Thôn 1"}));
  EXPECT_EQ(f.ids_json(f.tan_trao.id), "[" + std::to_string(f.khuon_dien.id) + "]");
}

TEST(UnitsUnder, IncludesTheUnitItselfWhenOfTheKind) {
  Fixture f;
  EXPECT_EQ(f.names(f.tan_trao.id, {Kind::commune, Kind::residential_area}),
            (std::vector<std::string>{"Khuôn Điển", "Tân Trào"}));
  EXPECT_EQ(f.names(f.khuon_dien.id, {Kind::commune}), std::vector<std::string>{});
}

TEST(UnitsUnder, AMergedCommunesVillagesRollUpIntoTheNewCommune) {
  Fixture f;
  EXPECT_EQ(f.names(f.tan_trao.id, {Kind::residential_area}), std::vector<std::string>{"Khuôn Điển"});
  f.units.merge(f.admin, Merge{{f.kim_quan.id}, f.tan_trao.id, "2025-07-01", "Nghị quyết 1684/NQ-UBTVQH15"});
  // The cache is dropped by the merge: Làng Hản now lies under Tân Trào, and Kim Quan,
  // historic, still counts as a commune under it.
  EXPECT_EQ(f.names(f.tan_trao.id, {Kind::residential_area}), (std::vector<std::string>{"Khuôn Điển", "Làng Hản"}));
  EXPECT_EQ(f.names(f.tan_trao.id, {Kind::commune}), (std::vector<std::string>{"Kim Quan", "Tân Trào"}));
}

TEST(UnitsUnder, ARenameIsSeenAtOnce) {
  Fixture f;
  EXPECT_EQ(f.names(f.tan_trao.id, {Kind::residential_area}), std::vector<std::string>{"Khuôn Điển"});
  UnitPatch patch;
  patch.name = "Thôn Khuôn Điển";
  f.units.update(f.admin, f.khuon_dien.id, patch);
  EXPECT_EQ(f.names(f.tan_trao.id, {Kind::residential_area}), std::vector<std::string>{"Thôn Khuôn Điển"});
}

TEST(UnitsUnder, AnUnknownUnitHasNothingUnderIt) {
  Fixture f;
  EXPECT_EQ(f.names(999999, {Kind::residential_area}), std::vector<std::string>{});
  EXPECT_EQ(f.ids_json(999999), "[]");
}

// ids_under: every kind, by path, sorted for std::binary_search; a merge moves a
// commune's villages under its successor at once.
TEST(UnitsUnder, TheIdsUnderAPathAreEveryUnitThereSorted) {
  Fixture f;
  auto sorted = [](std::vector<std::int64_t> ids) {
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  EXPECT_EQ(f.ids_under(f.tan_trao.path), sorted({f.tan_trao.id, f.khuon_dien.id}));
  EXPECT_EQ(f.ids_under(f.khuon_dien.path), std::vector<std::int64_t>{f.khuon_dien.id});
  EXPECT_EQ(f.ids_under("/").size(), 7U);  // the country, three communes, three villages
  EXPECT_EQ(f.ids_under("/999999/"), std::vector<std::int64_t>{});
  f.units.merge(f.admin, Merge{{f.kim_quan.id}, f.tan_trao.id, "2025-07-01", "Nghị quyết 1684/NQ-UBTVQH15"});
  EXPECT_EQ(f.ids_under(f.tan_trao.path), sorted({f.tan_trao.id, f.kim_quan.id, f.khuon_dien.id, f.lang_han.id}));
}

}  // namespace
}  // namespace antq::units
