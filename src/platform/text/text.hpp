#pragma once
// Vietnamese text: NFC storage, folded search keys, Vietnamese collation.
// All functions are thread-safe.
#include <string>
#include <string_view>
#include <vector>

namespace antq::text {

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view bytes);

// Unicode NFC. REQUIRES: valid UTF-8.
std::string nfc(std::string_view utf8);

// The search key: lower case ASCII without diacritics, đ -> d, spaces collapsed.
// "Đại tá Phạm Hoàng Điệp" -> "dai ta pham hoang diep". REQUIRES: valid UTF-8.
std::string fold(std::string_view utf8);
// The same by ICU normalisation alone (fold() takes a table made from it for Latin
// text); for tests that compare both.
std::string fold_reference(std::string_view utf8);

// The words of a search, folded and without repeats, in the order typed:
// "Đặng  khuôn ĐẶNG" -> {"dang", "khuon"}. REQUIRES: valid UTF-8.
std::vector<std::string> search_terms(std::string_view utf8);
// True when every term occurs in the folded text, in any order ("dang khuon dien" in
// "ong dang ... thon khuon dien"); true for no terms.
bool contains_all(std::string_view folded, const std::vector<std::string>& terms);

// The identity of a Vietnamese place name, blind only to where a tone mark sits: NFC,
// lower case, spaces collapsed, the right single quote as an apostrophe, and each
// syllable's tone mark moved to a digit after it (1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng).
// "Hòa" and "Hoà" give "hoa2"; "Văn Tự" ("văn tư5") and "Vân Từ" ("vân tư2") stay apart,
// as full folding would not keep them. REQUIRES: valid UTF-8.
std::string name_key(std::string_view utf8);

// Upper-case ASCII for codes: folded (no diacritics, đ -> D), every run of other
// characters a single '-', none at the ends: "Kim Quan" -> "KIM-QUAN",
// "Mỹ Đình 1" -> "MY-DINH-1". REQUIRES: valid UTF-8.
std::string ascii_slug(std::string_view utf8);

// Capitals by Vietnamese rules ("Tân Trào" -> "TÂN TRÀO"), NFC.
std::string upper(std::string_view utf8);

// Text saved as Windows-1258 (Vietnamese Windows, what an old Excel writes) as UTF-8
// NFC; its separate tone marks are composed ("a" + U+0301 -> "á").
std::string from_windows_1258(std::string_view bytes);

// Trims ASCII and Unicode spaces at both ends and applies NFC.
std::string clean(std::string_view utf8);

// Number of Unicode code points. REQUIRES: valid UTF-8.
std::size_t length(std::string_view utf8);

// ICU "vi" collation: a sort key whose byte order is the Vietnamese order
// (a < ă < â < b … d < đ …).
std::string collation_key(std::string_view utf8);

// Sorts strings in Vietnamese order.
void sort_vietnamese(std::vector<std::string>& values);

}  // namespace antq::text
