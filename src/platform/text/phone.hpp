#pragma once
// Vietnamese telephone numbers as people type them ("0912 345 678", "+84 912 345 678",
// "(0207) 3822 123", the old 11-digit mobiles "01689 123 456"), made one canonical
// E.164 form, with the kind: mobile (SMS goes to these only) or landline. Pure and
// thread-safe. The prefixes are the numbering plan since the 2017–2018 changes.
#include <optional>
#include <string>
#include <string_view>

namespace antq::text {

enum class PhoneKind { mobile, landline };

struct Phone {
  std::string e164;  // "+84912345678"
  PhoneKind kind = PhoneKind::mobile;
};

// The number, or why not, as a field error code:
// - invalid_characters: a letter or a sign other than spaces, . - ( ) and a leading +
// - invalid_length: too many or too few digits for its kind
// - unknown_prefix: no Vietnamese mobile prefix or area code
// - short_number: a service number (113, 114, 115, …)
// - old_area_code: a landline in the pre-2017 area codes (04 …, 08 …, (027) …)
// - not_vietnamese: a country code other than 84
struct PhoneCheck {
  std::optional<Phone> phone;
  std::string error;
};
PhoneCheck normalise_phone(std::string_view typed);

// The national form for people: "0912 345 678", "0207 3822 123", "024 3826 1234".
std::string national_phone(const Phone& phone);

// A number as logs may show it: the country code and two more digits, stars, and the last
// two digits ("+8491*****78"); anything shorter than 8 characters is all stars.
std::string masked_phone(std::string_view e164);

}  // namespace antq::text
