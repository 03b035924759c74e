#pragma once
// What the community's services share and nobody else needs: the role rules of households
// (docs/architecture.md, "Community"), in one place for the API, the sheet and the pages.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include <boost/json.hpp>

#include "modules/access.hpp"
#include "modules/community/model.hpp"
#include "platform/error.hpp"

namespace antq::community::internal {

// Everybody but the auditor reads (reviewers without phones).
inline bool may_read(const Actor& a) { return a.system || !a.is(Role::auditor); }
// Officers, administrators and village teams keep households.
inline bool may_write(const Actor& a) {
  return a.system || a.is(Role::officer) || a.is(Role::admin) || a.is(Role::team_member);
}
// A registration tick and a consent withdrawn are what the village saw: officers and teams.
inline bool may_witness(const Actor& a) { return a.system || a.is(Role::officer) || a.is(Role::team_member); }
// Phones (and sheets with phones) are for commune officers.
inline bool may_read_phones(const Actor& a) { return a.system || a.is(Role::officer); }
// Sheets are imported and exported by officers and administrators.
inline bool may_use_sheets(const Actor& a) { return a.system || a.is(Role::officer) || a.is(Role::admin); }
// Officers and administrators keep security teams and their members; teams record patrols.
inline bool may_keep_teams(const Actor& a) { return a.system || a.is(Role::officer) || a.is(Role::admin); }
// Commune officers grade team members; reviewers and administrators read the gradings.
// Administrators keep the model types (data).
inline bool may_keep_types(const Actor& a) { return a.system || a.is(Role::admin); }
inline bool may_grade(const Actor& a) { return a.system || a.is(Role::officer); }
inline bool may_read_grades(const Actor& a) {
  return a.system || a.is(Role::officer) || a.is(Role::reviewer) || a.is(Role::admin);
}

inline void require(bool allowed, const char* why) {
  if (!allowed) throw Error::forbidden(why);
}

inline std::optional<std::int64_t> user_of(const Actor& a) {
  return a.system ? std::nullopt : std::optional<std::int64_t>(a.user_id);
}

// A date field as typed: a real date (else invalid_date), not after today (else
// in_future); nullopt when empty or bad.
std::optional<std::string> past_date(FieldErrors& errors, const char* field, const std::optional<std::string>& raw,
                                     const std::string& today);
// A date field that may lie ahead (an expiry): a real date or invalid_date.
std::optional<std::string> any_date(FieldErrors& errors, const char* field, const std::optional<std::string>& raw);
// A text field cleaned (NFC, trimmed), too_long past `max` characters.
std::string bounded(FieldErrors& errors, const char* field, const std::string& raw, std::size_t max);
// The days a list covers: `from`–`to` as typed (default the `default_days` before `to`, and
// today), at most a year (`from: range_too_long`), `from` not after `to` (`after_to`).
std::pair<std::string, std::string> listed_days(FieldErrors& errors, const std::optional<std::string>& from,
                                                const std::optional<std::string>& to, const std::string& today,
                                                int default_days);

// The names of the fields a change touched (what the audit keeps), "phone" for the phone.
boost::json::array changed_fields(const Household& before, const Household& after);

}  // namespace antq::community::internal
