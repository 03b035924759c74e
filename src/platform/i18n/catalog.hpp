#pragma once
// The message catalogs (i18n/vi.json, i18n/en.json), shared with the SPA and, later,
// the citizen pages and documents. Vietnamese is the default language.
#include <boost/json.hpp>

#include <map>
#include <string>
#include <string_view>

namespace antq::i18n {

enum class Locale { vi, en };

std::string_view code(Locale locale);
// "vi" / "en"; nullopt-like fallback: anything else is Vietnamese.
Locale locale_from_code(std::string_view code);
// Picks from an Accept-Language header: the first supported language by weight; vi by default.
Locale from_accept_language(std::string_view header);

class Catalog {
 public:
  // Loads the embedded catalogs. Throws if one is missing or malformed.
  static const Catalog& embedded();

  // A dotted key ("problem.not-found.title"). Falls back to Vietnamese, then to the key itself.
  std::string get(Locale locale, std::string_view key) const;
  // The whole catalog of a language (for templates).
  const boost::json::object& root(Locale locale) const { return locale == Locale::en ? en_ : vi_; }
  // Every leaf key of a language, dotted (for the completeness test).
  std::map<std::string, std::string> flatten(Locale locale) const;

 private:
  boost::json::object vi_;
  boost::json::object en_;
};

}  // namespace antq::i18n
