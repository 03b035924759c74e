#include "modules/community/rules.hpp"

#include <fmt/format.h>

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

std::optional<double> share(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace antq::community::rules
