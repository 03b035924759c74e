// CSV import and export of units (part of units::Service).
#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include "modules/units/repo.hpp"
#include "modules/units/service.hpp"
#include "platform/csv/csv.hpp"
#include "platform/error.hpp"
#include "platform/importkit/importkit.hpp"
#include "platform/text/text.hpp"

namespace antq::units {
namespace {

// The columns of kCsvColumns with the headers officers write in Vietnamese.
const std::vector<importkit::ColumnSpec>& column_specs() {
  static const std::vector<importkit::ColumnSpec> specs{
      {"code", {"mã", "mã đơn vị", "mã số"}, true},
      {"name", {"tên", "tên đơn vị"}, true},
      {"kind", {"loại", "loại đơn vị", "cấp"}, true},
      {"designation", {"danh xưng", "tên gọi"}, false},
      {"parent_code", {"mã cấp trên", "mã đơn vị cấp trên", "đơn vị cấp trên"}, true},
      {"valid_from", {"từ ngày", "hiệu lực từ", "ngày thành lập"}, false},
      {"valid_to", {"đến ngày", "hiệu lực đến", "ngày kết thúc"}, false},
      {"remote", {"vùng sâu vùng xa", "vùng sâu, vùng xa", "xa xôi"}, false},
      {"note", {"ghi chú"}, false},
  };
  return specs;
}

// A date cell as 'YYYY-MM-DD', or as typed when it is not a date (the service then
// reports it as invalid_date, as it does for the API).
std::optional<std::string> date_cell(const std::string& cell) {
  if (cell.empty()) return std::nullopt;
  return importkit::parse_date(cell).value_or(cell);
}

// The column whose value a refusal of role or scope is about: the kind when the role may
// not manage it, else the unit itself (an existing one) or its parent (a new one).
std::string refused_column(const Actor& actor, const std::string& kind, bool existing) {
  auto k = kind_from_code(kind);
  if (k && !Service::may_manage(actor, *k)) return "kind";
  return existing ? "code" : "parent_code";
}

// The service's errors in the file's terms: parent_id is the parent_code column, and a
// refusal of scope or role is out_of_scope on the column that decided it.
void add_row_errors(std::vector<FieldError>& out, std::size_t line, const Error& e, const std::string& refused) {
  if (e.kind() == Error::Kind::forbidden) {
    out.push_back(importkit::line_error(line, refused, "out_of_scope"));
    return;
  }
  if (e.fields().empty()) {  // any other refusal still names its line
    out.push_back(importkit::line_error(line, e.kind() == Error::Kind::not_found ? "code" : "row",
                                        e.kind() == Error::Kind::not_found ? "not_found" : "invalid_format"));
    return;
  }
  for (const auto& f : e.fields()) {
    std::string field = f.field == "parent_id" ? "parent_code" : f.field;
    bool seen = std::any_of(out.begin(), out.end(), [&](const FieldError& o) {
      return o.line == static_cast<std::int64_t>(line) && o.field == field;
    });
    if (!seen) out.push_back(importkit::line_error(line, field, f.code, f.value_hint));
  }
}

// Thrown to roll a dry run back once every row was checked.
struct DryRunDone {};

}  // namespace

ImportResult Service::import_csv(const Actor& actor, std::string_view document, const ImportOptions& options) const {
  if (!actor.is(Role::admin) && !actor.is(Role::officer)) throw Error::forbidden("import needs admin or officer");
  auto sheet = importkit::read_csv(document);
  std::vector<FieldError> errors;
  importkit::Columns cols(column_specs(), sheet, errors);
  if (!errors.empty()) throw Error::csv(errors);

  ImportResult result;
  result.dry_run = options.dry_run;
  result.encoding = sheet.encoding;
  try {
    db_.write([&](db::Tx& tx) {
      for (std::size_t i = 0; i < sheet.rows.size(); ++i) {
        import_row(tx, actor, cols, sheet.rows[i], result, errors);
        if (options.progress) options.progress(i + 1, sheet.rows.size());
      }
      if (!errors.empty()) throw Error::csv(errors);  // rolls the whole import back
      if (options.dry_run) throw DryRunDone{};
    });
  } catch (const DryRunDone&) {
  }
  return result;
}

void Service::import_row(db::Tx& tx, const Actor& actor, const importkit::Columns& cols, const csv::Record& row,
                         ImportResult& result, std::vector<FieldError>& errors) const {
  const auto line = row.line;
  auto cell = [&](const char* key) { return cols.cell(row, key); };
  if (row.fields.size() != cols.width()) {
    errors.push_back(importkit::line_error(line, "row", "invalid_format", std::to_string(row.fields.size())));
    return;
  }
  const std::size_t errors_before = errors.size();
  auto remote = importkit::parse_flag(cell("remote"));
  if (!remote) errors.push_back(importkit::line_error(line, "remote", "invalid_format"));
  std::optional<Unit> parent;
  if (auto parent_code = cell("parent_code"); !parent_code.empty()) {
    parent = repo::by_code(tx, parent_code);  // earlier rows of this file are already written
    if (!parent) errors.push_back(importkit::line_error(line, "parent_code", "not_found", parent_code));
  }
  auto code = cell("code");
  auto existing = code.empty() ? std::nullopt : repo::by_code(tx, code);
  try {
    if (existing) {
      if (!actor.covers(existing->path)) throw Error::forbidden("unit outside scope");
      if (!kind_from_code(cell("kind")))
        throw Error::field("kind", cell("kind").empty() ? "required" : "unknown_value");
      UnitPatch patch;
      patch.name = cell("name");
      if (cols.has("designation")) patch.designation = cell("designation");
      if (cols.has("note")) patch.note = cell("note");
      if (cols.has("remote")) patch.remote = remote.value_or(existing->remote);
      if (cols.has("valid_from")) patch.valid_from = date_cell(cell("valid_from"));
      if (cols.has("valid_to")) {
        patch.valid_to = date_cell(cell("valid_to"));
        patch.clear_valid_to = !patch.valid_to;
      }
      if (parent) patch.parent_id = parent->id;  // an empty parent code keeps the parent
      update_in(tx, actor, *existing, patch, "csv");
      if (errors.size() == errors_before) ++result.updated;
    } else {
      NewUnit in{code,
                 cell("name"),
                 cell("kind"),
                 cell("designation"),
                 std::nullopt,
                 date_cell(cell("valid_from")),
                 remote.value_or(false),
                 cell("note"),
                 false};
      in.valid_to = date_cell(cell("valid_to"));
      if (parent) in.parent_id = parent->id;
      create_in(
          tx, actor, in, [&] { return parent; }, "csv");
      if (errors.size() == errors_before) ++result.created;
    }
  } catch (const Error& e) {
    add_row_errors(errors, line, e, refused_column(actor, cell("kind"), existing.has_value()));
  }
}

std::string Service::export_csv(const Actor& actor) const {
  std::vector<Unit> units;
  db_.read([&](db::Tx& tx) { units = repo::subtree(tx, actor.scope_path); });
  std::map<std::int64_t, std::string> codes;
  for (const auto& u : units) codes[u.id] = u.code;
  std::string out = "\xEF\xBB\xBF";  // Excel reads UTF-8 only with a BOM
  std::vector<std::string> header;
  for (const auto& spec : column_specs()) header.push_back(spec.key);
  out += csv::format_record(header);
  for (const auto& u : units) {
    std::string parent_code = u.parent_id && codes.count(*u.parent_id) ? codes[*u.parent_id] : "";
    out += csv::format_record({u.code, u.name, std::string(kind_code(u.kind)), u.designation, parent_code,
                               u.valid_from.value_or(""), u.valid_to.value_or(""), u.remote ? "1" : "0", u.note});
  }
  return out;
}

}  // namespace antq::units
