#include "platform/importkit/importkit.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "platform/text/text.hpp"
#include "platform/time/time.hpp"

namespace antq::importkit {
namespace {

// True when the bytes hold a well-formed UTF-8 sequence of two or more bytes: a file with
// one is UTF-8 that got damaged, not Windows-1258 (whose Vietnamese letters and tone
// marks are single bytes that almost never form one).
bool has_utf8_multibyte(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    auto lead = static_cast<unsigned char>(bytes[i]);
    std::size_t n = lead >= 0xC2 && lead <= 0xDF   ? 2
                    : lead >= 0xE0 && lead <= 0xEF ? 3
                    : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                   : 0;
    if (n == 0 || i + n > bytes.size()) continue;
    if (text::is_valid_utf8(bytes.substr(i, n))) return true;
  }
  return false;
}

bool blank(const csv::Record& r) {
  return std::all_of(r.fields.begin(), r.fields.end(), [](const std::string& f) { return text::clean(f).empty(); });
}

}  // namespace

Sheet read_csv(std::string_view bytes) {
  Sheet sheet;
  std::string utf8;
  if (text::is_valid_utf8(bytes) || bytes.substr(0, 3) == "\xEF\xBB\xBF" || has_utf8_multibyte(bytes)) {
    sheet.encoding = "UTF-8";  // damaged UTF-8 is refused below, naming its line
    utf8 = std::string(bytes);
  } else {
    sheet.encoding = "windows-1258";  // what Excel saves as "CSV" on a Vietnamese Windows
    utf8 = text::from_windows_1258(bytes);
  }
  sheet.separator = csv::detect_separator(utf8);
  std::vector<csv::Record> records;
  try {
    records = csv::parse(utf8, sheet.separator);
  } catch (const std::invalid_argument& e) {
    throw Error::csv({FieldError{"file", "invalid_format", 1, e.what()}});
  }
  auto first = std::find_if(records.begin(), records.end(), [](const csv::Record& r) { return !blank(r); });
  if (first == records.end()) throw Error::csv({FieldError{"file", "required", 1, {}}});
  sheet.header = std::move(*first);
  for (auto it = first + 1; it != records.end(); ++it) {
    if (!blank(*it)) sheet.rows.push_back(std::move(*it));
  }
  return sheet;
}

namespace {

// The spec a header cell names (its key or any of its headers, folded), or none.
const ColumnSpec* spec_named(const std::vector<ColumnSpec>& specs, const std::string& name) {
  std::string folded = text::fold(name);
  auto spec = std::find_if(specs.begin(), specs.end(), [&](const ColumnSpec& s) {
    return s.key == folded || std::any_of(s.headers.begin(), s.headers.end(),
                                          [&](const std::string& h) { return text::fold(h) == folded; });
  });
  return spec == specs.end() ? nullptr : &*spec;
}

std::size_t known_columns(const std::vector<ColumnSpec>& specs, const csv::Record& row) {
  return static_cast<std::size_t>(std::count_if(row.fields.begin(), row.fields.end(), [&](const std::string& f) {
    return !text::clean(f).empty() && spec_named(specs, f) != nullptr;
  }));
}

}  // namespace

void find_header(Sheet& sheet, const std::vector<ColumnSpec>& specs) {
  std::size_t best = known_columns(specs, sheet.header);
  std::optional<std::size_t> at;  // index in rows of a better header
  for (std::size_t i = 0; i + 1 < kTitleRows && i < sheet.rows.size(); ++i) {
    auto known = known_columns(specs, sheet.rows[i]);
    if (known > best) {
      best = known;
      at = i;
    }
  }
  if (!at) return;
  sheet.header = std::move(sheet.rows[*at]);
  sheet.rows.erase(sheet.rows.begin(), sheet.rows.begin() + static_cast<std::ptrdiff_t>(*at) + 1);
  if (sheet.encoding != "xlsx") return;  // a CSV row of another width is a broken row
  for (auto& row : sheet.rows) {
    if (row.fields.size() < sheet.header.fields.size()) row.fields.resize(sheet.header.fields.size());
  }
}

Columns::Columns(const std::vector<ColumnSpec>& specs, const Sheet& sheet, std::vector<FieldError>& errors) {
  const auto line = sheet.header.line;
  width_ = sheet.header.fields.size();
  for (std::size_t i = 0; i < sheet.header.fields.size(); ++i) {
    const std::string& name = sheet.header.fields[i];
    const auto* spec = spec_named(specs, name);
    if (spec == nullptr) {
      errors.push_back(line_error(line, name, "unknown_column"));
    } else if (has(spec->key)) {
      errors.push_back(line_error(line, name, "duplicate"));
    } else {
      positions_.emplace_back(spec->key, i);
    }
  }
  for (const auto& spec : specs) {
    if (spec.required && !has(spec.key)) errors.push_back(line_error(line, spec.key, "missing_column"));
  }
}

bool Columns::has(std::string_view key) const {
  return std::any_of(positions_.begin(), positions_.end(), [&](const auto& p) { return p.first == key; });
}

std::string Columns::cell(const csv::Record& row, std::string_view key) const {
  auto it = std::find_if(positions_.begin(), positions_.end(), [&](const auto& p) { return p.first == key; });
  if (it == positions_.end() || it->second >= row.fields.size()) return {};
  return csv::unescape_formula(text::clean(row.fields[it->second]));
}

std::optional<std::string> parse_date(std::string_view text) {
  std::string t = text::clean(text);
  if (auto iso = time::parse_date(t)) return iso;
  int day = 0;
  int month = 0;
  int year = 0;
  char sep1 = 0;
  char sep2 = 0;
  int consumed = 0;
  if (!std::all_of(t.begin(), t.end(),
                   [](char c) { return (c >= '0' && c <= '9') || c == '/' || c == '.' || c == '-'; })) {
    return std::nullopt;  // digits and separators only: no signs, no inner spaces
  }
  if (std::sscanf(t.c_str(), "%2d%c%2d%c%4d%n", &day, &sep1, &month, &sep2, &year, &consumed) != 5) return std::nullopt;
  if (consumed != static_cast<int>(t.size()) || sep1 != sep2 || (sep1 != '/' && sep1 != '.' && sep1 != '-')) {
    return std::nullopt;
  }
  if (t.size() - t.rfind(sep1) != 5) return std::nullopt;  // a four-digit year
  char iso[11];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
  return time::parse_date(iso);
}

std::optional<bool> parse_flag(std::string_view text) {
  std::string f = text::fold(text);
  for (const char* no : {"", "0", "khong", "k", "no", "false", "sai"}) {
    if (f == no) return false;
  }
  for (const char* yes : {"1", "co", "x", "yes", "true", "dung"}) {
    if (f == yes) return true;
  }
  return std::nullopt;
}

FieldError line_error(std::size_t line, std::string field, std::string code, std::string hint) {
  return FieldError{std::move(field), std::move(code), static_cast<std::int64_t>(line), std::move(hint)};
}

}  // namespace antq::importkit
