#pragma once
// Excel workbooks (.xlsx) read as the import kit's tables, so that officers can upload the
// file they keep instead of saving it as CSV first.
//
//   auto sheet = importkit::read_table(bytes);  // .xlsx or CSV, sniffed from the bytes
//   importkit::Columns cols(kSpecs, sheet, errors);
//
// The workbook is streamed out of the zip, never inflated whole, and refused beyond fixed
// limits, so that a zip bomb costs neither memory nor minutes.
#include <string_view>

#include "platform/importkit/importkit.hpp"

namespace antq::importkit {

// The first worksheet of an .xlsx file (the first <sheet> of xl/workbook.xml).
// - header: the first row with a non-blank cell; rows: the following non-blank rows.
// - Record.line: the Excel row number (1-based), so errors point at what officers see.
// - fields: UTF-8 NFC. A row holds its cells up to its last non-empty one, padded with ""
//   to the header's width (missing cells are ""); only data right of the header makes a
//   row wider than the header.
// - Numbers as typed: 12, 1234567, 0.3 (at most 15 significant digits, no exponent);
//   booleans "1"/"0"; errors as shown ("#N/A"); formulas by their cached value; a number
//   with a date format as "YYYY-MM-DD", plus " HH:MM" when it has a time of day (1900 and
//   1904 date systems).
// - encoding: "xlsx".
// Throws Error::csv with field "file" and one of these codes (hint: the part, cell or limit):
//   xlsx_invalid          not a zip, no workbook or worksheet, broken XML
//   xlsx_encrypted        an encrypted zip entry
//   xlsx_too_large        over 20 MB, 10,000 entries, or a part over 200 MB or 200:1 inflated
//   xlsx_too_many_rows    over 200,000 data rows (line: the first row over)
//   xlsx_too_many_columns a non-empty cell right of column 200 (line: its row)
//   xlsx_cell_too_long    a cell over 32,767 characters
//   xlsx_bad_date         a date cell that is no real date, e.g. Excel's 29/02/1900 (line: its row)
//   required              a sheet with no non-blank row
Sheet read_xlsx(std::string_view bytes);

// An uploaded table: .xlsx when the bytes start as a zip, CSV otherwise (read_csv).
// Throws Error::csv {file: xls_unsupported} for an old .xls or a password-protected .xlsx
// (both OLE files), which only Excel can open: save as .xlsx or CSV.
Sheet read_table(std::string_view bytes);

}  // namespace antq::importkit
