// The import kit reads tables as officers' Excel saves them.
#include "platform/importkit/importkit.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace antq::importkit {
namespace {

const std::vector<ColumnSpec> kSpecs{
    {"code", {"mã", "mã đơn vị"}, true},
    {"name", {"tên", "tên đơn vị"}, true},
    {"note", {"ghi chú"}, false},
};

std::vector<std::string> cells(const Columns& cols, const csv::Record& row) {
  return {cols.cell(row, "code"), cols.cell(row, "name"), cols.cell(row, "note")};
}

TEST(ReadCsv, DetectsTheSeparatorFromTheHeaderLine) {
  struct Row {
    std::string document;
    char separator;
  };
  const std::vector<Row> table = {
      {"code,name\nA,B\n", ','},
      {"code;name\nA;\"B, C\"\n", ';'},
      {"code\tname\nA\tB\n", '\t'},
      {"\"a;b\",name\nA,B\n", ','},  // a separator inside quotes does not count
  };
  for (const auto& row : table) EXPECT_EQ(read_csv(row.document).separator, row.separator) << row.document;
  auto sheet = read_csv("Mã;Tên đơn vị\r\nT1;\"Thôn Một, mới\"\r\n");
  std::vector<FieldError> errors;
  Columns cols(kSpecs, sheet, errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(sheet.rows.size(), 1u);
  EXPECT_EQ(cells(cols, sheet.rows[0]), (std::vector<std::string>{"T1", "Thôn Một, mới", ""}));
}

TEST(ReadCsv, ConvertsWindows1258ToUtf8Nfc) {
  // "Mã;Tên đơn vị\r\nT1;Thôn Đồng Vải\r\n" as Vietnamese Windows saves it: tone marks are
  // separate characters (0xDE tilde, 0xCC grave, 0xD2 hook above), ô 0xF4, Đ 0xD0, đ 0xF0.
  const std::string bytes =
      "Ma\xDE;T\xEAn \xF0\xF5n vi\xF2\r\n"
      "T1;Th\xF4n \xD0\xF4\xCCng Va\xD2i\r\n";
  auto sheet = read_csv(bytes);
  EXPECT_EQ(sheet.encoding, "windows-1258");
  std::vector<FieldError> errors;
  Columns cols(kSpecs, sheet, errors);
  EXPECT_TRUE(errors.empty()) << (errors.empty() ? "" : errors[0].field);
  ASSERT_EQ(sheet.rows.size(), 1u);
  EXPECT_EQ(cols.cell(sheet.rows[0], "name"), "Thôn Đồng Vải");  // precomposed (NFC)
  EXPECT_EQ(read_csv("code,name\nA,Thôn\n").encoding, "UTF-8");
}

TEST(Columns, AcceptsVietnameseHeadersFoldedAndReportsUnknownDuplicateAndMissingOnes) {
  auto good = read_csv("\xEF\xBB\xBFMÃ ĐƠN VỊ,ten don vi,Ghi chú\nA,B,C\n");
  std::vector<FieldError> errors;
  Columns cols(kSpecs, good, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(cells(cols, good.rows[0]), (std::vector<std::string>{"A", "B", "C"}));

  auto bad = read_csv("\n\nmã,code,màu\nA,B,C\n");
  errors.clear();
  Columns bad_cols(kSpecs, bad, errors);
  std::vector<std::string> found;
  for (const auto& e : errors) found.push_back(e.code + ":" + e.field + "@" + std::to_string(*e.line));
  EXPECT_EQ(found, (std::vector<std::string>{"duplicate:code@3", "unknown_column:màu@3", "missing_column:name@3"}));
}

TEST(ReadCsv, RefusesDamagedUtf8InsteadOfReadingItAsWindows1258) {
  // "Thôn" in UTF-8, then a letter cut short: damaged UTF-8, not Windows-1258.
  try {
    read_csv("code,name\nT1,Th\xC3\xB4n\nT2,\xE1\xBB\n");
    FAIL() << "no error";
  } catch (const Error& e) {
    ASSERT_EQ(e.fields().size(), 1u);
    EXPECT_EQ(e.fields()[0].code, "invalid_format");
    EXPECT_NE(e.fields()[0].value_hint.find("line 3"), std::string::npos) << e.fields()[0].value_hint;
  }
}

TEST(ReadCsv, TakesTheSeparatorFromTheHeaderAfterBlankLines) {
  auto sheet = read_csv("\n;;\nMã;Tên\nT1;Thôn Một\n");
  EXPECT_EQ(sheet.separator, ';');
  ASSERT_EQ(sheet.rows.size(), 1u);
  EXPECT_EQ(sheet.header.line, 3u);
}

TEST(ReadCsv, LeavesBlankLinesOutAndKeepsLineNumbers) {
  auto sheet = read_csv("code,name\n\nA,B\n,\nC,D\n");
  ASSERT_EQ(sheet.rows.size(), 2u);
  EXPECT_EQ(sheet.rows[0].line, 3u);
  EXPECT_EQ(sheet.rows[1].line, 5u);
}

TEST(ReadCsv, RefusesBrokenQuotingAndAnEmptyFileNamingTheLine) {
  try {
    read_csv("code,name\n\"unterminated,x\n");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::csv_invalid);
    EXPECT_EQ(e.fields().at(0).code, "invalid_format");
  }
  try {
    read_csv(" \n\n");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.fields().at(0).code, "required");
  }
}

TEST(FindHeader, SkipsTheTitleRowsAGovernmentSheetOpensWith) {
  auto sheet =
      read_csv("CÔNG AN XÃ TÂN TRÀO;;\r\nDANH SÁCH ĐƠN VỊ;;\r\n;;\r\nMã;Tên đơn vị;Ghi chú\r\n02545;Tân Trào;\r\n");
  find_header(sheet, kSpecs);
  EXPECT_EQ(sheet.header.line, 4U);
  ASSERT_EQ(sheet.rows.size(), 1U);
  EXPECT_EQ(sheet.rows[0].line, 5U);  // errors still name the file's lines
  std::vector<FieldError> errors;
  Columns cols(kSpecs, sheet, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(cells(cols, sheet.rows[0]), (std::vector<std::string>{"02545", "Tân Trào", ""}));
  // A sheet whose first row is its header stays as it was.
  auto plain = read_csv("Mã,Tên\r\n02545,Tân Trào\r\n");
  find_header(plain, kSpecs);
  EXPECT_EQ(plain.header.line, 1U);
  EXPECT_EQ(plain.rows.size(), 1U);
}

TEST(ParseDate, ReadsDatesAsOfficersTypeThem) {
  struct Row {
    std::string text;
    std::optional<std::string> date;
  };
  const std::vector<Row> table = {
      {"5/2/2026", "2026-02-05"},   {"05/02/2026", "2026-02-05"}, {"5.2.2026", "2026-02-05"},
      {"5-2-2026", "2026-02-05"},   {"2026-02-05", "2026-02-05"}, {" 31/12/2025 ", "2025-12-31"},
      {"29/2/2028", "2028-02-29"},  {"29/2/2026", std::nullopt},  {"31/4/2026", std::nullopt},
      {"5/2/26", std::nullopt},     {"5/2-2026", std::nullopt},   {"2/5/2026x", std::nullopt},
      {"+5/+2/2026", std::nullopt}, {"5/ 2/2026", std::nullopt},  {"", std::nullopt},
      {"hôm qua", std::nullopt},    {"13/13/2026", std::nullopt},
  };
  for (const auto& row : table) EXPECT_EQ(parse_date(row.text), row.date) << row.text;
}

TEST(ParseFlag, ReadsYesAndNoInVietnameseAndEnglish) {
  for (const char* yes : {"1", "có", "Có", "CÓ", "x", "X", "yes", "true", "đúng"})
    EXPECT_EQ(parse_flag(yes), true) << yes;
  for (const char* no : {"", "0", "không", "Không", "k", "no", "false", "sai"}) EXPECT_EQ(parse_flag(no), false) << no;
  for (const char* neither : {"maybe", "2", "có thể"}) EXPECT_EQ(parse_flag(neither), std::nullopt) << neither;
}

TEST(FormulaEscape, ExportsNeverStartACellWithAFormulaAndImportsUndoIt) {
  EXPECT_EQ(csv::format_record({"=HYPERLINK(\"x\")", "+84 912", "-1", "@SUM(A1)", "Thôn = Một"}),
            "\"'=HYPERLINK(\"\"x\"\")\",'+84 912,'-1,'@SUM(A1),Thôn = Một\r\n");
  auto sheet = read_csv("code,name\n'=1+1,'@x\n");
  std::vector<FieldError> errors;
  Columns cols(kSpecs, sheet, errors);
  EXPECT_EQ(cols.cell(sheet.rows[0], "code"), "=1+1");
  EXPECT_EQ(cols.cell(sheet.rows[0], "name"), "@x");
  EXPECT_EQ(csv::unescape_formula("'Tân Trào"), "'Tân Trào") << "an apostrophe before anything else stays";
}

}  // namespace
}  // namespace antq::importkit
