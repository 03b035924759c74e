#pragma once
// What the mailbox's documents share: times as minutes spell them. Their head is the
// commune police's (units/documents.hpp).
#include <cstdint>
#include <string>

#include "modules/units/documents.hpp"

namespace antq::mailbox {

// "09 giờ 30 phút, ngày 14 tháng 6 năm 2026" in local time (office::decree_date).
std::string spoken_time(std::int64_t instant);

}  // namespace antq::mailbox
