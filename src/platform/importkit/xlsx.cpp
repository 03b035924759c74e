#include "platform/importkit/xlsx.hpp"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "platform/text/text.hpp"

namespace antq::importkit {
namespace {

// Limits far above a commune's camera or household list, far below what hurts the server.
constexpr std::size_t kMaxInputBytes = 20 << 20;
constexpr zip_int64_t kMaxEntries = 10'000;
constexpr std::uint64_t kMaxPartBytes = 200ull << 20;  // inflated, counted as it inflates
constexpr std::uint64_t kMaxRatio = 200;
constexpr std::uint64_t kRatioGrace = 1 << 20;                // small parts such as styles.xml compress better
constexpr std::uint64_t kMaxSharedStringBytes = 64ull << 20;  // kept in memory, overhead counted
constexpr std::size_t kMaxRows = 200'000;
constexpr std::size_t kMaxColumns = 200;
constexpr std::size_t kMaxCells = 4'000'000;   // kept, padding included: sparse rows are cheap to write
constexpr std::size_t kMaxCellChars = 32'767;  // Excel's own limits
// The cells kept, in bytes with each cell's overhead: one long shared string referenced by
// millions of cells would otherwise pass every other cap.
constexpr std::size_t kMaxKeptBytes = 256ull << 20;
constexpr std::size_t kExcelRows = 1'048'576;
constexpr std::size_t kExcelColumns = 16'384;
constexpr std::size_t kChunk = 64 << 10;

[[noreturn]] void fail(std::string code, std::string hint = {}, std::optional<std::int64_t> line = std::nullopt) {
  throw Error::csv({FieldError{"file", std::move(code), line, std::move(hint)}});
}

// ---- The zip container ----

struct ArchiveDiscard {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct FileClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

// An archive over caller-owned bytes, which must outlive it.
class Archive {
 public:
  explicit Archive(std::string_view bytes) {
    if (bytes.size() > kMaxInputBytes) fail("xlsx_too_large", "20 MB");
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source != nullptr) archive_.reset(zip_open_from_source(source, ZIP_RDONLY, &error));
    zip_error_fini(&error);
    if (!archive_) {
      if (source != nullptr) zip_source_free(source);  // the archive did not take it
      fail("xlsx_invalid", "zip");
    }
    if (zip_get_num_entries(archive_.get(), 0) > kMaxEntries) fail("xlsx_too_large", "10000 entries");
  }

  // Passes the part `name` to `sink` in inflated chunks; false when there is no such part.
  // Sizes are counted here, not taken from the zip directory, which may lie.
  bool stream(const std::string& name, const std::function<void(std::string_view)>& sink) {
    zip_int64_t index = zip_name_locate(archive_.get(), name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return false;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive_.get(), index, 0, &st) < 0) fail("xlsx_invalid", name);
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) fail("xlsx_encrypted", name);
    std::unique_ptr<zip_file_t, FileClose> file(zip_fopen_index(archive_.get(), index, 0));
    if (!file) fail("xlsx_invalid", name);
    const std::uint64_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    std::vector<char> chunk(kChunk);
    std::uint64_t total = 0;
    zip_int64_t n = 0;
    while ((n = zip_fread(file.get(), chunk.data(), chunk.size())) > 0) {
      total += static_cast<std::uint64_t>(n);
      if (total > kMaxPartBytes || (total > kRatioGrace && total > compressed * kMaxRatio)) {
        fail("xlsx_too_large", name);
      }
      sink({chunk.data(), static_cast<std::size_t>(n)});
    }
    if (n < 0) fail("xlsx_invalid", name);  // broken data or a wrong CRC
    return true;
  }

 private:
  std::unique_ptr<zip_t, ArchiveDiscard> archive_;
};

// ---- Streaming XML ----

// Receives one part's elements by local name (any namespace prefix dropped).
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const char** attributes) = 0;
  virtual void end(std::string_view /*name*/) {}
  virtual void text(std::string_view /*text*/) {}
};

std::string_view local_name(const char* name) {
  std::string_view n(name);
  auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

// The attribute `name` (local name), or "" when absent.
std::string_view attribute(const char** attributes, std::string_view name) {
  for (; *attributes != nullptr; attributes += 2) {
    if (local_name(attributes[0]) == name) return attributes[1];
  }
  return {};
}

struct ParserFree {
  void operator()(XML_Parser parser) const { XML_ParserFree(parser); }
};

// Exceptions must not cross expat's C frames: a callback keeps the first one and stops.
struct ParseSession {
  XML_Parser parser;
  XmlHandler* handler;
  std::exception_ptr error;
};

template <typename F>
void guarded(void* data, F&& f) {
  auto* session = static_cast<ParseSession*>(data);
  if (session->error) return;
  try {
    f(*session->handler);
  } catch (...) {
    session->error = std::current_exception();
    XML_StopParser(session->parser, XML_FALSE);
  }
}

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
  guarded(data, [&](XmlHandler& h) { h.start(local_name(name), attributes); });
}
void XMLCALL on_end(void* data, const XML_Char* name) {
  guarded(data, [&](XmlHandler& h) { h.end(local_name(name)); });
}
void XMLCALL on_text(void* data, const XML_Char* text, int length) {
  guarded(data, [&](XmlHandler& h) { h.text({text, static_cast<std::size_t>(length)}); });
}
// Office parts never have a DTD; refusing one rules out entity expansion altogether.
void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  guarded(data, [](XmlHandler&) { fail("xlsx_invalid", "DOCTYPE"); });
}

// Streams the part `name` through `handler`; false when there is no such part.
bool parse_part(Archive& archive, const std::string& name, XmlHandler& handler) {
  std::unique_ptr<XML_ParserStruct, ParserFree> parser(XML_ParserCreate(nullptr));
  if (!parser) throw std::bad_alloc();
  ParseSession session{parser.get(), &handler, nullptr};
  XML_SetUserData(parser.get(), &session);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);
  auto feed = [&](std::string_view chunk, bool last) {
    if (XML_Parse(parser.get(), chunk.data(), static_cast<int>(chunk.size()), last) != XML_STATUS_ERROR) return;
    if (session.error) std::rethrow_exception(session.error);
    fail("xlsx_invalid", name);
  };
  if (!archive.stream(name, [&](std::string_view chunk) { feed(chunk, false); })) return false;
  feed({}, true);
  return true;
}

// ---- Text of cells ----

// OOXML escapes characters XML cannot carry as _xHHHH_ ("_x000D_" for CR).
std::string unescape_ooxml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned code = 0;
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_' &&
        std::from_chars(s.data() + i + 2, s.data() + i + 6, code, 16).ptr == s.data() + i + 6 &&
        (code < 0xD800 || code > 0xDFFF)) {
      if (code < 0x80) {
        out += static_cast<char>(code);
      } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
      } else {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
      }
      i += 6;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Collects the text of a cell or shared string, bounded while it grows.
class CellText {
 public:
  void append(std::string_view s) {
    text_.append(s);
    if (text_.size() > 4 * kMaxCellChars + 64) fail("xlsx_cell_too_long", std::to_string(kMaxCellChars));
  }
  void clear() { text_.clear(); }
  const std::string& raw() const { return text_; }
  // The finished text: escapes undone, NFC, within Excel's limit.
  std::string finish() const {
    std::string s = text::nfc(unescape_ooxml(text_));
    if (text::length(s) > kMaxCellChars) fail("xlsx_cell_too_long", std::to_string(kMaxCellChars));
    return s;
  }

 private:
  std::string text_;
};

// Numbers as Excel shows them in General: 15 significant digits, no exponent, no "-0".
std::string format_number(double x) {
  char digits[32];
  auto general = std::to_chars(digits, digits + sizeof digits, x, std::chars_format::general, 15);
  double rounded = 0;
  std::from_chars(digits, general.ptr, rounded);
  if (rounded == 0) rounded = 0;
  char fixed[400];  // enough for DBL_MAX in fixed notation
  auto end = std::to_chars(fixed, fixed + sizeof fixed, rounded, std::chars_format::fixed);
  return std::string(fixed, end.ptr);
}

// An Excel date serial as 'YYYY-MM-DD' (plus ' HH:MM' with a time of day); nullopt for
// the 29/02/1900 that Excel counts (Lotus's leap-year bug) and for what is out of range.
std::optional<std::string> excel_date(double serial, bool date1904) {
  using namespace std::chrono;
  if (!std::isfinite(serial) || serial < 0 || serial > 3'000'000) return std::nullopt;
  const long long minutes = std::llround(serial * 1440);
  const long long whole_days = minutes / 1440;
  sys_days base = date1904 ? sys_days{1904y / 1 / 1} : sys_days{1899y / 12 / 30};
  if (!date1904 && whole_days == 60) return std::nullopt;
  if (!date1904 && whole_days < 60) base += days{1};  // before the fake leap day, serial 1 is 1900-01-01
  year_month_day ymd{base + days{whole_days}};
  if (ymd.year() > year{9999}) return std::nullopt;
  char out[32];
  int n = std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                        static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  if (const long long minute = minutes % 1440; minute != 0) {
    n += std::snprintf(out + n, sizeof out - static_cast<std::size_t>(n), " %02lld:%02lld", minute / 60, minute % 60);
  }
  return std::string(out, static_cast<std::size_t>(n));
}

template <typename T>
std::optional<T> parse_number(std::string_view s) {
  T value{};
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc{} || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return value;
}

// "AB12" -> 27 (0-based column); nullopt when it does not start with column letters.
std::optional<std::size_t> column_of(std::string_view ref) {
  std::size_t column = 0;
  std::size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && column <= kExcelColumns; ++i) {
    column = column * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
  }
  if (i == 0 || column > kExcelColumns) return std::nullopt;
  return column - 1;
}

// ---- Workbook, relationships, styles, shared strings ----

class WorkbookHandler : public XmlHandler {
 public:
  bool date1904 = false;
  std::string sheet_id;  // r:id of the first <sheet>
  void start(std::string_view name, const char** attributes) override {
    if (name == "workbookPr") {
      auto v = attribute(attributes, "date1904");
      date1904 = v == "1" || v == "true";
    } else if (name == "sheet" && sheet_id.empty()) {
      sheet_id = attribute(attributes, "id");
    }
  }
};

// Where the parts of the workbook are, from its relationships.
struct Parts {
  std::string sheet;
  std::string styles = "xl/styles.xml";
  std::string shared_strings = "xl/sharedStrings.xml";
  bool date1904 = false;
};

// A relationship's target, relative to xl/ unless absolute.
std::string part_path(std::string_view target) {
  if (target.starts_with('/')) return std::string(target.substr(1));
  return "xl/" + std::string(target);
}

class RelationshipsHandler : public XmlHandler {
 public:
  explicit RelationshipsHandler(std::string sheet_id) : sheet_id_(std::move(sheet_id)) {}
  Parts parts;
  void start(std::string_view name, const char** attributes) override {
    if (name != "Relationship") return;
    auto type = attribute(attributes, "Type");
    auto target = attribute(attributes, "Target");
    if (attribute(attributes, "Id") == sheet_id_) parts.sheet = part_path(target);
    if (type.ends_with("/styles")) parts.styles = part_path(target);
    if (type.ends_with("/sharedStrings")) parts.shared_strings = part_path(target);
  }

 private:
  std::string sheet_id_;
};

// True when a number format code shows a date: d, m or y outside quotes, brackets
// ([Red], [$-42A]) and escaped or padding characters.
bool is_date_code(std::string_view code) {
  bool quoted = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (quoted) {
      quoted = c != '"';
    } else if (c == '"') {
      quoted = true;
    } else if (c == '[') {
      i = std::min(code.find(']', i), code.size());
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (std::string_view("dDyY").find(c) != std::string_view::npos) {
      return true;  // an m alone may be minutes: "h:mm" is a time, not a date
    }
  }
  return false;
}

// Which cell styles (indexes of cellXfs) show dates.
class StylesHandler : public XmlHandler {
 public:
  void start(std::string_view name, const char** attributes) override {
    if (name == "numFmts") in_formats_ = true;
    if (name == "cellXfs") in_xfs_ = true;
    if (name == "numFmt" && in_formats_) {
      if (auto id = parse_number<int>(attribute(attributes, "numFmtId"))) {
        custom_[*id] = is_date_code(attribute(attributes, "formatCode"));
      }
    }
    if (name == "xf" && in_xfs_)
      xf_formats_.push_back(parse_number<int>(attribute(attributes, "numFmtId")).value_or(0));
  }
  void end(std::string_view name) override {
    if (name == "numFmts") in_formats_ = false;
    if (name == "cellXfs") in_xfs_ = false;
  }
  std::vector<bool> date_styles() const {
    std::vector<bool> dates;
    for (int id : xf_formats_) {
      auto custom = custom_.find(id);
      dates.push_back(custom != custom_.end()
                          ? custom->second
                          : (id >= 14 && id <= 17) || id == 22);  // 18–21 and 45–47 are times of day
    }
    return dates;
  }

 private:
  bool in_formats_ = false;
  bool in_xfs_ = false;
  std::map<int, bool> custom_;
  std::vector<int> xf_formats_;
};

// The text of <si> (or <is>): its <t> elements, phonetic runs (<rPh>) left out.
class RichText {
 public:
  void start(std::string_view name) {
    if (name == "rPh") in_phonetic_ = true;
    if (name == "t" && !in_phonetic_) in_text_ = true;
  }
  void end(std::string_view name) {
    if (name == "rPh") in_phonetic_ = false;
    if (name == "t") in_text_ = false;
  }
  void text(std::string_view s, CellText& into) const {
    if (in_text_) into.append(s);
  }

 private:
  bool in_phonetic_ = false;
  bool in_text_ = false;
};

class SharedStringsHandler : public XmlHandler {
 public:
  std::vector<std::string> strings;
  void start(std::string_view name, const char**) override {
    if (name == "si") current_.clear();
    rich_.start(name);
  }
  void end(std::string_view name) override {
    rich_.end(name);
    if (name != "si") return;
    strings.push_back(current_.finish());
    kept_ += strings.back().size() + sizeof(std::string);
    if (kept_ > kMaxSharedStringBytes) fail("xlsx_too_large", "sharedStrings");
  }
  void text(std::string_view s) override { rich_.text(s, current_); }

 private:
  RichText rich_;
  CellText current_;
  std::uint64_t kept_ = 0;
};

// ---- The worksheet ----

struct Context {
  const std::vector<std::string>& strings;
  const std::vector<bool>& date_styles;
  bool date1904 = false;
};

class SheetHandler : public XmlHandler {
 public:
  explicit SheetHandler(const Context& context) : context_(context) {}
  Sheet sheet;
  bool has_header = false;

  void start(std::string_view name, const char** attributes) override {
    if (name == "row") {
      row_ = parse_number<std::size_t>(attribute(attributes, "r")).value_or(row_ + 1);
      if (row_ > kExcelRows) fail("xlsx_invalid", "row " + std::to_string(row_));
      fields_.clear();
      next_column_ = 0;
    } else if (name == "c") {
      start_cell(attributes);
    } else if (name == "v") {
      in_value_ = true;
    } else if (name == "is") {
      in_inline_ = true;
    } else if (in_inline_) {
      rich_.start(name);
    }
  }
  void end(std::string_view name) override {
    if (name == "v") in_value_ = false;
    if (name == "is") in_inline_ = false;
    if (in_inline_) rich_.end(name);
    if (name == "c") end_cell();
    if (name == "row") end_row();
  }
  void text(std::string_view s) override {
    if (in_value_) value_.append(s);
    if (in_inline_) rich_.text(s, value_);
  }

 private:
  void start_cell(const char** attributes) {
    ref_ = attribute(attributes, "r");
    auto column = ref_.empty() ? std::optional(next_column_) : column_of(ref_);
    if (!column) fail("xlsx_invalid", ref_, static_cast<std::int64_t>(row_));
    column_ = *column;
    type_ = attribute(attributes, "t");
    style_ = parse_number<std::size_t>(attribute(attributes, "s")).value_or(0);
    value_.clear();
  }

  void end_cell() {
    next_column_ = column_ + 1;
    std::string text = cell_text();
    if (text.empty()) return;
    if (column_ >= kMaxColumns) fail("xlsx_too_many_columns", std::to_string(kMaxColumns), line());
    if (fields_.size() <= column_) fields_.resize(column_ + 1);
    fields_[column_] = std::move(text);
  }

  std::string cell_text() const {
    const std::string& raw = value_.raw();
    if (raw.empty()) return {};  // a styled empty cell, or a formula never calculated
    if (type_ == "s") {
      auto index = parse_number<std::size_t>(raw);
      if (!index || *index >= context_.strings.size()) fail("xlsx_invalid", cell_name(), line());
      return context_.strings[*index];
    }
    if (type_ == "inlineStr" || type_ == "str" || type_ == "e") return value_.finish();
    if (type_ == "b") return raw == "1" || raw == "true" ? "1" : "0";
    auto number = parse_number<double>(raw);
    if (!number || !std::isfinite(*number)) return value_.finish();  // "d" (ISO dates) and oddities
    if (style_ < context_.date_styles.size() && context_.date_styles[style_]) {
      auto date = excel_date(*number, context_.date1904);
      if (!date) fail("xlsx_bad_date", cell_name(), line());
      return *date;
    }
    return format_number(*number);
  }

  void end_row() {
    bool blank =
        std::all_of(fields_.begin(), fields_.end(), [](const std::string& f) { return text::clean(f).empty(); });
    if (blank) return;
    if (!has_header) {
      sheet.header = csv::Record{row_, std::move(fields_)};
      has_header = true;
      return;
    }
    if (sheet.rows.size() >= kMaxRows) fail("xlsx_too_many_rows", std::to_string(kMaxRows), line());
    if (fields_.size() < sheet.header.fields.size()) fields_.resize(sheet.header.fields.size());
    cells_ += fields_.size();
    if (cells_ > kMaxCells) fail("xlsx_too_large", std::to_string(kMaxCells) + " cells", line());
    for (const auto& f : fields_) kept_bytes_ += f.size() + sizeof(std::string);
    if (kept_bytes_ > kMaxKeptBytes) fail("xlsx_too_large", "256 MB", line());
    sheet.rows.push_back(csv::Record{row_, std::move(fields_)});
    fields_ = {};
  }

  std::int64_t line() const { return static_cast<std::int64_t>(row_); }
  std::string cell_name() const { return ref_.empty() ? std::to_string(column_ + 1) : ref_; }

  Context context_;
  std::size_t row_ = 0;
  std::size_t next_column_ = 0;
  std::size_t column_ = 0;
  std::string ref_;
  std::string type_;
  std::size_t style_ = 0;
  bool in_value_ = false;
  bool in_inline_ = false;
  RichText rich_;
  CellText value_;
  std::vector<std::string> fields_;
  std::size_t cells_ = 0;
  std::size_t kept_bytes_ = 0;
};

Parts find_parts(Archive& archive) {
  WorkbookHandler workbook;
  if (!parse_part(archive, "xl/workbook.xml", workbook)) fail("xlsx_invalid", "xl/workbook.xml");
  if (workbook.sheet_id.empty()) fail("xlsx_invalid", "sheet");
  RelationshipsHandler relationships(workbook.sheet_id);
  if (!parse_part(archive, "xl/_rels/workbook.xml.rels", relationships)) fail("xlsx_invalid", "workbook.xml.rels");
  if (relationships.parts.sheet.empty()) fail("xlsx_invalid", "sheet");
  relationships.parts.date1904 = workbook.date1904;
  return relationships.parts;
}

}  // namespace

Sheet read_xlsx(std::string_view bytes) {
  Archive archive(bytes);
  const Parts parts = find_parts(archive);
  StylesHandler styles;
  parse_part(archive, parts.styles, styles);  // optional: without it no cell is a date
  SharedStringsHandler strings;
  parse_part(archive, parts.shared_strings, strings);  // optional: inline strings only
  const std::vector<bool> date_styles = styles.date_styles();
  SheetHandler worksheet({strings.strings, date_styles, parts.date1904});
  if (!parse_part(archive, parts.sheet, worksheet)) fail("xlsx_invalid", parts.sheet);
  if (!worksheet.has_header) fail("required", {}, 1);  // as read_csv says it
  worksheet.sheet.encoding = "xlsx";
  return std::move(worksheet.sheet);
}

Sheet read_table(std::string_view bytes) {
  if (bytes.starts_with("PK\x03\x04")) return read_xlsx(bytes);
  if (bytes.starts_with("\xD0\xCF\x11\xE0")) fail("xls_unsupported");
  return read_csv(bytes);
}

}  // namespace antq::importkit
