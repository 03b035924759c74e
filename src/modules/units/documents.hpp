#pragma once
// The head of a commune's document (Decree 30/2020/NĐ-CP), issued by its police or by its
// People's Committee: the body above, the issuing body, the number, the place and date.
#include <cstdint>
#include <string>

#include "modules/units/service.hpp"
#include "platform/db/database.hpp"
#include "platform/office/docx.hpp"

namespace antq::units {

enum class Issuer {
  police,            // "CÔNG AN TỈNH TUYÊN QUANG" / "CÔNG AN XÃ TÂN TRÀO" / "Số: 03/BB-CAX"
  people_committee,  // "ỦY BAN NHÂN DÂN" / "XÃ TÂN TRÀO" / "Số: 15/QĐ-UBND"
};

// The place and date line is "Tân Trào, ngày 14 tháng 6 năm 2026" (office::decree_date).
// An empty number leaves the police's "Số:      /BB-CAX" to fill in, and no number line
// for the People's Committee (an annex carries its decision's number in its subject).
office::DocumentHead commune_head(db::Tx& tx, const units::Service& units, const units::Unit& commune, Issuer issuer,
                                  const std::string& number, std::int64_t date, std::string doc_type,
                                  std::string subject);

}  // namespace antq::units
