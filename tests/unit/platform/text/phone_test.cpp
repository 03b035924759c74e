// Vietnamese telephone numbers as typed, made E.164 with their kind, or refused with the
// reason: the table of the issue-11 plan (D11).
#include "platform/text/phone.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace antq::text {
namespace {

struct Good {
  std::string typed;
  std::string e164;
  PhoneKind kind;
};

TEST(Phone, TypedNumbersBecomeOneE164FormWithTheirKind) {
  const std::vector<Good> table = {
      {"0912 345 678", "+84912345678", PhoneKind::mobile},
      {"0912.345.678", "+84912345678", PhoneKind::mobile},
      {"+84 912 345 678", "+84912345678", PhoneKind::mobile},
      {"84912345678", "+84912345678", PhoneKind::mobile},
      {"0084912345678", "+84912345678", PhoneKind::mobile},
      {"(+84) 0912345678", "+84912345678", PhoneKind::mobile},
      {"912345678", "+84912345678", PhoneKind::mobile},  // Excel dropped the 0
      {"0321 234 567", "+84321234567", PhoneKind::mobile},
      {"0523 456 789", "+84523456789", PhoneKind::mobile},
      {"0703 456 789", "+84703456789", PhoneKind::mobile},
      {"0838 291 234", "+84838291234", PhoneKind::mobile},  // 083 is a mobile prefix
      {"0993 456 789", "+84993456789", PhoneKind::mobile},
      {"01689 123 456", "+84389123456", PhoneKind::mobile},  // 0168 became 038
      {"0120 345 6789", "+84703456789", PhoneKind::mobile},
      {"0199 345 6789", "+84593456789", PhoneKind::mobile},
      {"(0207) 3822 123", "+842073822123", PhoneKind::landline},  // Tuyên Quang
      {"024 3826 1234", "+842438261234", PhoneKind::landline},
      {"028 3829 1234", "+842838291234", PhoneKind::landline},
      {"2073822123", "+842073822123", PhoneKind::landline},  // Excel dropped the 0
      {"842073822123", "+842073822123", PhoneKind::landline},
  };
  for (const auto& c : table) {
    auto got = normalise_phone(c.typed);
    ASSERT_TRUE(got.phone) << c.typed << ": " << got.error;
    EXPECT_EQ(got.phone->e164, c.e164) << c.typed;
    EXPECT_EQ(got.phone->kind, c.kind) << c.typed;
    EXPECT_TRUE(got.error.empty()) << c.typed;
  }
}

struct Bad {
  std::string typed;
  std::string error;
};

TEST(Phone, OtherNumbersAreRefusedWithTheirReason) {
  const std::vector<Bad> table = {
      {"0912 345 67", "invalid_length"},
      {"091234567890", "invalid_length"},
      {"0207 3822 1234", "invalid_length"},
      {"", "invalid_length"},
      {"+84", "invalid_length"},
      {"0112 345 678", "unknown_prefix"},
      {"0952 345 678", "unknown_prefix"},
      {"0161 234 5678", "unknown_prefix"},
      {"0200 3822 123", "unknown_prefix"},
      {"113", "short_number"},
      {"114", "short_number"},
      {"115", "short_number"},
      {"0912-345-678 máy lẻ 5", "invalid_characters"},
      {"09l2345678", "invalid_characters"},
      {"0912+345678", "invalid_characters"},
      {"04 3826 1234", "old_area_code"},
      {"08 3829 1234", "old_area_code"},
      {"(08) 3829 1234", "old_area_code"},
      {"(027) 3822 123", "old_area_code"},
      {"+1 202 555 0100", "not_vietnamese"},
      {"001 202 555 0100", "not_vietnamese"},
  };
  for (const auto& c : table) {
    auto got = normalise_phone(c.typed);
    EXPECT_FALSE(got.phone) << c.typed << " gave " << got.phone->e164;
    EXPECT_EQ(got.error, c.error) << c.typed;
  }
}

TEST(Phone, TheNationalFormGroupsTheDigitsAsPeopleReadThem) {
  EXPECT_EQ(national_phone(normalise_phone("+84912345678").phone.value()), "0912 345 678");
  EXPECT_EQ(national_phone(normalise_phone("02073822123").phone.value()), "0207 3822 123");
  EXPECT_EQ(national_phone(normalise_phone("02438261234").phone.value()), "024 3826 1234");
}

TEST(Phone, AMaskedNumberKeepsTheCountryCodeTwoDigitsAndTheLastTwo) {
  EXPECT_EQ(masked_phone("+84912345678"), "+8491*****78");
  EXPECT_EQ(masked_phone("+842073822123"), "+8420******23");
  EXPECT_EQ(masked_phone("+8491"), "*****");
}

}  // namespace
}  // namespace antq::text
