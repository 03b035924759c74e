// A commune's cameras as the sheet officers keep (the import's columns and words, so an
// export imports back unchanged): UTF-8 with a BOM for Excel, d/m/yyyy dates, the point in
// one "Tọa độ" cell (a Vietnamese Excel would read "21.805656" in a cell of its own as a
// number with thousands separators).
#include <fmt/format.h>

#include <boost/json.hpp>

#include "modules/cameras/internal.hpp"
#include "modules/cameras/repo.hpp"
#include "modules/cameras/service.hpp"
#include "modules/cameras/words.hpp"
#include "platform/csv/csv.hpp"
#include "platform/error.hpp"
#include "platform/text/text.hpp"

namespace antq::cameras {
namespace {

std::string dmy(const std::optional<std::string>& date) {
  if (!date || date->size() != 10) return "";
  return date->substr(8, 2) + "/" + date->substr(5, 2) + "/" + date->substr(0, 4);
}

std::string number(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : ""; }

}  // namespace

std::string Service::export_csv(const Actor& actor, std::optional<std::int64_t> unit_id, bool contacts,
                                std::string_view reason) const {
  internal::require(internal::may_manage(actor), "camera sheets are for commune officers and administrators");
  if (contacts && !actor.system && !actor.is(Role::officer)) {
    throw Error::forbidden("owners' contacts are for commune officers");
  }
  auto why = text::clean(std::string(reason));
  if (contacts && why.empty()) throw Error::field("reason", "required");
  if (text::length(why) > 500) throw Error::field("reason", "too_long");
  ListFilter filter;
  filter.unit_id = unit_id;
  filter.page_size = 1000000;
  auto page = list(actor, filter);
  std::vector<std::string> keys{"no",
                                "code",
                                "village",
                                "owner_kind",
                                "place",
                                "point",
                                "bearing",
                                "fov",
                                "range_m",
                                "camera_type",
                                "resolution",
                                "night_vision",
                                "retention_days",
                                "storage",
                                "funding",
                                "cost_vnd",
                                "installed_on",
                                "sharing",
                                "commitment_signed_on",
                                "status",
                                "note"};
  if (contacts) keys.insert(keys.begin() + 4, {"owner_name", "owner_phone", "owner_address"});
  std::vector<std::string> header;
  for (const auto& key : keys) {
    for (const auto& spec : internal::sheet_columns()) {
      if (spec.key == key) header.push_back(spec.headers.front());
    }
  }
  std::string out = "\xEF\xBB\xBF";
  out += csv::format_record(header);
  int n = 0;
  boost::json::array codes;
  for (const auto& v : page.items) {
    codes.emplace_back(v.camera.code);
    const auto& c = v.camera;
    std::vector<std::string> row{std::to_string(++n),
                                 c.code,
                                 v.village_name,
                                 std::string(words::words_for(words::Column::owner_kind, code_of(c.owner_kind))),
                                 c.place,
                                 fmt::format("{:.7f}, {:.7f}", c.point.lat, c.point.lon),
                                 c.mounting.bearing_deg ? std::to_string(*c.mounting.bearing_deg) : "",
                                 std::to_string(c.mounting.fov_deg),
                                 std::to_string(c.mounting.range_m),
                                 c.camera_type,
                                 c.resolution,
                                 c.night_vision ? "Có" : "Không",
                                 std::to_string(c.retention_days),
                                 std::string(words::words_for(words::Column::storage, code_of(c.storage))),
                                 std::string(words::words_for(words::Column::funding, code_of(c.funding))),
                                 number(c.cost_vnd),
                                 dmy(c.installed_on),
                                 std::string(words::words_for(words::Column::sharing, code_of(c.sharing))),
                                 dmy(c.commitment_signed_on),
                                 std::string(words::words_for(words::Column::status, code_of(c.status))),
                                 c.note};
    if (contacts) {
      auto o = owner_of(c.id);
      row.insert(row.begin() + 4, {o.name, o.phone, o.address});
    }
    out += csv::format_record(row);
  }
  db_.write([&](db::Tx& tx) {
    boost::json::object detail{{"cameras", n}, {"contacts", contacts}};
    if (contacts) detail["codes"] = std::move(codes);  // whose contacts were read
    audit_.record(tx, actor, "camera.export", "unit", unit_id ? std::to_string(*unit_id) : "",
                  boost::json::serialize(detail), why);
  });
  return out;
}

}  // namespace antq::cameras
