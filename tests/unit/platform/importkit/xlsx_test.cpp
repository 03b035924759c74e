// The import kit reads .xlsx workbooks as Excel and LibreOffice write them, streamed and
// bounded: workbooks are built here part by part, so that each feature stands alone.
#include "platform/importkit/xlsx.hpp"

#include <gtest/gtest.h>
#include <zip.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace antq::importkit {
namespace {

struct Part {
  std::string name;
  std::string content;
};

// A zip archive in memory holding `parts`, deflated, encrypted with `password` if given.
std::string zip_of(const std::vector<Part>& parts, const char* password = nullptr) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) throw std::runtime_error("zip_open_from_source");
  for (const auto& part : parts) {
    zip_source_t* source = zip_source_buffer(archive, part.content.data(), part.content.size(), 0);
    zip_int64_t index = zip_file_add(archive, part.name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) throw std::runtime_error(part.name);
    if (password != nullptr)
      zip_file_set_encryption(archive, static_cast<zip_uint64_t>(index), ZIP_EM_AES_256, password);
  }
  if (zip_close(archive) < 0) throw std::runtime_error("zip_close");
  zip_source_open(buffer);
  std::string bytes;
  char chunk[65536];
  zip_int64_t n = 0;
  while ((n = zip_source_read(buffer, chunk, sizeof chunk)) > 0) bytes.append(chunk, static_cast<std::size_t>(n));
  zip_source_close(buffer);
  zip_source_free(buffer);
  return bytes;
}

const std::string kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const std::string kRelType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// A workbook whose first sheet (relationship rId2, listed before a decoy rId1) is at `target`.
struct Book {
  std::string rows{};            // the content of <sheetData>
  std::string shared_strings{};  // <si> elements; no sharedStrings part when empty
  std::string cell_formats{};    // <xf> elements of cellXfs; no styles part when empty
  std::string number_formats{};  // <numFmt> elements
  bool date1904 = false;
  std::string target = "worksheets/sheet2.xml";
};

std::string relationship(const std::string& id, const std::string& type, const std::string& target) {
  return "<Relationship Id=\"" + id + "\" Type=\"" + kRelType + "/" + type + "\" Target=\"" + target + "\"/>";
}

std::string xlsx(const Book& book) {
  std::vector<Part> parts;
  parts.push_back({"xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + kMain +
                                          "\" xmlns:r=\"" + kRelType + "\">" +
                                          (book.date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>") +
                                          "<sheets><sheet name=\"Camera\" sheetId=\"1\" r:id=\"rId2\"/>"
                                          "<sheet name=\"Decoy\" sheetId=\"2\" r:id=\"rId1\"/></sheets></workbook>"});
  parts.push_back({"xl/_rels/workbook.xml.rels",
                   "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                       relationship("rId1", "worksheet", "worksheets/sheet1.xml") +
                       relationship("rId2", "worksheet", book.target) + relationship("rId3", "styles", "styles.xml") +
                       relationship("rId4", "sharedStrings", "sharedStrings.xml") + "</Relationships>"});
  auto sheet = [](const std::string& rows) {
    return "<worksheet xmlns=\"" + kMain + "\"><sheetData>" + rows + "</sheetData></worksheet>";
  };
  parts.push_back(
      {"xl/worksheets/sheet1.xml", sheet("<row r=\"1\"><c t=\"inlineStr\"><is><t>decoy</t></is></c></row>")});
  std::string path = book.target.starts_with('/') ? book.target.substr(1) : "xl/" + book.target;
  parts.push_back({path, sheet(book.rows)});
  if (!book.shared_strings.empty()) {
    parts.push_back({"xl/sharedStrings.xml", "<sst xmlns=\"" + kMain + "\">" + book.shared_strings + "</sst>"});
  }
  if (!book.cell_formats.empty()) {
    parts.push_back({"xl/styles.xml", "<styleSheet xmlns=\"" + kMain + "\"><numFmts>" + book.number_formats +
                                          "</numFmts><cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs>" +
                                          book.cell_formats + "</cellXfs></styleSheet>"});
  }
  return zip_of(parts);
}

std::string inline_cell(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

// A sheet with a one-column header "x" on row 1 and `cell` (column A) on row 2.
Book one_cell(const std::string& cell) {
  return Book{"<row r=\"1\">" + inline_cell("A1", "x") + "</row><row r=\"2\">" + cell + "</row>"};
}

std::string read_one(const Book& book) {
  auto sheet = read_xlsx(xlsx(book));
  if (sheet.rows.size() != 1 || sheet.rows[0].fields.empty()) return "(no row)";
  return sheet.rows[0].fields[0];
}

// The first field error read_xlsx throws for `bytes`.
FieldError error_of(const std::string& bytes) {
  try {
    read_xlsx(bytes);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::csv_invalid);
    if (!e.fields().empty()) return e.fields()[0];
  }
  ADD_FAILURE() << "read_xlsx did not throw";
  return {};
}

TEST(ReadXlsx, ReadsSharedAndInlineStringsAsNfc) {
  Book book;
  // "Thôn" decomposed (o + U+0302), a rich string in runs with a phonetic run left out, CR escaped.
  book.shared_strings =
      "<si><t>Tên thôn</t></si><si><t>Tho\xCC\x82n Đồng</t></si>"
      "<si><r><rPr><b/></rPr><t>Mã </t></r><r><t xml:space=\"preserve\">số</t></r><rPh><t>ソ</t></rPh></si>"
      "<si><t>dòng 1_x000D_\ndòng 2</t></si>";
  book.rows =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>2</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c>" +
      inline_cell("B2", "Nguye\xCC\x82\xCC\x83n Văn A") + "</row><row r=\"3\"><c r=\"A3\" t=\"s\"><v>3</v></c></row>";
  auto sheet = read_xlsx(xlsx(book));
  EXPECT_EQ(sheet.encoding, "xlsx");
  EXPECT_EQ(sheet.header.fields, (std::vector<std::string>{"Tên thôn", "Mã số"}));
  ASSERT_EQ(sheet.rows.size(), 2u);
  EXPECT_EQ(sheet.rows[0].fields, (std::vector<std::string>{"Thôn Đồng", "Nguyễn Văn A"}));
  EXPECT_EQ(sheet.rows[1].fields, (std::vector<std::string>{"dòng 1\r\ndòng 2", ""}));
}

TEST(ReadXlsx, FindsTheFirstSheetThroughTheWorkbookRelationships) {
  for (const std::string target : {"worksheets/sheet2.xml", "/xl/worksheets/sheet2.xml", "/xl/worksheets/other.xml"}) {
    Book book = one_cell(inline_cell("A2", "first"));
    book.target = target;
    EXPECT_EQ(read_one(book), "first") << target;
  }
}

TEST(ReadXlsx, WritesNumbersBooleansErrorsAndFormulaResultsAsExcelShowsThem) {
  struct Row {
    std::string cell;
    std::string text;
  };
  const std::vector<Row> table = {
      {"<c r=\"A2\"><v>1234567</v></c>", "1234567"},
      {"<c r=\"A2\" t=\"n\"><v>12.5</v></c>", "12.5"},
      {"<c r=\"A2\"><v>0.30000000000000004</v></c>", "0.3"},
      {"<c r=\"A2\"><v>1.0000000000000001E-3</v></c>", "0.001"},
      {"<c r=\"A2\"><v>1E+20</v></c>", "100000000000000000000"},
      {"<c r=\"A2\"><v>-0</v></c>", "0"},
      {"<c r=\"A2\"><v>21.299999999999997</v></c>", "21.3"},
      {"<c r=\"A2\" t=\"b\"><v>1</v></c>", "1"},
      {"<c r=\"A2\" t=\"b\"><v>0</v></c>", "0"},
      {"<c r=\"A2\" t=\"e\"><v>#N/A</v></c>", "#N/A"},
      {"<c r=\"A2\"><f>B2*2</f><v>42</v></c>", "42"},
      {"<c r=\"A2\" t=\"str\"><f>\"Thôn \"&amp;B2</f><v>Thôn 1</v></c>", "Thôn 1"},
      {"<c r=\"A2\" t=\"inlineStr\"><is><t>=SUM(A1)</t></is></c>", "=SUM(A1)"},
  };
  for (const auto& row : table) EXPECT_EQ(read_one(one_cell(row.cell)), row.text) << row.cell;
}

TEST(ReadXlsx, KeepsExcelRowNumbersAndColumnsOfSparseRows) {
  Book book;
  book.rows =
      "<row r=\"2\"><c r=\"A2\" s=\"0\"/></row>"  // a formatted empty row above the header
      "<row r=\"3\">" +
      inline_cell("A3", "Mã") + inline_cell("B3", "Tên") + inline_cell("C3", "Ghi chú") +
      "</row>"
      "<row r=\"5\">" +
      inline_cell("C5", "chỉ cột C") +
      "</row>"
      "<row><c t=\"inlineStr\"><is><t>A6</t></is></c><c t=\"inlineStr\"><is><t>B6</t></is></c></row>"
      "<row r=\"7\">" +
      inline_cell("A7", "  ") +
      "</row>"  // blank: left out
      "<row r=\"8\">" +
      inline_cell("A8", "x") + inline_cell("AB8", "far") + "</row>";
  auto sheet = read_xlsx(xlsx(book));
  EXPECT_EQ(sheet.header.line, 3u);
  EXPECT_EQ(sheet.header.fields, (std::vector<std::string>{"Mã", "Tên", "Ghi chú"}));
  ASSERT_EQ(sheet.rows.size(), 3u);
  EXPECT_EQ(sheet.rows[0].line, 5u);
  EXPECT_EQ(sheet.rows[0].fields, (std::vector<std::string>{"", "", "chỉ cột C"}));
  EXPECT_EQ(sheet.rows[1].line, 6u);  // no r: the row after the last one
  EXPECT_EQ(sheet.rows[1].fields, (std::vector<std::string>{"A6", "B6", ""}));
  EXPECT_EQ(sheet.rows[2].line, 8u);
  ASSERT_EQ(sheet.rows[2].fields.size(), 28u);  // AB is the 28th column: wider than the header
  EXPECT_EQ(sheet.rows[2].fields[27], "far");
}

TEST(ReadXlsx, ReadsDatesFromBuiltInAndCustomFormats) {
  struct Row {
    std::string serial;
    int style;
    std::string text;
  };
  const std::vector<Row> table = {
      {"45000", 1, "2023-03-15"},           // 14: d/m/yyyy in Vietnamese settings
      {"45000", 2, "2023-03-15"},           // custom dd/mm/yyyy
      {"45000.75", 3, "2023-03-15 18:00"},  // 22: m/d/yy h:mm
      {"45000", 4, "45000"},                // #,##0" ngày": the d is quoted
      {"45000", 5, "45000"},                // [Red]0.00: no date in brackets
      {"45000", 0, "45000"},                // General
      {"0.75", 6, "0.75"},                  // 20: h:mm, a time of day, not a date
      {"0.75", 7, "0.75"},                  // custom h:mm: its m are minutes
      {"1", 1, "1900-01-01"},
      {"59", 1, "1900-02-28"},
      {"61", 1, "1900-03-01"},
  };
  for (const auto& row : table) {
    Book book = one_cell("<c r=\"A2\" s=\"" + std::to_string(row.style) + "\"><v>" + row.serial + "</v></c>");
    book.number_formats =
        "<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/><numFmt numFmtId=\"165\" formatCode=\"#,##0&quot; "
        "ngày&quot;\"/><numFmt numFmtId=\"166\" formatCode=\"[Red]0.00\"/><numFmt numFmtId=\"167\" "
        "formatCode=\"h:mm\"/>";
    book.cell_formats =
        "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"22\"/>"
        "<xf numFmtId=\"165\"/><xf numFmtId=\"166\"/><xf numFmtId=\"20\"/><xf numFmtId=\"167\"/>";
    EXPECT_EQ(read_one(book), row.text) << row.serial << " style " << row.style;
  }
}

TEST(ReadXlsx, CountsDatesFrom1904WhenTheWorkbookSaysSo) {
  Book book = one_cell("<c r=\"A2\" s=\"1\"><v>43538</v></c>");
  book.cell_formats = "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>";
  book.date1904 = true;
  EXPECT_EQ(read_one(book), "2023-03-15");
  book.rows = one_cell("<c r=\"A2\" s=\"1\"><v>0</v></c>").rows;
  EXPECT_EQ(read_one(book), "1904-01-01");
}

TEST(ReadXlsx, RefusesExcelsTwentyNinthOfFebruary1900NamingTheCell) {
  Book book = one_cell("<c r=\"A2\" s=\"1\"><v>60</v></c>");
  book.cell_formats = "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>";
  auto error = error_of(xlsx(book));
  EXPECT_EQ(error.code, "xlsx_bad_date");
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.value_hint, "A2");
}

TEST(ReadXlsx, RefusesAZipBombByTheInflatedRatio) {
  // 8 MB of spaces deflate to about 8 KB: far over 200:1, refused after 1 MB.
  Book book = one_cell(std::string(8 << 20, ' '));
  auto error = error_of(xlsx(book));
  EXPECT_EQ(error.code, "xlsx_too_large");
  EXPECT_EQ(error.value_hint, "xl/worksheets/sheet2.xml");
}

TEST(ReadXlsx, RefusesWhatIsNotAWorkbook) {
  EXPECT_EQ(error_of("PK\x03\x04 not really").code, "xlsx_invalid");
  EXPECT_EQ(error_of(zip_of({{"word/document.xml", "<w/>"}})).code, "xlsx_invalid");
  EXPECT_EQ(error_of(std::string(21 << 20, 'x')).code, "xlsx_too_large");
  EXPECT_EQ(error_of(zip_of({{"xl/workbook.xml", "<workbook/>"}}, "mật khẩu")).code, "xlsx_encrypted");
  EXPECT_EQ(error_of(xlsx(one_cell("<c r=\"A2\"><v>1</c>"))).code, "xlsx_invalid");  // broken XML
  EXPECT_EQ(error_of(xlsx(Book{"<row r=\"1048577\">" + inline_cell("A1", "x") + "</row>"})).code, "xlsx_invalid");
  auto bytes = zip_of({{"xl/workbook.xml", "<!DOCTYPE w [<!ENTITY a \"b\">]><workbook/>"}});
  EXPECT_EQ(error_of(bytes).value_hint, "DOCTYPE");
}

TEST(ReadXlsx, RefusesACellRightOfColumn200) {
  EXPECT_EQ(read_one(one_cell(inline_cell("A2", "a") + inline_cell("GR2", "col 200"))), "a");
  auto error = error_of(xlsx(one_cell(inline_cell("A2", "a") + inline_cell("GS2", "col 201"))));
  EXPECT_EQ(error.code, "xlsx_too_many_columns");
  EXPECT_EQ(error.line, 2);
}

TEST(ReadXlsx, RefusesMoreThan200000Rows) {
  std::string rows = "<row>" + inline_cell("A1", "x") + "</row>";
  for (int i = 2; i <= 200'002; ++i) {  // numbered, so that it compresses as real sheets do (under 200:1)
    rows += "<row r=\"" + std::to_string(i) + "\"><c r=\"A" + std::to_string(i) + "\"><v>" + std::to_string(i * 7) +
            "</v></c></row>";
  }
  auto error = error_of(xlsx(Book{rows}));
  EXPECT_EQ(error.code, "xlsx_too_many_rows");
  EXPECT_EQ(error.line, 200'002);
}

TEST(ReadXlsx, RefusesACellOverExcelsLimit) {
  EXPECT_EQ(read_one(one_cell(inline_cell("A2", std::string(32'767, 'a')))).size(), 32'767u);
  EXPECT_EQ(error_of(xlsx(one_cell(inline_cell("A2", std::string(32'768, 'a'))))).code, "xlsx_cell_too_long");
}

TEST(ReadXlsx, RefusesASheetWithoutAHeader) {
  auto error = error_of(xlsx(Book{"<row r=\"1\">" + inline_cell("A1", " ") + "</row>"}));
  EXPECT_EQ(error.code, "required");
}

TEST(ReadTable, TakesXlsxOrCsvByTheirFirstBytes) {
  auto from_xlsx = read_table(xlsx(one_cell(inline_cell("A2", "Thôn 1"))));
  EXPECT_EQ(from_xlsx.encoding, "xlsx");
  ASSERT_EQ(from_xlsx.rows.size(), 1u);
  EXPECT_EQ(from_xlsx.rows[0].fields[0], "Thôn 1");
  auto from_csv = read_table("x\nThôn 1\n");
  EXPECT_EQ(from_csv.encoding, "UTF-8");
  ASSERT_EQ(from_csv.rows.size(), 1u);
  EXPECT_EQ(from_csv.rows[0].fields[0], "Thôn 1");
  try {
    read_table(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "old excel");
    ADD_FAILURE() << "an .xls was read";
  } catch (const Error& e) {
    ASSERT_FALSE(e.fields().empty());
    EXPECT_EQ(e.fields()[0].code, "xls_unsupported");
  }
}

}  // namespace
}  // namespace antq::importkit
