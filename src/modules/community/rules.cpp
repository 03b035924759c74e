#include "modules/community/rules.hpp"

#include <fmt/format.h>

#include "platform/time/time.hpp"

namespace antq::community::rules {

DateRange registration_year(int year) {
  return {fmt::format("{:04d}-11-01", year - 1), fmt::format("{:04d}-10-31", year)};
}

int registration_year_of(const std::string& date) {
  int year = std::stoi(date.substr(0, 4));
  return date.substr(5, 2) >= "11" ? year + 1 : year;
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

std::optional<double> share(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace antq::community::rules
