// The units CSV import goes through the same checks, history and audit as the API.
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "modules/units/service.hpp"
#include "platform/error.hpp"
#include "units_fixture.hpp"

namespace antq::units {
namespace {

const std::string kHeader = "code,name,kind,designation,parent_code,valid_from,valid_to,remote,note\n";

struct Fixture : UnitsFixture {
  Unit province =
      units.create(admin, NewUnit{"08", "Tuyên Quang", "province", "tỉnh", country.id, std::nullopt, false, "", false});
  Unit commune =
      units.create(admin, NewUnit{"02545", "Tân Trào", "commune", "xã", province.id, std::nullopt, false, "", false});
  Unit other =
      units.create(admin, NewUnit{"02548", "Minh Thanh", "commune", "xã", province.id, std::nullopt, false, "", false});

  // The errors as "field:code", the API's parent_id named like the CSV column.
  static std::set<std::string> codes(const Error& e) {
    std::set<std::string> out;
    for (const auto& f : e.fields()) out.insert((f.field == "parent_id" ? "parent_code" : f.field) + ":" + f.code);
    return out;
  }
  std::set<std::string> api_errors(const NewUnit& in) {
    try {
      units.create(admin, in);
    } catch (const Error& e) {
      return codes(e);
    }
    return {};
  }
  std::set<std::string> csv_errors(const std::string& row) {
    try {
      units.import_csv(admin, kHeader + row + "\n");
    } catch (const Error& e) {
      return codes(e);
    }
    return {};
  }
  std::int64_t count() {
    ListFilter f;
    f.include_history = true;
    return units.list(admin, f).total;
  }
};

TEST(UnitsCsvImport, RefusesTheSameBadRowsAsTheApiWithTheSameErrors) {
  Fixture fx;
  const std::string long_name(201, 'a');
  const std::string long_designation(51, 'b');
  const std::string long_note(2001, 'c');
  struct Row {
    NewUnit api;
    std::string csv;
    std::set<std::string> expected;
  };
  auto village = [&](std::string code, std::string name) {
    return NewUnit{
        std::move(code), std::move(name), "residential_area", "thôn", fx.commune.id, std::nullopt, false, "", false};
  };
  std::vector<Row> table;
  table.push_back({village("BAD CODE!", "Thôn Một"),
                   "BAD CODE!,Thôn Một,residential_area,thôn,02545,,,0,",
                   {"code:invalid_format"}});
  table.push_back(
      {village("T-LONG", long_name), "T-LONG," + long_name + ",residential_area,thôn,02545,,,0,", {"name:too_long"}});
  auto designation = village("T-DES", "Thôn Hai");
  designation.designation = long_designation;
  table.push_back(
      {designation, "T-DES,Thôn Hai,residential_area," + long_designation + ",02545,,,0,", {"designation:too_long"}});
  auto note = village("T-NOTE", "Thôn Ba");
  note.note = long_note;
  table.push_back({note, "T-NOTE,Thôn Ba,residential_area,thôn,02545,,,0," + long_note, {"note:too_long"}});
  auto kind = village("T-KIND", "Thôn Bốn");
  kind.kind = "planet";
  table.push_back({kind, "T-KIND,Thôn Bốn,planet,thôn,02545,,,0,", {"kind:unknown_value"}});
  auto empty = village("T-EMPTY", "");
  empty.valid_from = "2025-13-01";
  table.push_back(
      {empty, "T-EMPTY,,residential_area,thôn,02545,2025-13-01,,0,", {"name:required", "valid_from:invalid_date"}});
  auto orphan = village("T-ORPHAN", "Thôn Năm");
  orphan.parent_id = std::nullopt;
  table.push_back({orphan, "T-ORPHAN,Thôn Năm,residential_area,thôn,,,,0,", {"parent_code:required"}});

  const auto before = fx.count();
  for (const auto& row : table) {
    EXPECT_EQ(fx.api_errors(row.api), row.expected) << row.csv.substr(0, 40);
    EXPECT_EQ(fx.csv_errors(row.csv), row.expected) << row.csv.substr(0, 40);
  }
  EXPECT_EQ(fx.count(), before) << "nothing written";
}

TEST(UnitsCsvImport, AnOfficerImportsOnlyInHisCommuneAndIsToldWhichColumnWasRefused) {
  Fixture fx;
  fx.units.create(fx.admin, NewUnit{"T-OTHER", "Thôn Khác", "residential_area", "thôn", fx.other.id, std::nullopt,
                                    false, "", false});
  Actor officer;
  officer.user_id = 9;
  officer.username = "officer.tantrao";
  officer.role = Role::officer;
  officer.scope_unit_id = fx.commune.id;
  officer.scope_path = fx.commune.path;
  auto errors = [&](const std::string& row) {
    std::vector<std::string> out;
    try {
      fx.units.import_csv(officer, kHeader + row + "\n");
    } catch (const Error& e) {
      for (const auto& f : e.fields()) out.push_back(f.field + ":" + f.code);
    }
    return out;
  };
  EXPECT_EQ(errors("T-NEW,Thôn Mới,residential_area,thôn,02548,,,0,"),
            (std::vector<std::string>{"parent_code:out_of_scope"}))
      << "a parent in another commune";
  EXPECT_EQ(errors("X-NEW,Xã Mới,commune,xã,08,,,0,"), (std::vector<std::string>{"kind:out_of_scope"}))
      << "officers do not add communes";
  EXPECT_EQ(errors("T-OTHER,Thôn Khác,residential_area,thôn,,,,0,"), (std::vector<std::string>{"code:out_of_scope"}))
      << "an existing unit of another commune";
  EXPECT_EQ(fx.units.import_csv(officer, kHeader + "T-MINE,Thôn Của Tôi,residential_area,thôn,02545,,,0,\n").created,
            1);
}

TEST(UnitsCsvImport, MovingAUnitByCsvRecordsTheMoveInItsHistory) {
  Fixture fx;
  auto village = fx.units.create(fx.admin, NewUnit{"T-KHUONDIEN", "Khuôn Điển", "residential_area", "thôn",
                                                   fx.commune.id, std::nullopt, false, "", false});
  auto r = fx.units.import_csv(fx.admin, kHeader + "T-KHUONDIEN,Khuôn Điển,residential_area,thôn,02548,,,0,\n");
  EXPECT_EQ(r.updated, 1);
  auto detail = fx.units.get(fx.admin, village.id);
  EXPECT_EQ(detail.unit.parent_id, fx.other.id);
  ASSERT_EQ(detail.history.size(), 1u);
  EXPECT_EQ(detail.history[0].event, "moved");
  EXPECT_EQ(detail.history[0].from_parent_id, fx.commune.id);
  EXPECT_EQ(detail.history[0].to_parent_id, fx.other.id);
}

TEST(UnitsCsvImport, ReadsExcelWithVietnameseSettings) {
  Fixture fx;
  // Vietnamese headers, ';' as separator, d/m/yyyy, "có" for yes (Windows-1258: importkit_test).
  const std::string csv =
      "Mã;Tên đơn vị;Loại;Mã cấp trên;Từ ngày;Vùng sâu vùng xa\r\nT-DONG;Thôn "
      "Đông;residential_area;02545;5/2/2026;có\r\n";
  auto dry = fx.units.import_csv(fx.admin, csv, ImportOptions{true, {}});
  EXPECT_TRUE(dry.dry_run);
  EXPECT_EQ(dry.created, 1);
  EXPECT_FALSE(fx.units.find_by_code("T-DONG")) << "a dry run writes nothing";
  std::size_t last_done = 0;
  auto r = fx.units.import_csv(fx.admin, csv,
                               ImportOptions{false, [&](std::size_t done, std::size_t) { last_done = done; }});
  EXPECT_EQ(r.created, 1);
  EXPECT_EQ(last_done, 1u);
  auto made = fx.units.find_by_code("T-DONG");
  ASSERT_TRUE(made);
  EXPECT_EQ(made->name, "Thôn Đông");
  EXPECT_EQ(made->valid_from, "2026-02-05");
  EXPECT_TRUE(made->remote);
}

}  // namespace
}  // namespace antq::units
