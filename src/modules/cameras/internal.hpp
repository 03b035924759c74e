#pragma once
// What the cameras service's files share (service.cpp defines them): the role rules, the
// next code, dates a year on, the names of the fields a change touched, and why a camera
// has no footage of a moment (search.cpp).
#include <boost/json.hpp>

#include <optional>
#include <set>
#include <string>

#include "modules/access.hpp"
#include "modules/cameras/model.hpp"
#include "modules/cameras/service.hpp"
#include "modules/units/model.hpp"
#include "platform/db/database.hpp"
#include "platform/importkit/importkit.hpp"
#include "platform/office/xlsx.hpp"
#include "platform/time/time.hpp"

namespace antq::cameras::internal {

constexpr time::Millis kDay = 24LL * 3600 * 1000;
constexpr time::Millis kClockSlack = 5LL * 60 * 1000;  // a phone's clock a little ahead

bool may_manage(const Actor& a);  // officers, administrators, the system
bool may_read(const Actor& a);    // the same and team members
// Error::forbidden(why) unless `allowed`.
void require(bool allowed, const char* why);
bool is_officer(const Actor& a);  // commune officers and the system
std::optional<std::int64_t> user_of(const Actor& a);
// The reasons beyond the view that keep a camera from having footage of `at` today: its
// status then, the footage overwritten by `now`, not shared (in Exclusion's order, after
// the view's). Sets the sighting's status_then and footage_kept_until too.
void add_footage_reasons(Sighting& s, std::optional<Status> status_then, time::Millis at, time::Millis now);
// 'YYYY-MM-DD' a number of whole years later (29 February becomes 28 February).
std::string years_later(const std::string& date, int years);
// A commune's free "<code>-CAM-NNNN" codes one after another, its counter read once and
// saved when asked (an import of many rows costs one counter read and write).
class CodeSequence {
 public:
  // `reserved`: codes about to be used that the database does not have yet (a sheet's).
  CodeSequence(db::Tx& tx, const units::Unit& commune, std::set<std::string> reserved = {});
  // For many codes (an import): reads every code taken with the commune's prefix once,
  // where next() otherwise asks the database about each code it makes.
  static CodeSequence for_many(db::Tx& tx, const units::Unit& commune, std::set<std::string> reserved);
  std::string next(db::Tx& tx);
  void save(db::Tx& tx) const;

 private:
  std::string prefix_;
  std::int64_t unit_id_ = 0;
  std::int64_t last_ = 0;
  std::set<std::string> reserved_;
  bool all_taken_known_ = false;  // reserved_ holds every code taken with the prefix
};
// The commune's next free "<code>-CAM-NNNN" (and its counter moved on).
std::string next_code(db::Tx& tx, const units::Unit& commune);
// One column of the camera sheet (sheet.cpp): its key and headers (the first is the one
// antq writes, the others those officers write, compared folded), and how the export
// writes it. The one list both the import and the export read.
struct SheetColumn {
  importkit::ColumnSpec spec;
  bool written = true;  // false: read only (Vĩ độ and Kinh độ: the export writes one Tọa độ)
  office::CellKind kind = office::CellKind::text;
  double width = 12;     // in an .xlsx, in characters
  bool contact = false;  // the owner's contact: written only when asked for, by officers
};
const std::vector<SheetColumn>& sheet_layout();
// The same columns as the import kit matches them.
const std::vector<importkit::ColumnSpec>& sheet_columns();
// A phone number as a sheet gives it, its leading 0 put back when Excel took it: typed
// as a number, 0912345678 becomes 912345678 (and an .xlsx keeps the number). All digits
// and 9 of them (a mobile: 0 and 9 digits; 084… is a mobile prefix too) or 10 starting
// with 2 (a landline: 02x and 8 digits) gain the 0; anything else stays as typed (0…,
// 84…/+84… with the country code, spaces, dots).
std::string sheet_phone(const std::string& cell);
// The names of the fields a change touched (what the audit keeps).
boost::json::array changed_fields(const Camera& a, const Camera& b);

}  // namespace antq::cameras::internal
