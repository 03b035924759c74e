// The message catalogs: completeness across languages and language negotiation.
#include "platform/i18n/catalog.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "http/problem.hpp"
#include "platform/error.hpp"

namespace antq::i18n {
namespace {

const std::vector<Error::Kind> kAllKinds = {
    Error::Kind::validation,
    Error::Kind::malformed_json,
    Error::Kind::invalid_utf8,
    Error::Kind::payload_too_large,
    Error::Kind::not_found,
    Error::Kind::method_not_allowed,
    Error::Kind::unauthenticated,
    Error::Kind::invalid_credentials,
    Error::Kind::totp_required,
    Error::Kind::invalid_totp,
    Error::Kind::forbidden,
    Error::Kind::csrf_failed,
    Error::Kind::too_many_attempts,
    Error::Kind::overloaded,
    Error::Kind::conflict,
    Error::Kind::unsupported_media_type,
    Error::Kind::bad_path,
    Error::Kind::csv_invalid,
    Error::Kind::service_unavailable,
    Error::Kind::internal,
};

// Keys of `from` that `to` lacks, one per line.
std::string missing(const std::map<std::string, std::string>& from, const std::map<std::string, std::string>& to) {
  std::string out;
  for (const auto& [key, value] : from) {
    if (!to.count(key)) out += "  " + key + "\n";
  }
  return out;
}

TEST(Catalog, EveryVietnameseKeyHasAnEnglishText) {
  const auto& c = Catalog::embedded();
  auto gaps = missing(c.flatten(Locale::vi), c.flatten(Locale::en));
  EXPECT_TRUE(gaps.empty()) << "missing in en.json:\n" << gaps;
}

TEST(Catalog, EveryEnglishKeyHasAVietnameseText) {
  const auto& c = Catalog::embedded();
  auto gaps = missing(c.flatten(Locale::en), c.flatten(Locale::vi));
  EXPECT_TRUE(gaps.empty()) << "missing in vi.json:\n" << gaps;
}

TEST(Catalog, NoTextIsEmpty) {
  const auto& c = Catalog::embedded();
  for (Locale l : {Locale::vi, Locale::en}) {
    for (const auto& [key, value] : c.flatten(l)) EXPECT_FALSE(value.empty()) << code(l) << ": " << key;
  }
}

TEST(Catalog, EveryProblemHasATitleAndDetailInBothLanguages) {
  const auto& c = Catalog::embedded();
  auto vi = c.flatten(Locale::vi);
  auto en = c.flatten(Locale::en);
  for (auto kind : kAllKinds) {
    const std::string slug = http::slug_of(kind);
    for (const char* part : {".title", ".detail"}) {
      const std::string key = "problem." + slug + part;
      EXPECT_TRUE(vi.count(key)) << "vi lacks " << key;
      EXPECT_TRUE(en.count(key)) << "en lacks " << key;
    }
  }
}

TEST(Catalog, EveryErrorKindHasItsOwnSlug) {
  std::set<std::string> slugs;
  for (auto kind : kAllKinds) slugs.insert(http::slug_of(kind));
  EXPECT_EQ(slugs.size(), kAllKinds.size());
}

TEST(Catalog, GetReturnsTheTextOfTheLanguage) {
  const auto& c = Catalog::embedded();
  EXPECT_EQ(c.get(Locale::vi, "problem.validation-failed.title"), "Dữ liệu không hợp lệ");
  EXPECT_EQ(c.get(Locale::en, "problem.validation-failed.title"), "Invalid data");
}

TEST(Catalog, GetFallsBackToTheKeyItself) {
  EXPECT_EQ(Catalog::embedded().get(Locale::en, "no.such.key"), "no.such.key");
  EXPECT_EQ(Catalog::embedded().get(Locale::vi, "problem"), "problem") << "a section is not a text";
}

TEST(FromAcceptLanguage, PicksTheBestSupportedLanguage) {
  struct Row {
    const char* header;
    Locale expected;
  };
  const std::vector<Row> table = {
      {"en-US,en;q=0.9", Locale::en},
      {"vi", Locale::vi},
      {"vi-VN,vi;q=0.9,en;q=0.8", Locale::vi},
      {"EN-GB", Locale::en},
      {"fr", Locale::vi},
      {"fr, en;q=0.5", Locale::en},
      {"", Locale::vi},
      {"*", Locale::vi},
      {"en;q=0.2, vi;q=0.8", Locale::vi},
      {"vi;q=0.3, en;q=0.7", Locale::en},
      {"en;q=garbage, vi;q=0.1", Locale::vi},
  };
  for (const auto& r : table) EXPECT_EQ(from_accept_language(r.header), r.expected) << "[" << r.header << "]";
}

// RFC 9110 §12.5.4: q=0 means "not acceptable" (reported to the lead: this fails).
TEST(FromAcceptLanguage, NeverPicksALanguageWithQualityZero) {
  EXPECT_EQ(from_accept_language("en;q=0"), Locale::vi);
  EXPECT_EQ(from_accept_language("fr, en;q=0"), Locale::vi);
}

TEST(LocaleCode, RoundTrips) {
  EXPECT_EQ(code(Locale::vi), "vi");
  EXPECT_EQ(code(Locale::en), "en");
  EXPECT_EQ(locale_from_code("en"), Locale::en);
  EXPECT_EQ(locale_from_code("vi"), Locale::vi);
  EXPECT_EQ(locale_from_code("de"), Locale::vi);
}

}  // namespace
}  // namespace antq::i18n
