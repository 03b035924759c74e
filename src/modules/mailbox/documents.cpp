#include "modules/mailbox/documents.hpp"

#include <fmt/format.h>

#include "platform/office/dates.hpp"
#include "platform/text/text.hpp"
#include "platform/time/time.hpp"

namespace antq::mailbox {
namespace {

// "xã Tân Trào" -> "CÔNG AN XÃ TÂN TRÀO"; provinces: "CÔNG AN TỈNH TUYÊN QUANG".
std::string police_of(const units::Unit& u) {
  std::string designation = u.designation.empty() ? "" : u.designation + " ";
  return text::upper("Công an " + designation + u.name);
}

std::optional<units::Unit> province_of(db::Tx& tx, const units::Service& units, const units::Unit& unit) {
  std::size_t at = 1;
  while (at < unit.path.size()) {
    auto slash = unit.path.find('/', at);
    if (slash == std::string::npos) break;
    auto id = std::stoll(unit.path.substr(at, slash - at));
    at = slash + 1;
    auto u = units.find(tx, id);
    if (u && u->kind == units::Kind::province) return u;
  }
  return std::nullopt;
}

// "Số: 03/BB-CAX": the body's abbreviation follows the commune's kind.
std::string number_line(const units::Unit& commune, const std::string& number) {
  if (!number.empty()) return "Số: " + number;
  const char* body = commune.kind == units::Kind::ward           ? "CAP"
                     : commune.kind == units::Kind::special_zone ? "CADK"
                                                                 : "CAX";
  return fmt::format("Số:      /BB-{}", body);
}

}  // namespace

std::string spoken_time(std::int64_t instant) {
  auto date = time::local_date(instant);  // YYYY-MM-DD
  auto clock = time::local_time(instant);
  return fmt::format("{} giờ {} phút, {}", clock.substr(0, 2), clock.substr(3, 2), office::decree_date(date));
}

office::DocumentHead commune_head(db::Tx& tx, const units::Service& units, const units::Unit& commune,
                                  const std::string& number, std::int64_t date, std::string doc_type,
                                  std::string subject) {
  auto day = time::local_date(date);
  office::DocumentHead head;
  if (auto province = province_of(tx, units, commune)) head.parent_body = police_of(*province);
  head.issuing_body = police_of(commune);
  head.number = number_line(commune, number);
  head.place_date = fmt::format("{}, {}", commune.name, office::decree_date(day));
  head.doc_type = std::move(doc_type);
  head.subject = std::move(subject);
  return head;
}

}  // namespace antq::mailbox
