// A commune's cameras as the sheet officers keep (the import's columns and words, so an
// export imports back unchanged), as CSV (UTF-8 with a BOM for Excel, d/m/yyyy dates) or
// .xlsx (real dates and numbers). The point stays in one "Tọa độ" text cell: a Vietnamese
// Excel would read "21.805656" in a cell of its own as a number with thousands separators.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include <boost/json.hpp>

#include "modules/cameras/internal.hpp"
#include "modules/cameras/repo.hpp"
#include "modules/cameras/service.hpp"
#include "modules/cameras/words.hpp"
#include "platform/error.hpp"
#include "platform/office/xlsx.hpp"
#include "platform/text/text.hpp"

namespace antq::cameras {
namespace {

std::string number(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : ""; }

// A camera's cells by column key; dates as 'YYYY-MM-DD' (each format writes its own).
std::map<std::string, std::string> cells_of(const CameraView& v, int n, const OwnerContact* owner) {
  const auto& c = v.camera;
  auto word = [](words::Column column, std::string_view code) { return std::string(words::words_for(column, code)); };
  std::map<std::string, std::string> cells{
      {"no", std::to_string(n)},
      {"code", c.code},
      {"village", v.village_name},
      {"owner_kind", word(words::Column::owner_kind, code_of(c.owner_kind))},
      {"place", c.place},
      {"point", fmt::format("{:.7f}, {:.7f}", c.point.lat, c.point.lon)},
      {"bearing", c.mounting.bearing_deg ? std::to_string(*c.mounting.bearing_deg) : ""},
      {"fov", std::to_string(c.mounting.fov_deg)},
      {"range_m", std::to_string(c.mounting.range_m)},
      {"camera_type", c.camera_type},
      {"resolution", c.resolution},
      {"night_vision", c.night_vision ? "Có" : "Không"},
      {"retention_days", std::to_string(c.retention_days)},
      {"storage", word(words::Column::storage, code_of(c.storage))},
      {"funding", word(words::Column::funding, code_of(c.funding))},
      {"cost_vnd", number(c.cost_vnd)},
      {"installed_on", c.installed_on.value_or("")},
      {"sharing", word(words::Column::sharing, code_of(c.sharing))},
      {"commitment_signed_on", c.commitment_signed_on.value_or("")},
      {"status", word(words::Column::status, code_of(c.status))},
      {"note", c.note}};
  if (owner)
    cells.insert({{"owner_name", owner->name}, {"owner_phone", owner->phone}, {"owner_address", owner->address}});
  return cells;
}

using internal::SheetColumn;

office::XlsxSheet sheet_of(const std::vector<const SheetColumn*>& columns,
                           const std::vector<std::map<std::string, std::string>>& rows) {
  office::XlsxSheet sheet;
  sheet.name = "Camera an ninh";
  for (const auto* c : columns) sheet.columns.push_back({c->spec.headers.front(), c->kind, c->width});
  for (const auto& cells : rows) {
    std::vector<std::string> record;
    for (const auto* c : columns) record.push_back(cells.at(c->spec.key));
    sheet.rows.push_back(std::move(record));
  }
  return sheet;
}

}  // namespace

std::string Service::export_sheet(const Actor& actor, const ExportOptions& options) const {
  internal::require(internal::may_manage(actor), "camera sheets are for commune officers and administrators");
  if (options.contacts && !actor.system && !actor.is(Role::officer)) {
    throw Error::forbidden("owners' contacts are for commune officers");
  }
  auto why = text::clean(options.reason);
  if (options.contacts && why.empty()) throw Error::field("reason", "required");
  if (text::length(why) > 500) throw Error::field("reason", "too_long");
  ListFilter filter;
  filter.unit_id = options.unit_id;
  filter.page_size = 1000000;
  auto page = list(actor, filter);
  std::vector<const SheetColumn*> columns;
  for (const auto& c : internal::sheet_layout()) {
    if (c.written && (options.contacts || !c.contact)) columns.push_back(&c);
  }
  std::vector<std::map<std::string, std::string>> rows;
  boost::json::array codes;
  for (const auto& v : page.items) {
    codes.emplace_back(v.camera.code);
    std::optional<OwnerContact> owner;
    if (options.contacts) owner = owner_of(v.camera.id);
    rows.push_back(cells_of(v, static_cast<int>(rows.size()) + 1, owner ? &*owner : nullptr));
  }
  auto sheet = sheet_of(columns, rows);
  auto out =
      options.format == SheetFormat::xlsx ? office::write_xlsx(sheet, office::scratch_dir()) : office::write_csv(sheet);
  db_.write([&](db::Tx& tx) {
    boost::json::object detail{{"cameras", rows.size()},
                               {"contacts", options.contacts},
                               {"format", options.format == SheetFormat::xlsx ? "xlsx" : "csv"}};
    if (options.contacts) detail["codes"] = std::move(codes);  // whose contacts were read
    audit_.record(tx, actor, "camera.export", "unit", options.unit_id ? std::to_string(*options.unit_id) : "",
                  boost::json::serialize(detail), why);
  });
  return out;
}

}  // namespace antq::cameras
