#include "platform/geo/point_text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <utility>
#include <vector>

#include "platform/text/text.hpp"

namespace antq::geo {
namespace {

enum class Axis { unknown, lat, lon };

struct Coordinate {
  double value = 0;
  Axis axis = Axis::unknown;
};

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// One spelling for the marks people use: ° ' " and the hemisphere words as N S E W.
std::string normalised(std::string_view text) {
  std::string s = text::clean(text);  // NFC, trimmed
  for (auto [from, to] :
       {std::pair{"º", "°"}, {"˚", "°"}, {"′", "'"}, {"’", "'"}, {"″", "\""}, {"”", "\""}, {"''", "\""}}) {
    s = replace_all(s, from, to);
  }
  for (auto [from, to] : {std::pair{"Bắc", " N "},
                          {"bắc", " N "},
                          {"BẮC", " N "},
                          {"Nam", " S "},
                          {"nam", " S "},
                          {"NAM", " S "},
                          {"Đông", " E "},
                          {"đông", " E "},
                          {"ĐÔNG", " E "},
                          {"Tây", " W "},
                          {"tây", " W "},
                          {"TÂY", " W "}}) {
    s = replace_all(s, from, to);
  }
  return s;
}

// Splits the two coordinates: at ';', else at ", " or a lone ',', else between a
// hemisphere letter and the next number ("…N 105°…").
std::vector<std::string> split(const std::string& s) {
  auto at = s.find(';');
  if (at == std::string::npos) at = s.find(", ");
  if (at == std::string::npos && std::count(s.begin(), s.end(), ',') == 1) at = s.find(',');
  if (at != std::string::npos) return {s.substr(0, at), s.substr(at + 1)};
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    char c = static_cast<char>(std::toupper(static_cast<unsigned char>(s[i])));
    if ((c == 'N' || c == 'S' || c == 'E' || c == 'W') && s.find_first_of("0123456789", i) != std::string::npos &&
        s.find_first_not_of(" ", i + 1) != std::string::npos) {
      return {s.substr(0, i + 1), s.substr(i + 1)};
    }
  }
  auto space = s.find(' ', s.find_first_not_of(' '));
  if (space == std::string::npos) return {s};
  return {s.substr(0, space), s.substr(space + 1)};
}

// "21°48'44.3\"N", "21.8123", "-21,8123", "N 21 48.738'": degrees, minutes and seconds
// separated by their marks or by spaces, a decimal point or comma, a hemisphere letter.
std::optional<Coordinate> coordinate(std::string part) {
  Coordinate c;
  double sign = 1;
  std::string digits;
  for (char& ch : part) {
    char up = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (up == 'N' || up == 'S') {
      if (c.axis != Axis::unknown) return std::nullopt;
      c.axis = Axis::lat;
      if (up == 'S') sign = -1;
      ch = ' ';
    } else if (up == 'E' || up == 'W') {
      if (c.axis != Axis::unknown) return std::nullopt;
      c.axis = Axis::lon;
      if (up == 'W') sign = -1;
      ch = ' ';
    }
  }
  part = replace_all(replace_all(replace_all(part, "°", " "), "'", " "), "\"", " ");
  std::vector<double> numbers;
  for (std::size_t i = 0; i < part.size();) {
    if (part[i] == ' ') {
      ++i;
      continue;
    }
    auto end = part.find(' ', i);
    std::string token = replace_all(part.substr(i, end == std::string::npos ? end : end - i), ",", ".");
    char* stop = nullptr;
    double v = std::strtod(token.c_str(), &stop);
    if (token.empty() || stop != token.c_str() + token.size() || !std::isfinite(v)) return std::nullopt;
    numbers.push_back(v);
    i = end == std::string::npos ? part.size() : end;
  }
  if (numbers.empty() || numbers.size() > 3) return std::nullopt;
  double minutes = numbers.size() > 1 ? numbers[1] : 0;
  double seconds = numbers.size() > 2 ? numbers[2] : 0;
  if (minutes < 0 || minutes >= 60 || seconds < 0 || seconds >= 60 || (numbers.size() > 1 && numbers[0] < 0)) {
    return std::nullopt;
  }
  if (numbers[0] < 0) {
    sign = -sign;
    numbers[0] = -numbers[0];
  }
  c.value = sign * (numbers[0] + minutes / 60 + seconds / 3600);
  return c;
}

bool valid(Point p) { return p.lat >= -90 && p.lat <= 90 && p.lon >= -180 && p.lon <= 180; }

}  // namespace

ParsedPoint parse_point(std::string_view text) {
  auto parts = split(normalised(text));
  if (parts.size() != 2) return {std::nullopt, "invalid_format"};
  auto a = coordinate(parts[0]);
  auto b = coordinate(parts[1]);
  if (!a || !b || (a->axis != Axis::unknown && a->axis == b->axis)) return {std::nullopt, "invalid_format"};
  // Latitude first unless a hemisphere says otherwise.
  bool lon_first = a->axis == Axis::lon || b->axis == Axis::lat;
  Point p = lon_first ? Point{a->value, b->value} : Point{b->value, a->value};
  if (valid(p)) return {p, ""};
  bool marked = a->axis != Axis::unknown || b->axis != Axis::unknown;
  if (!marked && valid(Point{p.lat, p.lon})) return {std::nullopt, "swapped"};
  return {std::nullopt, "out_of_range"};
}

}  // namespace antq::geo
