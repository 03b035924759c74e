// CSV as Excel writes it: RFC 4180 quoting, optional BOM, CRLF or LF.
#include "platform/csv/csv.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace antq::csv {
namespace {

using Fields = std::vector<std::string>;

// The message of the std::invalid_argument that parse throws, or "" when it does not.
std::string parse_error(std::string_view document) {
  try {
    parse(document);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(CsvParse, SplitsLfRecordsIntoFields) {
  auto records = parse("code,name\n01,Hà Nội\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (Fields{"code", "name"}));
  EXPECT_EQ(records[1].fields, (Fields{"01", "Hà Nội"}));
}

TEST(CsvParse, SplitsCrlfRecordsWithoutKeepingTheCarriageReturn) {
  auto records = parse("code,name\r\n08,Tuyên Quang\r\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields, (Fields{"08", "Tuyên Quang"}));
}

TEST(CsvParse, AcceptsALastRecordWithoutLineEnd) {
  auto records = parse("a,b\nc,d");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields, (Fields{"c", "d"}));
}

TEST(CsvParse, DropsAUtf8ByteOrderMark) {
  auto records = parse(
      "\xEF\xBB\xBF"
      "code,name\r\n01,Hà Nội\r\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields[0], "code");
}

TEST(CsvParse, KeepsEmptyFields) {
  auto records = parse("a,,c\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"a", "", "c"}));
}

TEST(CsvParse, ReadsQuotedFieldsWithCommasAndDoubledQuotes) {
  auto records = parse("\"Hà Nội, Việt Nam\",\"Tổ \"\"Bắc\"\"\"\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"Hà Nội, Việt Nam", "Tổ \"Bắc\""}));
}

TEST(CsvParse, ReadsQuotedFieldsWithEmbeddedNewlines) {
  auto records = parse("note,x\r\n\"dòng 1\r\ndòng 2\",y\r\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields, (Fields{"dòng 1\r\ndòng 2", "y"}));
}

TEST(CsvParse, NumbersRecordsByTheLineTheyStartOn) {
  auto records = parse(
      "h1,h2\n"          // line 1
      "\"multi\n"        // line 2
      "line\n"           // line 3
      "field\",x\n"      // line 4
      "after,multi\n"    // line 5
      "\n"               // line 6: blank
      "after,blank\n");  // line 7
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].line, 1u);
  EXPECT_EQ(records[1].line, 2u);
  EXPECT_EQ(records[1].fields[0], "multi\nline\nfield");
  EXPECT_EQ(records[2].line, 5u);
  EXPECT_EQ(records[3].line, 7u);
  EXPECT_EQ(records[3].fields, (Fields{"after", "blank"}));
}

TEST(CsvParse, NumbersCrlfLinesLikeLfLines) {
  auto records = parse("a\r\n\r\n\"b\r\nc\"\r\nd\r\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].line, 1u);
  EXPECT_EQ(records[1].line, 3u);
  EXPECT_EQ(records[2].line, 5u);
}

TEST(CsvParse, RejectsTextAfterAClosingQuoteNamingTheLine) {
  auto message = parse_error("ok,row\nbad,\"x\"y\n");
  EXPECT_NE(message.find("line 2"), std::string::npos) << message;
}

TEST(CsvParse, RejectsAQuoteInsideAnUnquotedFieldNamingTheLine) {
  auto message = parse_error("a,b\nc,d\ne,f\"g\n");
  EXPECT_NE(message.find("line 3"), std::string::npos) << message;
}

TEST(CsvParse, RejectsAnUnterminatedQuoteNamingTheLineItOpensOn) {
  auto message = parse_error("a,b\n\"never closed,\nstill open\n");
  EXPECT_NE(message.find("line 2"), std::string::npos) << message;
}

TEST(CsvParse, RejectsInvalidUtf8) {
  EXPECT_THROW(parse("name\nH\xE0 N\xF4i\n"), std::invalid_argument);  // Windows-1258 bytes
  EXPECT_THROW(parse("name\n\xC0\xAF\n"), std::invalid_argument);      // overlong
}

// csv.hpp: "Throws std::invalid_argument naming the line on malformed quoting or invalid
// UTF-8". The invalid UTF-8 message does not name the line (reported to the lead).
TEST(CsvParse, InvalidUtf8ErrorNamesTheLine) {
  auto message = parse_error("code,name\n01,ok\n02,H\xE0 N\xF4i\n");
  EXPECT_NE(message.find("line 3"), std::string::npos) << message;
}

TEST(CsvFormat, QuotesOnlyFieldsThatNeedIt) {
  EXPECT_EQ(format_record({"01", "Hà Nội"}), "01,Hà Nội\r\n");
  EXPECT_EQ(format_record({"a,b"}), "\"a,b\"\r\n");
  EXPECT_EQ(format_record({"say \"hi\""}), "\"say \"\"hi\"\"\"\r\n");
  EXPECT_EQ(format_record({"two\nlines"}), "\"two\nlines\"\r\n");
  EXPECT_EQ(format_record({" padded "}), "\" padded \"\r\n");
  EXPECT_EQ(format_record({"a", ""}), "a,\r\n");
}

TEST(CsvFormat, RoundTripsThroughParse) {
  const Fields fields = {
      "01",   "Hà Nội, Việt Nam",      "Tổ \"Bắc\"", "dòng 1\r\ndòng 2", "dòng\n3", " leading", "trailing ", "",
      "=1+1", "Đại tá Phạm Hoàng Điệp"};
  auto records = parse(format_record(fields) + format_record({"next"}));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields[8], "'=1+1") << "a formula is escaped";
  Fields read;
  for (const auto& f : records[0].fields) read.push_back(unescape_formula(f));
  EXPECT_EQ(read, fields);
  EXPECT_EQ(records[1].fields, (Fields{"next"}));
  EXPECT_EQ(records[1].line, 4u);  // the first record spans lines 1 to 3
}

TEST(CsvFormat, FieldsWithLeadingOrTrailingTabsRoundTrip) {
  const Fields fields = {"\tindented", "tab after\t"};
  auto records = parse(format_record(fields));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"'\tindented", "tab after\t"})) << "a leading tab is escaped like a formula";
  EXPECT_EQ(unescape_formula(records[0].fields[0]), fields[0]);
}

}  // namespace
}  // namespace antq::csv
