#include "platform/time/time.hpp"

#include <fstream>

#include <fmt/format.h>

#include <chrono>

namespace antq::time {
namespace {

constexpr Millis kLocalOffset = 7LL * 3600 * 1000;  // Asia/Ho_Chi_Minh

std::chrono::year_month_day to_ymd(Millis instant) {
  auto days = std::chrono::floor<std::chrono::days>(
      std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(instant)));
  return std::chrono::year_month_day(days);
}

std::string format_ymd(const std::chrono::year_month_day& d) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

std::optional<std::chrono::year_month_day> ymd_of(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  int index = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == 4 || i == 7) {
      ++index;
      continue;
    }
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    parts[index] = parts[index] * 10 + (text[i] - '0');
  }
  std::chrono::year_month_day d{std::chrono::year(parts[0]), std::chrono::month(static_cast<unsigned>(parts[1])),
                                std::chrono::day(static_cast<unsigned>(parts[2]))};
  if (!d.ok() || parts[0] < 1800 || parts[0] > 2300) return std::nullopt;
  return d;
}

}  // namespace

Millis SystemClock::now() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Millis ProcessClock::now() const {
  Millis now = SystemClock().now();
  if (offset_file_.empty()) return now;
  std::ifstream in(offset_file_);
  Millis offset = 0;
  if (in >> offset) return now + offset;
  return now;
}

std::string format_iso_utc(Millis instant) {
  auto d = to_ymd(instant);
  Millis in_day = ((instant % 86400000) + 86400000) % 86400000;
  return fmt::format("{}T{:02}:{:02}:{:02}.{:03}Z", format_ymd(d), in_day / 3600000, in_day / 60000 % 60,
                     in_day / 1000 % 60, in_day % 1000);
}

std::string local_date(Millis instant) { return format_ymd(to_ymd(instant + kLocalOffset)); }

std::string local_time(Millis instant) {
  Millis local = instant + kLocalOffset;
  Millis in_day = ((local % 86400000) + 86400000) % 86400000;
  return fmt::format("{:02}:{:02}", in_day / 3600000, in_day / 60000 % 60);
}

std::optional<Millis> parse_local_datetime(std::string_view text) {
  if (text.size() != 16 || text[10] != 'T' || text[13] != ':') return std::nullopt;
  auto date = parse_date(text.substr(0, 10));
  auto digits = [&](std::size_t at) -> int {
    char a = text[at], b = text[at + 1];
    if (a < '0' || a > '9' || b < '0' || b > '9') return -1;
    return (a - '0') * 10 + (b - '0');
  };
  int hour = digits(11), minute = digits(14);
  if (!date || hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
  return local_day_start(*date) + (hour * 60LL + minute) * 60000;
}

std::optional<std::string> parse_date(std::string_view text) {
  auto d = ymd_of(text);
  if (!d) return std::nullopt;
  return format_ymd(*d);
}

Millis local_day_start(std::string_view date) {
  auto d = ymd_of(date).value();
  auto days = std::chrono::sys_days(d).time_since_epoch();
  return std::chrono::duration_cast<std::chrono::milliseconds>(days).count() - kLocalOffset;
}

std::string previous_day(std::string_view date) {
  auto d = ymd_of(date).value();
  return format_ymd(std::chrono::year_month_day(std::chrono::sys_days(d) - std::chrono::days(1)));
}

}  // namespace antq::time
