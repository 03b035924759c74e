// Where units came from and went: merges record their successor, renames their old name.
#include <gtest/gtest.h>

#include "units_fixture.hpp"

namespace antq::units {
namespace {

struct Lineage : ::testing::Test, UnitsFixture {
  Unit add(const std::string& code, const std::string& name, const std::string& kind, std::int64_t parent) {
    return units.create(admin, NewUnit{code, name, kind, "xã", parent, std::nullopt, false, "", false});
  }
};

TEST_F(Lineage, AMergeListsTheSourcesOnTheTargetAndTheTargetOnEachSource) {
  auto province = add("08", "Tuyên Quang", "province", country.id);
  auto kim_quan = add("KQ", "Kim Quan", "commune", province.id);
  auto trung_yen = add("TY", "Trung Yên", "commune", province.id);
  auto tan_trao = add("02545", "Tân Trào", "commune", province.id);
  units.merge(admin, Merge{{kim_quan.id, trung_yen.id}, tan_trao.id, "2025-07-01", "Nghị quyết 1684/NQ-UBTVQH15"});

  auto target = units.get(admin, tan_trao.id);
  ASSERT_EQ(target.formed_from.size(), 2u);
  EXPECT_EQ(target.formed_from[0].name, "Kim Quan");  // by name
  EXPECT_EQ(target.formed_from[1].name, "Trung Yên");
  EXPECT_EQ(target.formed_from[0].date, "2025-07-01");
  EXPECT_EQ(target.formed_from[0].basis, "Nghị quyết 1684/NQ-UBTVQH15");
  EXPECT_TRUE(target.formed_from[0].main);
  EXPECT_TRUE(target.successors.empty());

  auto source = units.get(admin, kim_quan.id);
  ASSERT_EQ(source.successors.size(), 1u);
  EXPECT_EQ(source.successors[0].code, "02545");
  EXPECT_EQ(source.unit.merged_into, tan_trao.id);
  EXPECT_EQ(source.unit.valid_to, "2025-06-30");
}

TEST_F(Lineage, ARenameKeepsTheOldNameInTheHistory) {
  auto province = add("08", "Tuyên Quang", "province", country.id);
  auto commune = add("02545", "Tân Trao", "commune", province.id);
  UnitPatch same_name;
  same_name.note = "ghi chú";
  units.update(admin, commune.id, same_name);
  EXPECT_TRUE(units.get(admin, commune.id).history.empty()) << "a change that keeps the name is no rename";

  UnitPatch rename;
  rename.name = "Tân Trào";
  units.update(admin, commune.id, rename);
  auto history = units.get(admin, commune.id).history;
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].event, "renamed");
  EXPECT_EQ(history[0].old_name, "Tân Trao");
  EXPECT_EQ(history[0].date, "2025-12-01");
  EXPECT_FALSE(history[0].to_parent_id);
}

}  // namespace
}  // namespace antq::units
