#include "platform/office/xlsx.hpp"

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string_view>

#include "platform/csv/csv.hpp"
#include "platform/error.hpp"

namespace antq::office {
namespace {

constexpr double kDateWidth = 11;  // "dd/mm/yyyy" without Excel's ########
constexpr std::size_t kMaxSheetName = 31;
constexpr std::int64_t kMaxExactInteger = std::int64_t{1} << 53;  // a double holds it exactly

[[noreturn]] void fail(const std::string& what) { throw Error::internal("xlsx: " + what); }

void check(lxw_error error, const char* what) {
  if (error != LXW_NO_ERROR) fail(std::string(what) + ": " + lxw_strerror(error));
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

struct WorkbookFree {
  void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookFree>;

// The directory for libxlsxwriter's temporary files, private to this process's user.
void make_private_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir.parent_path(), ec);
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    fail("cannot create " + dir.string() + ": " + std::strerror(errno));
  if (!std::filesystem::is_directory(dir, ec)) fail(dir.string() + " is not a directory");
}

// Excel refuses []:*?/\ in a sheet name, an apostrophe at either end and over 31 characters.
std::string sheet_name(std::string_view name) {
  std::string out;
  std::size_t characters = 0;
  for (char c : name) {
    bool continuation = (static_cast<unsigned char>(c) & 0xC0) == 0x80;
    if (!continuation && ++characters > kMaxSheetName) break;
    out += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '-';
  }
  while (!out.empty() && out.front() == '\'') out.erase(0, 1);
  while (!out.empty() && out.back() == '\'') out.pop_back();
  return out.empty() ? "Sheet1" : out;
}

template <typename T>
std::optional<T> parse(std::string_view s) {
  T value{};
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return value;
}

std::optional<double> integer_value(std::string_view s) {
  auto n = parse<std::int64_t>(s);
  if (!n || *n > kMaxExactInteger || *n < -kMaxExactInteger) return std::nullopt;
  return static_cast<double>(*n);
}

std::optional<double> decimal_value(std::string_view s) {
  auto x = parse<double>(s);
  if (!x || !std::isfinite(*x)) return std::nullopt;
  return x;
}

// 'YYYY-MM-DD' within Excel's dates (1900 to 9999).
std::optional<lxw_datetime> date_value(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto y = parse<int>(s.substr(0, 4));
  auto m = parse<unsigned>(s.substr(5, 2));
  auto d = parse<unsigned>(s.substr(8, 2));
  if (!y || !m || !d || *y < 1900) return std::nullopt;
  if (!std::chrono::year_month_day{std::chrono::year{*y}, std::chrono::month{*m}, std::chrono::day{*d}}.ok()) {
    return std::nullopt;
  }
  lxw_datetime date{};
  date.year = *y;
  date.month = static_cast<int>(*m);
  date.day = static_cast<int>(*d);
  return date;
}

struct Formats {
  lxw_format* header;
  lxw_format* integer;
  lxw_format* decimal;
  lxw_format* date;
};

lxw_format* number_format(lxw_workbook* workbook, const char* code) {
  lxw_format* format = workbook_add_format(workbook);
  if (format == nullptr) fail("cannot add a format");
  format_set_num_format(format, code);
  return format;
}

Formats add_formats(lxw_workbook* workbook) {
  lxw_format* header = workbook_add_format(workbook);
  if (header == nullptr) fail("cannot add a format");
  format_set_bold(header);
  return {header, number_format(workbook, "#,##0"), number_format(workbook, "0.######"),
          number_format(workbook, "dd/mm/yyyy")};
}

// Writes one non-empty cell as its kind, or as text when it does not parse as one.
lxw_error write_cell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, CellKind kind, const std::string& value,
                     const Formats& formats) {
  if (kind == CellKind::integer) {
    if (auto n = integer_value(value)) return worksheet_write_number(sheet, row, col, *n, formats.integer);
  } else if (kind == CellKind::decimal) {
    if (auto x = decimal_value(value)) return worksheet_write_number(sheet, row, col, *x, formats.decimal);
  } else if (kind == CellKind::date) {
    if (auto date = date_value(value)) return worksheet_write_datetime(sheet, row, col, &*date, formats.date);
  }
  return worksheet_write_string(sheet, row, col, value.c_str(), nullptr);  // a string, never a formula
}

void fill_sheet(lxw_worksheet* sheet, const XlsxSheet& data, const Formats& formats) {
  if (data.columns.size() > LXW_COL_MAX) fail("too many columns");
  for (std::size_t c = 0; c < data.columns.size(); ++c) {
    const XlsxColumn& column = data.columns[c];
    auto col = static_cast<lxw_col_t>(c);
    check(worksheet_write_string(sheet, 0, col, column.header.c_str(), formats.header), "header");
    double width = column.width > 0 ? column.width : column.kind == CellKind::date ? kDateWidth : 0;
    if (width > 0) check(worksheet_set_column(sheet, col, col, width, nullptr), "column width");
  }
  worksheet_freeze_panes(sheet, 1, 0);
  for (std::size_t r = 0; r < data.rows.size(); ++r) {
    const auto& cells = data.rows[r];
    for (std::size_t c = 0; c < cells.size() && c < data.columns.size(); ++c) {
      if (cells[c].empty()) continue;
      auto row = static_cast<lxw_row_t>(r + 1);
      check(write_cell(sheet, row, static_cast<lxw_col_t>(c), data.columns[c].kind, cells[c], formats), "cell");
    }
  }
}

std::string read_all(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) fail(std::string("fstat: ") + std::strerror(errno));
  std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::pread(fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail(std::string("read: ") + std::strerror(errno));
    done += static_cast<std::size_t>(n);
  }
  return bytes;
}

}  // namespace

std::string write_csv(const XlsxSheet& sheet) {
  auto dmy = [](const std::string& date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return date;
    return date.substr(8, 2) + "/" + date.substr(5, 2) + "/" + date.substr(0, 4);
  };
  std::vector<std::string> record;
  for (const auto& c : sheet.columns) record.push_back(c.header);
  std::string out = "\xEF\xBB\xBF" + csv::format_record(record);
  for (const auto& row : sheet.rows) {
    record.clear();
    for (std::size_t i = 0; i < sheet.columns.size(); ++i) {
      std::string cell = i < row.size() ? row[i] : "";
      record.push_back(sheet.columns[i].kind == CellKind::date ? dmy(cell) : cell);
    }
    out += csv::format_record(record);
  }
  return out;
}

std::string write_xlsx(const XlsxSheet& sheet, const std::filesystem::path& tmpdir) {
  make_private_dir(tmpdir);
  // libxlsxwriter 1.1.4 writes only to a named file: a memory file keeps the workbook off disk.
  FileDescriptor file(::memfd_create("antq-xlsx", MFD_CLOEXEC));
  if (file.get() < 0) fail(std::string("memfd_create: ") + std::strerror(errno));
  const std::string path = "/proc/self/fd/" + std::to_string(file.get());
  std::string tmp = tmpdir.string();
  lxw_workbook_options options{};
  options.tmpdir = tmp.data();
  WorkbookPtr workbook(workbook_new_opt(path.c_str(), &options));
  if (!workbook) fail("cannot create a workbook");
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook.get(), sheet_name(sheet.name).c_str());
  if (worksheet == nullptr) fail("cannot add the sheet " + sheet.name);
  fill_sheet(worksheet, sheet, add_formats(workbook.get()));
  check(workbook_close(workbook.release()), "close");  // frees the workbook, even on error
  return read_all(file.get());
}

const std::filesystem::path& scratch_dir() {
  // Never destroyed, so that the exit handler below may still read it.
  static const auto* dir = [] {
    std::error_code ec;
    auto base = std::filesystem::is_directory("/dev/shm", ec) && access("/dev/shm", W_OK) == 0
                    ? std::filesystem::path("/dev/shm")
                    : std::filesystem::temp_directory_path();
    std::string pattern = (base / "antq-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw Error::internal("scratch directory: " + std::string(strerror(errno)));
    std::atexit([] { rmdir(scratch_dir().c_str()); });  // only when empty: nothing is lost
    return new std::filesystem::path(pattern);
  }();
  return *dir;
}

}  // namespace antq::office
