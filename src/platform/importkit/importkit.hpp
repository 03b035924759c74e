#pragma once
// The import kit: tables as officers keep them in Excel with Vietnamese settings, read
// the same way by every import (units now; cameras and households next).
//
//   auto sheet = importkit::read_csv(bytes);            // UTF-8 or Windows-1258, , ; or tab
//   std::vector<FieldError> errors;
//   importkit::Columns cols(kSpecs, sheet, errors);      // "Mã", "Tên đơn vị" or "code", "name"
//   for (const auto& row : sheet.rows) cols.cell(row, "name");
//
// Errors carry the file's line numbers, so a dry run can list every bad row before
// anything is written.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/csv/csv.hpp"
#include "platform/error.hpp"

namespace antq::importkit {

// A table read from a file: its header and its data rows, in UTF-8 NFC.
struct Sheet {
  std::string encoding;  // "UTF-8" or "windows-1258"
  char separator = ',';
  csv::Record header;
  std::vector<csv::Record> rows;  // blank lines left out
};

// Reads a CSV file: UTF-8 with or without a BOM, otherwise Windows-1258 (converted);
// the separator detected from the header line. Throws Error::csv naming the line of
// broken quoting, and Error::csv {file: required} for a file with no header.
Sheet read_csv(std::string_view bytes);

// A column an import knows: its key (the English header antq writes) and the
// Vietnamese headers officers write for it, compared folded ("Mã đơn vị" = "ma don vi").
struct ColumnSpec {
  std::string key;
  std::vector<std::string> headers;
  bool required = false;
};

// Government sheets open with title rows ("CÔNG AN XÃ …", "DANH SÁCH CAMERA …") above
// the table. The header becomes the row, among the first kTitleRows, that names the most
// known columns (the first row unless another names more); the rows above it are
// dropped, and an .xlsx's rows are padded to its width. Lines stay the file's.
constexpr std::size_t kTitleRows = 10;
void find_header(Sheet& sheet, const std::vector<ColumnSpec>& specs);

// Where each known column stands in a sheet.
class Columns {
 public:
  // Reports on the header's line every column it does not know (unknown_column), every
  // column named twice (duplicate) and every required column missing (missing_column).
  Columns(const std::vector<ColumnSpec>& specs, const Sheet& sheet, std::vector<FieldError>& errors);
  bool has(std::string_view key) const;
  // The number of columns of the header: a row with another number is malformed.
  std::size_t width() const { return width_; }
  // The cell of `key` in `row`, trimmed and NFC, a formula escape undone; "" when the
  // column or the cell is absent.
  std::string cell(const csv::Record& row, std::string_view key) const;

 private:
  std::vector<std::pair<std::string, std::size_t>> positions_;
  std::size_t width_ = 0;
};

// A date as officers type it: d/m/yyyy or dd/mm/yyyy (also with '.' or '-') or
// yyyy-mm-dd, as 'YYYY-MM-DD'; nullopt unless it is a real date.
std::optional<std::string> parse_date(std::string_view text);

// Yes or no as officers write it: "", 0, không, no, false -> false; 1, có, x, yes,
// true -> true (folded); nullopt otherwise.
std::optional<bool> parse_flag(std::string_view text);

// An error of one row: the field (a column key), a code and the row's line.
FieldError line_error(std::size_t line, std::string field, std::string code, std::string hint = {});

}  // namespace antq::importkit
