#include "platform/text/phone.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace antq::text {
namespace {

// Mobile prefixes since 2018 (three digits, the leading 0 included).
constexpr std::array<std::string_view, 36> kMobile{"032", "033", "034", "035", "036", "037", "038", "039", "052",
                                                   "055", "056", "058", "059", "070", "076", "077", "078", "079",
                                                   "081", "082", "083", "084", "085", "086", "087", "088", "089",
                                                   "090", "091", "092", "093", "094", "096", "097", "098", "099"};
// The old 11-digit mobile prefixes and the ones that replaced them (2018).
constexpr std::array<std::pair<std::string_view, std::string_view>, 21> kOldMobile{{
    {"0120", "070"}, {"0121", "079"}, {"0122", "077"}, {"0126", "076"}, {"0128", "078"}, {"0123", "083"},
    {"0124", "084"}, {"0125", "085"}, {"0127", "081"}, {"0129", "082"}, {"0162", "032"}, {"0163", "033"},
    {"0164", "034"}, {"0165", "035"}, {"0166", "036"}, {"0167", "037"}, {"0168", "038"}, {"0169", "039"},
    {"0186", "056"}, {"0188", "058"}, {"0199", "059"},
}};
// Landline area codes since 2017: two digits for Hà Nội and Hồ Chí Minh City (8-digit
// numbers), three for the other provinces (7-digit numbers); 11 digits with the 0.
constexpr std::array<std::string_view, 2> kAreaShort{"024", "028"};
constexpr std::array<std::string_view, 61> kAreaLong{
    "0203", "0204", "0205", "0206", "0207", "0208", "0209", "0210", "0211", "0212", "0213", "0214", "0215",
    "0216", "0218", "0219", "0220", "0221", "0222", "0225", "0226", "0227", "0228", "0229", "0232", "0233",
    "0234", "0235", "0236", "0237", "0238", "0239", "0251", "0252", "0254", "0255", "0256", "0257", "0258",
    "0259", "0260", "0261", "0262", "0263", "0269", "0270", "0271", "0272", "0273", "0274", "0275", "0276",
    "0277", "0290", "0291", "0292", "0293", "0294", "0296", "0297", "0299"};

template <typename List>
bool listed(const List& list, std::string_view v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

PhoneCheck fail(std::string code) { return {std::nullopt, std::move(code)}; }
PhoneCheck ok(const std::string& national, PhoneKind kind) { return {Phone{"+84" + national.substr(1), kind}, ""}; }

struct Typed {
  std::string digits;
  bool plus = false;      // written with a leading + (or "(+")
  std::size_t first = 0;  // digits in the first group ("08" in "08 3829 1234")
  bool bad = false;
};

Typed read(std::string_view s) {
  Typed t;
  bool group_done = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      t.digits.push_back(c);
      if (!group_done) ++t.first;
    } else if (c == '+' && t.digits.empty() && !t.plus) {
      t.plus = true;
    } else if (c == ' ' || c == '.' || c == '-' || c == '(' || c == ')' || c == '\t') {
      if (!t.digits.empty()) group_done = true;
    } else {
      t.bad = true;
    }
  }
  return t;
}

// The number as dialled inside Vietnam, starting with 0; empty with `error` set when it
// is not Vietnamese.
std::string national(const Typed& t, std::string& error) {
  const auto& d = t.digits;
  std::string rest;
  if (t.plus || d.rfind("00", 0) == 0) {
    std::string_view after = t.plus ? std::string_view(d) : std::string_view(d).substr(2);
    if (after.rfind("84", 0) != 0) {
      error = "not_vietnamese";
      return "";
    }
    rest = std::string(after.substr(2));
  } else if (d.rfind("84", 0) == 0 && (d.size() == 11 || d.size() == 12)) {
    rest = d.substr(2);
  } else if (d[0] != '0' && (d.size() == 9 || (d.size() == 10 && d[0] == '2'))) {
    rest = d;  // the 0 dropped, as Excel drops it from a number
  } else {
    return d;
  }
  return rest.rfind('0', 0) == 0 ? rest : "0" + rest;  // "(+84) 0912…" keeps one 0
}

PhoneCheck classify(const std::string& n, std::size_t first_group) {
  if (n.rfind("01", 0) == 0) {
    if (n.size() != 11) return fail(n.size() == 10 ? "unknown_prefix" : "invalid_length");
    for (const auto& [old_prefix, now] : kOldMobile) {
      if (n.rfind(old_prefix, 0) == 0) return ok(std::string(now) + n.substr(4), PhoneKind::mobile);
    }
    return fail("unknown_prefix");
  }
  if (n.rfind("02", 0) == 0) {
    if (n.size() == 10) return fail("old_area_code");
    if (n.size() != 11) return fail("invalid_length");
    if (listed(kAreaShort, std::string_view(n).substr(0, 3)) || listed(kAreaLong, std::string_view(n).substr(0, 4))) {
      return ok(n, PhoneKind::landline);
    }
    return fail("unknown_prefix");
  }
  bool old_capital = n.rfind("04", 0) == 0 || (n.rfind("08", 0) == 0 && first_group == 2);
  if (old_capital && n.size() == 10) return fail("old_area_code");
  if (!listed(kMobile, std::string_view(n).substr(0, 3)))
    return fail(n.size() < 3 ? "invalid_length" : "unknown_prefix");
  if (n.size() != 10) return fail("invalid_length");
  return ok(n, PhoneKind::mobile);
}

}  // namespace

PhoneCheck normalise_phone(std::string_view typed) {
  auto t = read(typed);
  if (t.bad) return fail("invalid_characters");
  if (t.digits.empty()) return fail("invalid_length");
  if (!t.plus && t.digits.size() <= 5 && t.digits[0] == '1') return fail("short_number");
  std::string error;
  auto n = national(t, error);
  if (!error.empty()) return fail(error);
  if (n.size() < 9 || n[0] != '0') return fail("invalid_length");
  // A group typed before the number proper ("+84 …", "0084 …") is not its first group.
  std::size_t first = n.size() == t.digits.size() ? t.first : 0;
  return classify(n, first);
}

std::string national_phone(const Phone& phone) {
  std::string n = "0" + phone.e164.substr(3);
  if (phone.kind == PhoneKind::mobile) return n.substr(0, 4) + " " + n.substr(4, 3) + " " + n.substr(7);
  std::size_t area = listed(kAreaShort, std::string_view(n).substr(0, 3)) ? 3 : 4;
  return n.substr(0, area) + " " + n.substr(area, 4) + " " + n.substr(area + 4);
}

std::string masked_phone(std::string_view e164) {
  if (e164.size() < 8) return std::string(e164.size(), '*');
  return std::string(e164.substr(0, 5)) + std::string(e164.size() - 7, '*') + std::string(e164.substr(e164.size() - 2));
}

}  // namespace antq::text
