// The gammu-smsd spool file: its name (local time, priority A, the number, the note), its
// content (UTF-16LE with a BOM, diacritics kept), written whole or not at all.
#include "platform/sms/spool.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "../../support/temp_dir.hpp"

namespace antq::sms {
namespace {

constexpr time::Millis kAt = 1764576305000LL;  // 2025-12-01 15:05:05 local (08:05:05 UTC)

TEST(SpoolName, IsGammusOutboxNameInLocalTime) {
  EXPECT_EQ(spool_name({"+84912345678", "x", "antq7", kAt}), "OUTA20251201_150505_00_+84912345678_antq7.txt");
  // 23:30 UTC on 30 November is 06:30 on 1 December in Vietnam.
  EXPECT_EQ(spool_name({"+84912345678", "x", "antq7", 1764545400000LL}),
            "OUTA20251201_063000_00_+84912345678_antq7.txt");
  EXPECT_THROW(spool_name({"0912345678", "x", "antq7", kAt}), std::invalid_argument);
  EXPECT_THROW(spool_name({"+84912345678", "x", "../etc", kAt}), std::invalid_argument);
  EXPECT_THROW(spool_name({"+84 912", "x", "antq7", kAt}), std::invalid_argument);
}

TEST(Utf16, LittleEndianWithABomAndTheDiacritics) {
  EXPECT_EQ(utf16le_with_bom("Aệ"), std::string("\xFF\xFE"
                                                "A\x00"
                                                "\xC7\x1E",
                                                6));
  EXPECT_EQ(utf16le_with_bom("").size(), 2U);
  EXPECT_EQ(utf16le_with_bom("😀"), std::string("\xFF\xFE"
                                               "\x3D\xD8"
                                               "\x00\xDE",
                                               6))
      << "a surrogate pair";
  EXPECT_THROW(utf16le_with_bom("\xC3"), std::invalid_argument);
}

TEST(Spool, WritesTheWholeFileUnderItsNameAndNothingElse) {
  testing::TempDir dir;
  auto name = spool(dir.path(), {"+84912345678", "Bình chữa cháy hết hạn", "antq9", kAt});
  EXPECT_EQ(name, "OUTA20251201_150505_00_+84912345678_antq9.txt");
  std::ifstream in(dir.path() / name, std::ios::binary);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content, utf16le_with_bom("Bình chữa cháy hết hạn"));
  int files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) ++files;
  EXPECT_EQ(files, 1);
}

TEST(Spool, AMissingFolderOrBadTextIsAnErrorAndLeavesNoFile) {
  testing::TempDir dir;
  EXPECT_THROW(spool(dir.path() / "gone", {"+84912345678", "x", "antq1", kAt}), std::runtime_error);
  EXPECT_THROW(spool(dir.path(), {"+84912345678", "\xFF", "antq1", kAt}), std::invalid_argument);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

}  // namespace
}  // namespace antq::sms
