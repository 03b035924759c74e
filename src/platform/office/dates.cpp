#include "platform/office/dates.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "platform/time/time.hpp"

namespace antq::office {

std::string decree_date(std::string_view date) {
  if (!time::parse_date(date)) throw std::invalid_argument("not a date: " + std::string(date));
  int day = std::stoi(std::string(date.substr(8, 2)));
  int month = std::stoi(std::string(date.substr(5, 2)));
  // Months 1 and 2 keep their zero so that nobody can add a digit after them.
  std::string month_text = month <= 2 ? fmt::format("{:02}", month) : std::to_string(month);
  return fmt::format("ngày {:02} tháng {} năm {}", day, month_text, date.substr(0, 4));
}

}  // namespace antq::office
