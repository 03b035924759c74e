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

// Parses a whole document. Throws std::invalid_argument naming the line on malformed
// quoting or invalid UTF-8.
std::vector<Record> parse(std::string_view document);

// Writes one record, quoting fields that need it, ending with CRLF.
std::string format_record(const std::vector<std::string>& fields);

}  // namespace antq::csv
