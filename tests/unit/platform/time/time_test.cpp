// UTC instants and local (UTC+7) calendar dates.
#include "platform/time/time.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "../../support/temp_dir.hpp"

namespace antq::time {
namespace {

constexpr Millis kHour = 3600LL * 1000;
// 2025-06-30T17:00:00Z, which is 2025-07-01 00:00 in Hà Nội.
constexpr Millis kJulyFirstLocalMidnight = 1751302800000LL;

TEST(FormatIsoUtc, WritesMillisecondsAndZ) {
  EXPECT_EQ(format_iso_utc(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(format_iso_utc(1795849503120LL), "2026-11-28T07:05:03.120Z");
  EXPECT_EQ(format_iso_utc(kJulyFirstLocalMidnight), "2025-06-30T17:00:00.000Z");
}

TEST(FormatIsoUtc, HandlesInstantsBeforeTheEpoch) { EXPECT_EQ(format_iso_utc(-1), "1969-12-31T23:59:59.999Z"); }

TEST(LocalDate, ChangesAtLocalMidnightNotUtcMidnight) {
  EXPECT_EQ(local_date(kJulyFirstLocalMidnight - 1), "2025-06-30");
  EXPECT_EQ(local_date(kJulyFirstLocalMidnight), "2025-07-01");
  // UTC midnight of 2025-07-01 is already 07:00 local on the same day.
  EXPECT_EQ(local_date(kJulyFirstLocalMidnight + 7 * kHour), "2025-07-01");
  EXPECT_EQ(local_date(kJulyFirstLocalMidnight + 24 * kHour - 1), "2025-07-01");
  EXPECT_EQ(local_date(kJulyFirstLocalMidnight + 24 * kHour), "2025-07-02");
}

TEST(ParseDate, AcceptsRealCalendarDates) {
  for (const std::string date : {"2025-07-01", "2024-02-29", "2000-02-29", "2025-12-31", "2026-01-01"}) {
    EXPECT_EQ(parse_date(date), date) << date;
  }
}

TEST(ParseDate, RejectsImpossibleOrMalformedDates) {
  const std::vector<std::string> rejected = {
      "2025-02-29",  // not a leap year
      "1900-02-29",  // century, not a leap year
      "2024-13-01",  // month 13
      "2024-00-10",  // month 0
      "2024-04-31",  // April has 30 days
      "2024-01-00",  // day 0
      "2024-1-01",   // unpadded month
      "2024-01-1",   // unpadded day
      "abcd-ef-gh", "", "2024/01/01", " 2024-01-01", "2024-01-01 ", "2024-01-01T00:00", "+202-01-01",
  };
  for (const auto& text : rejected) EXPECT_EQ(parse_date(text), std::nullopt) << "[" << text << "]";
}

TEST(PreviousDay, CrossesMonthYearAndLeapBoundaries) {
  struct Row {
    const char* date;
    const char* expected;
  };
  const std::vector<Row> table = {
      {"2025-07-02", "2025-07-01"}, {"2025-07-01", "2025-06-30"}, {"2025-01-01", "2024-12-31"},
      {"2024-03-01", "2024-02-29"}, {"2025-03-01", "2025-02-28"}, {"2000-03-01", "2000-02-29"},
      {"2100-03-01", "2100-02-28"}, {"2025-05-01", "2025-04-30"},
  };
  for (const auto& r : table) EXPECT_EQ(previous_day(r.date), r.expected) << r.date;
}

TEST(LocalDayStart, IsLocalMidnightAsUtcInstant) {
  EXPECT_EQ(local_day_start("2025-07-01"), kJulyFirstLocalMidnight);
  EXPECT_EQ(local_day_start("1970-01-01"), -7 * kHour);
}

TEST(LocalDayStart, AgreesWithLocalDateOnBothSides) {
  for (const std::string date : {"2024-02-29", "2025-01-01", "2025-07-01"}) {
    Millis start = local_day_start(date);
    EXPECT_EQ(local_date(start), date);
    EXPECT_EQ(local_date(start - 1), previous_day(date));
  }
}

TEST(ManualClock, MovesOnlyWhenAdvanced) {
  ManualClock clock(1000);
  EXPECT_EQ(clock.now(), 1000);
  EXPECT_EQ(clock.now(), 1000);
  clock.advance(2500);
  EXPECT_EQ(clock.now(), 3500);
}

TEST(ProcessClock, IsTheSystemClockUntilToldToFollowAnOffsetFile) {
  ProcessClock clock;
  EXPECT_FALSE(clock.following());
  EXPECT_NEAR(static_cast<double>(clock.now()), static_cast<double>(SystemClock().now()), 1000.0);
}

TEST(ProcessClock, AddsTheOffsetWrittenInTheFileAtEveryCall) {
  testing::TempDir dir;
  auto file = dir.file("offset");
  ProcessClock clock;
  clock.follow_offset_file(file);
  EXPECT_NEAR(static_cast<double>(clock.now()), static_cast<double>(SystemClock().now()), 1000.0)
      << "a missing file is no offset";
  std::ofstream(file) << 2 * kHour;
  EXPECT_NEAR(static_cast<double>(clock.now() - SystemClock().now()), static_cast<double>(2 * kHour), 1000.0);
  std::ofstream(file) << 50 * kHour;
  EXPECT_NEAR(static_cast<double>(clock.now() - SystemClock().now()), static_cast<double>(50 * kHour), 1000.0);
}

}  // namespace
}  // namespace antq::time
