#include "modules/community/rules.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "platform/time/time.hpp"

namespace antq::community::rules {

bool year_ok(int year) { return year >= kFirstYear && year <= kLastYear; }

bool present_on(const std::optional<std::string>& since_on, const std::optional<std::string>& left_on,
                const std::string& day) {
  return (!since_on || *since_on <= day) && (!left_on || *left_on > day);
}

bool in_team_on(const std::string& joined_on, const std::optional<std::string>& left_on, const std::string& day) {
  return present_on(joined_on, left_on, day);
}

bool in_team_during(const std::string& joined_on, const std::optional<std::string>& left_on, const DateRange& days) {
  return joined_on <= days.to && (!left_on || *left_on > days.from);
}

bool adult_on(const std::string& birth_date, const std::string& day) {
  return add_months(birth_date, 12 * kMinMemberAge) <= day;
}

DateRange registration_year(int year) {
  return {fmt::format("{:04d}-11-01", year - 1), fmt::format("{:04d}-10-31", year)};
}

int registration_year_of(const std::string& date) {
  int year = std::stoi(date.substr(0, 4));
  return date.substr(5, 2) >= "11" ? year + 1 : year;
}

int registration_year_or_current(int year, const std::string& today) {
  return year != 0 ? year : registration_year_of(today);
}

std::string report_day(int year, const std::string& today) {
  auto last = registration_year(year).to;
  return today < last ? today : last;
}

bool group_size_ok(std::size_t households) { return households >= kGroupMin && households <= kGroupMax; }

std::string add_days(const std::string& date, int days) {
  constexpr time::Millis kDay = 24LL * 3600 * 1000;
  // Noon, so that no day is lost or gained at midnight.
  return time::local_date(time::local_day_start(date) + kDay / 2 + static_cast<time::Millis>(days) * kDay);
}

Expiry expiry_of(const std::string& expires_on, const std::string& today, int notice_days) {
  if (expires_on < today) return Expiry::expired;
  if (expires_on <= add_days(today, notice_days)) return Expiry::expiring;
  return Expiry::ok;
}

DateRange grading_period(int year) {
  return {fmt::format("{:04d}-11-15", year - 1), fmt::format("{:04d}-11-14", year)};
}

DateRange grading_window(int year) {
  return {fmt::format("{:04d}-11-01", year), fmt::format("{:04d}-01-31", year + 1)};
}

int grading_year_or_current(int year, const std::string& today) {
  if (year != 0) return year;
  int current = std::stoi(today.substr(0, 4));
  return today.substr(5, 2) >= "11" ? current : current - 1;
}

std::string add_months(const std::string& date, int months) {
  int y = std::stoi(date.substr(0, 4));
  int m = std::stoi(date.substr(5, 2)) - 1 + months;
  int d = std::stoi(date.substr(8, 2));
  y += m >= 0 ? m / 12 : (m - 11) / 12;
  m = ((m % 12) + 12) % 12 + 1;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int last = m == 2 && leap ? 29 : kDays[m - 1];
  return fmt::format("{:04d}-{:02d}-{:02d}", y, m, std::min(d, last));
}

bool gradable(const std::string& joined_on, const std::optional<std::string>& left_on, int year) {
  return not_gradable_reason(joined_on, left_on, std::nullopt, year).empty();
}

std::string not_gradable_reason(const std::string& joined_on, const std::optional<std::string>& left_on,
                                const std::optional<std::string>& team_dissolved_on, int year) {
  auto period = grading_period(year);
  if (team_dissolved_on && *team_dissolved_on <= period.to) return "team_dissolved";
  if (!in_team_on(joined_on, left_on, period.to)) return "left";  // not in the team on 14/11/Y
  auto from = std::max(joined_on, period.from);
  return add_months(from, 9) <= fmt::format("{:04d}-11-15", year) ? "" : "under_nine_months";
}

int max_excellent(int excellent, int good) { return (excellent + good) * 20 / 100; }

bool quota_ok(int excellent, int good) { return excellent <= max_excellent(excellent, good); }

std::optional<double> share(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace antq::community::rules
