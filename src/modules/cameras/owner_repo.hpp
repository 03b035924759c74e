#pragma once
// The SQL of the owners' portal (migrations/0025_camera_portal.sql): consents, management
// codes, the cameras' installation secrets and the officer's confirmation.
#include <cstdint>
#include <optional>
#include <string>

#include "modules/cameras/model.hpp"
#include "platform/db/database.hpp"

namespace antq::cameras::owner_repo {

void insert_consent(db::Tx& tx, std::int64_t camera_id, const Consent& consent);
std::optional<Consent> consent(db::Tx& tx, std::int64_t camera_id);

// `lookup` is the value derived from the code (never the code).
void insert_manage_code(db::Tx& tx, std::int64_t camera_id, const std::string& lookup, std::int64_t now);
std::optional<std::int64_t> camera_of_code(db::Tx& tx, const std::string& lookup);

std::optional<std::string> secret(db::Tx& tx, const std::string& name);
void insert_secret(db::Tx& tx, const std::string& name, const std::string& value);

// Sets the flag (and moves the version on, so that an edit open meanwhile sees the change).
void set_confirmed(db::Tx& tx, std::int64_t camera_id, bool confirmed, std::int64_t now);

}  // namespace antq::cameras::owner_repo
