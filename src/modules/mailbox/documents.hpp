#pragma once
// The head of a commune police document (Decree 30/2020/NĐ-CP): the provincial police
// above, the commune police issuing it, its number and its place and date.
#include <cstdint>
#include <string>

#include "modules/units/service.hpp"
#include "platform/db/database.hpp"
#include "platform/office/docx.hpp"

namespace antq::mailbox {

// "CÔNG AN TỈNH TUYÊN QUANG" / "CÔNG AN XÃ TÂN TRÀO" / "Số: 03/BB-CAX" /
// "Tân Trào, ngày 14 tháng 6 năm 2026" (office::decree_date). An empty number leaves "Số: …/BB-CAX" to fill in.
office::DocumentHead commune_head(db::Tx& tx, const units::Service& units, const units::Unit& commune,
                                  const std::string& number, std::int64_t date, std::string doc_type,
                                  std::string subject);

// "09 giờ 30 phút, ngày 14 tháng 6 năm 2026" in local time (office::decree_date).
std::string spoken_time(std::int64_t instant);

}  // namespace antq::mailbox
