// Vietnamese text: search folding, NFC, UTF-8 validation, trimming, collation.
#include "platform/text/text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace antq::text {
namespace {

struct Case {
  std::string input;
  std::string expected;
};

TEST(Fold, FoldsVietnameseNamesToPlainLowerCaseAscii) {
  const std::vector<Case> table = {
      {"Đại tá Phạm Hoàng Điệp", "dai ta pham hoang diep"},
      {"ĐẶNG", "dang"},
      {"đặng", "dang"},
      {"Nguyễn Thị Ánh", "nguyen thi anh"},
      {"Khuôn Điển", "khuon dien"},
      {"Làng Hản", "lang han"},
      {"Tuyên Quang", "tuyen quang"},
      {"Thôn Ưng Hoà", "thon ung hoa"},
      {"Xã Ơn Ỷ Ữ", "xa on y u"},
      {"Phường 12", "phuong 12"},
      {"already ascii", "already ascii"},
      {"", ""},
  };
  for (const auto& c : table) EXPECT_EQ(fold(c.input), c.expected) << "input: " << c.input;
}

TEST(Fold, CollapsesLeadingTrailingAndRepeatedSpaces) {
  const std::vector<Case> table = {
      {"  Tuyên Quang", "tuyen quang"},
      {"Tuyên Quang   ", "tuyen quang"},
      {"Tuyên    Quang", "tuyen quang"},
      {"\tTuyên\r\n Quang\n", "tuyen quang"},
      {"   ", ""},
  };
  for (const auto& c : table) EXPECT_EQ(fold(c.input), c.expected) << "input: [" << c.input << "]";
}

TEST(Fold, TreatsUnicodeSpacesAsSpaces) {
  EXPECT_EQ(fold("Khuôn\xC2\xA0\xC4\x90i\xE1\xBB\x83n"), "khuon dien");  // no-break space
  EXPECT_EQ(fold("\xE2\x80\x83Khuôn  \xE3\x80\x80Điển"), "khuon dien");  // em, ideographic space
}

TEST(Fold, FoldsDecomposedInputLikePrecomposed) {
  // "Nguyễn" with e + circumflex (U+0302) + tilde (U+0303), as some keyboards send it.
  EXPECT_EQ(fold("Nguye\xCC\x82\xCC\x83n"), "nguyen");
  // "Điệp" with D-stroke precomposed, e + dot below (U+0323) + circumflex (U+0302).
  EXPECT_EQ(fold("\xC4\x90ie\xCC\xA3\xCC\x82p"), "diep");
}

TEST(SearchTerms, SplitsFoldedWordsAndDropsRepeats) {
  EXPECT_EQ(search_terms("  Đặng   khuôn ĐẶNG Điển "), (std::vector<std::string>{"dang", "khuon", "dien"}));
  EXPECT_TRUE(search_terms(" \t ").empty());
}

TEST(ContainsAll, FindsEveryWordInAnyOrder) {
  const std::string folded = fold("Ông Đặng Văn Hùng ở thôn Khuôn Điển hay tụ tập");
  struct Row {
    std::string query;
    bool found;
  };
  const std::vector<Row> table = {
      {"dang khuon dien", true}, {"Khuôn Điển Đặng", true}, {"DIEN dang", true}, {"dang khuon hai", false},
      {"thon khuon dien", true}, {"khuondien", false},      {"", true},
  };
  for (const auto& row : table) {
    EXPECT_EQ(contains_all(folded, search_terms(row.query)), row.found) << "query: " << row.query;
  }
}

// fold() takes a table for Latin text; every code point it covers must fold as the
// reference (ICU normalisation) does, alone and between letters and spaces.
TEST(Fold, TableAgreesWithTheReferenceForEveryCodePointItCovers) {
  auto utf8 = [](char32_t c) {
    std::string s;
    if (c < 0x80) {
      s += static_cast<char>(c);
    } else if (c < 0x800) {
      s += static_cast<char>(0xC0 | (c >> 6));
      s += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      s += static_cast<char>(0xE0 | (c >> 12));
      s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (c & 0x3F));
    }
    return s;
  };
  int compared = 0;
  for (char32_t c = 1; c < 0x2200; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    for (const std::string& text : {utf8(c), "Ab " + utf8(c) + "c  d", utf8(c) + " " + utf8(c) + "x"}) {
      ASSERT_EQ(fold(text), fold_reference(text)) << "code point U+" << std::hex << static_cast<unsigned>(c);
      ++compared;
    }
  }
  EXPECT_GT(compared, 20000);
  const std::string sample =
      "Đêm 12/3, tại thôn Khuôn Điển, ông NGUYỄN VĂN Điệp (khoảng 45 tuổi) thấy xe máy lạ: «biển số 22B1-123.45» — "
      "người ngồi sau đội mũ bảo hiểm; Ư Ơ ư ơ Ă Â ă â Ê Ô ê ô ợ ằ ẫ ỹ ỵ.\tHết\n";
  EXPECT_EQ(fold(sample), fold_reference(sample));
  EXPECT_EQ(fold("Mười ☎ 113 ở Tân Trào"), fold_reference("Mười ☎ 113 ở Tân Trào")) << "outside the table";
}

TEST(Nfc, ComposesCombiningSequences) {
  const std::vector<Case> table = {
      {"e\xCC\x81", "\xC3\xA9"},                        // e + acute -> é
      {"Nguye\xCC\x82\xCC\x83n", "Nguy\xE1\xBB\x85n"},  // -> Nguyễn
      {"a\xCC\x86\xCC\x80", "\xE1\xBA\xB1"},            // a + breve + grave -> ằ
      {"o\xCC\x9B\xCC\xA3", "\xE1\xBB\xA3"},            // o + horn + dot below -> ợ
      {"Nguy\xE1\xBB\x85n", "Nguy\xE1\xBB\x85n"},       // already NFC: unchanged
      {"", ""},
  };
  for (const auto& c : table) EXPECT_EQ(nfc(c.input), c.expected) << "input: " << c.input;
}

TEST(IsValidUtf8, AcceptsWellFormedAndRejectsMalformedSequences) {
  struct Row {
    std::string bytes;
    bool valid;
    const char* why;
  };
  const std::vector<Row> table = {
      {"", true, "empty"},
      {"plain ascii", true, "ascii"},
      {"Đại tá Phạm Hoàng Điệp", true, "Vietnamese"},
      {"\xF0\x9F\x98\x80", true, "4-byte emoji U+1F600"},
      {"\xF4\x8F\xBF\xBF", true, "U+10FFFF, the last code point"},
      {"\xC0\xAF", false, "overlong '/'"},
      {"\xE0\x80\xAF", false, "3-byte overlong '/'"},
      {"\x80", false, "lone continuation byte"},
      {"abc\xBF", false, "continuation byte after ascii"},
      {"\xE1\xBB", false, "truncated 3-byte sequence"},
      {"\xF0\x9F\x98", false, "truncated 4-byte sequence"},
      {"\xED\xA0\x80", false, "surrogate U+D800"},
      {"\xED\xBF\xBF", false, "surrogate U+DFFF"},
      {"\xF4\x90\x80\x80", false, "above U+10FFFF"},
      {"\xFF", false, "byte never used in UTF-8"},
      {"H\xE0 N\xF4i", false, "Windows-1258 / Latin-1 bytes"},
  };
  for (const auto& r : table) EXPECT_EQ(is_valid_utf8(r.bytes), r.valid) << r.why;
}

TEST(Clean, TrimsAsciiAndUnicodeSpacesAtBothEnds) {
  const std::vector<Case> table = {
      {"  Làng Hản  ", "Làng Hản"},
      {"\t\r\nLàng Hản\n", "Làng Hản"},
      {"\xC2\xA0Làng Hản\xC2\xA0", "Làng Hản"},          // no-break space
      {"\xE2\x80\x83Làng Hản\xE3\x80\x80", "Làng Hản"},  // em space, ideographic space
      {"Làng  Hản", "Làng  Hản"},                        // inner spaces are kept
      {"   ", ""},
  };
  for (const auto& c : table) EXPECT_EQ(clean(c.input), c.expected) << "input: [" << c.input << "]";
}

TEST(Clean, NormalisesToNfc) { EXPECT_EQ(clean(" Nguye\xCC\x82\xCC\x83n "), "Nguy\xE1\xBB\x85n"); }

TEST(Length, CountsCodePointsNotBytes) {
  EXPECT_EQ(length(""), 0u);
  EXPECT_EQ(length("abc"), 3u);
  EXPECT_EQ(length("Điệp"), 4u);
  EXPECT_EQ(length("Nguyễn Thị Ánh"), 14u);
  EXPECT_EQ(length("\xF0\x9F\x98\x80"), 1u);
  EXPECT_EQ(length("e\xCC\x81"), 2u);  // a combining mark is a code point of its own
}

TEST(SortVietnamese, OrdersLettersAsTheVietnameseAlphabet) {
  std::vector<std::string> names = {"Đào", "Dương", "An", "Ân", "Ăn", "Bình"};
  sort_vietnamese(names);
  EXPECT_EQ(names, (std::vector<std::string>{"An", "Ăn", "Ân", "Bình", "Dương", "Đào"}));
}

TEST(SortVietnamese, PutsDStrokeAfterEveryD) {
  std::vector<std::string> names = {"Đa", "Dz", "Dương", "Đ", "Du"};
  sort_vietnamese(names);
  EXPECT_EQ(names, (std::vector<std::string>{"Du", "Dương", "Dz", "Đ", "Đa"}));
}

TEST(SortVietnamese, PutsOHornAndUHornAfterTheirBaseLetters) {
  std::vector<std::string> names = {"Ư", "Ơ", "U", "Ô", "O", "V"};
  sort_vietnamese(names);
  EXPECT_EQ(names, (std::vector<std::string>{"O", "Ô", "Ơ", "U", "Ư", "V"}));
}

TEST(CollationKey, ComparesLikeSortVietnamese) {
  EXPECT_LT(collation_key("Dương"), collation_key("Đào"));
  EXPECT_LT(collation_key("An"), collation_key("Ăn"));
  EXPECT_LT(collation_key("Ăn"), collation_key("Ân"));
  EXPECT_EQ(collation_key("Nguye\xCC\x82\xCC\x83n"), collation_key("Nguy\xE1\xBB\x85n"));
}

TEST(NameKey, IsBlindToWhereTheToneMarkSitsAndNothingElse) {
  struct Case {
    const char* a;
    const char* b;
    bool same;
  };
  const std::vector<Case> cases = {
      {"Hòa", "Hoà", true},
      {"Xã Trung Hòa", "xã  trung hoà", true},
      {"Thụy Khuê", "Thuỵ Khuê", true},
      {"Nguye\xCC\x82\xCC\x83n", "Nguyễn", true},  // decomposed input
      {"Ea H’leo", "Ea H'leo", true},
      {"Văn Tự", "Vân Từ", false},  // full folding would make these one
      {"Văn Lang", "Văn Lăng", false},
      {"Kim Quan", "Kim Quân", false},
      {"Hòa", "Hóa", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(name_key(c.a) == name_key(c.b), c.same) << c.a << " / " << c.b;
  }
  EXPECT_EQ(name_key("Xã Tân Trào"), "xa4 tân trao2");
  EXPECT_EQ(name_key("Phường Mỹ Đình 1"), "phương2 my4 đinh2 1");
}

TEST(AsciiSlug, MakesCodeFriendlyCapitals) {
  EXPECT_EQ(ascii_slug("Kim Quan"), "KIM-QUAN");
  EXPECT_EQ(ascii_slug("Mỹ Đình 1"), "MY-DINH-1");
  EXPECT_EQ(ascii_slug("  Ea H’leo (huyện Ea H'leo) "), "EA-H-LEO-HUYEN-EA-H-LEO");
  EXPECT_EQ(ascii_slug("Đồng Văn"), "DONG-VAN");
  EXPECT_EQ(ascii_slug("—"), "");
}

}  // namespace
}  // namespace antq::text
