#pragma once
// Excel workbooks (.xlsx) for officers' lists, laid out for Vietnamese settings: a bold,
// frozen header row, dates shown dd/mm/yyyy and real dates underneath, so that Excel
// sorts and filters them.
//
//   office::XlsxSheet sheet{"Camera", {{"Mã", CellKind::text, 12}, {"Ngày lắp", CellKind::date}}, rows};
//   std::string bytes = office::write_xlsx(sheet, office::scratch_dir());
#include <filesystem>
#include <string>
#include <vector>

namespace antq::office {

enum class CellKind {
  text,     // written as given, never as a formula ("=1+1" stays text)
  integer,  // "1234567", shown "1,234,567" ("#,##0")
  decimal,  // "12.5" ('.' decimal point), shown "0.######"
  date      // "YYYY-MM-DD", a real Excel date shown "dd/mm/yyyy"
};

struct XlsxColumn {
  std::string header;
  CellKind kind = CellKind::text;
  double width = 0;  // in characters; 0: Excel's default (11 for dates, to fit dd/mm/yyyy)
};

struct XlsxSheet {
  std::string name;  // the tab; characters Excel refuses ([]:*?/\) become '-', cut to 31
  std::vector<XlsxColumn> columns;
  std::vector<std::vector<std::string>> rows;  // UTF-8, one string per column; short rows fine
};

// The bytes of a workbook holding one sheet: the header row, then the rows. Empty cells
// stay empty; a cell that does not parse for its column's kind is written as text. Cells
// beyond the columns are ignored.
// libxlsxwriter puts temporary files (the sheet's XML, so personal data) in `tmpdir`,
// which is created 0700 when missing; they are unlinked as soon as they are opened.
// Throws Error::internal when libxlsxwriter fails (e.g. a cell over 32,767 characters).
std::string write_xlsx(const XlsxSheet& sheet, const std::filesystem::path& tmpdir);

// The same sheet as a CSV file for a Vietnamese Excel: UTF-8 with a BOM, commas, dates
// d/m/yyyy (dd/mm/yyyy), every other cell as given.
std::string write_csv(const XlsxSheet& sheet);

// A private (0700) directory for the process's temporary files, made once: in /dev/shm
// (memory, so a sheet's personal data never reaches a disk) when there is one, else in
// the system's temporary directory; removed at exit when empty.
const std::filesystem::path& scratch_dir();

}  // namespace antq::office
