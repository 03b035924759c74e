#include "modules/community/internal.hpp"

#include "modules/community/rules.hpp"
#include "platform/text/text.hpp"
#include "platform/time/time.hpp"

namespace antq::community::internal {

std::optional<std::string> any_date(FieldErrors& errors, const char* field, const std::optional<std::string>& raw) {
  if (!raw || raw->empty()) return std::nullopt;
  auto date = time::parse_date(*raw);
  if (!date) errors.add(field, "invalid_date");
  return date;
}

std::optional<std::string> past_date(FieldErrors& errors, const char* field, const std::optional<std::string>& raw,
                                     const std::string& today) {
  auto date = any_date(errors, field, raw);
  if (date && *date > today) errors.add(field, "in_future");
  return date;
}

std::string bounded(FieldErrors& errors, const char* field, const std::string& raw, std::size_t max) {
  auto value = text::clean(raw);
  if (text::length(value) > max) errors.add(field, "too_long");
  return value;
}

std::pair<std::string, std::string> listed_days(FieldErrors& errors, const std::optional<std::string>& from,
                                                const std::optional<std::string>& to, const std::string& today,
                                                int default_days) {
  constexpr int kMaxDays = 366;
  auto last = any_date(errors, "to", to).value_or(today);
  auto first = any_date(errors, "from", from).value_or(rules::add_days(last, -default_days));
  if (first > last) errors.add("from", "after_to");
  if (first <= last && rules::add_days(first, kMaxDays) < last) errors.add("from", "range_too_long");
  return {first, last};
}

}  // namespace antq::community::internal
