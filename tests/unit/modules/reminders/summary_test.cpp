// The reminder digest's one line: the counts in a fixed order, in the reader's language,
// never longer than two SMS segments (134 characters): the counts that do not fit become "…",
// the commune's name stays.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "modules/reminders/service.hpp"
#include "platform/text/text.hpp"

namespace antq::reminders {
namespace {

std::vector<Item> of(const std::vector<std::string>& kinds) {
  std::vector<Item> out;
  for (const auto& k : kinds) out.push_back(Item{k + std::to_string(out.size()), k, 0, "", ""});
  return out;
}

TEST(ReminderSummary, CountsEachKindInAFixedOrderInTheReadersLanguage) {
  auto items = of({"reconfirm", "expiring", "expiring", "grading", "expired", "no_drill"});
  EXPECT_EQ(Service::summary(items, "Tân Trào", 2026, i18n::Locale::vi),
            "antq: 1 bình chữa cháy đã hết hạn, 2 bình chữa cháy sắp hết hạn, 1 tổ liên gia chưa diễn tập năm 2026, "
            "… – Tân Trào");
  EXPECT_EQ(Service::summary(of({"expiring"}), "Tân Trào", 2026, i18n::Locale::en),
            "antq: 1 extinguisher(s) expiring soon – Tân Trào");
}

TEST(ReminderSummary, NeverLongerThanTwoSmsSegments) {
  auto items = of({"expired", "expiring", "no_drill", "grading", "reconfirm"});
  for (auto locale : {i18n::Locale::vi, i18n::Locale::en}) {
    auto line = Service::summary(items, "Phường Minh Xuân, thành phố Tuyên Quang", 2026, locale);
    EXPECT_LE(text::length(line), 134U) << line;
    EXPECT_NE(line.find(", … – Phường Minh Xuân"), std::string::npos) << line;
  }
}

}  // namespace
}  // namespace antq::reminders
