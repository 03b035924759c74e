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

// A registration year Y (to build a safe residential area) runs from 01/11/(Y-1) to
// 31/10/Y, the movement's reporting year.
DateRange registration_year(int year);
// The registration year a date falls in: November and December count for the next year.
int registration_year_of(const std::string& date);
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

// part ÷ whole, none when there is nothing to divide (a village with no households shows
// "—", not 0% or 100%).
std::optional<double> share(std::int64_t part, std::int64_t whole);

}  // namespace antq::community::rules
