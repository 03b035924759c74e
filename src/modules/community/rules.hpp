#pragma once
// The community's rules that are pure arithmetic on dates and counts, each in one place
// and tested as tables (tests/unit/modules/community/rules_test.cpp).
#include <cstdint>
#include <optional>
#include <string>

namespace antq::community::rules {

// Inclusive 'YYYY-MM-DD' bounds.
struct DateRange {
  std::string from;
  std::string to;
  bool contains(const std::string& date) const { return from <= date && date <= to; }
};

// The years a record may carry (migration 0027's CHECK), and a household's members.
constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2100;
bool year_ok(int year);
constexpr int kMinMembers = 1;
constexpr int kMaxMembers = 99;

// A household is present on a day from its arrival (`since_on`, unknown: always) until the
// day before it left. Registration shares, coverage and the due lists count these.
bool present_on(const std::optional<std::string>& since_on, const std::optional<std::string>& left_on,
                const std::string& day);
// A team member is in their team from `joined_on` until the day before `left_on`: patrols,
// counts and the grading ask this one rule.
bool in_team_on(const std::string& joined_on, const std::optional<std::string>& left_on, const std::string& day);
// Whether a membership [joined_on, left_on) meets a range of days.
bool in_team_during(const std::string& joined_on, const std::optional<std::string>& left_on, const DateRange& days);
// Members are adults (Law 30/2023 on forces at the grassroots, art. 17: from 18 years).
constexpr int kMinMemberAge = 18;
bool adult_on(const std::string& birth_date, const std::string& day);

// A registration year Y (to build a safe residential area) runs from 01/11/(Y-1) to
// 31/10/Y, the movement's reporting year.
DateRange registration_year(int year);
// The registration year a date falls in: November and December count for the next year.
int registration_year_of(const std::string& date);
// The year asked for, or (0) the registration year today falls in; the caller still checks
// it with year_ok, so a negative year is an error, never this year.
int registration_year_or_current(int year, const std::string& today);
// The day a year's figure is measured on: 31/10/Y, or today while that is still ahead.
std::string report_day(int year, const std::string& today);

// An inter-household fire-safety group has 5–15 households (Thông tư 149/2020/TT-BCA);
// outside it the officer is warned and saves only with a reason.
constexpr int kGroupMin = 5;
constexpr int kGroupMax = 15;
bool group_size_ok(std::size_t households);

// An extinguisher is expired from the day after `expires_on`, and expiring from
// `notice_days` before it: the due lists show both.
enum class Expiry { ok, expiring, expired };
constexpr int kExpiryNoticeDays = 30;
Expiry expiry_of(const std::string& expires_on, const std::string& today, int notice_days);
// 'YYYY-MM-DD' `days` later (or earlier when negative).
std::string add_days(const std::string& date, int days);

// The yearly grading of village security team members (xếp loại Tổ bảo vệ ANTT). Year Y
// runs 15/11/(Y−1)–14/11/Y; grades are given from 01/11/Y to 31/01/(Y+1) (the window).
DateRange grading_period(int year);
DateRange grading_window(int year);
// The year asked for, or (0) the year whose window is open today or else last closed.
int grading_year_or_current(int year, const std::string& today);
// A member is graded when in the team on 14/11/Y with at least 9 months of service in the
// period: counted from the later of joining and 15/11/(Y−1), the 9 months end by 15/11/Y
// (joining on 15/02/Y qualifies, on 16/02/Y not). A rejoin counts from the rejoin.
bool gradable(const std::string& joined_on, const std::optional<std::string>& left_on, int year);
// Why a member is not graded in `year`, or "" when they are: team_dissolved (before
// 14/11/Y), left (not in the team on 14/11/Y), under_nine_months.
std::string not_gradable_reason(const std::string& joined_on, const std::optional<std::string>& left_on,
                                const std::optional<std::string>& team_dissolved_on, int year);
// "Xuất sắc" (excellent) is at most 20% of those graded "tốt" (good) or better, rounded
// down, across a commune's teams in a year.
int max_excellent(int excellent, int good);
bool quota_ok(int excellent, int good);
// 'YYYY-MM-DD' `months` later; the day kept, or the month's last when it has fewer days.
std::string add_months(const std::string& date, int months);

// part ÷ whole, none when there is nothing to divide (a village with no households shows
// "—", not 0% or 100%).
std::optional<double> share(std::int64_t part, std::int64_t whole);

}  // namespace antq::community::rules
