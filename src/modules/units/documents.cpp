#include "modules/units/documents.hpp"

#include <fmt/format.h>

#include "platform/office/dates.hpp"
#include "platform/text/text.hpp"
#include "platform/time/time.hpp"

namespace antq::units {
namespace {

// "xã Tân Trào" -> "CÔNG AN XÃ TÂN TRÀO"; provinces: "CÔNG AN TỈNH TUYÊN QUANG".
std::string police_of(const Unit& u) {
  std::string designation = u.designation.empty() ? "" : u.designation + " ";
  return text::upper("Công an " + designation + u.name);
}

// "xã Tân Trào" -> "ỦY BAN NHÂN DÂN\nXÃ TÂN TRÀO".
std::string committee_of(const Unit& u) {
  std::string designation = u.designation.empty() ? "" : u.designation + " ";
  return "ỦY BAN NHÂN DÂN\n" + text::upper(designation + u.name);
}

std::optional<Unit> province_of(db::Tx& tx, const Service& units, const Unit& unit) {
  std::size_t at = 1;
  while (at < unit.path.size()) {
    auto slash = unit.path.find('/', at);
    if (slash == std::string::npos) break;
    auto id = std::stoll(unit.path.substr(at, slash - at));
    at = slash + 1;
    auto u = units.find(tx, id);
    if (u && u->kind == Kind::province) return u;
  }
  return std::nullopt;
}

// "Số: 03/BB-CAX": the police's abbreviation follows the commune's kind.
std::string number_line(const Unit& commune, Issuer issuer, const std::string& number) {
  if (!number.empty()) return "Số: " + number;
  if (issuer == Issuer::people_committee) return "";
  const char* body = commune.kind == Kind::ward ? "CAP" : commune.kind == Kind::special_zone ? "CADK" : "CAX";
  return fmt::format("Số:      /BB-{}", body);
}

}  // namespace

office::DocumentHead commune_head(db::Tx& tx, const Service& units, const Unit& commune, Issuer issuer,
                                  const std::string& number, std::int64_t date, std::string doc_type,
                                  std::string subject) {
  auto day = time::local_date(date);
  office::DocumentHead head;
  if (issuer == Issuer::police) {
    if (auto province = province_of(tx, units, commune)) head.parent_body = police_of(*province);
    head.issuing_body = police_of(commune);
  } else {
    head.issuing_body = committee_of(commune);
  }
  head.number = number_line(commune, issuer, number);
  head.place_date = fmt::format("{}, {}", commune.name, office::decree_date(day));
  head.doc_type = std::move(doc_type);
  head.subject = std::move(subject);
  return head;
}

}  // namespace antq::units
