#pragma once
// SQL for paper mailboxes and their openings.
#include <optional>
#include <vector>

#include "modules/mailbox/boxes.hpp"
#include "platform/db/database.hpp"

namespace antq::mailbox::repo {

std::vector<Box> boxes(db::Tx& tx, const std::string& scope_path, std::optional<std::int64_t> unit_id);
std::optional<Box> box(db::Tx& tx, std::int64_t id);
std::int64_t insert_box(db::Tx& tx, const NewBox& box, std::int64_t now);
void update_box(db::Tx& tx, std::int64_t id, const std::string& place, bool active);

std::vector<Opening> openings(db::Tx& tx, std::int64_t box_id);
std::optional<Opening> opening(db::Tx& tx, std::int64_t id);
std::int64_t insert_opening(db::Tx& tx, std::int64_t box_id, std::int64_t opened_at, const std::string& people_json,
                            const NewOpening& o, std::int64_t recorded_by, std::int64_t now);
std::vector<OpeningLetter> letters(db::Tx& tx, std::int64_t opening_id);

}  // namespace antq::mailbox::repo
