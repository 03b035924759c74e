// The official 2025 unit list and merger map, read as published.
#include "modules/units/official.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "../../support/files.hpp"
#include "platform/error.hpp"

namespace antq::units::official {
namespace {

const std::string kUnits =
    "code,parent_code,level,kind,name,full_name,name_en\n"
    "01,,province,Thành phố,Hà Nội,Thành phố Hà Nội,Hanoi\n"
    "08,,province,Tỉnh,Tuyên Quang,Tỉnh Tuyên Quang,Tuyen Quang\n"
    "00004,01,commune,Phường,Ba Đình,Phường Ba Đình,Ba Dinh\n"
    "00070,01,commune,Phường,Hoàn Kiếm,Phường Hoàn Kiếm,Hoan Kiem\n"
    "00292,01,commune,Phường,Bạch Mai,Phường Bạch Mai,Bach Mai\n"
    "02545,08,commune,Xã,Tân Trào,Xã Tân Trào,Tan Trao\n"
    "02215,08,commune,Phường,Minh Xuân,Phường Minh Xuân,Minh Xuan\n"
    "02509,08,commune,Phường,Mỹ Lâm,Phường Mỹ Lâm,My Lam\n"
    "02437,08,commune,Xã,Kiến Thiết,Xã Kiến Thiết,Kien Thiet\n"
    "02600,08,commune,Xã,Hoà An,Xã Hoà An,Hoa An\n"
    "02601,08,commune,Xã,Bình An,Xã Bình An,Binh An\n";

const std::string kFormedFrom =
    "province_code,commune_code,commune,formed_from,effective\n"
    "01,00004,Phường Ba Đình,\"Phường Quán Thánh, Phường Cửa Đông (phần còn lại sau khi sáp nhập vào phường Hoàn "
    "Kiếm), Trường bắn TB1\",2025-07-01\n"
    "01,00070,Phường Hoàn Kiếm,\"Phường Cửa Đông, Phường Hàng Bạc\",2025-07-01\n"
    "01,00292,Phường Bạch Mai,\"Phường 5, Phường 7 (quận Hai Bà Trưng), Phường Minh Khai (quận Hai Bà Trưng), Lê "
    "Lợi\",2025-07-01\n"
    "08,02545,Xã Tân Trào,\"Xã Kim Quan, Xã Trung Yên, Xã Tân Trào\",2025-07-01\n"
    "08,02215,Phường Minh Xuân,\"Phường Minh Xuân, Xã Kim Phú\",2025-07-01\n"
    "08,02509,Phường Mỹ Lâm,\"Phường Mỹ Lâm, Xã Kim Phú\",2025-07-01\n"
    "08,02437,Xã Kiến Thiết,giữ nguyên,2025-07-01\n"
    "08,02600,Xã Hoà An,\"Xã Hòa An (huyện Chiêm Hoá), Xã Hoà Phú\",2025-07-01\n"
    "08,02601,Xã Bình An,\"Xã Hoà Phú, Xã Bình An\",2025-07-01\n";

const std::string kProvinces =
    "province_code,province,formed_from,effective\n"
    "01,Thành phố Hà Nội,giữ nguyên,2025-07-01\n"
    "08,Tỉnh Tuyên Quang,tỉnh Hà Giang và tỉnh Tuyên Quang,2025-07-01\n";

const Predecessor& find(const List& list, const std::string& code) {
  auto it = std::find_if(list.predecessors.begin(), list.predecessors.end(),
                         [&](const Predecessor& p) { return p.code == code; });
  if (it == list.predecessors.end()) throw std::runtime_error("no predecessor " + code);
  return *it;
}

std::vector<std::string> successor_codes(const Predecessor& p) {
  std::vector<std::string> out;
  for (const auto& s : p.successors) out.push_back(s.code);
  return out;
}

TEST(OfficialList, ReadsTheUnitsAndWhatEachWasFormedFrom) {
  auto list = read(kUnits, kFormedFrom, kProvinces);
  ASSERT_EQ(list.provinces.size(), 2U);
  ASSERT_EQ(list.communes.size(), 9U);
  EXPECT_EQ(list.provinces[1].designation, "tỉnh");
  EXPECT_EQ(list.provinces[0].designation, "thành phố");
  EXPECT_TRUE(list.provinces[0].unchanged);
  auto tan_trao = std::find_if(list.communes.begin(), list.communes.end(), [](auto& c) { return c.code == "02545"; });
  EXPECT_EQ(tan_trao->kind, "commune");
  EXPECT_EQ(tan_trao->designation, "xã");
  EXPECT_EQ(tan_trao->effective, "2025-07-01");
  EXPECT_EQ(tan_trao->name_en, "Tan Trao");

  const auto& kim_quan = find(list, "08-X-KIM-QUAN");
  EXPECT_EQ(kim_quan.name, "Kim Quan");
  EXPECT_EQ(kim_quan.kind, "commune");
  EXPECT_EQ(successor_codes(kim_quan), std::vector<std::string>{"02545"});
  EXPECT_EQ(find(list, "08-X-TAN-TRAO").successors.at(0).code, "02545") << "the old Tân Trào is its own unit";
}

TEST(OfficialList, KeepsUnchangedUnitsAndNonUnitsApart) {
  auto list = read(kUnits, kFormedFrom, kProvinces);
  auto kien_thiet = std::find_if(list.communes.begin(), list.communes.end(), [](auto& c) { return c.code == "02437"; });
  EXPECT_TRUE(kien_thiet->unchanged);
  auto ba_dinh = std::find_if(list.communes.begin(), list.communes.end(), [](auto& c) { return c.code == "00004"; });
  EXPECT_EQ(ba_dinh->not_units, std::vector<std::string>{"Trường bắn TB1"});
  for (const auto& p : list.predecessors) EXPECT_EQ(p.name.find("Trường bắn"), std::string::npos);
}

TEST(OfficialList, ASplitUnitHasSeveralSuccessorsAndOneMain) {
  auto list = read(kUnits, kFormedFrom, kProvinces);
  const auto& kim_phu = find(list, "08-X-KIM-PHU");
  EXPECT_EQ(successor_codes(kim_phu), (std::vector<std::string>{"02215", "02509"}));
  EXPECT_EQ(kim_phu.successors[kim_phu.main].code, "02215") << "no same name, no remainder: the lowest code";
  const auto& cua_dong = find(list, "01-P-CUA-DONG");
  ASSERT_EQ(cua_dong.successors.size(), 2U);
  EXPECT_EQ(cua_dong.successors[cua_dong.main].code, "00004") << "the remainder went to Ba Đình";
  EXPECT_EQ(cua_dong.successors[cua_dong.main].part, "phần còn lại sau khi sáp nhập vào phường Hoàn Kiếm");
  const auto& hoa_phu = find(list, "08-X-HOA-PHU");
  EXPECT_EQ(successor_codes(hoa_phu), (std::vector<std::string>{"02600", "02601"}));
  const auto& my_lam = find(list, "08-P-MY-LAM");
  EXPECT_EQ(my_lam.successors[my_lam.main].code, "02509") << "the new unit of the same name";
}

TEST(OfficialList, ToneVariantsAreOneUnitAndTheDistrictIsKept) {
  auto list = read(kUnits, kFormedFrom, kProvinces);
  const auto& hoa_an = find(list, "08-X-HOA-AN-CHIEM-HOA");
  EXPECT_EQ(hoa_an.note, "huyện Chiêm Hoá");
  EXPECT_EQ(hoa_an.successors[hoa_an.main].code, "02600") << "Hòa An and Hoà An are the same name";
}

TEST(OfficialList, NumberedWardsTakeTheDistrictWrittenAfterThem) {
  auto list = read(kUnits, kFormedFrom, kProvinces);
  EXPECT_EQ(find(list, "01-P-5-HAI-BA-TRUNG").note, "quận Hai Bà Trưng");
  EXPECT_EQ(find(list, "01-P-7-HAI-BA-TRUNG").kind, "ward");
  EXPECT_EQ(find(list, "01-P-LE-LOI").designation, "phường") << "no kind word: the previous entry's";
}

TEST(OfficialList, OldProvincesMergeIntoTheNewOne) {
  auto list = read(kUnits, kFormedFrom, kProvinces);
  const auto& ha_giang = find(list, "08-TINH-HA-GIANG");
  EXPECT_EQ(ha_giang.kind, "province");
  EXPECT_EQ(ha_giang.designation, "tỉnh");
  EXPECT_EQ(successor_codes(ha_giang), std::vector<std::string>{"08"});
  EXPECT_EQ(find(list, "08-TINH-TUYEN-QUANG").successors[0].code, "08");
}

std::set<std::string> fields_of(const std::string& units, const std::string& formed, const std::string& provinces) {
  try {
    read(units, formed, provinces);
  } catch (const Error& e) {
    std::set<std::string> out;
    for (const auto& f : e.fields()) out.insert(f.field + ":" + f.code + "@" + std::to_string(f.line.value_or(0)));
    return out;
  }
  return {};
}

TEST(OfficialList, RefusesBadInputNamingTheFileColumnAndLine) {
  auto bad_units = kUnits + "123,08,commune,Xã,Sai,Xã Sai,Sai\n" + "12345,99,commune,Làng,Sai,Sai,Sai\n";
  auto errors = fields_of(bad_units, kFormedFrom, kProvinces);
  EXPECT_TRUE(errors.contains("units.csv:code:invalid_format@13")) << ::testing::PrintToString(errors);
  EXPECT_TRUE(errors.contains("units.csv:kind:unknown_value@14")) << ::testing::PrintToString(errors);
  auto bad_formed = kFormedFrom + "08,09999,Xã Không Có,Xã A,2025-07-01\n";
  EXPECT_TRUE(fields_of(kUnits, bad_formed, kProvinces).contains("formed-from.csv:commune_code:not_found@11"));
  std::string unbalanced = kFormedFrom;
  const std::string closed = "Chiêm Hoá)";
  unbalanced.replace(unbalanced.find(closed), closed.size(), "Chiêm Hoá");
  auto unbalanced_errors = fields_of(kUnits, unbalanced, kProvinces);
  EXPECT_TRUE(unbalanced_errors.contains("formed-from.csv:formed_from:invalid_format@9"))
      << ::testing::PrintToString(unbalanced_errors);
  EXPECT_FALSE(fields_of("code,name\n08,Tuyên Quang\n", kFormedFrom, kProvinces).empty());
}

// The real files: every quirk of the published text is read, and every code is unique.
TEST(OfficialList, ReadsTheWholePublishedList) {
  auto list = read(testing::refdata_file("units.csv"), testing::refdata_file("formed-from.csv"),
                   testing::refdata_file("provinces-formed-from.csv"));
  EXPECT_EQ(list.provinces.size(), 34U);
  EXPECT_EQ(list.communes.size(), 3321U);
  auto unchanged = std::count_if(list.communes.begin(), list.communes.end(), [](auto& c) { return c.unchanged; });
  EXPECT_EQ(unchanged, 127);
  std::set<std::string> codes;
  std::size_t old_provinces = 0;
  std::size_t split = 0;
  std::size_t in_tuyen_quang = 0;
  for (const auto& p : list.predecessors) {
    EXPECT_LE(p.code.size(), 32U) << p.code;
    EXPECT_TRUE(codes.insert(p.code).second) << p.code;
    EXPECT_FALSE(p.successors.empty());
    if (p.kind == "province") ++old_provinces;
    if (p.successors.size() > 1) ++split;
    if (p.code.rfind("08-", 0) == 0 && p.kind != "province") ++in_tuyen_quang;
  }
  EXPECT_EQ(old_provinces, 52U);
  // Measured once on the published files (refdata/vn-units-2025/QUIRKS.md): a change of
  // the parser that moves these is a change of who merged into whom.
  EXPECT_EQ(list.predecessors.size(), 9945U);
  EXPECT_EQ(split, 457U);
  EXPECT_EQ(in_tuyen_quang, 316U);
}

}  // namespace
}  // namespace antq::units::official
