// The official list imported into the unit tree: created once, found again, merged.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../../support/files.hpp"
#include "platform/db/read.hpp"
#include "units_fixture.hpp"

namespace antq::units {
namespace {

const std::string kUnits =
    "code,parent_code,level,kind,name,full_name,name_en\n"
    "08,,province,Tỉnh,Tuyên Quang,Tỉnh Tuyên Quang,Tuyen Quang\n"
    "02545,08,commune,Xã,Tân Trào,Xã Tân Trào,Tan Trao\n"
    "02215,08,commune,Phường,Minh Xuân,Phường Minh Xuân,Minh Xuan\n"
    "02509,08,commune,Phường,Mỹ Lâm,Phường Mỹ Lâm,My Lam\n"
    "02437,08,commune,Xã,Kiến Thiết,Xã Kiến Thiết,Kien Thiet\n";

const std::string kFormedFrom =
    "province_code,commune_code,commune,formed_from,effective\n"
    "08,02545,Xã Tân Trào,\"Xã Kim Quan, Xã Trung Yên, Xã Tân Trào\",2025-07-01\n"
    "08,02215,Phường Minh Xuân,\"Phường Minh Xuân, Xã Kim Phú (phần còn lại sau khi sáp nhập vào phường Mỹ "
    "Lâm)\",2025-07-01\n"
    "08,02509,Phường Mỹ Lâm,\"Phường Mỹ Lâm, Xã Kim Phú\",2025-07-01\n"
    "08,02437,Xã Kiến Thiết,giữ nguyên,2025-07-01\n";

const std::string kProvinces =
    "province_code,province,formed_from,effective\n"
    "08,Tỉnh Tuyên Quang,tỉnh Hà Giang và tỉnh Tuyên Quang,2025-07-01\n";

const std::string kBasis =
    "province_code,level,basis\n"
    ",province,Nghị quyết 202/2025/QH15\n"
    "08,commune,Nghị quyết 1684/NQ-UBTVQH15\n";

official::List small_list(const std::string& units_csv = kUnits, const std::string& formed = kFormedFrom) {
  auto list = official::read(units_csv, formed, kProvinces);
  official::apply_basis(list, kBasis);
  return list;
}

struct OfficialImport : ::testing::Test, UnitsFixture {
  std::int64_t audit_entries() {
    static constexpr db::Query q{"test.audit_count", "SELECT COUNT(*) FROM audit_log"};
    std::int64_t n = 0;
    db->read([&](db::Tx& tx) { n = db::scalar(tx, q); });
    return n;
  }
  Detail detail(const std::string& code) { return units.get(admin, units.find_by_code(code)->id); }
  static std::vector<std::string> names(const std::vector<MergeLink>& links) {
    std::vector<std::string> out;
    for (const auto& l : links) out.push_back(l.name);
    return out;
  }
};

TEST_F(OfficialImport, BuildsTheTreeWithThePredecessorsUnderTheirSuccessors) {
  auto report = units.import_official(admin, small_list());
  EXPECT_EQ(report.provinces, 1);
  // VN was there; the province, 4 communes, 6 old communes and 2 old provinces are new.
  EXPECT_EQ(report.created, 1 + 4 + 6 + 2);
  auto tan_trao = detail("02545");
  EXPECT_EQ(tan_trao.unit.name_en, "Tan Trao");
  EXPECT_EQ(tan_trao.unit.valid_from, "2025-07-01");
  EXPECT_EQ(tan_trao.ancestors.size(), 2u);
  EXPECT_EQ(names(tan_trao.formed_from), (std::vector<std::string>{"Kim Quan", "Tân Trào", "Trung Yên"}));
  EXPECT_EQ(tan_trao.formed_from[0].basis, "Nghị quyết 1684/NQ-UBTVQH15");
  EXPECT_FALSE(detail("02437").unit.valid_from) << "a unit kept as it was did not begin on 1/7/2025";

  auto kim_quan = detail("08-X-KIM-QUAN");
  EXPECT_EQ(kim_quan.unit.valid_to, "2025-06-30");
  EXPECT_EQ(kim_quan.unit.parent_id, tan_trao.unit.id) << "its records roll up to Tân Trào";
  ASSERT_EQ(kim_quan.history.size(), 1u);
  EXPECT_EQ(kim_quan.history[0].event, "merged");

  auto kim_phu = detail("08-X-KIM-PHU");
  ASSERT_EQ(kim_phu.successors.size(), 2u);
  EXPECT_EQ(kim_phu.successors[0].code, "02215") << "the unit that got what remained is the main one";
  EXPECT_TRUE(kim_phu.successors[0].main);
  EXPECT_NE(kim_phu.successors[0].part, "");
  EXPECT_FALSE(kim_phu.successors[1].main);
  EXPECT_EQ(names(detail("02509").formed_from), (std::vector<std::string>{"Kim Phú", "Mỹ Lâm"}));

  auto province = detail("08");
  EXPECT_EQ(names(province.formed_from), (std::vector<std::string>{"Hà Giang", "Tuyên Quang"}));
  EXPECT_EQ(province.formed_from[0].basis, "Nghị quyết 202/2025/QH15");
}

TEST_F(OfficialImport, ASecondImportChangesNothing) {
  units.import_official(admin, small_list());
  auto version = units.version();
  auto entries = audit_entries();
  auto again = units.import_official(admin, small_list());
  EXPECT_EQ(again.provinces, 0);
  EXPECT_EQ(again.created + again.updated + again.merged + again.successors, 0);
  EXPECT_EQ(again.unchanged, 1 + 1 + 4 + 6 + 2);
  EXPECT_EQ(units.version(), version);
  EXPECT_EQ(audit_entries(), entries);
}

TEST_F(OfficialImport, OneAuditEntryPerProvinceWithItsCounts) {
  auto entries = audit_entries();
  units.import_official(admin, small_list());
  EXPECT_EQ(audit_entries(), entries + 1);
}

TEST_F(OfficialImport, ARenameIsKeptInTheHistory) {
  units.import_official(admin, small_list());
  auto renamed = kUnits;
  renamed.replace(renamed.find("Xã,Kiến Thiết,Xã Kiến Thiết,Kien Thiet"), 38,
                  "Xã,Kiến Thiết Mới,Xã Kiến Thiết Mới,Kien Thiet Moi");
  auto report = units.import_official(admin, small_list(renamed));
  EXPECT_EQ(report.renamed, 1);
  auto d = detail("02437");
  EXPECT_EQ(d.unit.name, "Kiến Thiết Mới");
  ASSERT_EQ(d.history.size(), 1u);
  EXPECT_EQ(d.history[0].event, "renamed");
  EXPECT_EQ(d.history[0].old_name, "Kiến Thiết");
}

TEST_F(OfficialImport, ACommuneTheListNoLongerNamesIsReportedNotDeleted) {
  units.import_official(admin, small_list());
  auto fewer = kUnits.substr(0, kUnits.find("02437"));
  auto formed = kFormedFrom.substr(0, kFormedFrom.find("08,02437"));
  auto report = units.import_official(admin, small_list(fewer, formed));
  EXPECT_EQ(report.missing, (std::vector<std::string>{"02437 xã Kiến Thiết"}));
  EXPECT_FALSE(detail("02437").unit.valid_to);
}

TEST_F(OfficialImport, AUnitMergedAfterTheListIsNotReopenedByASecondImport) {
  units.import_official(admin, small_list());
  auto kien_thiet = units.find_by_code("02437")->id;
  auto tan_trao = units.find_by_code("02545")->id;
  units.merge(admin, Merge{{kien_thiet}, tan_trao, "2026-03-01", "Nghị quyết giả định"});
  auto version = units.version();
  auto again = units.import_official(admin, small_list());
  EXPECT_EQ(again.kept, (std::vector<std::string>{"02437 xã Kiến Thiết (2026-02-28)"}));
  EXPECT_EQ(again.updated, 0);
  auto d = detail("02437");
  EXPECT_EQ(d.unit.valid_to, "2026-02-28") << "still ended";
  EXPECT_EQ(d.unit.parent_id, tan_trao) << "still under the unit it merged into";
  EXPECT_EQ(units.version(), version);
}

TEST_F(OfficialImport, ACommuneMadeByHandWithTheWrongKindGetsTheListsKind) {
  auto province =
      units.create(admin, NewUnit{"08", "Tuyên Quang", "province", "tỉnh", country.id, std::nullopt, false, "", false});
  units.create(admin, NewUnit{"02215", "Minh Xuân", "commune", "xã", province.id, std::nullopt, false, "", false});
  units.import_official(admin, small_list());
  auto d = detail("02215");
  EXPECT_EQ(d.unit.kind, Kind::ward);
  EXPECT_EQ(d.unit.designation, "phường");
}

TEST_F(OfficialImport, ACurrentUnitMadeByHandIsMergedWithItsVillages) {
  auto province =
      units.create(admin, NewUnit{"08", "Tuyên Quang", "province", "tỉnh", country.id, std::nullopt, false, "", false});
  auto district = units.create(
      admin, NewUnit{"08-H-YEN-SON", "Yên Sơn", "district", "huyện", province.id, std::nullopt, false, "", false});
  auto kim_quan = units.create(
      admin, NewUnit{"08-X-KIM-QUAN", "Kim Quan", "commune", "xã", district.id, std::nullopt, false, "", false});
  auto village = units.create(
      admin, NewUnit{"KQ-KD", "Khuôn Điển", "residential_area", "thôn", kim_quan.id, std::nullopt, false, "", false});
  auto report = units.import_official(admin, small_list());
  EXPECT_EQ(report.merged, 1);
  auto tan_trao = detail("02545");
  auto kq = detail("08-X-KIM-QUAN");
  EXPECT_EQ(kq.unit.id, kim_quan.id) << "found by its code, not made twice";
  EXPECT_EQ(kq.unit.merged_into, tan_trao.unit.id);
  EXPECT_EQ(kq.unit.valid_to, "2025-06-30");
  auto v = detail("KQ-KD");
  EXPECT_EQ(v.unit.parent_id, tan_trao.unit.id) << "the village moved to the new commune";
  EXPECT_EQ(v.history.back().event, "moved");
  EXPECT_EQ(village.id, v.unit.id);
  EXPECT_EQ(detail("08").unit.official_key, "vn2025|08") << "the province made by hand is now the listed one";
  EXPECT_TRUE(units.import_official(admin, small_list()).created == 0);
}

TEST_F(OfficialImport, ADryRunCountsAndWritesNothing) {
  auto version = units.version();
  official::ImportOptions options;
  options.dry_run = true;
  auto report = units.import_official(admin, small_list(), options);
  EXPECT_TRUE(report.dry_run);
  EXPECT_EQ(report.created, 1 + 4 + 6 + 2);
  EXPECT_EQ(units.version(), version);
  EXPECT_FALSE(units.find_by_code("02545"));
}

TEST_F(OfficialImport, OnlyANationalAdministratorImportsAndTheProvinceMustExist) {
  Actor officer = admin;
  officer.role = Role::officer;
  EXPECT_THROW(units.import_official(officer, small_list()), Error);
  official::ImportOptions options;
  options.province = "99";
  try {
    units.import_official(admin, small_list(), options);
    FAIL() << "an unknown province is refused";
  } catch (const Error& e) {
    ASSERT_EQ(e.fields().size(), 1u);
    EXPECT_EQ(e.fields()[0].field, "province");
  }
  EXPECT_FALSE(units.find_by_code("08"));
}

// Tuyên Quang as published: its 124 communes, 316 old communes and 2 old provinces.
TEST_F(OfficialImport, ImportsTuyenQuangAsPublished) {
  auto list = official::read(testing::refdata_file("units.csv"), testing::refdata_file("formed-from.csv"),
                             testing::refdata_file("provinces-formed-from.csv"));
  official::apply_basis(list, testing::refdata_file("basis.csv"));
  official::ImportOptions options;
  options.province = "08";
  std::size_t last_done = 0;
  std::size_t last_total = 0;
  options.progress = [&](std::size_t done, std::size_t total) {
    last_done = done;
    last_total = total;
  };
  auto report = units.import_official(admin, list, options);
  EXPECT_EQ(report.created, 1 + 124 + 316 + 2);
  EXPECT_EQ(last_done, last_total);
  EXPECT_EQ(last_total, 1u + 124 + 316 + 2);
  EXPECT_TRUE(report.missing.empty());
  EXPECT_EQ(names(detail("02545").formed_from), (std::vector<std::string>{"Kim Quan", "Tân Trào", "Trung Yên"}));
  EXPECT_EQ(units.import_official(admin, list, options).unchanged, 1 + 1 + 124 + 316 + 2);
}

}  // namespace
}  // namespace antq::units
