#include "platform/text/text.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <stdexcept>

namespace antq::text {
namespace {

icu::UnicodeString from_utf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// ICU transliterators and collators are not thread-safe: one per thread.
icu::Transliterator& folder() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU folding transliterator unavailable");
    return made;
  }();
  return *t;
}

icu::Collator& collator() {
  thread_local std::unique_ptr<icu::Collator> c = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> made(icu::Collator::createInstance(icu::Locale("vi"), status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU vi collator unavailable");
    return made;
  }();
  return *c;
}

bool is_space(UChar32 c) { return u_isUWhiteSpace(c) || c == 0xFEFF; }

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  int32_t i = 0;
  const auto n = static_cast<int32_t>(bytes.size());
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::string nfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC unavailable");
  auto normal = n->normalize(from_utf8(utf8), status);
  if (U_FAILURE(status)) throw std::runtime_error("NFC normalisation failed");
  return to_utf8(normal);
}

namespace {

// Vietnamese (and any Latin) text: NFD, drop the combining marks, đ → d, ASCII lower
// case, spaces collapsed. nullopt when a character needs the full transliterator.
std::optional<std::string> fold_latin(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return std::nullopt;
  icu::UnicodeString decomposed = nfd->normalize(from_utf8(utf8), status);
  if (U_FAILURE(status)) return std::nullopt;
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    UChar32 c = decomposed.char32At(i);
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x0110 || c == 0x0111) c = 'd';
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (c >= 0x80) return std::nullopt;
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  return out;
}

}  // namespace

std::string fold_reference(std::string_view utf8) {
  if (auto fast = fold_latin(utf8)) return *fast;
  icu::UnicodeString s = from_utf8(utf8);
  // Latin-ASCII maps đ/Đ to d/D already; keep the explicit rule for clarity.
  s.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x0110)), icu::UnicodeString("D"));
  s.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x0111)), icu::UnicodeString("d"));
  folder().transliterate(s);
  std::string ascii = to_utf8(s);
  std::string out;
  out.reserve(ascii.size());
  bool pending_space = false;
  for (char ch : ascii) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(ch);
  }
  return out;
}

namespace {

// What one code point folds to, for the code points of Latin and Vietnamese text (below
// U+2100): a lower case ASCII character, nothing (combining marks), a space, or
// kOtherChar when the whole text needs the reference path. Made once from the reference
// rules (NFD, marks dropped, đ → d), so that both paths give the same keys.
constexpr UChar32 kTableEnd = 0x2100;
constexpr char kDropChar = 0;
constexpr char kSpaceChar = 1;
constexpr char kOtherChar = 2;

char fold_code_point(UChar32 c) {
  if (c >= 0xD800 && c <= 0xDFFF) return kOtherChar;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return kOtherChar;
  icu::UnicodeString decomposed = nfd->normalize(icu::UnicodeString(c), status);
  if (U_FAILURE(status)) return kOtherChar;
  char out = kDropChar;
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    UChar32 d = decomposed.char32At(i);
    if (u_getCombiningClass(d) != 0 || u_charType(d) == U_NON_SPACING_MARK) continue;
    if (d == 0x0110 || d == 0x0111) d = 'd';
    if (is_space(d)) return kSpaceChar;
    if (d >= 0x80 || out != kDropChar || d <= kOtherChar) return kOtherChar;
    out = static_cast<char>(d >= 'A' && d <= 'Z' ? d - 'A' + 'a' : d);
  }
  return out;
}

const std::array<char, kTableEnd>& fold_table() {
  static const std::array<char, kTableEnd> table = [] {
    std::array<char, kTableEnd> t{};
    for (UChar32 c = 0; c < kTableEnd; ++c) t[static_cast<std::size_t>(c)] = fold_code_point(c);
    return t;
  }();
  return table;
}

// The table's way: one pass over the bytes; nullopt when a code point is not in it.
std::optional<std::string> fold_by_table(std::string_view utf8) {
  const auto& table = fold_table();
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto n = static_cast<int32_t>(utf8.size());
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0 || c >= kTableEnd) return std::nullopt;
    char folded = table[static_cast<std::size_t>(c)];
    if (folded == kOtherChar) return std::nullopt;
    if (folded == kDropChar) continue;
    if (folded == kSpaceChar) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(folded);
  }
  return out;
}

}  // namespace

std::string fold(std::string_view utf8) {
  if (auto fast = fold_by_table(utf8)) return *fast;
  return fold_reference(utf8);
}

std::string from_windows_1258(std::string_view bytes) {
  icu::UnicodeString decoded(bytes.data(), static_cast<int32_t>(bytes.size()), "windows-1258");
  if (decoded.isBogus()) throw std::runtime_error("ICU has no windows-1258 converter");
  return nfc(to_utf8(decoded));
}

std::vector<std::string> search_terms(std::string_view utf8) {
  std::vector<std::string> terms;
  std::string folded = fold(utf8);  // spaces collapsed to one
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    std::string term = folded.substr(start, end - start);
    if (!term.empty() && std::find(terms.begin(), terms.end(), term) == terms.end()) terms.push_back(std::move(term));
    start = end + 1;
  }
  return terms;
}

bool contains_all(std::string_view folded, const std::vector<std::string>& terms) {
  return std::all_of(terms.begin(), terms.end(),
                     [&](const std::string& term) { return folded.find(term) != std::string_view::npos; });
}

std::string clean(std::string_view utf8) {
  icu::UnicodeString s = from_utf8(utf8);
  int32_t start = 0;
  int32_t end = s.length();
  while (start < end && is_space(s.char32At(start))) start = s.moveIndex32(start, 1);
  while (end > start) {
    int32_t prev = s.moveIndex32(end, -1);
    if (!is_space(s.char32At(prev))) break;
    end = prev;
  }
  return nfc(to_utf8(s.tempSubStringBetween(start, end)));
}

std::size_t length(std::string_view utf8) {
  std::size_t count = 0;
  for (unsigned char c : utf8) count += (c & 0xC0) != 0x80;
  return count;
}

namespace {

// The digit of a Vietnamese tone mark (NFD), or 0 when `c` is not one.
char tone_digit(UChar32 c) {
  switch (c) {
    case 0x0301:
      return '1';  // sắc
    case 0x0300:
      return '2';  // huyền
    case 0x0309:
      return '3';  // hỏi
    case 0x0303:
      return '4';  // ngã
    case 0x0323:
      return '5';  // nặng
    default:
      return 0;
  }
}

}  // namespace

std::string name_key(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString s = from_utf8(utf8);
  s.toLower(icu::Locale("vi"));
  icu::UnicodeString decomposed = nfd->normalize(s, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFD failed");
  icu::UnicodeString out;
  char tone = 0;
  auto end_syllable = [&] {
    if (tone) out.append(static_cast<UChar32>(tone));
    tone = 0;
  };
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    UChar32 c = decomposed.char32At(i);
    if (char digit = tone_digit(c)) {
      tone = digit;
      continue;
    }
    if (c == 0x2019) c = '\'';
    bool letter = u_isalnum(c) || u_getCombiningClass(c) != 0;
    if (!letter) end_syllable();
    if (is_space(c)) {
      pending_space = !out.isEmpty();
      continue;
    }
    if (pending_space) out.append(static_cast<UChar32>(' '));
    pending_space = false;
    out.append(c);
  }
  end_syllable();
  return nfc(to_utf8(out));
}

std::string ascii_slug(std::string_view utf8) {
  std::string folded = fold(utf8);
  std::string out;
  bool dash = false;
  for (char c : folded) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!keep) {
      dash = !out.empty();
      continue;
    }
    if (dash) out.push_back('-');
    dash = false;
    out.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c));
  }
  return out;
}

std::string upper(std::string_view utf8) {
  icu::UnicodeString s = from_utf8(utf8);
  s.toUpper(icu::Locale("vi"));
  return nfc(to_utf8(s));
}

std::string collation_key(std::string_view utf8) {
  icu::UnicodeString s = from_utf8(utf8);
  auto& c = collator();
  int32_t size = c.getSortKey(s, nullptr, 0);
  std::string key(static_cast<std::size_t>(size), '\0');
  c.getSortKey(s, reinterpret_cast<uint8_t*>(key.data()), size);
  if (!key.empty() && key.back() == '\0') key.pop_back();
  return key;
}

void sort_vietnamese(std::vector<std::string>& values) {
  std::vector<std::pair<std::string, std::string>> keyed;
  keyed.reserve(values.size());
  for (auto& v : values) keyed.emplace_back(collation_key(v), std::move(v));
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = std::move(keyed[i].second);
}

}  // namespace antq::text
