#include "modules/units/model.hpp"

#include <array>
#include <utility>

namespace antq::units {
namespace {

constexpr std::array<std::pair<Kind, std::string_view>, 10> kKinds{{
    {Kind::country, "country"},
    {Kind::province, "province"},
    {Kind::district, "district"},
    {Kind::commune, "commune"},
    {Kind::ward, "ward"},
    {Kind::special_zone, "special_zone"},
    {Kind::residential_area, "residential_area"},
    {Kind::agency, "agency"},
    {Kind::enterprise, "enterprise"},
    {Kind::school, "school"},
}};

}  // namespace

std::string_view kind_code(Kind kind) {
  for (const auto& [k, code] : kKinds) {
    if (k == kind) return code;
  }
  return "residential_area";
}

std::optional<Kind> kind_from_code(std::string_view code) {
  for (const auto& [k, c] : kKinds) {
    if (c == code) return k;
  }
  return std::nullopt;
}

std::vector<Kind> all_kinds() {
  std::vector<Kind> out;
  out.reserve(kKinds.size());
  for (const auto& [k, code] : kKinds) out.push_back(k);
  return out;
}

bool is_commune_level(Kind kind) { return kind == Kind::commune || kind == Kind::ward || kind == Kind::special_zone; }

bool officer_may_manage(Kind kind) {
  return kind == Kind::residential_area || kind == Kind::agency || kind == Kind::enterprise || kind == Kind::school;
}

bool Unit::active_on(std::string_view date) const {
  if (valid_from && *valid_from > date) return false;
  return !valid_to || *valid_to >= date;
}

}  // namespace antq::units
