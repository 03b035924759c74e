// Byte ranges: one range served, the rest whole or refused (RFC 9110 §14).
#include "http/range.hpp"

#include <gtest/gtest.h>

namespace antq::http {
namespace {

RangeAnswer ask(const char* header, std::uint64_t size = 1000) {
  return answer_range(header ? std::optional<std::string>(header) : std::nullopt, size);
}

void expect_one(const char* header, std::uint64_t first, std::uint64_t last, std::uint64_t size = 1000) {
  auto a = ask(header, size);
  ASSERT_EQ(a.ask, RangeAsk::one) << header;
  EXPECT_EQ(a.range.first, first) << header;
  EXPECT_EQ(a.range.last, last) << header;
}

TEST(ByteRanges, OneRangeInEachForm) {
  expect_one("bytes=0-126", 0, 126);
  expect_one("bytes=100-", 100, 999);
  expect_one("bytes=-16", 984, 999);
  expect_one("bytes=990-5000", 990, 999);  // cut to the size
  expect_one("bytes=-5000", 0, 999);       // a suffix longer than the file is all of it
  expect_one(" bytes=5-5 ", 5, 5);
}

TEST(ByteRanges, NoneOrAnotherUnitMeansTheWhole) {
  EXPECT_EQ(ask(nullptr).ask, RangeAsk::whole);
  EXPECT_EQ(ask("items=0-5").ask, RangeAsk::whole);
}

TEST(ByteRanges, PastTheEndSeveralOrMalformedAreRefused) {
  for (const char* bad : {"bytes=1000-", "bytes=2000-3000", "bytes=0-1,5-6", "bytes=abc", "bytes=5-2", "bytes=-0",
                          "bytes=-", "bytes=1-x", "bytes=0-5,"}) {
    EXPECT_EQ(ask(bad).ask, RangeAsk::refused) << bad;
  }
  EXPECT_EQ(ask("bytes=0-0", 0).ask, RangeAsk::refused) << "nothing to give from an empty file";
}

}  // namespace
}  // namespace antq::http
