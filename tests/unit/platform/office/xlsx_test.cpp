// .xlsx as officers open them in Excel: read back by the import kit, and its XML inspected.
#include "platform/office/xlsx.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "../../support/temp_dir.hpp"
#include "../../support/zip.hpp"
#include "platform/error.hpp"
#include "platform/importkit/importkit.hpp"
#include "platform/importkit/xlsx.hpp"

namespace antq::office {
namespace {

XlsxSheet camera_list() {
  return XlsxSheet{"Camera",
                   {{"Mã", CellKind::text, 12},
                    {"Chủ sở hữu", CellKind::text, 30},
                    {"Số mắt", CellKind::integer},
                    {"Vĩ độ", CellKind::decimal},
                    {"Ngày lắp", CellKind::date}},
                   {{"CAM-01", "Nguyễn Thị Hằng", "1234567", "21.812345", "2026-02-05"},
                    {"=HYPERLINK(\"http://x\")", "+84 912 345 678", "-3", "-0.5", "1900-03-01"},
                    {"CAM-03", "", "vài", "21,8", "05/02/2026"},
                    {"CAM-04", "Đặng Văn Điệp"}}};
}

TEST(WriteXlsx, WritesWhatTheImportKitReadsBack) {
  antq::testing::TempDir dir;
  auto sheet = importkit::read_xlsx(write_xlsx(camera_list(), dir.path() / "tmp"));
  EXPECT_EQ(sheet.header.line, 1u);
  EXPECT_EQ(sheet.header.fields, (std::vector<std::string>{"Mã", "Chủ sở hữu", "Số mắt", "Vĩ độ", "Ngày lắp"}));
  ASSERT_EQ(sheet.rows.size(), 4u);
  EXPECT_EQ(sheet.rows[0].line, 2u);
  EXPECT_EQ(sheet.rows[0].fields,
            (std::vector<std::string>{"CAM-01", "Nguyễn Thị Hằng", "1234567", "21.812345", "2026-02-05"}));
  // Formula-looking text stays text; numbers and dates as numbers, whatever their sign.
  EXPECT_EQ(sheet.rows[1].fields,
            (std::vector<std::string>{"=HYPERLINK(\"http://x\")", "+84 912 345 678", "-3", "-0.5", "1900-03-01"}));
  // What does not parse for its kind is kept as text; empty cells stay empty.
  EXPECT_EQ(sheet.rows[2].fields, (std::vector<std::string>{"CAM-03", "", "vài", "21,8", "05/02/2026"}));
  EXPECT_EQ(sheet.rows[3].fields, (std::vector<std::string>{"CAM-04", "Đặng Văn Điệp", "", "", ""}));
}

TEST(WriteXlsx, NeverWritesAFormula) {
  antq::testing::TempDir dir;
  auto bytes = write_xlsx(camera_list(), dir.path() / "tmp");
  std::string xml = testing::zip_entry(bytes, "xl/worksheets/sheet1.xml");
  ASSERT_FALSE(xml.empty());
  EXPECT_EQ(xml.find("<f>"), std::string::npos);
  EXPECT_NE(testing::zip_entry(bytes, "xl/sharedStrings.xml").find("=HYPERLINK"), std::string::npos);
}

TEST(WriteXlsx, FreezesABoldHeaderAndShowsDatesDayMonthYear) {
  antq::testing::TempDir dir;
  auto bytes = write_xlsx(camera_list(), dir.path() / "tmp");
  std::string sheet = testing::zip_entry(bytes, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<pane ySplit=\"1\" topLeftCell=\"A2\""), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("state=\"frozen\""), std::string::npos);
  EXPECT_NE(sheet.find("<c r=\"A1\" s=\"1\""), std::string::npos);  // the header's format
  std::string styles = testing::zip_entry(bytes, "xl/styles.xml");
  // Format 1 is the header's: the second font, which is bold.
  auto fonts = styles.substr(styles.find("<fonts"), styles.find("</fonts>") - styles.find("<fonts"));
  EXPECT_NE(fonts.find("<font><b/>"), std::string::npos) << fonts;
  EXPECT_NE(styles.find("formatCode=\"dd/mm/yyyy\""), std::string::npos);
  EXPECT_NE(styles.find("formatCode=\"0.######\""), std::string::npos);
  EXPECT_NE(styles.find("formatCode=\"#,##0\""), std::string::npos);
}

TEST(WriteXlsx, LeavesItsPrivateTemporaryDirectoryEmpty) {
  antq::testing::TempDir dir;
  auto tmp = dir.path() / "xlsx-tmp";
  write_xlsx(camera_list(), tmp);
  ASSERT_TRUE(std::filesystem::is_directory(tmp));
  EXPECT_EQ(std::filesystem::status(tmp).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_all);
  EXPECT_TRUE(std::filesystem::is_empty(tmp));
}

TEST(WriteXlsx, ThrowsOnACellExcelCannotHoldAndLeavesNothingBehind) {
  antq::testing::TempDir dir;
  XlsxSheet sheet{"Camera", {{"Ghi chú"}}, {{std::string(32'768, 'a')}}};
  EXPECT_THROW(write_xlsx(sheet, dir.path() / "tmp"), Error);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path() / "tmp"));
}

TEST(WriteXlsx, NamesTheSheetWithinExcelsRules) {
  struct Row {
    std::string name;
    std::string written;
  };
  const std::vector<Row> table = {
      {"Camera xã Tân Trào", "Camera xã Tân Trào"},
      {"Camera [Tân Trào] 1/2", "Camera -Tân Trào- 1-2"},
      {"'Danh sách'", "Danh sách"},
      {"", "Sheet1"},
      {"Danh sách camera an ninh xã Tân Trào", "Danh sách camera an ninh xã Tân"},  // 31 characters
  };
  antq::testing::TempDir dir;
  for (const auto& row : table) {
    XlsxSheet sheet{row.name, {{"Mã"}}, {}};
    std::string workbook = testing::zip_entry(write_xlsx(sheet, dir.path() / "tmp"), "xl/workbook.xml");
    EXPECT_NE(workbook.find("<sheet name=\"" + row.written + "\""), std::string::npos) << row.name << "\n" << workbook;
  }
}

}  // namespace
}  // namespace antq::office

namespace antq::office {
namespace {

TEST(WriteCsv, WritesTheSameSheetForAVietnameseExcel) {
  auto bytes = write_csv(camera_list());
  EXPECT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF") << "a BOM, so that Excel reads UTF-8";
  auto sheet = importkit::read_csv(bytes);
  EXPECT_EQ(sheet.header.fields, (std::vector<std::string>{"Mã", "Chủ sở hữu", "Số mắt", "Vĩ độ", "Ngày lắp"}));
  ASSERT_EQ(sheet.rows.size(), 4u);
  EXPECT_EQ(sheet.rows[0].fields[4], "05/02/2026") << "dates day first";
  EXPECT_EQ(sheet.rows[2].fields[4], "05/02/2026") << "a date already typed day first stays";
  EXPECT_EQ(sheet.rows[3].fields, (std::vector<std::string>{"CAM-04", "Đặng Văn Điệp", "", "", ""}))
      << "a short row is padded to the header";
  EXPECT_EQ(importkit::parse_date(sheet.rows[0].fields[4]), "2026-02-05");
}

}  // namespace
}  // namespace antq::office
