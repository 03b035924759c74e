#pragma once
// What the cameras service's files share (service.cpp defines them): the role rules, the
// next code, dates a year on, and the names of the fields a change touched.
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "modules/access.hpp"
#include "modules/cameras/model.hpp"
#include "modules/units/model.hpp"
#include "platform/db/database.hpp"
#include "platform/importkit/importkit.hpp"

namespace antq::cameras::internal {

bool may_manage(const Actor& a);  // officers, administrators, the system
bool may_read(const Actor& a);    // the same and team members
// Error::forbidden(why) unless `allowed`.
void require(bool allowed, const char* why);
std::optional<std::int64_t> user_of(const Actor& a);
// 'YYYY-MM-DD' a number of whole years later (29 February becomes 28 February).
std::string years_later(const std::string& date, int years);
// A commune's free "<code>-CAM-NNNN" codes one after another, its counter read once and
// saved when asked (an import of many rows costs one counter read and write).
class CodeSequence {
 public:
  CodeSequence(db::Tx& tx, const units::Unit& commune);
  std::string next(db::Tx& tx);
  void save(db::Tx& tx) const;

 private:
  std::string prefix_;
  std::int64_t unit_id_ = 0;
  std::int64_t last_ = 0;
};
// The commune's next free "<code>-CAM-NNNN" (and its counter moved on).
std::string next_code(db::Tx& tx, const units::Unit& commune);
// The columns of a camera sheet: their keys, the header antq writes (the first) and the
// others officers write (import.cpp; the export writes the same).
const std::vector<importkit::ColumnSpec>& sheet_columns();
// The names of the fields a change touched (what the audit keeps).
boost::json::array changed_fields(const Camera& a, const Camera& b);

}  // namespace antq::cameras::internal
