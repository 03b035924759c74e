#pragma once
// A point as people type it: what Google Maps copies ("21.8123, 105.2456", latitude
// first), the same with Vietnamese decimal commas ("21,8123; 105,2456"), degrees-minutes-
// seconds ("21°48'44.3\"N 105°27'05.6\"E") or decimal minutes ("21°48.738'N"), with the
// hemisphere as N/S/E/W or in Vietnamese (Bắc, Nam, Đông, Tây; a lone "N" is English
// North). Pure.
#include <optional>
#include <string>
#include <string_view>

#include "platform/geo/geo.hpp"

namespace antq::geo {

struct ParsedPoint {
  std::optional<Point> point;
  // When there is no point: invalid_format (not two coordinates), out_of_range, or
  // swapped (the numbers make a point only read longitude first).
  std::string problem;
};

ParsedPoint parse_point(std::string_view text);

}  // namespace antq::geo
