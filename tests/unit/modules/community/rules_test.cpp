// The community's pure rules as tables: the registration year, the report day, shares,
// and the offline rule (sent twice → stored once; a stale base → conflict).
#include "modules/community/rules.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "modules/community/offline.hpp"

namespace antq::community {
namespace {

TEST(CommunityRules, ARegistrationYearRunsFromNovemberToOctober) {
  struct Row {
    const char* date;
    int year;
  };
  for (auto row : {Row{"2025-10-31", 2025}, Row{"2025-11-01", 2026}, Row{"2025-12-31", 2026}, Row{"2026-01-01", 2026},
                   Row{"2026-10-31", 2026}}) {
    EXPECT_EQ(rules::registration_year_of(row.date), row.year) << row.date;
    EXPECT_TRUE(rules::registration_year(row.year).contains(row.date)) << row.date;
  }
  auto y = rules::registration_year(2026);
  EXPECT_EQ(y.from, "2025-11-01");
  EXPECT_EQ(y.to, "2026-10-31");
  EXPECT_FALSE(y.contains("2025-10-31"));
  EXPECT_FALSE(y.contains("2026-11-01"));
}

TEST(CommunityRules, AYearIsMeasuredOnItsLastDayOrTodayWhileThatIsAhead) {
  EXPECT_EQ(rules::report_day(2026, "2025-12-01"), "2025-12-01");
  EXPECT_EQ(rules::report_day(2025, "2025-12-01"), "2025-10-31");
  EXPECT_EQ(rules::report_day(2026, "2026-10-31"), "2026-10-31");
}

TEST(CommunityRules, AHouseholdIsPresentFromItsArrivalUntilTheDayBeforeItLeft) {
  using std::nullopt;
  struct Row {
    std::optional<std::string> since, left;
    const char* day;
    bool present;
  } rows[] = {
      {nullopt, nullopt, "2026-06-01", true},           {"2026-06-01", nullopt, "2026-06-01", true},
      {"2026-06-02", nullopt, "2026-06-01", false},     {nullopt, "2026-06-02", "2026-06-01", true},
      {nullopt, "2026-06-01", "2026-06-01", false},     {"2025-01-01", "2025-12-31", "2026-06-01", false},
      {"2025-01-01", "2026-12-31", "2026-06-01", true},
  };
  for (const auto& r : rows) {
    EXPECT_EQ(rules::present_on(r.since, r.left, r.day), r.present)
        << r.since.value_or("-") << " " << r.left.value_or("-") << " " << r.day;
  }
}

TEST(CommunityRules, YearsRunFrom2000To2100) {
  EXPECT_FALSE(rules::year_ok(1999));
  EXPECT_TRUE(rules::year_ok(2000));
  EXPECT_TRUE(rules::year_ok(2100));
  EXPECT_FALSE(rules::year_ok(2101));
}

TEST(CommunityRules, AShareNeedsSomethingToDivide) {
  EXPECT_FALSE(rules::share(0, 0));
  EXPECT_DOUBLE_EQ(*rules::share(0, 4), 0.0);
  EXPECT_DOUBLE_EQ(*rules::share(38, 40), 0.95);
  EXPECT_DOUBLE_EQ(*rules::share(40, 40), 1.0);
}

TEST(OfflineRule, DecidesEveryCaseOfTheTable) {
  struct Row {
    std::optional<Stored> stored;
    std::int64_t base;
    const char* hash;
    Outcome outcome;
  };
  const Stored v3{3, "aa"};
  for (const auto& row :
       {Row{std::nullopt, 0, "aa", Outcome::inserted}, Row{std::nullopt, 2, "aa", Outcome::conflict},
        Row{v3, 0, "aa", Outcome::replayed}, Row{v3, 1, "aa", Outcome::replayed}, Row{v3, 3, "bb", Outcome::updated},
        Row{v3, 2, "bb", Outcome::conflict}, Row{v3, 0, "bb", Outcome::conflict}}) {
    EXPECT_EQ(decide(row.stored, row.base, row.hash), row.outcome)
        << "base " << row.base << " hash " << row.hash << " stored " << (row.stored ? row.stored->version : 0);
  }
}

TEST(OfflineRule, ARecordIdIsALowercaseUuid) {
  EXPECT_TRUE(valid_record_id("0f8fad5b-d9cb-469f-a165-70867728950e"));
  EXPECT_FALSE(valid_record_id("0F8FAD5B-D9CB-469F-A165-70867728950E"));
  EXPECT_FALSE(valid_record_id("0f8fad5b-d9cb-469f-a165-70867728950"));
  EXPECT_FALSE(valid_record_id("0f8fad5bd9cb-469f-a165-70867728950e0"));
  EXPECT_FALSE(valid_record_id("0f8fad5b-d9cb-469f-a165-70867728950g"));
  EXPECT_FALSE(valid_record_id("../../../etc/passwd-0000000000000000"));
}

TEST(OfflineRule, TheContentHashSeesEveryFieldAndNoTwoRecordsCollideBySeparators) {
  auto a = ContentHash{}.add("note", "x").add("signed", 1).hex();
  EXPECT_EQ(a, ContentHash{}.add("note", "x").add("signed", 1).hex());
  EXPECT_NE(a, ContentHash{}.add("note", "x").add("signed", 0).hex());
  EXPECT_NE(ContentHash{}.add("a", "1\nb=2").hex(), ContentHash{}.add("a", "1").add("b", "2").hex());
  EXPECT_EQ(a.size(), 64u);
}

}  // namespace
}  // namespace antq::community

namespace antq::community {
namespace {

TEST(CommunityRules, AFireGroupHasFiveToFifteenHouseholds) {
  for (auto [n, ok] : std::vector<std::pair<int, bool>>{{4, false}, {5, true}, {15, true}, {16, false}, {0, false}}) {
    EXPECT_EQ(rules::group_size_ok(static_cast<std::size_t>(n)), ok) << n;
  }
}

TEST(CommunityRules, AnExtinguisherIsExpiredAfterItsDayAndExpiringThirtyDaysBefore) {
  using rules::Expiry;
  struct Row {
    const char* expires_on;
    Expiry state;
  };
  for (auto row : {Row{"2026-12-01", Expiry::expired}, Row{"2026-12-02", Expiry::expiring},
                   Row{"2027-01-01", Expiry::expiring}, Row{"2027-01-02", Expiry::ok}}) {
    EXPECT_EQ(rules::expiry_of(row.expires_on, "2026-12-02", 30), row.state) << row.expires_on;
  }
  EXPECT_EQ(rules::add_days("2024-02-28", 1), "2024-02-29");
  EXPECT_EQ(rules::add_days("2026-12-31", 1), "2027-01-01");
  EXPECT_EQ(rules::add_days("2026-03-01", -1), "2026-02-28");
}

}  // namespace
}  // namespace antq::community

namespace antq::community {
namespace {

TEST(GradingRules, AMemberNeedsNineMonthsInTheTeamByTheEndOfThePeriod) {
  struct Row {
    const char* joined;
    std::optional<std::string> left;
    bool gradable;
  };
  // Year 2026 runs 15/11/2025–14/11/2026.
  for (const auto& row : {Row{"2026-02-15", std::nullopt, true}, Row{"2026-02-16", std::nullopt, false},
                          Row{"2020-05-01", std::nullopt, true}, Row{"2020-05-01", "2026-11-13", false},
                          Row{"2020-05-01", "2026-11-14", false}, Row{"2020-05-01", "2026-11-15", true},
                          Row{"2026-11-15", std::nullopt, false}, Row{"2025-11-15", std::nullopt, true}}) {
    EXPECT_EQ(rules::gradable(row.joined, row.left, 2026), row.gradable)
        << row.joined << " left " << row.left.value_or("-");
  }
}

TEST(GradingRules, GradesAreGivenFromNovemberToJanuary) {
  auto w = rules::grading_window(2026);
  EXPECT_FALSE(w.contains("2026-10-31"));
  EXPECT_TRUE(w.contains("2026-11-01"));
  EXPECT_TRUE(w.contains("2027-01-31"));
  EXPECT_FALSE(w.contains("2027-02-01"));
  auto p = rules::grading_period(2026);
  EXPECT_EQ(p.from, "2025-11-15");
  EXPECT_EQ(p.to, "2026-11-14");
}

TEST(GradingRules, ExcellentIsAtMostTwentyPercentOfGoodOrBetterRoundedDown) {
  struct Row {
    int excellent;
    int good;
    bool ok;
    int max;
  };
  for (auto row : {Row{1, 4, true, 1}, Row{2, 8, true, 2}, Row{0, 0, true, 0}, Row{3, 12, true, 3}, Row{2, 7, false, 1},
                   Row{3, 11, false, 2}, Row{1, 3, false, 0}}) {
    EXPECT_EQ(rules::quota_ok(row.excellent, row.good), row.ok) << row.excellent << "/" << row.good;
    EXPECT_EQ(rules::max_excellent(row.excellent, row.good), row.max) << row.excellent << "/" << row.good;
  }
}

TEST(GradingRules, MonthsKeepTheDayOrTakeTheMonthsLast) {
  EXPECT_EQ(rules::add_months("2026-02-15", 9), "2026-11-15");
  EXPECT_EQ(rules::add_months("2025-05-31", 9), "2026-02-28");
  EXPECT_EQ(rules::add_months("2027-05-31", 9), "2028-02-29");
  EXPECT_EQ(rules::add_months("2026-01-31", -2), "2025-11-30");
}

TEST(GradingRules, WhyAMemberIsNotGradedIsOneRule) {
  struct Row {
    const char* joined;
    std::optional<std::string> left;
    std::optional<std::string> dissolved;
    const char* reason;
  };
  for (const auto& row :
       {Row{"2020-05-01", std::nullopt, std::nullopt, ""},
        Row{"2020-05-01", std::nullopt, "2026-11-14", "team_dissolved"},
        Row{"2020-05-01", std::nullopt, "2026-11-15", ""}, Row{"2020-05-01", "2026-11-14", std::nullopt, "left"},
        Row{"2026-11-15", std::nullopt, std::nullopt, "left"},
        Row{"2026-02-16", std::nullopt, std::nullopt, "under_nine_months"}}) {
    EXPECT_EQ(rules::not_gradable_reason(row.joined, row.left, row.dissolved, 2026), row.reason)
        << row.joined << " left " << row.left.value_or("-") << " dissolved " << row.dissolved.value_or("-");
  }
}

TEST(TeamRules, InTheTeamFromJoiningUntilTheDayBeforeLeaving) {
  EXPECT_FALSE(rules::in_team_on("2025-03-01", std::nullopt, "2025-02-28"));
  EXPECT_TRUE(rules::in_team_on("2025-03-01", std::nullopt, "2025-03-01"));
  EXPECT_TRUE(rules::in_team_on("2025-03-01", "2025-06-01", "2025-05-31"));
  EXPECT_FALSE(rules::in_team_on("2025-03-01", "2025-06-01", "2025-06-01"));
  // During the grading year 2026 (15/11/2025–14/11/2026): left on its first day is out.
  auto year = rules::grading_period(2026);
  EXPECT_FALSE(rules::in_team_during("2020-01-01", "2025-11-15", year));
  EXPECT_TRUE(rules::in_team_during("2020-01-01", "2025-11-16", year));
  EXPECT_TRUE(rules::in_team_during("2026-11-14", std::nullopt, year));
  EXPECT_FALSE(rules::in_team_during("2026-11-15", std::nullopt, year));
}

TEST(TeamRules, AMemberIsEighteenOnJoining) {
  EXPECT_TRUE(rules::adult_on("2007-01-10", "2025-01-10"));
  EXPECT_FALSE(rules::adult_on("2007-01-11", "2025-01-10"));
  EXPECT_TRUE(rules::adult_on("2008-02-29", "2026-02-28")) << "born on 29/02: 18 on 28/02 of a common year";
  EXPECT_FALSE(rules::adult_on("2008-02-29", "2026-02-27"));
}

TEST(YearRules, NoYearMeansTheCurrentOneAndANegativeYearStaysWrong) {
  EXPECT_EQ(rules::registration_year_or_current(0, "2025-10-31"), 2025);
  EXPECT_EQ(rules::registration_year_or_current(0, "2025-11-01"), 2026);
  EXPECT_EQ(rules::registration_year_or_current(-3, "2025-11-01"), -3);
  EXPECT_FALSE(rules::year_ok(rules::registration_year_or_current(-3, "2025-11-01")));
  EXPECT_EQ(rules::grading_year_or_current(0, "2025-10-31"), 2024);
  EXPECT_EQ(rules::grading_year_or_current(0, "2025-11-01"), 2025);
  EXPECT_EQ(rules::grading_year_or_current(2023, "2025-11-01"), 2023);
}

}  // namespace
}  // namespace antq::community
