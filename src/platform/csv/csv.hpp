#pragma once
// CSV (RFC 4180, as Excel saves it: UTF-8 with or without a BOM, CRLF or LF).
#include <string>
#include <string_view>
#include <vector>

namespace antq::csv {

struct Record {
  std::size_t line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

// Parses a whole document whose fields are separated by `separator` (',' ';' or '\t').
// Throws std::invalid_argument naming the line on malformed quoting or invalid UTF-8.
std::vector<Record> parse(std::string_view document, char separator = ',');

// The separator of a document as Excel saves it in the user's locale: whichever of
// ',', ';' and tab occurs most often outside quotes on the first line that is not blank
// (',' on a tie).
char detect_separator(std::string_view document);

// A cell a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a
// leading apostrophe, so that opening an export never runs what someone typed.
std::string escape_formula(std::string_view cell);
// The reverse, for an import of such an export: "'=SUM(A1)" -> "=SUM(A1)".
std::string unescape_formula(std::string_view cell);

// Writes one record, quoting fields that need it and escaping formulas, ending with CRLF.
std::string format_record(const std::vector<std::string>& fields);

}  // namespace antq::csv
