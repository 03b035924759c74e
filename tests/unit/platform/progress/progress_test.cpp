// Progress lines of long commands: counts, rate, time left; how often they are written.
#include "platform/progress/progress.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace antq {
namespace {

TEST(Progress, LineShowsCountsPercentRateAndTimeLeft) {
  EXPECT_EQ(Progress::line(1234, 3321, 2.0), "1.234 / 3.321 (37%), 617/giây, còn ~3 giây");
  EXPECT_EQ(Progress::line(3321, 3321, 5.0), "3.321 / 3.321 (100%), 664/giây");
  EXPECT_EQ(Progress::line(10, 100000, 1.0), "10 / 100.000 (0%), 10/giây, còn ~2 giờ 46 phút");
  EXPECT_EQ(Progress::line(0, 0, 0.0), "0");
}

TEST(Progress, OnATerminalRedrawsOneLineAtMostTenTimesASecond) {
  std::ostringstream out;
  double now = 0;
  Progress p("Nhập", out, true, [&] { return now; });
  for (int i = 1; i <= 100; ++i) {
    now = i * 0.01;  // a row every 10 ms for one second
    p.update(static_cast<std::size_t>(i), 100);
  }
  p.finish();
  std::string text = out.str();
  auto redraws = static_cast<int>(std::count(text.begin(), text.end(), '\r'));
  EXPECT_GE(redraws, 9);
  EXPECT_LE(redraws, 12);  // ten a second, plus the first and the final one
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1) << "one line, ended once";
  EXPECT_NE(text.find("Nhập: 100 / 100 (100%)"), std::string::npos) << text;
}

TEST(Progress, InALogWritesALineEveryFiveSecondsAndTheLastOne) {
  std::ostringstream out;
  double now = 0;
  Progress p("Nhập", out, false, [&] { return now; });
  for (int i = 1; i <= 120; ++i) {
    now = i * 0.1;  // twelve seconds
    p.update(static_cast<std::size_t>(i), 120);
  }
  p.finish();
  p.finish();
  std::string text = out.str();
  EXPECT_EQ(text.find('\r'), std::string::npos);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 4) << text;  // at 0.1, 5.1, 10.1 s and the end
}

}  // namespace
}  // namespace antq
