#include "modules/community/internal.hpp"

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

}  // namespace antq::community::internal
