#include "platform/csv/csv.hpp"

#include <csv.h>

#include <stdexcept>

#include "platform/text/text.hpp"

namespace antq::csv {
namespace {

struct State {
  std::vector<Record> records;
  Record current;
  std::size_t line = 1;         // line at the current parser position
  std::size_t record_line = 1;  // line where the current record started
};

void on_field(void* data, size_t len, void* ctx) {
  auto* st = static_cast<State*>(ctx);
  st->current.fields.emplace_back(static_cast<const char*>(data), len);
}

void on_record(int, void* ctx) {
  auto* st = static_cast<State*>(ctx);
  st->current.line = st->record_line;
  st->records.push_back(std::move(st->current));
  st->current = Record{};
}

}  // namespace

std::vector<Record> parse(std::string_view document, char separator) {
  if (document.substr(0, 3) == "\xEF\xBB\xBF") document.remove_prefix(3);  // libcsv keeps the BOM
  if (!text::is_valid_utf8(document)) {
    std::size_t line = 1;
    for (std::size_t pos = 0; pos < document.size();) {
      auto end = document.find('\n', pos);
      auto stop = end == std::string_view::npos ? document.size() : end + 1;
      if (!text::is_valid_utf8(document.substr(pos, stop - pos))) break;
      ++line;
      pos = stop;
    }
    throw std::invalid_argument("line " + std::to_string(line) + ": the file is not UTF-8 text");
  }
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_APPEND_NULL | CSV_EMPTY_IS_NULL) != 0) {
    throw std::runtime_error("libcsv failed to initialise");
  }
  csv_set_opts(&parser, CSV_STRICT | CSV_STRICT_FINI);
  csv_set_delim(&parser, static_cast<unsigned char>(separator));
  State st;
  // Feed line by line so that records know the line they started on.
  std::size_t pos = 0;
  while (pos < document.size()) {
    std::size_t end = document.find('\n', pos);
    std::size_t stop = end == std::string_view::npos ? document.size() : end + 1;
    if (csv_parse(&parser, document.data() + pos, stop - pos, on_field, on_record, &st) != stop - pos) {
      std::string msg = "line " + std::to_string(st.line) + ": " + csv_strerror(csv_error(&parser));
      csv_free(&parser);
      throw std::invalid_argument(msg);
    }
    ++st.line;
    if (parser.pstate == 0) st.record_line = st.line;  // between rows: the next one starts here
    pos = stop;
  }
  if (csv_fini(&parser, on_field, on_record, &st) != 0) {
    std::string msg = "line " + std::to_string(st.record_line) + ": " + csv_strerror(csv_error(&parser));
    csv_free(&parser);
    throw std::invalid_argument(msg);
  }
  csv_free(&parser);
  return st.records;
}

char detect_separator(std::string_view document) {
  if (document.substr(0, 3) == "\xEF\xBB\xBF") document.remove_prefix(3);
  std::size_t commas = 0;
  std::size_t semicolons = 0;
  std::size_t tabs = 0;
  bool quoted = false;
  bool content = false;  // the line holds more than blanks and separators: the header
  for (char c : document) {
    if (c == '"') quoted = !quoted;
    if (quoted) {
      content = true;
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (content) break;
      commas = semicolons = tabs = 0;  // a blank line before the header
      continue;
    }
    commas += c == ',';
    semicolons += c == ';';
    tabs += c == '\t';
    content = content || (c != ',' && c != ';' && c != '\t' && c != ' ');
  }
  if (semicolons > commas && semicolons >= tabs) return ';';
  if (tabs > commas && tabs > semicolons) return '\t';
  return ',';
}

namespace {
bool formula_start(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }
}  // namespace

std::string escape_formula(std::string_view cell) {
  if (!cell.empty() && formula_start(cell.front())) return "'" + std::string(cell);
  return std::string(cell);
}

std::string unescape_formula(std::string_view cell) {
  if (cell.size() >= 2 && cell.front() == '\'' && formula_start(cell[1])) cell.remove_prefix(1);
  return std::string(cell);
}

std::string format_record(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out.push_back(',');
    const std::string f = escape_formula(fields[i]);
    auto is_blank = [](char c) { return c == ' ' || c == '\t'; };  // libcsv trims unquoted blanks
    bool quote =
        f.find_first_of(",\"\r\n") != std::string::npos || (!f.empty() && (is_blank(f.front()) || is_blank(f.back())));
    if (!quote) {
      out += f;
      continue;
    }
    out.push_back('"');
    for (char c : f) {
      if (c == '"') out.push_back('"');
      out.push_back(c);
    }
    out.push_back('"');
  }
  out += "\r\n";
  return out;
}

}  // namespace antq::csv
