#include "modules/mailbox/documents.hpp"

#include <fmt/format.h>

#include "platform/office/dates.hpp"
#include "platform/time/time.hpp"

namespace antq::mailbox {

std::string spoken_time(std::int64_t instant) {
  auto date = time::local_date(instant);  // YYYY-MM-DD
  auto clock = time::local_time(instant);
  return fmt::format("{} giờ {} phút, {}", clock.substr(0, 2), clock.substr(3, 2), office::decree_date(date));
}

}  // namespace antq::mailbox
