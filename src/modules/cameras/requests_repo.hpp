#pragma once
// The only place with SQL for footage requests (migrations/0022_footage_requests.sql).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/cameras/requests.hpp"
#include "platform/db/database.hpp"

namespace antq::cameras::requests_repo {

std::int64_t insert_request(db::Tx& tx, const Request& r, std::optional<std::int64_t> by);
void insert_task(db::Tx& tx, std::int64_t request_id, const Task& t);
// The commune's requests of a year so far (what numbers the next one).
std::int64_t count_in_year(db::Tx& tx, std::int64_t unit_id, const std::string& prefix);
// The request with its commune's name and its author's user name; no tasks.
std::optional<Request> request(db::Tx& tx, std::int64_t id);
std::vector<Task> tasks(db::Tx& tx, std::int64_t request_id, time::Millis now);
Page<Request> list(db::Tx& tx, const std::string& scope_path, const std::optional<std::string>& status, int page,
                   int page_size);
// The task and its request's id.
std::optional<std::pair<Task, std::int64_t>> task(db::Tx& tx, std::int64_t task_id, time::Millis now);
std::optional<std::pair<Task, std::int64_t>> task_by_link(db::Tx& tx, const std::string& link_hash, time::Millis now);
void set_link(db::Tx& tx, std::int64_t task_id, const std::string& link_hash, time::Millis expires_at);
// Records an outcome on a pending task (and ends its link); false when it was not pending.
bool set_outcome(db::Tx& tx, std::int64_t task_id, const Outcome& outcome, const std::string& answered_by,
                 time::Millis at);
// Closes the request and ends its links.
void close_request(db::Tx& tx, std::int64_t id, time::Millis at);
// The owner withdrew consent: the camera's pending tasks are withdrawn (links end).
void withdraw_tasks(db::Tx& tx, std::int64_t camera_id, time::Millis at);

}  // namespace antq::cameras::requests_repo
